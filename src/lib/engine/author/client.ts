// author/ — writing plugins: the build worker and its page client (this file, protocol,
// build.worker), asc and wabt on an in-memory file map (asc, asc-args, files, wat, print,
// diagnostics), templates, example sources, and the downloadable project. May import setup/,
// export/ and util/.
//
// The page's side of the build worker: one worker, spawned on first use, kept warm. Builds and
// prints are answered by id (util/worker-client.ts); this file says what the answers mean.
import type { Language } from '../setup/setup';
import type { BuildRequest, BuildResponse, BuildResult, PrintResult } from './protocol';
import { WorkerClient, type ListeningWorker } from '../util/worker-client';

export type BuildWorkerLike = ListeningWorker<BuildRequest, BuildResponse>;

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

/** A job that lost its worker, in the words the person reads. */
interface Cut {
	type: 'cut';
	message: string;
	/** Stopped by the person: no diagnostics, nothing wrong with the source. */
	stopped: boolean;
}

const cut = (message: string, stopped = false): Cut => ({ type: 'cut', message, stopped });

// Ids are never shared, so a build is answered 'built' and a print 'printed'.
type Built = Extract<BuildResponse, { type: 'built' }> | Cut;
type Printed = Extract<BuildResponse, { type: 'printed' }> | Cut;

function builtOf(r: Built): BuildResult {
	if (r.type === 'built') return r.result;
	const diagnostics = r.stopped ? [] : [{ severity: 'error' as const, message: r.message }];
	return { ok: false, diagnostics, ms: 0, message: r.message, stopped: r.stopped };
}

const printedOf = (r: Printed): PrintResult =>
	r.type === 'printed' ? r.result : { ok: false, message: r.message };

export class BuildClient implements Builder {
	#client: WorkerClient<BuildRequest, BuildResponse, Cut>;
	/** The language last built or warmed: what a stopped build's new worker warms again. */
	#language: Language = 'assemblyscript';

	constructor(spawn: () => BuildWorkerLike = spawnBuildWorker) {
		this.#client = new WorkerClient({
			spawn,
			endOnError: true,
			crashed: (e) => cut(`The build worker failed: ${e.message || 'it did not load'}.`),
			// Builds learn their worker ended before prints do.
			endFirst: (msg) => msg.type === 'build'
		});
	}

	/** Starts the worker and the language's compiler loading, before the first build. */
	preload(language: Language) {
		this.#language = language;
		this.#client.post({ type: 'preload', language });
	}

	async build(language: Language, text: string): Promise<BuildResult> {
		const id = this.#client.nextId();
		this.#language = language;
		const worker = this.#client.connect();
		const answer = await this.#client.send({ type: 'build', id, language, text });
		const result = builtOf(answer as Built);
		// A failed compiler download stays failed in this worker's module map: start afresh.
		if (!result.ok && result.reload && this.#client.current === worker)
			this.#client.end(cut('The build worker restarted after a compiler failed to load.'));
		return result;
	}

	async print(bytes: Uint8Array): Promise<PrintResult> {
		const id = this.#client.nextId();
		const answer = await this.#client.send({ type: 'print', id, bytes: bytes.slice() });
		return printedOf(answer as Printed);
	}

	/** A compiler cannot be interrupted: its worker is terminated, and a fresh one warmed. */
	stop() {
		if (!this.#client.waits((msg) => msg.type === 'build')) return;
		this.#client.end(cut('The build was stopped.', true));
		this.preload(this.#language);
	}

	dispose() {
		this.#client.dispose();
	}
}
