import { describe, expect, it } from 'vitest';
import { runError } from '../run-error';
import { RunFailure } from '../run-error';
import { createHarness, type HarnessContext, type Target } from './harness';
import { addEvent, type XtpEvent, type XtpGroup } from './report';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The test plugin's Extism memory: blocks by index, as the SDK's CallContext keeps them. */
function memory(): HarnessContext & { text(addr: bigint): string } {
	const blocks: Uint8Array[] = [new Uint8Array(1)];
	const view = (b: Uint8Array) => ({ bytes: () => b, string: () => dec.decode(b) });
	return {
		store(data) {
			blocks.push(typeof data === 'string' ? enc.encode(data) : data.slice());
			return BigInt(blocks.length - 1);
		},
		read: (addr) => (blocks[Number(addr)] ? view(blocks[Number(addr)]) : null),
		text: (addr) => dec.decode(blocks[Number(addr)])
	};
}

/** A plugin under test with one function, `count`, that counts its calls on this instance. */
function targets(fail?: (fn: string) => Error | null) {
	const made: { closed: boolean }[] = [];
	const start = async (): Promise<Target> => {
		const me = { closed: false };
		made.push(me);
		let n = 0;
		return {
			async call(fn, input) {
				const err = fail?.(fn);
				if (err) throw err;
				n++;
				return { bytes: () => enc.encode(`${fn}#${n}(${dec.decode(input)})`) };
			},
			async close() {
				me.closed = true;
			}
		};
	};
	return { start, made };
}

function setup(opts: { fail?: (fn: string) => Error | null; arity?: 2 | 3 } = {}) {
	const events: XtpEvent[] = [];
	const t = targets(opts.fail);
	let clock = 0;
	const h = createHarness({
		start: t.start,
		input: enc.encode('mock!'),
		assertArity: opts.arity ?? 3,
		emit: (e) => events.push(e),
		// Each reading of the clock moves it on by 2 ms, so a call "takes" 2 ms.
		now: () => (clock += 2)
	});
	const mem = memory();
	const f = h.functions;
	const call = async (fn: string, input: string) =>
		mem.text((await f.call(mem, mem.store(fn), mem.store(input))) as bigint);
	return { h, f, mem, events, made: t.made, call };
}

describe('the xtp:test/harness functions', () => {
	it('call runs a function of the plugin under test and returns its output in test memory', async () => {
		const { call, events } = setup();
		expect(await call('count', 'a')).toBe('count#1(a)');
		expect(await call('count', 'b')).toBe('count#2(b)');
		expect(events).toEqual([
			{ type: 'call', fn: 'count', ms: 2, timed: false },
			{ type: 'call', fn: 'count', ms: 2, timed: false }
		]);
	});

	it('call and time are async functions, which the SDK suspends the test plugin for', () => {
		const { f } = setup();
		const AsyncFunction = (async () => {}).constructor;
		expect(f.call.constructor).toBe(AsyncFunction);
		expect(f.time.constructor).toBe(AsyncFunction);
		expect(f.assert.constructor).not.toBe(AsyncFunction);
	});

	it('time returns nanoseconds and records a timed call', async () => {
		const { f, mem, events } = setup();
		const ns = await f.time(mem, mem.store('count'), mem.store(''));
		expect(ns).toBe(2_000_000n);
		expect(events).toEqual([{ type: 'call', fn: 'count', ms: 2, timed: true }]);
	});

	it('mock_input gives the input', () => {
		const { f, mem } = setup();
		expect(mem.text(f.mock_input(mem) as bigint)).toBe('mock!');
	});

	it('assert reads name, outcome and reason', () => {
		const { f, mem, events } = setup();
		f.assert(mem, mem.store('ok'), 1n, mem.store('fine'));
		f.assert(mem, mem.store('bad'), 0n, mem.store('expected 3, got 4'));
		expect(events).toEqual([
			{ type: 'assert', name: 'ok', pass: true, reason: 'fine' },
			{ type: 'assert', name: 'bad', pass: false, reason: 'expected 3, got 4' }
		]);
	});

	it('the older two-argument assert has no reason', () => {
		const { f, mem, events } = setup({ arity: 2 });
		// A stray third value (garbage in the two-argument form) is not read as a reason.
		f.assert(mem, mem.store('ok'), 1n, mem.store('not a reason'));
		expect(events).toEqual([{ type: 'assert', name: 'ok', pass: true, reason: '' }]);
	});

	it('group and reset start a fresh instance (vars gone) and close the old one', async () => {
		const { f, mem, call, made, events } = setup();
		await call('count', '');
		f.group(mem, mem.store('second'));
		expect(await call('count', '')).toBe('count#1()');
		await call('count', '');
		f.reset(mem);
		expect(await call('count', '')).toBe('count#1()');
		expect(made).toHaveLength(3);
		await Promise.resolve();
		expect(made.map((m) => m.closed)).toEqual([true, true, false]);
		expect(events.filter((e) => e.type === 'group')).toEqual([{ type: 'group', name: 'second' }]);
	});

	it('a missing function is reported, gives empty output, and keeps the instance', async () => {
		const missing = (fn: string) =>
			fn === 'nope' ? new Error('Plugin error: function "nope" does not exist') : null;
		const { call, events, made } = setup({ fail: missing });
		await call('count', '');
		expect(await call('nope', '')).toBe('');
		expect(events[1]).toMatchObject({
			type: 'call',
			fn: 'nope',
			error: { kind: 'no-function', fn: 'nope' }
		});
		expect(await call('count', '')).toBe('count#2()');
		expect(made).toHaveLength(1);
	});

	it('a trap drops the instance, so the next call gets a fresh one', async () => {
		const trap = (fn: string) => (fn === 'boom' ? new Error('RuntimeError: unreachable') : null);
		const { call, events, made } = setup({ fail: trap });
		await call('count', '');
		await call('boom', '');
		expect(events[1]).toMatchObject({ error: { kind: 'trap', trap: 'unreachable' } });
		expect(await call('count', '')).toBe('count#1()');
		expect(made).toHaveLength(2);
	});

	it('a plugin under test that cannot start fails each call in words, and is tried again', async () => {
		const events: XtpEvent[] = [];
		let tries = 0;
		const h = createHarness({
			start: async () => {
				tries++;
				throw new RunFailure(runError({ kind: 'wasi-off' }, 'WASI is not enabled'));
			},
			input: new Uint8Array(),
			assertArity: 3,
			emit: (e) => events.push(e)
		});
		const mem = memory();
		const out = (await h.functions.call(mem, mem.store('count'), mem.store(''))) as bigint;
		expect(mem.text(out)).toBe('');
		await h.functions.call(mem, mem.store('count'), mem.store(''));
		expect(tries).toBe(2);
		expect(events.map((e) => e.type === 'call' && e.error?.kind)).toEqual(['wasi-off', 'wasi-off']);
	});

	it('finish closes the last instance', async () => {
		const { h, call, made } = setup();
		await call('count', '');
		await h.finish();
		expect(made[0].closed).toBe(true);
	});
});

describe('addEvent', () => {
	it('puts what comes before the first group outside any group, then by group', () => {
		const groups: XtpGroup[] = [];
		const evs: XtpEvent[] = [
			{ type: 'assert', name: 'early', pass: true, reason: '' },
			{ type: 'group', name: 'g1' },
			{ type: 'call', fn: 'f', ms: 1, timed: true },
			{ type: 'assert', name: 'late', pass: false, reason: 'why' }
		];
		for (const e of evs) addEvent(groups, e);
		expect(groups).toEqual([
			{ name: '', assertions: [{ name: 'early', pass: true, reason: '' }], calls: [] },
			{
				name: 'g1',
				assertions: [{ name: 'late', pass: false, reason: 'why' }],
				calls: [{ fn: 'f', ms: 1, timed: true }]
			}
		]);
	});
});
