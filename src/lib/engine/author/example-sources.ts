// The sources the bundled examples are built from (examples/*.ts|wat), taken from the repo when
// the app is built, each in a chunk of its own that loads only when someone opens it.
import type { Language } from './protocol';
import type { SetupCode } from '../persist/code';

const SOURCES = import.meta.glob<string>(
	['../../../../examples/*.ts', '../../../../examples/*.wat', '!../../../../examples/*.test.ts'],
	{ query: '?raw', import: 'default' }
);

const byId = new Map(
	Object.entries(SOURCES).map(([path, load]) => {
		const file = path.split('/').pop()!;
		const language: Language = file.endsWith('.wat') ? 'wat' : 'assemblyscript';
		return [file.replace(/\.(ts|wat)$/, ''), { language, load }];
	})
);

/** Ids of the examples that have a source here. */
export const EXAMPLE_SOURCE_IDS: readonly string[] = [...byId.keys()].sort();

/** The source of example `id`, or null when it has none. */
export async function exampleSource(id: string): Promise<SetupCode | null> {
	const entry = byId.get(id);
	if (!entry) return null;
	return { language: entry.language, text: await entry.load() };
}
