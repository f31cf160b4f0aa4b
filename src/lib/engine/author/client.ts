// author/ — writing plugins: the build worker and its page client (this file, protocol,
// build.worker), asc and wabt on an in-memory file map (asc, asc-args, files, wat, print,
// diagnostics), templates, example sources, and the downloadable project. May import setup/ and
// export/.
//
// The page's side of the build worker: one worker, spawned on first use, kept warm.
import type { Language } from '../setup/setup';
import type { BuildRequest, BuildResponse, BuildResult, PrintResult } from './protocol';

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
	/** Warms the compiler of a language before its first build. */
	preload(language: Language): void;
	build(language: Language, text: string): Promise<BuildResult>;
	print(bytes: Uint8Array): Promise<PrintResult>;
	/** Ends the build in progress at once; it resolves as stopped. */
	stop(): void;
	dispose(): void;
}

export class BuildClient implements Builder {
	#spawn: () => BuildWorkerLike;
	#worker: BuildWorkerLike | null = null;
	#seq = 0;
	#pending = new Map<number, (r: BuildResult) => void>();
	#printing = new Map<number, (r: PrintResult) => void>();
	/** The language last built or warmed: what a stopped build's new worker warms again. */
	#language: Language = 'assemblyscript';

	constructor(spawn: () => BuildWorkerLike = spawnBuildWorker) {
		this.#spawn = spawn;
	}

	#ensure(): BuildWorkerLike {
		if (this.#worker) return this.#worker;
		const w = this.#spawn();
		w.addEventListener('message', (e) => {
			if (e.data.type === 'printed') {
				this.#printing.get(e.data.id)?.(e.data.result);
				this.#printing.delete(e.data.id);
				return;
			}
			const done = this.#pending.get(e.data.id);
			this.#pending.delete(e.data.id);
			done?.(e.data.result);
			// A failed compiler download stays failed in this worker's module map: start afresh.
			if (!e.data.result.ok && e.data.result.reload && this.#worker === w)
				this.#fail('The build worker restarted after a compiler failed to load.');
		});
		w.addEventListener('error', (e) =>
			this.#fail(`The build worker failed: ${e.message || 'it did not load'}.`)
		);
		this.#worker = w;
		return w;
	}

	#fail(message: string, stopped = false) {
		this.#worker?.terminate();
		this.#worker = null;
		const diagnostics = stopped ? [] : [{ severity: 'error' as const, message }];
		for (const done of this.#pending.values())
			done({ ok: false, diagnostics, ms: 0, message, stopped });
		this.#pending.clear();
		for (const done of this.#printing.values()) done({ ok: false, message });
		this.#printing.clear();
	}

	/** Starts the worker and the language's compiler loading, before the first build. */
	preload(language: Language) {
		this.#language = language;
		this.#ensure().postMessage({ type: 'preload', language });
	}

	build(language: Language, text: string): Promise<BuildResult> {
		const id = ++this.#seq;
		this.#language = language;
		const w = this.#ensure();
		return new Promise((resolve) => {
			this.#pending.set(id, resolve);
			w.postMessage({ type: 'build', id, language, text });
		});
	}

	print(bytes: Uint8Array): Promise<PrintResult> {
		const id = ++this.#seq;
		const w = this.#ensure();
		return new Promise((resolve) => {
			this.#printing.set(id, resolve);
			w.postMessage({ type: 'print', id, bytes: bytes.slice() });
		});
	}

	/** A compiler cannot be interrupted: its worker is terminated, and a fresh one warmed. */
	stop() {
		if (!this.#pending.size) return;
		this.#fail('The build was stopped.', true);
		this.preload(this.#language);
	}

	dispose() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#pending.clear();
		this.#printing.clear();
	}
}
