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

// A start that fails (its code could not be fetched, or the page went away while the worker
// fetched it) must not be an unhandled rejection: Firefox reports one from a worker as an error of
// the page, even of the page that came next. The worker then takes no jobs; it says why here.
const unhandled = (e: unknown) =>
	console.warn(`The plugin worker could not go on: ${e instanceof Error ? e.message : String(e)}`);
ready.catch(unhandled);

// Jobs queue up while the SDK loads or a call runs; each is handled in order. The bytes a failing
// job asked for skip the queue: that job waits for them.
let queue: Promise<unknown> = ready.catch(() => undefined);
scope.onmessage = (ev) => {
	const msg = ev.data;
	if (msg.type === 'bytes') ready.then((host) => host.takeBytes(msg.bytes)).catch(() => undefined);
	else
		queue = queue
			.then(() => ready)
			.then((host) => host.handle(msg))
			.catch(unhandled);
};
