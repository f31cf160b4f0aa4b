// testing/ — test helpers only (ESLint keeps them out of production code): this in-process
// worker, tiny WAT plugins, wasm builders, seeded randomness, hand-made links.
//
// Test support: the real worker logic and the real SDK, run in-process and asynchronously like a
// Worker, so the runner and the state layer are tested without a browser.
import createPlugin from '@extism/extism';
import type { FromWorker, JobMessage, ToWorker } from '../run/protocol';
import type { WorkerLike } from '../run/plugin-workers';
import type { CreatePlugin } from '../run/sdk-plugin';
import { createWorkerHost } from '../run/worker-host';

/** Runs the real worker logic and the real SDK in-process, asynchronously like a Worker. */
export class InProcessWorker implements WorkerLike {
	onmessage: WorkerLike['onmessage'] = null;
	onerror: WorkerLike['onerror'] = null;
	terminated = false;
	received: JobMessage[] = [];
	#waiters: { type: JobMessage['type']; resolve: (m: JobMessage) => void }[] = [];
	#host = createWorkerHost((msg) => this.#deliver(msg), createPlugin as unknown as CreatePlugin, {
		jspi: false
	});
	/** Jobs are handled one after another, in the order posted, as plugin.worker.ts does. */
	#queue: Promise<void> = Promise.resolve();
	/** When set, calls are swallowed: the worker looks busy forever, like a plugin in a loop. */
	constructor(private hang = false) {
		setTimeout(() => this.#deliver({ type: 'ready' }));
	}
	#deliver(msg: FromWorker) {
		if (!this.terminated) this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
	}
	/** Resolves with the first message of this type posted to this worker (maybe already). */
	posted(type: JobMessage['type']): Promise<JobMessage> {
		const seen = this.received.find((m) => m.type === type);
		return seen
			? Promise.resolve(seen)
			: new Promise((resolve) => this.#waiters.push({ type, resolve }));
	}
	postMessage(msg: ToWorker) {
		// The bytes a failing job asked for skip the queue, as in plugin.worker.ts.
		if (msg.type === 'bytes') {
			setTimeout(() => this.#host.takeBytes(msg.bytes));
			return;
		}
		this.received.push(msg);
		for (const w of this.#waiters.filter((w) => w.type === msg.type)) w.resolve(msg);
		this.#waiters = this.#waiters.filter((w) => w.type !== msg.type);
		if (this.hang && msg.type === 'call') return;
		this.#queue = this.#queue
			.then(() => new Promise((r) => setTimeout(r)))
			.then(() => this.#host.handle(msg));
	}
	terminate() {
		this.terminated = true;
	}
}
