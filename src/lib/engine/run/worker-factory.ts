// The one place that knows how the plugin worker is bundled (Vite's `new URL` worker pattern).
import type { WorkerLike } from './runner';

export function spawnPluginWorker(opts: { noJspi?: boolean } = {}): WorkerLike {
	return new Worker(new URL('./plugin.worker.ts', import.meta.url), {
		type: 'module',
		name: opts.noJspi ? 'extism-plugin nojspi' : 'extism-plugin'
	}) as unknown as WorkerLike;
}
