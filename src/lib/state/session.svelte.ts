// Share links, saved state across reloads, "copy as code" and manifests: the playground's setup
// leaving and re-entering the page. Opening a link or a save never runs anything.
import { decodeSetup, encodeSetup, readShareHash } from '$lib/engine/persist/codec';
import { AutoSave, type SavedParts } from './autosave.svelte';
import type { HostMatcher } from './host-match.svelte';
import { keepSetup, restoreSetup } from './kept-setup';
import { applySetup, currentSetup, describeCode, describeSource, pluginRef } from './setup-map';
import type { Setup } from '$lib/engine/setup/setup';
import type { Storage } from './storage';
import type { TakeHome } from './take-home.svelte';

export interface LinkBanner {
	/** Set when the link could not be opened. */
	error?: string;
	plugin: string;
	/** The plugin URL of the link, not fetched until the person presses Download plugin. */
	fetchUrl?: string;
	fn: string;
	/** The allowed hosts in words: a pattern that lets every host through says so. */
	hosts: string[];
	wasi: boolean;
	configKeys: string[];
	/** Host functions the link brings custom code for. */
	stubs: string[];
	tests: number;
	/** Linked modules in words, each saying whether it came along. */
	linked: string[];
	/** The plugin source the link carries, in words (language and size). */
	code?: string;
	/** The mock responses the link carries, each as what it answers (absent: none). */
	mocks?: string[];
}

export type CodeKind = 'CLI' | 'JavaScript' | 'Python';

/** What a session reads and replaces, and how the page starts over when nothing is kept. */
export interface SessionParts extends SavedParts {
	hostMatch: HostMatcher;
	/** A build's file name, as Download .wasm gives it. */
	takeHome: Pick<TakeHome, 'name'>;
	startOver(): Promise<void>;
}

export class Session {
	banner = $state<LinkBanner | null>(null);
	shareLink = $state('');
	shareNote = $state('');
	code = $state<{ kind: CodeKind; text: string } | null>(null);
	readonly saving: AutoSave;
	#parts: SessionParts;

	constructor(parts: SessionParts, storage: Storage) {
		this.#parts = parts;
		// A link's plugin URL waiting for confirmation is saved too, so a reload keeps it pending.
		this.saving = new AutoSave(parts, storage, () => this.banner?.fetchUrl);
	}

	/** Open the link in the address bar, else the saved state, else the first example. */
	async start(
		loc: { hash: string; pathname: string; search: string },
		replaceUrl = (url: string) => history.replaceState(history.state, '', url)
	) {
		const hash = readShareHash(loc);
		const link = hash ? await decodeSetup(hash) : null;
		if (link?.ok) {
			const { setup } = link;
			await applySetup(this.#parts, setup, [], { fetchUrl: false });
			this.banner = await this.#linkBanner(setup, link.missingPlugin);
		} else {
			if (link?.message) {
				this.banner = {
					error: link.message,
					plugin: '',
					fn: '',
					hosts: [],
					wasi: false,
					configKeys: [],
					stubs: [],
					tests: 0,
					linked: []
				};
				this.#parts.log.say('error', `This link could not be opened: ${link.message}`);
			}
			if (link?.message || !(await this.saving.restore())) await this.#parts.startOver();
			else await this.#restorePending();
		}
		// Reloading should bring back the current state (saved below), not the link as it came.
		if (hash) replaceUrl(loc.pathname + loc.search);
		this.saving.watch();
	}

	/** What a link asks for, in words, for the banner; its plugin URL waits for confirmation. */
	async #linkBanner(setup: Setup, missingPlugin?: string): Promise<LinkBanner> {
		const hosts = setup.settings.allowedHosts;
		const matcher = hosts.length ? await this.#parts.hostMatch.load() : null;
		return {
			// Run builds the source whenever a link carries one, whatever plugin it names too.
			plugin: setup.code
				? 'built from the source below when you press Run'
				: describeSource(setup.source, missingPlugin),
			...(setup.source.kind === 'url' && !setup.code ? { fetchUrl: setup.source.url } : {}),
			...(setup.code ? { code: describeCode(setup.code) } : {}),
			fn: setup.fn,
			hosts: matcher ? hosts.map(matcher.describePattern) : hosts,
			wasi: setup.settings.wasi,
			configKeys: Object.keys(setup.settings.config),
			stubs: Object.keys(setup.stubs ?? {}),
			tests: setup.tests?.length ?? 0,
			linked: (setup.linked ?? []).map((l) =>
				l.data
					? `${l.name} = ${l.file}`
					: `${l.name} = ${l.file} (too large to travel: link it by hand)`
			),
			...(setup.mocks?.length
				? { mocks: setup.mocks.map((m) => `${m.method ?? 'any'} ${m.url} → ${m.status}`) }
				: {})
		};
	}

	/** A saved link whose plugin URL was never confirmed: its banner again, nothing fetched. */
	async #restorePending() {
		const url = this.saving.restoredPendingUrl;
		if (!url) return;
		const source = { kind: 'url', url } as const;
		this.banner = await this.#linkBanner({ ...currentSetup(this.#parts), source });
	}

	/** Downloads the plugin a link names by URL, now that the person has confirmed it. */
	async fetchLinkedPlugin(): Promise<boolean> {
		const url = this.banner?.fetchUrl;
		if (!url || !this.banner) return false;
		this.banner = { ...this.banner, fetchUrl: undefined };
		return this.#parts.current.loadUrl(url);
	}

	async share(baseHref: string): Promise<string> {
		const r = await encodeSetup(currentSetup(this.#parts));
		this.shareNote = r.note ?? '';
		if (!r.hash) {
			this.shareLink = '';
			return '';
		}
		this.shareLink = baseHref.split('#')[0] + r.hash;
		return this.shareLink;
	}

	/**
	 * The code generators and the manifest codec are fetched on first use: few visits copy code or
	 * export a manifest, and the page's script counts in the initial JS. What is copied is the setup
	 * as it was when asked.
	 */
	async copyAs(kind: CodeKind, baseHref: string): Promise<string> {
		const pg = this.#parts;
		const ref = pluginRef(pg.current.plugin, baseHref, pg.takeHome.name);
		const where = 'url' in ref ? ref.url : ref.file;
		const setup = currentSetup(pg);
		const options = {
			built: 'built' in ref && ref.built,
			hostFunctions: pg.current.plugin ? pg.extras.specsFor(pg.current.plugin.info) : []
		};
		const { toCli, toJavaScript, toPython } = await import('$lib/engine/export/codegen');
		const make = { CLI: toCli, JavaScript: toJavaScript, Python: toPython }[kind];
		const text = make(setup, where, options);
		this.code = { kind, text };
		return text;
	}

	async manifestJson(baseHref: string): Promise<{ name: string; text: string }> {
		const pg = this.#parts;
		const plugin = pg.current.plugin;
		const ref = pluginRef(plugin, baseHref, pg.takeHome.name);
		const wasm = 'url' in ref ? { url: ref.url } : { data: plugin?.bytes ?? new Uint8Array() };
		const name = (plugin?.label ?? 'plugin').replace(/\.wasm$/, '').replace(/[^\w.-]+/g, '_');
		const setup = currentSetup(pg);
		const { toManifest } = await import('$lib/engine/export/manifest');
		const mocks = pg.mocks.list.length;
		if (mocks)
			pg.log.say(
				'info',
				`The manifest leaves out the ${mocks === 1 ? 'mock response' : `${mocks} mock responses`}: a manifest has no field for them, so other hosts send those requests to the network. Share links and saves carry them.`
			);
		return {
			name: `${name}.manifest.json`,
			text: JSON.stringify(toManifest(setup, wasm), null, 2)
		};
	}

	async importManifest(text: string) {
		const pg = this.#parts;
		const { parseManifest } = await import('$lib/engine/export/manifest');
		const m = parseManifest(text);
		if (!m.ok) {
			pg.log.say('error', `Could not import the manifest: ${m.message}`);
			return;
		}
		if (m.wasm && 'url' in m.wasm) await pg.current.loadUrl(m.wasm.url);
		else if (m.wasm) await pg.current.loadBytes('manifest.wasm', m.wasm.data);
		if (m.linked) {
			pg.extras.linked = [];
			for (const l of m.linked) {
				const problem =
					'url' in l.wasm
						? await pg.extras.linkUrl(l.name, l.wasm.url)
						: await pg.extras.link(l.name, `${l.name}.wasm`, l.wasm.data);
				if (problem)
					pg.log.say('error', `The linked module "${l.name}" could not be linked: ${problem}`);
			}
		}
		pg.setup.settings = { ...pg.setup.settings, ...m.settings };
		// What the manifest sets is its own, not left over from the plugin before.
		const kept = pg.setup.keptFrom;
		if (kept) pg.setup.keptFrom = { ...kept, base: { ...kept.base, ...m.settings } };
		if (m.timeoutMs !== undefined) pg.setup.timeoutMs = m.timeoutMs;
		pg.log.say('info', 'Imported the manifest.');
		for (const w of m.warnings) pg.log.say('warn', w);
	}

	/** Close the share / code panel. */
	dismiss() {
		this.shareLink = '';
		this.shareNote = '';
		this.code = null;
	}

	/**
	 * Start over: defaults, nothing saved. The setup before it is kept, and the console offers
	 * Undo, which brings it back (and saves it again).
	 */
	async reset() {
		const parts = this.#parts;
		const kept = parts.current.plugin ? keepSetup(parts) : null;
		await this.saving.clear();
		this.banner = null;
		this.dismiss();
		await parts.startOver();
		if (kept)
			parts.log.offer('Started over with the defaults; the previous setup is kept.', {
				label: 'Undo',
				run: async () => {
					await restoreSetup(parts, kept);
					parts.log.say('info', 'Brought back the setup from before New.');
				}
			});
	}
}
