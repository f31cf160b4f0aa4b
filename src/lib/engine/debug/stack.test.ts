import { describe, expect, it } from 'vitest';
import { debugFixture, trapStack } from '../testing/debug-fixtures';
import { parseWasmStack } from './stack';

describe('V8 (Chromium, Node)', () => {
	it('reads every wasm frame of a real Rust panic and drops the JavaScript ones', async () => {
		const stack = await trapStack(debugFixture('panic-legacy'), 'count');
		const wasmLines = stack.split('\n').filter((l) => l.includes('wasm://wasm/'));
		const { frames, offsets } = parseWasmStack(stack);
		// All of them: V8 would have kept 10 without a raised Error.stackTraceLimit.
		expect(frames.length).toBe(wasmLines.length);
		expect(frames.length).toBeGreaterThan(10);
		expect(offsets).toBe(true);
		expect(frames[0].name).toBe('__rust_start_panic');
		expect(frames.at(-1)?.name).toBe('count');
		expect(frames.some((f) => /^_ZN5panic5check17h[0-9a-f]{16}E$/.test(f.name ?? ''))).toBe(true);
		for (const [i, f] of frames.entries()) {
			expect(wasmLines[i]).toContain(
				`wasm-function[${f.funcIndex}]:0x${f.moduleOffset!.toString(16)}`
			);
		}
	});

	it('reads names with spaces and parentheses (C++) and frames without a name', () => {
		const stack = [
			'RuntimeError: unreachable',
			'    at geo::Box::area(int) const (wasm://wasm/c13dfed2:wasm-function[0]:0xa7)',
			'    at int geo::twice<int>(geo::Box const&, int) (wasm://wasm/c13dfed2:wasm-function[2]:0x18a)',
			'    at wasm://wasm/e7d632ae:wasm-function[12]:0x2B',
			'    at count (https://example.test/plugin.wasm:wasm-function[1]:0x12c)',
			'    at Plugin.call (file:///app/node_modules/@extism/extism/dist/worker.js:1:2)',
			'    at async handle (http://127.0.0.1:4173/_app/immutable/workers/plugin.worker.js:3:4)'
		].join('\n');
		expect(parseWasmStack(stack)).toEqual({
			offsets: true,
			frames: [
				{ funcIndex: 0, moduleOffset: 0xa7, name: 'geo::Box::area(int) const' },
				{ funcIndex: 2, moduleOffset: 0x18a, name: 'int geo::twice<int>(geo::Box const&, int)' },
				{ funcIndex: 12, moduleOffset: 0x2b },
				{ funcIndex: 1, moduleOffset: 0x12c, name: 'count' }
			]
		});
	});
});

describe('Firefox', () => {
	it('reads NAME@URL line N > WebAssembly.compile:wasm-function[N]:0xOFFSET', () => {
		const stack = [
			'__rust_start_panic@http://127.0.0.1:4173/_app/worker.js line 3 > WebAssembly.compile:wasm-function[130]:0x58cb',
			'_ZN5panic5check17h1f1598529760925fE@http://127.0.0.1:4173/_app/worker.js line 3 > WebAssembly.compile:wasm-function[29]:0xe4b',
			'wasm-function[7]@http://127.0.0.1:4173/_app/worker.js line 3 > WebAssembly.compile:wasm-function[7]:0x40',
			'count@http://127.0.0.1:4173/_app/worker.js line 3 > WebAssembly.instantiate:wasm-function[31]:0x1012',
			'call@http://127.0.0.1:4173/_app/worker.js:12:9',
			''
		].join('\n');
		expect(parseWasmStack(stack)).toEqual({
			offsets: true,
			frames: [
				{ funcIndex: 130, moduleOffset: 0x58cb, name: '__rust_start_panic' },
				{ funcIndex: 29, moduleOffset: 0xe4b, name: '_ZN5panic5check17h1f1598529760925fE' },
				{ funcIndex: 7, moduleOffset: 0x40 },
				{ funcIndex: 31, moduleOffset: 0x1012, name: 'count' }
			]
		});
	});
});

describe('WebKit', () => {
	it('reads NAME@<?>:wasm-function[N], which has no offset, and says offsets are missing', () => {
		const stack = [
			'abort@<?>:wasm-function[5]',
			'check_positive@<?>:wasm-function[3]',
			'<?>@<?>:wasm-function[2]',
			'count@[native code]',
			'call@http://127.0.0.1:4173/_app/worker.js:12:9'
		].join('\n');
		expect(parseWasmStack(stack)).toEqual({
			offsets: false,
			frames: [
				{ funcIndex: 5, name: 'abort' },
				{ funcIndex: 3, name: 'check_positive' },
				{ funcIndex: 2 }
			]
		});
	});
});

describe('no wasm frames', () => {
	it('gives an empty list for a JavaScript error, an empty stack or none', () => {
		for (const stack of ['Error: boom\n    at f (file:///x.js:1:1)', '', undefined])
			expect(parseWasmStack(stack)).toEqual({ frames: [], offsets: true });
	});
});

describe('our own trampoline frame', () => {
	it('is dropped, so it is not read against the plugin’s names by its index', () => {
		const stack = [
			'RuntimeError: unreachable',
			'    at inner (wasm://wasm/0a1b2c3d:wasm-function[1]:0x40)',
			'    at extism_playground_return_code (wasm://wasm/99aa88bb:wasm-function[1]:0x2f)',
			'    at ForegroundPlugin.callBlock (https://example.test/sdk.js:1:2)'
		].join('\n');
		expect(parseWasmStack(stack).frames).toEqual([
			{ funcIndex: 1, moduleOffset: 0x40, name: 'inner' }
		]);
	});
});
