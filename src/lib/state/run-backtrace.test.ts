import { describe, expect, it } from 'vitest';
import type { Backtrace, BacktraceFrame } from '$lib/engine/debug/backtrace';
import { RunBacktrace } from './run-backtrace';

const frame = (funcIndex: number, name: string, runtime: boolean): BacktraceFrame => ({
	funcIndex,
	name,
	rawName: name,
	moduleOffset: 100 + funcIndex,
	location: `wasm-function[${funcIndex}]@0x${(100 + funcIndex).toString(16)}`,
	runtime
});

const trace: Backtrace = {
	frames: [
		frame(0, 'core::panicking::panic', true),
		frame(1, 'core::panicking::panic_fmt', true),
		frame(2, 'plugin/inner', false),
		frame(3, 'abort', true),
		frame(4, 'plugin/count', false)
	],
	notes: []
};

describe('RunBacktrace', () => {
	it('folds runs of runtime frames into one group each, keeping the plugin’s frames apart', () => {
		const bt = new RunBacktrace(trace);
		expect(bt.groups.map((g) => [g.runtime, g.frames.map((f) => f.index)])).toEqual([
			[true, [0, 1]],
			[false, [2]],
			[true, [3]],
			[false, [4]]
		]);
	});

	it('links frames in the person’s file, never folds them, and copies their places', () => {
		const revealed: unknown[] = [];
		const bt = new RunBacktrace(trace, {
			file: 'plugin.ts',
			places: [undefined, undefined, { line: 2, column: 5 }, { line: 9, column: 1 }],
			reveal: (at) => revealed.push(at)
		});
		// `abort` sits in the person's file (their own abort handler): theirs, so not folded.
		expect(bt.groups.map((g) => g.runtime)).toEqual([true, false, false, false]);
		expect(bt.groups[1].frames[0].at).toEqual({ line: 2, column: 5 });
		expect(bt.text).toMatch(/plugin\/inner\n\s+at plugin\.ts:2:5\n/);
		bt.reveal({ line: 2, column: 5 });
		expect(revealed).toEqual([{ line: 2, column: 5 }]);
	});

	it('goes nowhere for a plugin not written here', () => {
		const bt = new RunBacktrace(trace);
		expect(() => bt.reveal({ line: 1, column: 1 })).not.toThrow();
		expect(bt.text).toMatch(/plugin\/inner\n\s+at wasm-function\[2\]@0x66\n/);
	});
});
