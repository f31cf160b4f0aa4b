// The page's side of the build worker: one worker, spawned on first use, kept warm.
import type { BuildRequest, BuildResponse, BuildResult, Language } from './protocol';

export interface BuildWorkerLike {
	postMessage(msg: BuildRequest): void;
	addEventListener(type: 'message', fn: (e: MessageEvent<BuildResponse>) => void): void;
	addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
	terminate(): void;
}

export function spawnBuildWorker(): BuildWorkerLike {
	return new Worker(new URL('./build.worker.ts', import.meta.url), {
		type: 'module',
		name: 'extism-build'
	}) as unknown as BuildWorkerLike;
}

/** What the page needs of a builder (tests stand in an in-process one). */
export interface Builder {
	preload(): void;
	build(language: Language, text: string): Promise<BuildResult>;
	dispose(): void;
}

export class BuildClient implements Builder {
	#spawn: () => BuildWorkerLike;
	#worker: BuildWorkerLike | null = null;
	#seq = 0;
	#pending = new Map<number, (r: BuildResult) => void>();

	constructor(spawn: () => BuildWorkerLike = spawnBuildWorker) {
		this.#spawn = spawn;
	}

	#ensure(): BuildWorkerLike {
		if (this.#worker) return this.#worker;
		const w = this.#spawn();
		w.addEventListener('message', (e) => {
			const done = this.#pending.get(e.data.id);
			this.#pending.delete(e.data.id);
			done?.(e.data.result);
		});
		w.addEventListener('error', (e) =>
			this.#fail(`The build worker failed: ${e.message || 'it did not load'}.`)
		);
		this.#worker = w;
		return w;
	}

	#fail(message: string) {
		this.#worker?.terminate();
		this.#worker = null;
		for (const done of this.#pending.values())
			done({ ok: false, diagnostics: [{ severity: 'error', message }], ms: 0, message });
		this.#pending.clear();
	}

	/** Starts the worker and its compilers loading, before the first build. */
	preload() {
		this.#ensure().postMessage({ type: 'preload' });
	}

	build(language: Language, text: string): Promise<BuildResult> {
		const id = ++this.#seq;
		const w = this.#ensure();
		return new Promise((resolve) => {
			this.#pending.set(id, resolve);
			w.postMessage({ type: 'build', id, language, text });
		});
	}

	dispose() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#pending.clear();
	}
}
