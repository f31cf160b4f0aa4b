import { describe, expect, it } from 'vitest';
import { entryImports, workerEntryGuard, type ChunkLike } from './worker-entry-guard';

const chunk = (fileName: string, extra: Partial<ChunkLike> = {}): ChunkLike => ({
	type: 'chunk',
	fileName,
	...extra
});

function generate(bundle: Record<string, ChunkLike>): string | null {
	let error: string | null = null;
	const hook = workerEntryGuard().generateBundle as unknown as (
		this: { error(m: string): never },
		options: unknown,
		bundle: Record<string, ChunkLike>
	) => void;
	try {
		hook.call(
			{
				error: (m: string) => {
					throw new Error(m);
				}
			},
			{},
			bundle
		);
	} catch (e) {
		error = (e as Error).message;
	}
	return error;
}

describe('worker entry guard', () => {
	// The shape that broke WebKit: the lazy host matcher imported a helper from the worker entry.
	const hoisted = {
		'plugin.worker-D.js': chunk('plugin.worker-D.js', {
			isEntry: true,
			dynamicImports: ['chunks/match.js']
		}),
		'chunks/match.js': chunk('chunks/match.js', { imports: ['plugin.worker-D.js'] })
	};

	it('names each chunk that imports an entry back', () => {
		expect(entryImports(hoisted)).toEqual(['chunks/match.js imports plugin.worker-D.js']);
	});

	it('fails the build on it, saying what to do', () => {
		expect(generate(hoisted)).toMatch(
			/^A worker chunk imports its worker's entry \(chunks\/match\.js imports plugin\.worker-D\.js\)\. WebKit would run the entry twice\./
		);
	});

	it('lets entries that import shared chunks through, and ignores assets', () => {
		const fine = {
			'plugin.worker-D.js': chunk('plugin.worker-D.js', {
				isEntry: true,
				imports: ['chunks/shared.js'],
				dynamicImports: ['chunks/match.js']
			}),
			'chunks/match.js': chunk('chunks/match.js', { imports: ['chunks/shared.js'] }),
			'chunks/shared.js': chunk('chunks/shared.js'),
			'assets/x.wasm': { type: 'asset', fileName: 'assets/x.wasm' } as ChunkLike
		};
		expect(entryImports(fine)).toEqual([]);
		expect(generate(fine)).toBeNull();
	});
});
