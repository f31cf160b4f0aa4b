import { describe, expect, it } from 'vitest';
import { inspectWasm, type FailureReason, type InspectResult } from './inspect';
import {
	HEADER,
	PLUGIN_WAT,
	binary,
	func,
	I32,
	leb,
	random,
	section,
	str,
	wat
} from '../testing/wasm-builders';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function failure(result: InspectResult, reason: FailureReason): string {
	if (result.ok) throw new Error(`expected ${reason}, got a module`);
	expect(result.reason).toBe(reason);
	return result.message;
}

/** type () → i32, one function returning 0, exported as "run": a valid module to break. */
const TYPE = section(1, [1, ...func([], [I32])]);
const FUNCS = section(3, [1, 0]);
const EXPORT = section(7, [1, ...str('run'), 0, 0]);
const CODE = section(10, [1, 4, 0, 0x41, 0, 0x0b]);

describe('files that are not core modules', () => {
	it('empty', async () => {
		const result = await inspectWasm(new Uint8Array());
		expect(failure(result, 'empty')).toBe('The file is empty (0 bytes).');
		expect(result).toMatchObject({
			size: 0,
			sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		});
	});

	it('recognises what was loaded instead', async () => {
		const cases: [Uint8Array, RegExp][] = [
			[text('hello, world\n'), /looks like text/],
			[text('\n  <!DOCTYPE html><html><body>404 Not Found</body></html>'), /HTML/],
			[Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), /ZIP archive/],
			[
				text('{"wasm": [{"url": "https://example.com/plugin.wasm"}]}'),
				/JSON, maybe an Extism manifest/
			],
			[text('(module (func))'), /WebAssembly text format/],
			[Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /gzip/],
			[Uint8Array.from([0xff, 0xfe, 0x00, 0x01, 0x02]), /compiled \.wasm file/]
		];
		for (const [bytes, hint] of cases) {
			const message = failure(await inspectWasm(bytes), 'not-wasm');
			expect(message).toMatch(
				/^This is not a WebAssembly module: it does not start with the \\0asm magic bytes\. /
			);
			expect(message).toMatch(hint);
		}
	});

	it('component', async () => {
		const bytes = Uint8Array.from([
			0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x01, 0x02, 0x03
		]);
		expect(failure(await inspectWasm(bytes), 'component')).toBe(
			'This is a WebAssembly component, not a core module. Extism plugins are core modules: build with a current Extism PDK.'
		);
	});

	it('bad version', async () => {
		const bytes = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00, ...TYPE]);
		expect(failure(await inspectWasm(bytes), 'bad-version')).toMatch(/version 2\b/);
	});

	it('a header and nothing else', async () => {
		expect(failure(await inspectWasm(Uint8Array.from(HEADER)), 'empty')).toMatch(/only the 8-byte/);
	});
});

/** Every strict prefix of `bytes` must be reported as cut short. */
async function expectAllPrefixesTruncated(bytes: Uint8Array): Promise<void> {
	for (let n = 1; n < bytes.length; n++) {
		const result = await inspectWasm(bytes.subarray(0, n));
		// A bare header is a valid, empty module: it is refused as empty rather than truncated.
		const reason = n === 8 ? 'empty' : 'truncated';
		expect({ n, reason: result.ok ? 'ok' : result.reason }).toEqual({ n, reason });
		if (!result.ok && n !== 8)
			expect(result.message).toMatch(
				new RegExp(`^The module is truncated: it ends after ${n} bytes?, `)
			);
	}
}

describe('truncated modules', () => {
	it('every prefix of a compiled plugin', async () => {
		await expectAllPrefixesTruncated(await wat(PLUGIN_WAT));
	});

	it('every prefix of a module whose data section is announced by a data count section', async () => {
		const bytes = await wat(`(module (memory 1) (data $d "hello")
			(func (export "run") (result i32) (memory.init $d (i32.const 0) (i32.const 0) (i32.const 5)) (i32.const 0)))`);
		await expectAllPrefixesTruncated(bytes);
	});

	it('names the section and its declared size', async () => {
		const bytes = await wat(PLUGIN_WAT);
		// The last section of the plugin is the code section; cut it in the middle.
		const cut = bytes.length - 10;
		const message = failure(await inspectWasm(bytes.subarray(0, cut)), 'truncated');
		expect(message).toMatch(
			new RegExp(
				`^The module is truncated: it ends after ${cut.toLocaleString('en-US')} bytes, inside the code section, which should be [\\d,]+ bytes long\\. The download or copy was cut short\\.$`
			)
		);
		expect(failure(await inspectWasm(binary(TYPE, FUNCS, EXPORT)), 'truncated')).toMatch(
			/code section/
		);
		const custom = section(0, [...str('name'), 1, 2, 3, 4]);
		expect(
			failure(
				await inspectWasm(binary(TYPE, FUNCS, EXPORT, CODE, custom).subarray(0, -2)),
				'truncated'
			)
		).toMatch(/inside the custom section "name", which should be 9 bytes long/);
	});

	it('cannot tell a cut before an unannounced data section from a module without data', async () => {
		const bytes = await wat(
			`(module (memory 1) (data (i32.const 0) "hi") (func (export "run") (result i32) (i32.const 0)))`
		);
		const dataSection = section(11, [1, 0, 0x41, 0, 0x0b, ...str('hi')]);
		expect(bytes.subarray(-dataSection.length)).toEqual(Uint8Array.from(dataSection));
		expect((await inspectWasm(bytes.subarray(0, -dataSection.length))).ok).toBe(true);
	});
});

describe('malformed modules', () => {
	const cases: [string, Uint8Array, RegExp][] = [
		['unknown section id', binary(TYPE, section(14, [0])), /unknown section id 14/],
		[
			'sections out of order',
			binary(TYPE, EXPORT, FUNCS, CODE),
			/function section comes after the export section/
		],
		['duplicate section', binary(TYPE, TYPE, FUNCS, EXPORT, CODE), /more than one type section/],
		[
			'overlong number',
			Uint8Array.from([...HEADER, 1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
			/too long/
		],
		[
			'number too large',
			Uint8Array.from([...HEADER, 1, 0xff, 0xff, 0xff, 0xff, 0x7f]),
			/too large/
		],
		[
			'invalid UTF-8 name',
			binary(TYPE, FUNCS, section(7, [1, 2, 0xc3, 0x28, 0, 0]), CODE),
			/not valid UTF-8/
		],
		[
			'invalid custom section name',
			binary(section(0, [1, 0xff]), TYPE, FUNCS, EXPORT, CODE),
			/not valid UTF-8/
		],
		[
			'bad value type',
			binary(section(1, [1, 0x60, 1, 0x40, 0]), FUNCS, EXPORT, CODE),
			/unknown value type 0x40/
		],
		[
			'unknown type form',
			binary(section(1, [1, 0x61, 0, 0]), FUNCS, EXPORT, CODE),
			/unknown type form 0x61/
		],
		[
			'unknown import kind',
			binary(TYPE, section(2, [1, ...str('m'), ...str('f'), 7, 0])),
			/unknown kind 0x07/
		],
		['type index out of range', binary(TYPE, section(3, [1, 5]), EXPORT, CODE), /type index 5/],
		[
			'export out of range',
			binary(TYPE, FUNCS, section(7, [1, ...str('run'), 0, 9]), CODE),
			/refers to function 9/
		],
		[
			'duplicate export',
			binary(TYPE, FUNCS, section(7, [2, ...str('a'), 0, 0, ...str('a'), 0, 0]), CODE),
			/"a" twice/
		],
		['start out of range', binary(TYPE, FUNCS, EXPORT, section(8, [3]), CODE), /start function 3/],
		[
			'function and code counts differ',
			binary(TYPE, section(3, [2, 0, 0]), EXPORT, CODE),
			/2 functions but has 1 function body/
		],
		[
			'contents run past the section',
			binary(TYPE, section(2, [2, ...str('m'), ...str('f'), 0, 0]), FUNCS, EXPORT, CODE),
			/run past its declared size/
		],
		[
			'contents shorter than the section',
			binary(section(1, [1, ...func([], [I32]), 0]), FUNCS, EXPORT, CODE),
			/1 byte more than its contents need/
		],
		[
			'code that does not validate',
			binary(TYPE, FUNCS, EXPORT, section(10, [1, 3, 0, 0x6a, 0x0b])),
			/its code does not validate/
		]
	];
	cases.push(
		[
			'more parameters than browsers accept',
			binary(section(1, [1, 0x60, ...leb(1001), ...new Array<number>(1001).fill(I32), 0])),
			/declares 1,001 parameters at byte 13, more than the 1,000 browsers accept/
		],
		[
			'absurdly many sections',
			binary(...new Array<number[]>(100_001).fill(section(0, str('')))),
			/more than 100,000 sections/
		]
	);
	for (const [name, bytes, pattern] of cases)
		it(name, async () => {
			expect(failure(await inspectWasm(bytes), 'malformed')).toMatch(pattern);
		});

	it('the valid module these are built from passes', async () => {
		expect((await inspectWasm(binary(TYPE, FUNCS, EXPORT, CODE))).ok).toBe(true);
	});
});

describe('robustness', () => {
	const REASONS = ['empty', 'not-wasm', 'component', 'bad-version', 'truncated', 'malformed'];

	it('never throws on random bytes after the header', async () => {
		const rand = random(1);
		for (let i = 0; i < 1000; i++) {
			const body = Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256));
			const result = await inspectWasm(Uint8Array.from([...HEADER, ...body]));
			if (!result.ok) expect(REASONS).toContain(result.reason);
		}
	});

	it('never throws on a plugin with random bytes changed', async () => {
		const plugin = await wat(PLUGIN_WAT);
		const rand = random(2);
		for (let i = 0; i < 1000; i++) {
			const bytes = plugin.slice();
			for (let k = 1 + Math.floor(rand() * 3); k > 0; k--)
				bytes[8 + Math.floor(rand() * (bytes.length - 8))] = Math.floor(rand() * 256);
			const result = await inspectWasm(bytes);
			if (!result.ok) expect(REASONS).toContain(result.reason);
		}
	});

	it('accepts an ArrayBuffer or another view from untyped callers', async () => {
		const plugin = await wat(PLUGIN_WAT);
		const copy = plugin.slice();
		for (const input of [copy.buffer, new DataView(copy.buffer)])
			expect(await inspectWasm(input as unknown as Uint8Array)).toMatchObject({
				ok: true,
				size: plugin.length
			});
	});

	it('handles a module with 200,000 functions', async () => {
		const n = 200_000;
		const bytes = binary(
			section(1, [1, ...func([], [])]),
			section(3, [...leb(n), ...new Array<number>(n).fill(0)]),
			section(7, [1, ...str('last'), 0, ...leb(n - 1)]),
			section(10, [...leb(n), ...new Array<number[]>(n).fill([2, 0, 0x0b]).flat()])
		);
		expect(await inspectWasm(bytes)).toMatchObject({ ok: true, callable: ['last'] });
	});

	it('inspects a 100 MB module quickly, skipping bodies by size', async () => {
		const plugin = await wat(PLUGIN_WAT);
		const big = new Uint8Array(100 * 1024 * 1024);
		big.set(plugin);
		const payload = big.length - plugin.length - 1 - 4;
		big.set(
			[
				0,
				0x80 | (payload & 0x7f),
				0x80 | ((payload >> 7) & 0x7f),
				0x80 | ((payload >> 14) & 0x7f),
				payload >> 21
			],
			plugin.length
		);
		big.set(str('blob'), plugin.length + 5);
		// Skipped by its declared size, not read: a read would be far past this tiny buffer's end.
		const result = await inspectWasm(big);
		expect(result).toMatchObject({
			ok: true,
			size: big.length,
			callable: ['count_vowels', 'noop']
		});
	});
});
