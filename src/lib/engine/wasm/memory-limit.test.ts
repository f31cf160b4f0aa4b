import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import { capMemory } from './memory-limit';

async function wat(src: string): Promise<Uint8Array> {
	const wabt = await wabtInit();
	const m = wabt.parseWat('t.wat', src);
	try {
		return new Uint8Array(m.toBinary({}).buffer);
	} finally {
		m.destroy();
	}
}

/** grow: tries to grow memory by $n pages and returns memory.grow's answer. */
const GROW = (memory: string) => `(module
 (memory (export "memory") ${memory})
 (func (export "grow") (param $n i32) (result i32) (memory.grow (local.get $n))))`;

async function growBy(bytes: Uint8Array, pages: number): Promise<number> {
	const { instance } = await WebAssembly.instantiate(bytes as Uint8Array<ArrayBuffer>);
	return (instance.exports.grow as (n: number) => number)(pages);
}

describe('capMemory', () => {
	it('stops memory.grow past the limit for a memory without a maximum', async () => {
		const bytes = await wat(GROW('1'));
		expect(await growBy(bytes, 200)).toBe(1);
		const capped = capMemory(bytes, 100);
		expect(capped.ok && capped.changed).toBe(true);
		if (!capped.ok) return;
		expect(WebAssembly.validate(capped.bytes as Uint8Array<ArrayBuffer>)).toBe(true);
		expect(await growBy(capped.bytes, 200)).toBe(-1);
		expect(await growBy(capped.bytes, 99)).toBe(1);
	});

	it('keeps a smaller declared maximum and lowers a larger one', async () => {
		const small = capMemory(await wat(GROW('1 10')), 100);
		expect(small.ok && (await growBy(small.bytes, 10))).toBe(-1);
		const large = capMemory(await wat(GROW('1 5000')), 100);
		expect(large.ok && (await growBy(large.bytes, 150))).toBe(-1);
		expect(large.ok && (await growBy(large.bytes, 50))).toBe(1);
	});

	it('refuses a module whose memory starts above the limit, in words', async () => {
		const r = capMemory(await wat(GROW('2000')), 100);
		expect(r).toEqual({
			ok: false,
			message:
				'This module declares 2,000 pages (125 MiB) of memory at start, more than Max memory pages (100) allows. Raise Max memory pages or clear it.'
		});
	});

	it('leaves a module without memory as it is', async () => {
		const bytes = await wat('(module (func (export "f")))');
		expect(capMemory(bytes, 1)).toEqual({ ok: true, bytes, changed: false });
	});

	it('keeps the sections around the memory section intact', async () => {
		const bytes = await wat(GROW('1'));
		const capped = capMemory(bytes, 100);
		if (!capped.ok) throw new Error(capped.message);
		const names = (b: Uint8Array) =>
			WebAssembly.Module.exports(new WebAssembly.Module(b as Uint8Array<ArrayBuffer>));
		expect(names(capped.bytes)).toEqual(names(bytes));
		// The same flag byte, now with a maximum of 100: one LEB128 byte longer.
		expect(capped.bytes.length).toBe(bytes.length + 1);
	});
});
