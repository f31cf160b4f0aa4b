// A build-time Vite plugin for the worker bundles: fails the build when a chunk imports a worker's
// entry chunk back. The bundler may hoist a module shared by the entry and a lazy chunk into the
// entry, and the lazy chunk then imports the worker's own script. WebKit evaluates that script a
// second time: a second `onmessage` with a fresh host, so the next call found "No plugin is loaded
// in this worker" although the load had succeeded. Which modules get hoisted changes with unrelated
// edits, so the rule is checked on every build rather than trusted.
import type { Plugin } from 'vite';

/** The parts of an output chunk the check reads (Rollup's and Rolldown's chunks both have them). */
export interface ChunkLike {
	type: 'chunk' | 'asset';
	fileName: string;
	isEntry?: boolean;
	imports?: readonly string[];
	dynamicImports?: readonly string[];
}

/** "chunk imports entry" for every chunk that imports an entry chunk of the same bundle. */
export function entryImports(bundle: Record<string, ChunkLike>): string[] {
	const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
	const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
	return chunks.flatMap((c) =>
		[...(c.imports ?? []), ...(c.dynamicImports ?? [])]
			.filter((f) => entries.has(f) && f !== c.fileName)
			.map((f) => `${c.fileName} imports ${f}`)
	);
}

export function workerEntryGuard(): Plugin {
	return {
		name: 'worker-entry-guard',
		apply: 'build',
		generateBundle(_options, bundle) {
			const found = entryImports(bundle as unknown as Record<string, ChunkLike>);
			if (found.length === 0) return;
			this.error(
				`A worker chunk imports its worker's entry (${found.join('; ')}). WebKit would run the ` +
					'entry twice. Load the shared code from the entry with import(), so the entry exports nothing.'
			);
		}
	};
}
