import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import { MAX_PRINT_BYTES, printWat } from './print';
import { buildWat } from './wat';

const wabt = await wabtInit();

describe('View as WAT', () => {
	it('prints a module with its names, exports and imports', () => {
		const built = buildWat(
			wabt,
			`(module (import "extism:host/env" "input_length" (func $len (result i64)))
				(memory (export "memory") 1)
				(func $answer (export "answer") (result i32) i32.const 42))`
		);
		if (!built.ok) throw new Error(built.message);
		const r = printWat(wabt, built.bytes);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.truncated).toBe(false);
		expect(r.text).toContain('(import "extism:host/env" "input_length" (func $len');
		expect(r.text).toContain('(export "answer" (func $answer))');
		expect(r.text).toContain('i32.const 42');
	});

	it('refuses what is not wasm, and modules too large to print, in words', () => {
		const bad = printWat(wabt, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.message).toMatch(/^This module could not be shown as text: /);
		const big = printWat(wabt, new Uint8Array(MAX_PRINT_BYTES + 1));
		expect(big).toEqual({
			ok: false,
			message: 'This module is 4.0 MiB; modules over 4 MiB are not shown as text here.'
		});
	});
});
