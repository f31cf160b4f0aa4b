import { describe, expect, it } from 'vitest';
import { InstanceProbe, probeInstance, trampolineFor } from './return-codes';
import { compileWat } from '../testing/plugins';

const SRC = `(module (memory (export "memory") 2)
 (func (export "five") (result i32) (i32.const 5))
 (func (export "none"))
 (func (export "wide") (result i64) (i64.const 5))
 (func (export "boom") (result i32) unreachable))`;

describe('return codes', async () => {
	const module = await compileWat(SRC);

	it('makes a trampoline only for () → i32 exports', () => {
		const { exports } = new WebAssembly.Instance(module);
		const t = trampolineFor(exports.five)!;
		expect(t.f()).toBe(5);
		expect(t.rc.value).toBe(5);
		expect(t.done.value).toBe(1);
		expect(trampolineFor(exports.none)).toBeNull();
		expect(trampolineFor(exports.wide)).toBeNull();
		expect(trampolineFor(exports.memory)).toBeNull();
	});

	it('swaps only the main module’s instance while a plugin is made, then restores instantiate', async () => {
		const real = WebAssembly.instantiate;
		const other = await compileWat('(module (func (export "x")))');
		const { value, probe } = await probeInstance(module, async () => ({
			main: (await WebAssembly.instantiate(module)) as unknown as { exports: object },
			other: (await WebAssembly.instantiate(other)) as unknown as { exports: object }
		}));
		expect(WebAssembly.instantiate).toBe(real);
		expect(value.main).not.toBeInstanceOf(WebAssembly.Instance);
		expect(value.other).toBeInstanceOf(WebAssembly.Instance);
		expect(probe.memoryPages()).toBe(2);
		const exports = value.main.exports as Record<string, () => number>;
		probe.prepare('five');
		probe.begin();
		expect(probe.returnCode()).toBeNull();
		expect(exports.five()).toBe(5);
		expect(probe.returnCode()).toBe(5);
		probe.prepare('boom');
		probe.begin();
		expect(() => exports.boom()).toThrow(WebAssembly.RuntimeError);
		expect(probe.returnCode()).toBeNull();
	});

	it('gives nothing when no instance was seen', () => {
		const probe = new InstanceProbe();
		probe.prepare('five');
		probe.begin();
		expect(probe.returnCode()).toBeNull();
		expect(probe.memoryPages()).toBeNull();
	});
});
