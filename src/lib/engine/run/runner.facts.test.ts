import { describe, expect, it } from 'vitest';
import { InProcessWorker } from '../testing/in-process-worker';
import { PluginRunner } from './runner';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { BYTE_FN, COUNTER_WAT, KERNEL, compileWat, counterFn } from '../testing/plugins';
import type { RunEvent } from './outcomes';

const enc = new TextEncoder();
const text = (b: Uint8Array | null | undefined) => (b ? new TextDecoder().decode(b) : null);

/** Returns 7 without setting an error; grows its memory by 2 pages on each call of "grow". */
const CODES_WAT = `(module ${KERNEL}
 (memory (export "memory") 1) ${BYTE_FN}
 (func (export "seven") (result i32) (i32.const 7))
 (func (export "minus") (result i32) (i32.const -2))
 (func (export "quiet"))
 (func (export "grow") (result i32) (drop (memory.grow (i32.const 2))) (i32.const 0))
)`;

describe('PluginRunner: what a call leaves behind', async () => {
	const counter = await compileWat(COUNTER_WAT);
	const codes = await compileWat(CODES_WAT);
	const input = new Uint8Array();
	const make = () => new PluginRunner(() => new InProcessWorker());
	const run = (runner: PluginRunner, module: WebAssembly.Module, fn: string, more = {}) =>
		runner.run({
			module,
			settings: DEFAULT_SETTINGS,
			input,
			timeoutMs: 0,
			fn,
			onEvent: () => {},
			...more
		});

	it('gives the i32 each export returns, which the SDK drops', async () => {
		const runner = make();
		const seven = await run(runner, codes, 'seven');
		// The SDK calls this a success with no output: only the code says otherwise.
		expect(seven.outcome).toMatchObject({ status: 'ok', output: null });
		expect(seven.facts?.returnCode).toBe(7);
		expect((await run(runner, codes, 'minus')).facts?.returnCode).toBe(-2);
		expect((await run(runner, counter, 'nothing')).facts?.returnCode).toBe(0);
	});

	it('gives no code for an export without a result, nor for a call that trapped', async () => {
		const runner = make();
		expect((await run(runner, codes, 'quiet')).facts?.returnCode).toBeNull();
		await run(runner, counter, 'count');
		const trap = await run(runner, counter, 'trap');
		expect(trap.outcome.status).toBe('error');
		expect(trap.facts?.returnCode).toBeNull();
	});

	it('keeps the code of a call that set an error', async () => {
		const fail = await run(make(), counter, 'fail');
		expect(fail.outcome).toMatchObject({ status: 'error', error: { kind: 'plugin-error' } });
		expect(fail.facts?.returnCode).toBe(1);
	});

	it('gives the last code of a repeat run', async () => {
		const src = `(module ${KERNEL} (memory (export "memory") 1) ${BYTE_FN}
		 ${counterFn('count')} (func (export "odd") (result i32) (i32.const 3)))`;
		const r = await run(make(), await compileWat(src), 'odd', { repeat: 5 });
		expect(r.outcome.status === 'ok' && r.outcome.times).toHaveLength(5);
		expect(r.facts?.returnCode).toBe(3);
	});

	it('says the memory after instantiation and after each call, so growth shows', async () => {
		const runner = make();
		const first = await run(runner, codes, 'grow');
		expect(first.loadedPages).toBe(1);
		expect(first.facts?.memoryPages).toBe(3);
		const second = await run(runner, codes, 'grow');
		expect(second.loadedPages).toBeUndefined();
		expect(second.facts?.memoryPages).toBe(5);
	});

	it('lists the vars the plugin set, after every call', async () => {
		const runner = make();
		const one = await run(runner, counter, 'count');
		expect(one.facts?.vars).toEqual([{ name: 'n', value: enc.encode('1') }]);
		const two = await run(runner, counter, 'count');
		expect(two.facts?.vars).toEqual([{ name: 'n', value: enc.encode('2') }]);
	});

	it('gives seed vars to a fresh instance and a person’s edits to the live one', async () => {
		const runner = make();
		const seeded = await run(runner, counter, 'count', {
			vars: { seed: [{ name: 'n', value: enc.encode('4') }], edits: [] }
		});
		expect(seeded.outcome.status === 'ok' && text(seeded.outcome.output)).toBe('5');
		const edited = await run(runner, counter, 'count', {
			vars: {
				seed: [{ name: 'n', value: enc.encode('4') }],
				edits: [
					{ name: 'n', value: enc.encode('7') },
					{ name: 'other', value: new Uint8Array([1, 2, 3, 4]) }
				]
			}
		});
		// The seed is for fresh instances only: the live one takes the edits.
		expect(edited.outcome.status === 'ok' && text(edited.outcome.output)).toBe('8');
		expect(edited.facts?.vars.map((v) => v.name)).toEqual(['n', 'other']);
		const deleted = await run(runner, counter, 'count', {
			vars: { seed: [], edits: [{ name: 'n', value: null }] }
		});
		expect(deleted.outcome.status === 'ok' && text(deleted.outcome.output)).toBe('1');
	});

	it('refuses a person’s var over the var limit, in the log, and still runs', async () => {
		const runner = make();
		const events: RunEvent[] = [];
		const r = await runner.run({
			module: counter,
			settings: { ...DEFAULT_SETTINGS, maxVarBytes: 4 },
			input,
			timeoutMs: 0,
			fn: 'count',
			onEvent: (e) => events.push(e),
			vars: { seed: [], edits: [{ name: 'big', value: new Uint8Array(5) }] }
		});
		expect(r.outcome.status).toBe('ok');
		expect(r.facts?.vars.map((v) => v.name)).toEqual(['n']);
		expect(events).toContainEqual({
			type: 'log',
			level: 'error',
			message: 'Var "big" not set: var memory limit exceeded: 5 bytes requested, 4 allowed.'
		});
	});

	it('fails the call as the SDK does when the plugin goes over the var limit', async () => {
		const limited = await make().run({
			module: counter,
			settings: { ...DEFAULT_SETTINGS, maxVarBytes: 4 },
			input,
			timeoutMs: 0,
			fn: 'count',
			onEvent: () => {},
			vars: { seed: [{ name: 'full', value: new Uint8Array(4) }], edits: [] }
		});
		expect(limited.outcome).toMatchObject({ status: 'error', error: { kind: 'var-limit' } });
		expect(limited.facts?.vars.map((v) => v.name)).toEqual(['full']);
	});
});
