// Entry of a dedicated plugin worker: the SDK runs in-thread here, never on the page's thread.
// It imports its logic with import() only, so the bundler has no reason to put code shared with a
// lazy chunk (the host matcher) into this entry: a chunk importing the entry back makes WebKit run
// it twice, with a second onmessage that knows no plugin (scripts/worker-entry-guard.ts).
import type { CreatePlugin } from './sdk-plugin';
import type { FromWorker, ToWorker } from './protocol';

// The project's TS lib is DOM; this is the slice of a worker's global scope we use.
const scope = self as unknown as {
	name: string;
	postMessage(msg: FromWorker, transfer: Transferable[]): void;
	onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
};
const post = (msg: FromWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

// Testing the no-JSPI path in Chromium: hide JSPI before the SDK looks for it at import time.
if (scope.name.includes('nojspi')) {
	const wasm = WebAssembly as unknown as Record<string, unknown>;
	delete wasm.Suspending;
	delete wasm.promising;
}
const jspi = typeof (WebAssembly as unknown as Record<string, unknown>).Suspending === 'function';

const ready = Promise.all([
	import('@extism/extism'),
	import('./worker-host'),
	import('./worker-warm-up')
]).then(async ([{ default: sdk }, { createWorkerHost }, { warmUp }]) => {
	const createPlugin = sdk as unknown as CreatePlugin;
	await warmUp(createPlugin, { jspi });
	const host = createWorkerHost(post, createPlugin, { jspi });
	// The SDK's WASI shim writes stdout with console.log and stderr with console.error.
	console.log = (...args: unknown[]) => host.stream('stdout', args);
	console.error = (...args: unknown[]) => host.stream('stderr', args);
	post({ type: 'ready' });
	return host;
});

// Jobs queue up while the SDK loads or a call runs; each is handled in order. The bytes a failing
// job asked for skip the queue: that job waits for them.
let queue: Promise<unknown> = ready;
scope.onmessage = (ev) => {
	const msg = ev.data;
	if (msg.type === 'bytes') void ready.then((host) => host.takeBytes(msg.bytes));
	else queue = queue.then(() => ready).then((host) => host.handle(msg));
};
