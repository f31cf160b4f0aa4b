// The first run of a freshly loaded plugin is the one a person waits for: nothing on its way
// should wait for the page's thread, which is busy showing the new plugin, or compete with it.
import { describe, expect, it, vi } from 'vitest';
import { InProcessWorker } from '../testing/in-process-worker';
import type { FromWorker, JobMessage } from './protocol';
import { PluginRunner } from './runner';
import { SPARE_AFTER_MS } from './plugin-workers';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { COUNTER_WAT, compileWat } from '../testing/plugins';

/** A worker that answers only when told to, and says what it was sent. */
class HeldWorker {
	onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
	onerror: ((ev: ErrorEvent) => void) | null = null;
	received: JobMessage[] = [];
	#onPost: () => void = () => {};
	constructor() {
		setTimeout(() => this.answer({ type: 'ready' }));
	}
	/** Resolves once `n` jobs were posted. */
	posts(n: number): Promise<void> {
		return new Promise((resolve) => {
			const check = () => (this.received.length >= n ? resolve() : undefined);
			this.#onPost = check;
			check();
		});
	}
	answer(data: FromWorker) {
		this.onmessage?.({ data } as MessageEvent<FromWorker>);
	}
	postMessage(msg: JobMessage) {
		this.received.push(msg);
		this.#onPost();
	}
	terminate() {}
}

describe('PluginRunner: the first run of a plugin', async () => {
	const counter = await compileWat(COUNTER_WAT);
	const base = {
		module: counter,
		settings: DEFAULT_SETTINGS,
		input: new Uint8Array(),
		timeoutMs: 0,
		fn: 'count',
		onEvent: () => {}
	};

	it('sends the module bytes only when a job of the run asks for them, and then at once', async () => {
		const w = new HeldWorker();
		const runner = new PluginRunner(() => w);
		const asked: string[] = [];
		const pending = runner.run({
			...base,
			bytes: () => (asked.push('bytes'), new Uint8Array([0, 97, 115, 109]))
		});
		await w.posts(2);
		const [load, call] = w.received;
		expect(asked).toEqual([]);
		w.answer({ type: 'loaded', id: load.id, ms: 3 });
		w.answer({ type: 'need-bytes', id: call.id });
		expect(w.received[2]).toEqual({ type: 'bytes', bytes: new Uint8Array([0, 97, 115, 109]) });
		expect(asked).toEqual(['bytes']);
		w.answer({ type: 'result', id: call.id, output: null, ms: 1 });
		expect((await pending).outcome.status).toBe('ok');
	});

	it('sends the call with the load, without waiting for the load to answer', async () => {
		const w = new HeldWorker();
		const runner = new PluginRunner(() => w);
		const pending = runner.run(base);
		await w.posts(2);
		expect(w.received.map((m) => m.type)).toEqual(['load', 'call']);
		const [load, call] = w.received;
		w.answer({ type: 'loaded', id: load.id, ms: 3 });
		w.answer({ type: 'result', id: call.id, output: new Uint8Array([49]), ms: 1 });
		const r = await pending;
		expect(r.outcome).toMatchObject({ status: 'ok', output: new Uint8Array([49]) });
		expect(r.instantiateMs).toBe(3);
		expect(runner.hasInstanceFor(base)).toBe(true);
	});

	it('reports a failed load, and ends the call sent behind it', async () => {
		const workers: HeldWorker[] = [];
		const runner = new PluginRunner(() => {
			workers.push(new HeldWorker());
			return workers.at(-1)!;
		});
		const pending = runner.run(base);
		const w = workers[0];
		await w.posts(2);
		const error = { kind: 'wasi-off', name: 'Error', message: 'WASI is not enabled' } as const;
		w.answer({ type: 'load-failed', id: w.received[0].id, error, ms: 1 });
		const r = await pending;
		expect(r.outcome).toMatchObject({ status: 'error', phase: 'load', error });
		expect(runner.busy).toBe(false);
		expect(runner.hasInstanceFor(base)).toBe(false);
	});

	it('starts the spare worker only after the run has answered', async () => {
		const spawned: InProcessWorker[] = [];
		const runner = new PluginRunner(() => {
			spawned.push(new InProcessWorker());
			return spawned.at(-1)!;
		});
		const r = await runner.run(base);
		expect(r.outcome.status).toBe('ok');
		expect(spawned).toHaveLength(1);
		await vi.waitFor(() => expect(spawned).toHaveLength(2), { timeout: SPARE_AFTER_MS * 10 });
		runner.dispose();
	});
});
