import { describe, expect, it } from 'vitest';
import { InProcessWorker } from '../testing/in-process-worker';
import type { FromWorker, JobMessage } from './protocol';
import type { RunEvent } from './outcomes';
import type { WorkerLike } from './plugin-workers';
import { PluginRunner } from './runner';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { COUNTER_WAT, compileWat } from '../testing/plugins';
import { NO_JSPI_MESSAGE } from './xtp/check';
import { NO_TOTALS } from './xtp/report';

/** A worker that answers test runs with `answer` (nothing: the test runs forever). */
class ScriptedWorker implements WorkerLike {
	onmessage: WorkerLike['onmessage'] = null;
	onerror: WorkerLike['onerror'] = null;
	terminated = false;
	constructor(private answer: (msg: JobMessage) => FromWorker[]) {
		setTimeout(() => this.#send({ type: 'ready' }));
	}
	#send(msg: FromWorker) {
		if (!this.terminated) this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
	}
	postMessage(msg: JobMessage) {
		setTimeout(() => this.answer(msg).forEach((m) => this.#send(m)));
	}
	terminate() {
		this.terminated = true;
	}
}

describe('PluginRunner.runTest', async () => {
	const module = await compileWat(COUNTER_WAT);
	const test = { module, useWasi: false, assertArity: 3 as const };
	const base = { module, settings: DEFAULT_SETTINGS, test, input: new Uint8Array(), timeoutMs: 0 };

	it('forwards what the test did and answers with its totals', async () => {
		const runner = new PluginRunner(
			() =>
				new ScriptedWorker((m) => [
					{ type: 'xtp-event', id: m.id, event: { type: 'group', name: 'g' } },
					{ type: 'xtp-done', id: m.id, ms: 3, totals: { ...NO_TOTALS, passed: 2 }, dropped: 0 }
				])
		);
		const events: RunEvent[] = [];
		const out = await runner.runTest({ ...base, onEvent: (e) => events.push(e) });
		expect(events).toEqual([{ type: 'xtp', event: { type: 'group', name: 'g' } }]);
		expect(out).toEqual({ status: 'done', ms: 3, totals: { ...NO_TOTALS, passed: 2 }, dropped: 0 });
	});

	it('Stop ends a test that never finishes and terminates its worker', async () => {
		const workers: ScriptedWorker[] = [];
		const runner = new PluginRunner(() => {
			const w = new ScriptedWorker(() => []);
			workers.push(w);
			return w;
		});
		const running = runner.runTest({ ...base, onEvent: () => {} });
		await expect.poll(() => runner.busy).toBe(true);
		expect(runner.stop()).toBe(true);
		expect(await running).toMatchObject({ status: 'stopped', error: { kind: 'stopped' } });
		expect(workers[0].terminated).toBe(true);
	});

	it('the timeout ends a test that never finishes', async () => {
		const runner = new PluginRunner(() => new ScriptedWorker(() => []));
		const out = await runner.runTest({ ...base, timeoutMs: 20, onEvent: () => {} });
		expect(out).toMatchObject({ status: 'timeout', error: { kind: 'timeout', ms: 20 } });
	});

	it('in the real worker without JSPI, says test plugins need it; the old instance is gone', async () => {
		const runner = new PluginRunner(() => new InProcessWorker());
		const spec = { module, settings: DEFAULT_SETTINGS };
		await runner.run({
			...spec,
			fn: 'count',
			input: new Uint8Array(),
			timeoutMs: 0,
			onEvent: () => {}
		});
		expect(runner.hasInstanceFor(spec)).toBe(true);
		const out = await runner.runTest({ ...base, onEvent: () => {} });
		expect(out).toMatchObject({
			status: 'done',
			totals: NO_TOTALS,
			error: { phase: 'load', error: { message: NO_JSPI_MESSAGE } }
		});
		expect(runner.hasInstanceFor(spec)).toBe(false);
	});
});
