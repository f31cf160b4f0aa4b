import { describe, expect, it } from 'vitest';
import { InProcessWorker } from '../testing/in-process-worker';
import type { FromWorker, JobMessage } from './protocol';
import type { WorkerLike } from './plugin-workers';
import { PluginRunner, sameInstance } from './runner';
import { NO_TOTALS } from './xtp/report';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { newMock } from '../http/mocks/mock';
import { COUNTER_WAT, compileWat } from '../testing/plugins';

const input = new Uint8Array();

describe('PluginRunner: mocks are part of an instance', async () => {
	const counter = await compileWat(COUNTER_WAT);
	const base = { module: counter, settings: DEFAULT_SETTINGS, input, timeoutMs: 0 };
	const a = [newMock('https://a.test/*')];
	const b = [{ ...newMock('https://a.test/*'), status: 404 }];

	it('makes a fresh instance when the mocks change, and sends them to the worker', async () => {
		const workers: InProcessWorker[] = [];
		const runner = new PluginRunner(() => {
			const w = new InProcessWorker();
			workers.push(w);
			return w;
		});
		const first = await runner.run({ ...base, mocks: a, fn: 'count', onEvent: () => {} });
		expect(first.instantiateMs).toBeTypeOf('number');
		expect(runner.hasInstanceFor({ ...base, mocks: [newMock('https://a.test/*')] })).toBe(true);
		expect(runner.hasInstanceFor({ ...base, mocks: b })).toBe(false);
		expect(runner.hasInstanceFor(base)).toBe(false);
		const second = await runner.run({ ...base, mocks: b, fn: 'count', onEvent: () => {} });
		expect(second.instantiateMs).toBeTypeOf('number');
		const loads = workers[0].received.filter((m) => m.type === 'load');
		expect(loads.map((m) => m.type === 'load' && m.mocks)).toEqual([a, b]);
	});

	it('treats no mocks and an empty list alike', () => {
		const spec = { module: counter, settings: DEFAULT_SETTINGS };
		expect(sameInstance(spec, { ...spec, mocks: [] })).toBe(true);
		expect(sameInstance(spec, { ...spec, mocks: a })).toBe(false);
	});

	it('gives the target instances of a test plugin the same mocks as a run', async () => {
		const sent: JobMessage[] = [];
		const worker: WorkerLike = {
			onmessage: null,
			onerror: null,
			terminate() {},
			postMessage(msg: JobMessage) {
				sent.push(msg);
				const done: FromWorker = {
					type: 'xtp-done',
					id: msg.id,
					ms: 1,
					totals: NO_TOTALS,
					dropped: 0
				};
				setTimeout(() => worker.onmessage?.({ data: done } as MessageEvent<FromWorker>));
			}
		};
		setTimeout(() => worker.onmessage?.({ data: { type: 'ready' } } as MessageEvent<FromWorker>));
		const runner = new PluginRunner(() => worker);
		const test = { module: counter, useWasi: false, assertArity: 3 as const };
		const out = await runner.runTest({ ...base, mocks: a, test, onEvent: () => {} });
		expect(out.status).toBe('done');
		expect(sent[0].type === 'xtp' && sent[0].target.mocks).toEqual(a);
	});
});
