// Entry of a dedicated plugin worker: the SDK runs in-thread here, never on the page's thread.
import createPlugin from '@extism/extism';
import { createWorkerHost, type CreatePlugin } from './worker-host';
import type { FromWorker, ToWorker } from './protocol';

// The project's TS lib is DOM; this is the slice of a worker's global scope we use.
const scope = self as unknown as {
	postMessage(msg: FromWorker, transfer: Transferable[]): void;
	onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
};
const post = (msg: FromWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
const host = createWorkerHost(post, createPlugin as unknown as CreatePlugin);

// The SDK's WASI shim writes stdout with console.log and stderr with console.error.
console.log = (...args: unknown[]) => host.stream('stdout', args);
console.error = (...args: unknown[]) => host.stream('stderr', args);

// Messages queue up while a call runs; each is handled in order.
let queue = Promise.resolve();
scope.onmessage = (ev) => {
	queue = queue.then(() => host.handle(ev.data));
};
post({ type: 'ready' });
