// Playground state ↔ Setup (what links, saves and manifests carry), in one place.
import { exampleById, exampleWasmPath } from '$lib/engine/examples';
import { formatBytes } from '$lib/engine/output';
import { copySettings } from '$lib/engine/settings';
import type { Setup, SetupSource } from '$lib/engine/share/setup';
import type { Playground } from './playground.svelte';

export function currentSetup(pg: Playground): Setup {
	// Plain copies, so the setup holds no state proxies (and an effect reading it tracks every field).
	const settings = copySettings(pg.settings);
	const setup: Setup = {
		source: sourceOf(pg),
		fn: pg.fn,
		input: pg.input,
		settings,
		timeoutMs: pg.timeoutMs
	};
	const stubs = Object.fromEntries(Object.entries(pg.extras.custom).filter(([, c]) => c.trim()));
	if (Object.keys(stubs).length) setup.stubs = stubs;
	if (pg.suite.cases.length)
		setup.tests = pg.suite.cases.map((c) => ({
			...c,
			config: { ...c.config },
			expect: { ...c.expect }
		}));
	return setup;
}

function sourceOf(pg: Playground): SetupSource {
	const p = pg.plugin;
	if (!p) return { kind: 'none' };
	if (p.source.kind === 'example') return { kind: 'example', id: p.source.id };
	if (p.source.kind === 'url') return { kind: 'url', url: p.source.url };
	return { kind: 'bytes', name: p.source.name, data: p.bytes };
}

/**
 * Load the setup's plugin, then take its function, input and settings as they are. Custom stub
 * code stays off until the person accepts it, unless its label is in `trusted` (saved with it).
 */
export async function applySetup(
	pg: Playground,
	setup: Setup,
	trusted: readonly string[]
): Promise<void> {
	const s = setup.source;
	if (s.kind === 'example') await pg.loadExample(s.id, false);
	else if (s.kind === 'url') await pg.loadUrl(s.url);
	else if (s.kind === 'bytes') await pg.loadBytes(s.name, s.data);
	pg.fn = setup.fn;
	pg.input = setup.input;
	pg.settings = copySettings(setup.settings);
	pg.timeoutMs = setup.timeoutMs;
	pg.extras.replace(setup.stubs ?? {}, trusted);
	pg.suite.replace(setup.tests ?? []);
}

/** Where generated code and manifests should fetch the plugin from. */
export function pluginRef(pg: Playground, base: string): { url: string } | { file: string } {
	const p = pg.plugin;
	if (p?.source.kind === 'example') {
		const ex = exampleById(p.source.id);
		if (ex) return { url: new URL(exampleWasmPath(ex), base).href };
	}
	if (p?.source.kind === 'url') return { url: p.source.url };
	return { file: p?.source.kind === 'file' ? p.source.name : 'plugin.wasm' };
}

/** In words, where a link's plugin comes from. */
export function describeSource(source: SetupSource, missing?: string): string {
	switch (source.kind) {
		case 'example':
			return `the bundled example "${exampleById(source.id)?.title ?? source.id}"`;
		case 'url':
			return `a plugin downloaded from ${source.url}`;
		case 'bytes':
			return `the plugin file "${source.name}" (${formatBytes(source.data.length)}) carried in the link`;
		case 'none':
			return missing
				? `"${missing}", which was too large to travel in the link: load it by hand`
				: 'no plugin';
	}
}
