// What New puts aside so that Undo can bring it back: the whole setup as a save holds it (plugin
// bytes, input file, source, stubs with their trust, tests, linked modules), plus what a save
// keeps apart (the XTP test plugin) and what it leaves out (calls per run, the open source editor).
import type { Setup } from '$lib/engine/setup/setup';
import type { SavedParts } from './autosave.svelte';
import { applySetup, currentSetup } from './setup-map';

export interface KeptSetup {
	setup: Setup;
	trusted: string[];
	repeat: number;
	test: { name: string; bytes: Uint8Array } | null;
}

export function keepSetup(parts: SavedParts): KeptSetup {
	const f = parts.xtp.file;
	return {
		setup: currentSetup(parts),
		trusted: [...parts.extras.trustedLabels],
		repeat: parts.setup.repeat,
		test: f ? { name: f.name, bytes: f.bytes } : null
	};
}

/** Puts the kept setup back as it was, trust included (it was given before New, not by a link). */
export async function restoreSetup(parts: SavedParts, kept: KeptSetup): Promise<void> {
	await applySetup(parts, kept.setup, kept.trusted);
	parts.setup.repeat = kept.repeat;
	parts.xtp.forget();
	if (kept.test) await parts.xtp.loadBytes(kept.test.name, kept.test.bytes);
}
