// Host-function stubs, checked with the SDK's Node build on the fixture plugins
// (tests/fixtures/src/host_functions.wat, linked_*.wat, legacy_env.wat).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import createPlugin, { type Plugin } from '@extism/extism';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
	STUB_TEMPLATE,
	buildHostFunctions,
	describeStubs,
	type HostCall,
	type StubSpec
} from './host-stubs';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const fixture = (id: string) => readFileSync(`${ROOT}tests/fixtures/out/${id}.wasm`);

const USER = 'extism:host/user';
const kvGet = (code?: string): StubSpec => ({
	module: USER,
	name: 'kv.get',
	params: ['i64'],
	results: ['i64'],
	code
});
const clockMs = (code?: string): StubSpec => ({
	module: USER,
	name: 'clock_ms',
	params: [],
	results: ['i64'],
	code
});

const open: Plugin[] = [];
/** Loads host_functions with the given stubs; returns the plugin, the call log and the errors. */
async function withStubs(specs: StubSpec[]) {
	const calls: HostCall[] = [];
	const { functions, errors } = buildHostFunctions(specs, (call) => calls.push(call));
	const plugin = await createPlugin({ wasm: [{ data: fixture('host_functions') }] }, { functions });
	open.push(plugin);
	return { plugin, calls, errors };
}
const run = async (plugin: Plugin, input: string) => (await plugin.call('run', input))?.text();

// The plugins are compiled by vitest's global setup (scripts/vitest-setup.mjs).

afterAll(async () => {
	await Promise.all(open.map((plugin) => plugin.close()));
});

describe('default stubs', () => {
	it('let a plugin with host imports load and return zero', async () => {
		const { plugin, calls, errors } = await withStubs([kvGet(), clockMs()]);
		expect(errors).toEqual([]);
		expect(await run(plugin, 'abc')).toBe('kv.get=null;clock_ms=0');
		const handle = expect.stringMatching(/^[1-9]\d*$/);
		const ms = expect.any(Number);
		expect(calls).toEqual([
			{ module: USER, name: 'kv.get', args: [handle], result: '0', ms },
			{ module: USER, name: 'clock_ms', args: [], result: '0', ms }
		]);
		expect(calls.every((c) => c.ms >= 0)).toBe(true);
	});

	it('return nothing, 0 or 0n by result type', () => {
		const specs: StubSpec[] = [
			{ module: 'm', name: 'none', params: ['i32'], results: [] },
			{ module: 'm', name: 'i32', params: [], results: ['i32'] },
			{ module: 'm', name: 'f64', params: [], results: ['f64'] },
			{ module: 'm', name: 'i64', params: [], results: ['i64'] },
			{ module: 'm', name: 'pair', params: [], results: ['i32', 'i64'] }
		];
		const calls: HostCall[] = [];
		const { functions } = buildHostFunctions(specs, (c) => calls.push(c));
		const ctx = {} as never;
		expect(functions.m.none(ctx, 7)).toBeUndefined();
		expect(functions.m.i32(ctx)).toBe(0);
		expect(functions.m.f64(ctx)).toBe(0);
		expect(functions.m.i64(ctx)).toBe(0n);
		expect(functions.m.pair(ctx)).toEqual([0, 0n]);
		expect(calls.map((c) => [c.name, c.args, c.result])).toEqual([
			['none', ['7'], ''],
			['i32', [], '0'],
			['f64', [], '0'],
			['i64', [], '0'],
			['pair', [], '0, 0']
		]);
	});
});

describe('custom stubs', () => {
	it('change the output and log their calls', async () => {
		const { plugin, calls, errors } = await withStubs([
			kvGet(
				"const key = host.readText(args[0]);\nhost.log('key', key, { n: 1n });\nreturn host.json({ key });"
			),
			clockMs('return -1234567890123;')
		]);
		expect(errors).toEqual([]);
		expect(await run(plugin, 'héllo')).toBe('kv.get={"key":"héllo"};clock_ms=-1234567890123');
		expect(calls).toHaveLength(2);
		expect(calls[0].logs).toEqual(['key héllo {"n":"1"}']);
		expect(calls[0].result).toMatch(/^[1-9]\d*$/);
		expect(calls[1]).toMatchObject({ args: [], result: '-1234567890123' });
		expect(calls[1].logs).toBeUndefined();
	});

	it('accept a string of digits for i64 and return 0n as null', async () => {
		const { plugin } = await withStubs([
			kvGet('return 0n;'),
			clockMs("return '18446744073709551615';")
		]);
		// 2^64 - 1 is read back as its signed twin.
		expect(await run(plugin, 'x')).toBe('kv.get=null;clock_ms=-1');
	});

	it('the starting template runs as it is', async () => {
		const { plugin } = await withStubs([
			kvGet(STUB_TEMPLATE(kvGet())),
			clockMs(STUB_TEMPLATE(clockMs()))
		]);
		expect(await run(plugin, 'shout')).toBe('kv.get=SHOUT;clock_ms=0');
	});

	it('report a syntax error, and the function throws it when called', async () => {
		const { plugin, calls, errors } = await withStubs([kvGet('return host.text(;'), clockMs()]);
		expect(errors).toEqual([
			{
				module: USER,
				name: 'kv.get',
				message: "Stub for extism:host/user::kv.get has a syntax error: Unexpected token ';'"
			}
		]);
		await expect(plugin.call('run', 'a')).rejects.toThrow(errors[0].message);
		expect(calls).toEqual([
			expect.objectContaining({ name: 'kv.get', result: '', error: errors[0].message })
		]);
	});

	it('do not call a refused eval a syntax error', () => {
		// What a worker under a CSP without 'unsafe-eval' does (checked in Chromium on a page).
		const refuse =
			'Evaluating a string as JavaScript violates the following Content Security Policy';
		vi.stubGlobal(
			'Function',
			class {
				constructor() {
					throw new EvalError(refuse);
				}
			}
		);
		try {
			const { functions, errors } = buildHostFunctions([kvGet('return 1n;')], () => {});
			const message = `Stub for extism:host/user::kv.get could not be compiled: ${refuse}`;
			expect(errors.map((e) => e.message)).toEqual([message]);
			expect(() => functions[USER]['kv.get']({} as never, 1n)).toThrow(message);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('say when the returned value does not fit the result type', async () => {
		const { plugin, calls } = await withStubs([kvGet('return { ok: true };'), clockMs()]);
		const message =
			'Stub for extism:host/user::kv.get returned an object, but the function returns i64.';
		await expect(plugin.call('run', 'a')).rejects.toThrow(message);
		expect(calls[0].error).toBe(message);
	});

	it('let exceptions from the code fail the call and record them', async () => {
		const { plugin, calls } = await withStubs([
			kvGet(),
			clockMs("throw new Error('clock is broken');")
		]);
		await expect(plugin.call('run', 'a')).rejects.toThrow('clock is broken');
		expect(calls.map((c) => [c.name, c.result, c.error])).toEqual([
			['kv.get', '0', undefined],
			['clock_ms', '', 'clock is broken']
		]);
	});

	it.each([
		['i64', 'return 1.5;', 'returned the number 1.5, but the function returns i64.'],
		['i64', "return '12a';", 'returned the string "12a", but the function returns i64.'],
		[
			'i64',
			'return 2n ** 64n;',
			'returned the BigInt 18446744073709551616, but the function returns i64.'
		],
		['i64', 'return undefined;', 'returned undefined, but the function returns i64.'],
		['i32', "return 'x';", 'returned the string "x", but the function returns i32.'],
		['f64', 'return null;', 'returned null, but the function returns f64.'],
		[
			'i64',
			'return Promise.resolve(1n);',
			'returned a Promise, but the function returns i64. Stubs must return at once: async code is not supported.'
		]
	])('reject a %s result from `%s`', (type, code, tail) => {
		const spec: StubSpec = { module: 'm', name: 'f', params: [], results: [type], code };
		const { functions } = buildHostFunctions([spec], () => {});
		expect(() => functions.m.f({} as never)).toThrow(`Stub for m::f ${tail}`);
	});

	it('coerce numbers to the result type', () => {
		const specs: StubSpec[] = [
			{ module: 'm', name: 'i32', params: [], results: ['i32'], code: 'return 3.9;' },
			{ module: 'm', name: 'i32big', params: [], results: ['i32'], code: 'return 2n ** 32n + 5n;' },
			{ module: 'm', name: 'f32', params: [], results: ['f32'], code: 'return 0.1;' },
			{
				module: 'm',
				name: 'i64',
				params: ['i64', 'f64'],
				results: ['i64'],
				code: 'return args[0] * 2n;'
			},
			{ module: 'm', name: 'pair', params: [], results: ['i32', 'i64'], code: 'return [1, 2];' }
		];
		const calls: HostCall[] = [];
		const { functions } = buildHostFunctions(specs, (c) => calls.push(c));
		const ctx = {} as never;
		expect(functions.m.i32(ctx)).toBe(3);
		expect(functions.m.i32big(ctx)).toBe(5);
		expect(functions.m.f32(ctx)).toBe(Math.fround(0.1));
		expect(functions.m.i64(ctx, 21n, 0.5)).toBe(42n);
		expect(functions.m.pair(ctx)).toEqual([1, 2n]);
		expect(calls[3]).toMatchObject({ args: ['21', '0.5'], result: '42' });
		expect(() =>
			buildHostFunctions([{ ...specs[4], code: 'return 1;' }], () => {}).functions.m.pair(ctx)
		).toThrow(
			'Stub for m::pair returned the number 1, but the function returns (i32, i64). Return an array of 2 values.'
		);
	});

	it('treat blank code as a default stub', () => {
		const { functions } = buildHostFunctions([{ ...clockMs('  \n'), module: 'm' }], () => {});
		expect(functions.m.clock_ms({} as never)).toBe(0n);
	});
});

describe('specs the SDK would not use', () => {
	it('refuse kernel and WASI namespaces and v128, and flag duplicates', () => {
		const { functions, errors } = buildHostFunctions(
			[
				{ module: 'extism:host/env', name: 'alloc', params: ['i64'], results: ['i64'] },
				{ module: 'wasi_snapshot_preview1', name: 'fd_write', params: [], results: ['i32'] },
				{ module: 'm', name: 'simd', params: ['v128'], results: [] },
				clockMs(),
				clockMs('return 5n;')
			],
			() => {}
		);
		expect(errors.map((e) => e.message)).toEqual([
			'extism:host/env::alloc is provided by the Extism runtime and cannot be stubbed.',
			'wasi_snapshot_preview1::fd_write is provided by the Extism runtime and cannot be stubbed.',
			'm::simd uses v128, which JavaScript cannot pass, so it cannot be stubbed.',
			'extism:host/user::clock_ms is stubbed twice; the last stub is used.'
		]);
		expect(Object.keys(functions)).toEqual([USER]);
		expect(functions[USER].clock_ms({} as never)).toBe(5n);
	});
});

describe('describeStubs', () => {
	it('lists each stub and its kind', () => {
		const now: StubSpec = {
			module: 'env',
			name: 'now',
			params: [],
			results: ['i64'],
			code: 'return 1n;'
		};
		expect(describeStubs([kvGet(), now])).toBe(
			'Stubbed host functions: extism:host/user::kv.get (default), env::now (custom)'
		);
		expect(describeStubs([])).toBe('');
	});
});

describe('STUB_TEMPLATE', () => {
	const sig = (params: string[], results: string[]) => ({
		module: 'm',
		name: 'f',
		params,
		results
	});

	it('matches the signature', () => {
		expect(STUB_TEMPLATE(kvGet())).toBe(
			[
				'// extism:host/user::kv.get (i64) → (i64)',
				'// args holds the arguments (i64 as BigInt). host has readText, readJson, readBytes,',
				'// text, json, bytes (store a value, get its handle) and log.',
				'// args[0] is i64: often a memory handle (0 means none).',
				'// Return a handle, e.g.',
				'// return host.json({ ok: true });',
				"const input = host.readText(args[0]) ?? '';",
				'return host.text(input.toUpperCase());'
			].join('\n')
		);
		expect(STUB_TEMPLATE(sig([], ['i64']))).toMatch(/\nreturn 0n;$/);
		expect(STUB_TEMPLATE(sig(['i32', 'i64'], ['i32']))).toMatch(
			/args\[1\] is i64[^]*host\.readText\(args\[1\]\)[^]*\nreturn input\.length;$/
		);
		expect(STUB_TEMPLATE(sig(['i32'], []))).toMatch(/\nhost\.log\('called with', \.\.\.args\);$/);
		expect(STUB_TEMPLATE(sig([], ['f64', 'i64']))).toMatch(/\nreturn \[0, 0n\];$/);
	});

	it.each([
		[[], []],
		[['i64'], []],
		[['i32'], ['i32']],
		[['i64'], ['i32']],
		[[], ['i64']],
		[['i64', 'i64'], ['i64']],
		[[], ['f32']],
		[[], ['i32', 'i64', 'f64']]
	])('runs as it is for (%s) → (%s)', (params, results) => {
		const spec: StubSpec = { module: 'm', name: 'f', params, results };
		const code = STUB_TEMPLATE(spec);
		const stored: string[] = [];
		const ctx = {
			read: () => ({ text: () => 'hi' }),
			store: (s: string) => (stored.push(s), 99n)
		} as never;
		const { functions, errors } = buildHostFunctions([{ ...spec, code }], () => {});
		expect(errors).toEqual([]);
		const args = params.map((t) => (t === 'i64' ? 5n : 1));
		expect(() => functions.m.f(ctx, ...args)).not.toThrow();
	});
});

describe('linked modules and legacy plugins (SDK behaviour the stubs sit beside)', () => {
	const lib = () => ({ data: fixture('linked_lib'), name: 'lib' });
	const main = () => ({ data: fixture('linked_main'), name: 'main' });

	it('links a module by its manifest name', async () => {
		const plugin = await createPlugin({ wasm: [lib(), main()] }, {});
		open.push(plugin);
		expect(await run(plugin, '')).toBe('42');
	});

	it('names an unnamed last module "main"', async () => {
		const plugin = await createPlugin({ wasm: [lib(), { data: fixture('linked_main') }] }, {});
		open.push(plugin);
		expect(await run(plugin, '')).toBe('42');
	});

	it.each([
		// Lazy: the fixtures are built in beforeAll, after the test table is collected.
		['missing', () => [main()]],
		['under another name', () => [{ ...lib(), name: 'other' }, main()]]
	])('refuses the main module when lib is %s', async (_, wasm) => {
		await expect(createPlugin({ wasm: wasm() }, {})).rejects.toThrow(
			'from module "main": cannot resolve import "lib" "double": not provided by host imports nor linked manifest items'
		);
	});

	it('lets a stub stand in for a missing linked module', async () => {
		const spec: StubSpec = {
			module: 'lib',
			name: 'double',
			params: ['i32'],
			results: ['i32'],
			code: 'return args[0] * 3;'
		};
		const { functions } = buildHostFunctions([spec], () => {});
		const plugin = await createPlugin({ wasm: [main()] }, { functions });
		open.push(plugin);
		expect(await run(plugin, '')).toBe('63');
	});

	it('cannot load a pre-1.0 plugin that imports env.extism_*', async () => {
		await expect(createPlugin({ wasm: [{ data: fixture('legacy_env') }] }, {})).rejects.toThrow(
			'from module "main": cannot resolve import "env" "extism_input_length" ("env" is a host module, but does not contain "extism_input_length")'
		);
	});

	it('without stubs, names the first missing host function', async () => {
		await expect(createPlugin({ wasm: [{ data: fixture('host_functions') }] }, {})).rejects.toThrow(
			'from module "main": cannot resolve import "extism:host/user" "kv.get": not provided by host imports nor linked manifest items'
		);
		const { functions } = buildHostFunctions([kvGet()], () => {});
		await expect(
			createPlugin({ wasm: [{ data: fixture('host_functions') }] }, { functions })
		).rejects.toThrow(
			'cannot resolve import "extism:host/user" "clock_ms" ("extism:host/user" is a host module, but does not contain "clock_ms")'
		);
	});
});
