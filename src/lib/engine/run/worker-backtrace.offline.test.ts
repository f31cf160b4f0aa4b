// The backtrace's reading code is fetched on a call's first failure. When it cannot be (offline,
// a blocked chunk), the failure is still reported: without its frames, never with a new error.
import { describe, expect, it, vi } from 'vitest';
import { createBacktracer } from './worker-backtrace';

vi.mock('../debug/debug-module', () => {
	throw new TypeError('Failed to fetch dynamically imported module');
});

describe('createBacktracer without its reading code', () => {
	it('gives no backtrace, and does not throw', async () => {
		const backtraceOf = createBacktracer();
		// The smallest valid module: the backtracer never gets as far as reading it.
		const module = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
		const stack = 'RuntimeError: unreachable\n    at f (wasm://wasm/1:wasm-function[0]:0x20)';
		await expect(backtraceOf(stack, { module })).resolves.toBeUndefined();
	});
});
