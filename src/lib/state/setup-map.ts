// Playground state ↔ Setup (what links, saves and manifests carry), in one place.
import { exampleById, exampleWasmPath } from '$lib/engine/setup/examples';
import { formatBytes } from '$lib/engine/util/format';
import { utf8Length } from '$lib/engine/util/validate';
import type { Setup, SetupCode, SetupSource } from '$lib/engine/setup/setup';
import type { CurrentPlugin, LoadedPlugin } from './current-plugin.svelte';
import type { PluginExtras } from './extras.svelte';
import { copyMocks, type MockResponses } from './mocks.svelte';
import type { RunLog } from './run-log.svelte';
import type { SetupState } from './setup-state.svelte';
import type { TestSuite } from './test-suite.svelte';
import type { Workbench } from './workbench.svelte';

/** The parts of the page's state that a Setup is made from and given back to. */
export interface SetupParts {
	current: CurrentPlugin;
	setup: SetupState;
	extras: PluginExtras;
	suite: TestSuite;
	write: Workbench;
	mocks: MockResponses;
	/** Where applying a setup says what did not come with it. */
	log: RunLog;
}

export function currentSetup(pg: Omit<SetupParts, 'log'>): Setup {
	// Plain copies, so the setup holds no state proxies (and an effect reading it tracks every field).
	const setup: Setup = { source: sourceOf(pg.current.plugin), ...pg.setup.snapshot() };
	const stubs = Object.fromEntries(Object.entries(pg.extras.custom).filter(([, c]) => c.trim()));
	if (Object.keys(stubs).length) setup.stubs = stubs;
	if (pg.suite.cases.length)
		setup.tests = pg.suite.cases.map((c) => ({
			...c,
			config: { ...c.config },
			expect: { ...c.expect },
			...(c.mocks ? { mocks: copyMocks(c.mocks) } : {})
		}));
	if (pg.mocks.list.length) setup.mocks = pg.mocks.snapshot();
	if (pg.extras.linked.length)
		setup.linked = pg.extras.linked.map((l) => ({ name: l.name, file: l.label, data: l.bytes }));
	const code = pg.write.code;
	if (code) setup.code = { ...code };
	return setup;
}

function sourceOf(p: LoadedPlugin | null): SetupSource {
	if (!p) return { kind: 'none' };
	if (p.source.kind === 'example') return { kind: 'example', id: p.source.id };
	if (p.source.kind === 'url') return { kind: 'url', url: p.source.url };
	// A build travels as its source (setup.code), not as bytes.
	if (p.source.kind === 'build') return { kind: 'none' };
	return { kind: 'bytes', name: p.source.name, data: p.bytes };
}

/**
 * Load the setup's plugin, then take its function, input and settings as they are. Custom stub
 * code stays off until the person accepts it, unless its label is in `trusted` (saved with it).
 */
export async function applySetup(
	pg: SetupParts,
	setup: Setup,
	trusted: readonly string[],
	/** A link's plugin URL is fetched only once the person confirms (it may be a local service). */
	{ fetchUrl = true }: { fetchUrl?: boolean } = {}
): Promise<void> {
	const s = setup.source;
	if (s.kind === 'example') await pg.current.loadExample(s.id, false);
	else if (s.kind === 'url' && fetchUrl) await pg.current.loadUrl(s.url);
	else if (s.kind === 'bytes') await pg.current.loadBytes(s.name, s.data);
	pg.setup.take(setup);
	if (setup.inputFile && !setup.inputFile.data)
		pg.log.say(
			'warn',
			`The input file "${setup.inputFile.name}" was too large to come with this setup: load it again as the input file.`
		);
	// The source comes back to the editor; it is built on Run, not now.
	if (setup.code) pg.write.take(setup.code);
	else pg.write.stop();
	pg.extras.replace(setup.stubs ?? {}, trusted);
	pg.suite.replace(setup.tests ?? []);
	pg.mocks.replace(setup.mocks ?? []);
	for (const m of setup.mocks ?? [])
		if (m.body.kind === 'file' && !m.body.data)
			pg.log.say(
				'warn',
				`The body of the mock response for ${m.url} ("${m.body.name}") was too large to come with this setup: choose it again under Mock responses.`
			);
	pg.extras.linked = [];
	for (const l of setup.linked ?? []) {
		const problem = l.data ? await pg.extras.link(l.name, l.file, l.data) : null;
		if (!l.data)
			pg.log.say(
				'warn',
				`The linked module "${l.name}" (${l.file}) did not come with this setup: link it again under Linked modules.`
			);
		else if (problem)
			pg.log.say('error', `The linked module "${l.name}" could not be linked: ${problem}`);
	}
}

/**
 * Where generated code and manifests should fetch the plugin from. A build is named as Download
 * .wasm saves it (`buildName`: its source file is no plugin), and marked `built` so the code
 * says so.
 */
export function pluginRef(
	p: LoadedPlugin | null,
	base: string,
	buildName: string
): { url: string } | { file: string; built?: boolean } {
	if (p?.source.kind === 'example') {
		const ex = exampleById(p.source.id);
		if (ex) return { url: new URL(exampleWasmPath(ex), base).href };
	}
	if (p?.source.kind === 'url') return { url: p.source.url };
	if (p?.source.kind === 'build') return { file: `${buildName}.wasm`, built: true };
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

/** In words, the source a link carries. */
export function describeCode(code: SetupCode): string {
	const language = code.language === 'wat' ? 'WebAssembly text' : 'AssemblyScript';
	return `${language}, ${formatBytes(utf8Length(code.text))} (shown under Source)`;
}
