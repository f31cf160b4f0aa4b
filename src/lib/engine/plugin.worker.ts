// Entry of a dedicated plugin worker: the SDK runs in-thread here, never on the page's thread.
import createPlugin from '@extism/extism';
import { createWorkerHost, type CreatePlugin } from './worker-host';
import type { FromWorker, ToWorker } from './protocol';

const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);
const host = createWorkerHost(post, createPlugin as unknown as CreatePlugin);

// The SDK's WASI shim writes stdout with console.log and stderr with console.error.
console.log = (...args: unknown[]) => host.stream('stdout', args);
console.error = (...args: unknown[]) => host.stream('stderr', args);

// Messages queue up while a call runs; each is handled in order.
let queue = Promise.resolve();
self.onmessage = (ev: MessageEvent<ToWorker>) => {
	queue = queue.then(() => host.handle(ev.data));
};
post({ type: 'ready' });
