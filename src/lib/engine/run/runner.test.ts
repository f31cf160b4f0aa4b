import { describe, expect, it, vi } from 'vitest';
import { InProcessWorker } from '../testing/in-process-worker';
import type { FromWorker } from './protocol';
import type { RunEvent } from './outcomes';
import { PluginRunner } from './runner';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { BYTE_FN, COUNTER_WAT, KERNEL, WASI_WAT, compileWat, counterFn } from '../testing/plugins';

function setup(hang = () => false) {
	const workers: InProcessWorker[] = [];
	const runner = new PluginRunner(() => {
		const w = new InProcessWorker(hang());
		workers.push(w);
		return w;
	});
	return { runner, workers };
}

const text = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);
const input = new Uint8Array();

describe('PluginRunner', async () => {
	const counter = await compileWat(COUNTER_WAT);
	const base = { module: counter, settings: DEFAULT_SETTINGS, input, timeoutMs: 0 };

	it('keeps one instance across runs, so vars persist, and Reset clears them', async () => {
		const { runner } = setup();
		const events: RunEvent[] = [];
		const first = await runner.run({ ...base, fn: 'count', onEvent: (e) => events.push(e) });
		expect(first.outcome).toMatchObject({ status: 'ok' });
		expect(first.instantiateMs).toBeTypeOf('number');
		const second = await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(second.instantiateMs).toBeUndefined();
		expect(second.outcome.status === 'ok' && text(second.outcome.output)).toBe('2');
		runner.reset();
		const third = await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(third.outcome.status === 'ok' && text(third.outcome.output)).toBe('1');
		expect(events).toEqual([{ type: 'log', level: 'warn', message: '1' }]);
	});

	it('makes a fresh instance when settings change', async () => {
		const { runner, workers } = setup();
		await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		const changed = { ...DEFAULT_SETTINGS, config: { a: 'b' } };
		expect(runner.hasInstanceFor({ module: counter, settings: changed })).toBe(false);
		const r = await runner.run({ ...base, settings: changed, fn: 'count', onEvent: () => {} });
		expect(r.outcome.status === 'ok' && text(r.outcome.output)).toBe('1');
		expect(r.instantiateMs).toBeTypeOf('number');
		// The idle worker takes the new instance; no worker is started or thrown away for it.
		expect(workers[0].terminated).toBe(false);
		expect(workers[0].received.filter((m) => m.type === 'load')).toHaveLength(2);
	});

	it('tells its listener whenever busy or the live instance changes', async () => {
		const seen: { busy: boolean; live: boolean }[] = [];
		const spec = { module: counter, settings: DEFAULT_SETTINGS };
		const runner: PluginRunner = new PluginRunner(
			() => new InProcessWorker(),
			() => seen.push({ busy: runner.busy, live: runner.hasInstanceFor(spec) })
		);
		await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		// Busy loading, idle, live after the load; busy calling, then idle with the instance live.
		expect(seen.at(-1)).toEqual({ busy: false, live: true });
		expect(seen.some((s) => s.busy)).toBe(true);
		const before = seen.length;
		runner.reset();
		expect(seen.slice(before)).toEqual([{ busy: false, live: false }]);
	});

	it('filters logs below the chosen level', async () => {
		const { runner } = setup();
		const events: RunEvent[] = [];
		const settings = { ...DEFAULT_SETTINGS, logLevel: 'error' as const };
		await runner.run({ ...base, settings, fn: 'count', onEvent: (e) => events.push(e) });
		expect(events).toEqual([]);
	});

	it('reports a plugin error and keeps the instance', async () => {
		const { runner } = setup();
		await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		const r = await runner.run({ ...base, fn: 'fail', onEvent: () => {} });
		expect(r.outcome).toMatchObject({
			status: 'error',
			phase: 'call',
			error: { kind: 'plugin-error', text: '!', message: 'Plugin-originated error: !' }
		});
		expect(r.discarded).toBe(false);
		const again = await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(again.outcome.status === 'ok' && text(again.outcome.output)).toBe('2');
	});

	it('discards the instance after a trap', async () => {
		const { runner } = setup();
		await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		const r = await runner.run({ ...base, fn: 'trap', onEvent: () => {} });
		expect(r.outcome).toMatchObject({ status: 'error', phase: 'call' });
		expect(r.outcome.status === 'error' && r.outcome.error).toMatchObject({
			kind: 'trap',
			trap: 'unreachable'
		});
		expect(r.discarded).toBe(true);
		const again = await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(again.outcome.status === 'ok' && text(again.outcome.output)).toBe('1');
	});

	it('returns null output for a function that sets none', async () => {
		const { runner } = setup();
		const r = await runner.run({ ...base, fn: 'nothing', onEvent: () => {} });
		expect(r.outcome).toMatchObject({ status: 'ok', output: null });
	});

	it('reports a missing function without discarding the instance', async () => {
		const { runner } = setup();
		const r = await runner.run({ ...base, fn: 'nope', onEvent: () => {} });
		expect(r.outcome.status === 'error' && r.outcome.error).toMatchObject({
			kind: 'no-function',
			fn: 'nope'
		});
		expect(r.discarded).toBe(false);
	});

	it('reports a load failure: a WASI module with WASI off', async () => {
		const { runner } = setup();
		const wasi = await compileWat(WASI_WAT);
		const r = await runner.run({ ...base, module: wasi, fn: 'run', onEvent: () => {} });
		expect(r.outcome).toMatchObject({ status: 'error', phase: 'load' });
		expect(r.outcome.status === 'error' && r.outcome.error.kind).toBe('wasi-off');
		const on = { ...DEFAULT_SETTINGS, wasi: true };
		const ok = await runner.run({
			...base,
			module: wasi,
			settings: on,
			fn: 'run',
			onEvent: () => {}
		});
		expect(ok.outcome).toMatchObject({ status: 'ok' });
	});

	it('stops a call that never returns by terminating its worker', async () => {
		let hangNext = false;
		const { runner, workers } = setup(() => hangNext);
		hangNext = true;
		runner.warm();
		hangNext = false;
		const pending = runner.run({ ...base, fn: 'count', onEvent: () => {} });
		await workers[0].posted('call');
		expect(runner.busy).toBe(true);
		expect(runner.stop()).toBe(true);
		const r = await pending;
		expect(r.outcome).toMatchObject({ status: 'stopped', error: { kind: 'stopped' } });
		expect(r.discarded).toBe(true);
		expect(workers[0].terminated).toBe(true);
		const next = await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(next.outcome.status === 'ok' && text(next.outcome.output)).toBe('1');
		expect(runner.stop()).toBe(false);
	});

	it('times out a call that never returns, on a timer of the given length', async () => {
		// The timer's length is checked, not the machine's clock, which a loaded CPU can stretch.
		const timers = vi.spyOn(globalThis, 'setTimeout');
		try {
			const { runner, workers } = setup(() => true);
			const pending = runner.run({ ...base, timeoutMs: 100, fn: 'count', onEvent: () => {} });
			await workers[0].posted('call');
			expect(timers).toHaveBeenCalledWith(expect.any(Function), 100);
			expect((await pending).outcome).toMatchObject({
				status: 'timeout',
				error: { kind: 'timeout', ms: 100 }
			});
			expect(workers[0].terminated).toBe(true);
		} finally {
			timers.mockRestore();
		}
	});

	it('forwards HTTP events during a call without ending it', async () => {
		const { runner, workers } = setup(() => true);
		const events: RunEvent[] = [];
		const pending = runner.run({ ...base, fn: 'count', onEvent: (e) => events.push(e) });
		const w = workers[0];
		const call = await w.posted('call');
		const deliver = (data: FromWorker) => w.onmessage?.({ data } as MessageEvent<FromWorker>);
		const event = { req: 1, method: 'POST', url: 'https://a/', state: 'pending' as const, ms: 0 };
		deliver({ type: 'http', id: call.id, event });
		expect(runner.busy).toBe(true);
		deliver({ type: 'result', id: call.id, output: null, ms: 1 });
		expect((await pending).outcome).toMatchObject({ status: 'ok' });
		expect(events).toEqual([{ type: 'http', event }]);
	});

	it('lets the latest run win over one still running', async () => {
		let hang = true;
		const { runner, workers } = setup(() => hang);
		runner.warm();
		hang = false;
		const first = runner.run({ ...base, fn: 'count', onEvent: () => {} });
		await workers[0].posted('call');
		const second = runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect((await first).outcome).toEqual({ status: 'superseded' });
		const r = await second;
		expect(r.outcome.status === 'ok' && text(r.outcome.output)).toBe('1');
	});

	it('repeats a call on one instance in one job: vars persist, the last output wins', async () => {
		const { runner, workers } = setup();
		const events: RunEvent[] = [];
		const r = await runner.run({ ...base, fn: 'count', repeat: 5, onEvent: (e) => events.push(e) });
		expect(r.outcome.status === 'ok' && text(r.outcome.output)).toBe('5');
		const times = r.outcome.status === 'ok' ? r.outcome.times : undefined;
		expect(times).toHaveLength(5);
		expect(times!.every((t) => t >= 0)).toBe(true);
		expect(r.outcome.status === 'ok' && r.outcome.callMs).toBe(times![4]);
		expect(workers[0].received.filter((m) => m.type === 'call')).toHaveLength(1);
		expect(events.map((e) => e.type === 'log' && e.message)).toEqual(['1', '2', '3', '4', '5']);
		const next = await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(next.outcome.status === 'ok' && text(next.outcome.output)).toBe('6');
		expect(next.outcome.status === 'ok' && next.outcome.times).toBeUndefined();
	});

	it('stops a repeat at the first error and says how many calls succeeded', async () => {
		const { runner } = setup();
		const failsAt3 = await compileWat(FAIL_AT_3_WAT);
		const r = await runner.run({
			...base,
			module: failsAt3,
			fn: 'tick',
			repeat: 10,
			onEvent: () => {}
		});
		expect(r.outcome).toMatchObject({
			status: 'error',
			phase: 'call',
			error: { kind: 'plugin-error', text: '3' },
			succeeded: 2
		});
		expect(r.outcome.status === 'error' && r.outcome.times).toHaveLength(2);
		expect(r.discarded).toBe(false);
	});

	it('never reuses a worker that ran custom stub code', async () => {
		const { runner, workers } = setup();
		const custom = [
			{ module: 'extism:host/user', name: 'unused', params: [], results: [], code: 'return;' }
		];
		const plain = await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(plain.outcome.status).toBe('ok');
		const plainWorker = workers.find((w) => w.received.length > 0)!;
		// A plain instance's idle worker takes the next instance: starting a worker costs more.
		runner.reset();
		await runner.run({ ...base, stubs: custom, fn: 'count', onEvent: () => {} });
		expect(plainWorker.received.filter((m) => m.type === 'load')).toHaveLength(2);
		expect(plainWorker.terminated).toBe(false);
		// Its code may have patched the worker's globals: it goes with its instance.
		runner.reset();
		expect(plainWorker.terminated).toBe(true);
		const after = await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(after.outcome.status === 'ok' && text(after.outcome.output)).toBe('1');
		expect(plainWorker.received.filter((m) => m.type === 'load')).toHaveLength(2);
		// A changed setup (here: stubs dropped) also ends it, without a Reset.
		await runner.run({ ...base, stubs: custom, fn: 'count', onEvent: () => {} });
		const customWorker = workers.filter((w) => !w.terminated).find((w) => w.received.length > 1)!;
		await runner.run({ ...base, fn: 'count', onEvent: () => {} });
		expect(customWorker.terminated).toBe(true);
	});

	it('carries a refused host’s kind, URL and host from the host function to the page', async () => {
		const { runner } = setup();
		const http = await compileWat(HTTP_WAT);
		const r = await runner.run({ ...base, module: http, fn: 'get', onEvent: () => {} });
		expect(r.outcome).toMatchObject({
			status: 'error',
			phase: 'call',
			error: {
				kind: 'refused',
				url: 'https://blocked.test/x',
				host: 'blocked.test',
				message:
					'Call error: HTTP request to "https://blocked.test/x" is not allowed (no allowedHosts match "blocked.test")'
			}
		});
		// A failed host call leaves the instance mid-call: it is not trusted again.
		expect(r.discarded).toBe(true);
	});

	it('reports a worker that died mid-call as crashed, and discards it', async () => {
		const { runner, workers } = setup(() => true);
		const pending = runner.run({ ...base, fn: 'count', onEvent: () => {} });
		await workers[0].posted('call');
		workers[0].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
		const r = await pending;
		expect(r.outcome).toMatchObject({
			status: 'error',
			error: { kind: 'crashed', name: 'WorkerError', message: 'boom' }
		});
		expect(r.discarded).toBe(true);
		expect(workers[0].terminated).toBe(true);
	});

	it('treats a repeat below 2 or not a number as a single call', async () => {
		const { runner } = setup();
		for (const repeat of [0, 1, NaN]) {
			runner.reset();
			const r = await runner.run({ ...base, fn: 'count', repeat, onEvent: () => {} });
			expect(r.outcome.status === 'ok' && text(r.outcome.output)).toBe('1');
			expect(r.outcome.status === 'ok' && r.outcome.times).toBeUndefined();
		}
	});
});

/** tick: counts in var "n" like count, but fails with error "3" when the count reaches 3. */
const FAIL_AT_3_WAT = `(module ${KERNEL}
 (memory (export "memory") 1) ${BYTE_FN} ${counterFn('tick', { failAt: 3 })})`;

const HTTP_REQUEST = '{"url":"https://blocked.test/x"}';
/** get: an HTTP GET of https://blocked.test/x, a host nobody allowed. */
const HTTP_WAT = `(module ${KERNEL}
 (import "extism:host/env" "http_request" (func $http (param i64 i64) (result i64)))
 (memory (export "memory") 1)
 (data (i32.const 0) "${HTTP_REQUEST.replaceAll('"', '\\"')}")
 (func (export "get") (result i32) (local $k i64) (local $i i32)
  (local.set $k (call $alloc (i64.const ${HTTP_REQUEST.length})))
  (block $done (loop $next
   (br_if $done (i32.ge_u (local.get $i) (i32.const ${HTTP_REQUEST.length})))
   (call $store_u8 (i64.add (local.get $k) (i64.extend_i32_u (local.get $i)))
    (i32.load8_u (local.get $i)))
   (local.set $i (i32.add (local.get $i) (i32.const 1)))
   (br $next)))
  (drop (call $http (local.get $k) (i64.const 0)))
  (i32.const 0)))`;
