// The plugin being loaded and shown: where it came from, its progress, why the last load failed.
// A load that lost the race to a newer one changes nothing.
import { exampleById, exampleWasmPath, type ExampleInfo } from '$lib/engine/setup/examples';
import { capMemory } from '$lib/engine/wasm/memory-limit';
import { sha256Once } from '$lib/engine/wasm/sha256';
import {
	LoadError,
	checkPluginUrl,
	fetchBytes,
	preparePlugin,
	type PluginSource,
	type PreparedPlugin
} from '$lib/engine/wasm/source';

export interface LoadedPlugin extends PreparedPlugin {
	source: PluginSource;
	label: string;
	loadMs: number;
	/** Kept for share links and for saving a local file across reloads. */
	bytes: Uint8Array;
}

type Progress = (loaded: number, total: number | null) => void;

/** A load shows its progress once it has taken this long (see slowLoad). */
export const SLOW_LOAD_MS = 150;

export interface LoadHooks {
	/** A load failed (or was refused before it began); the previous plugin stays. */
	rejected(label: string, message: string, kept: LoadedPlugin | null): void;
	/**
	 * A plugin replaced the previous one, before anything else sees it. `defaults` is the example
	 * whose function, input and settings should come with it, if any.
	 */
	loaded(plugin: LoadedPlugin, defaults: ExampleInfo | null): void;
}

export class CurrentPlugin {
	plugin = $state.raw<LoadedPlugin | null>(null);
	/** Set when the last load failed; the previous plugin, if any, stays loaded. */
	rejected = $state.raw<{ label: string; message: string } | null>(null);
	loading = $state<{ label: string; loaded: number; total: number | null } | null>(null);
	/**
	 * Set once a load has taken SLOW_LOAD_MS: only then is it shown. A quick one (a local file)
	 * would otherwise flash a line that shifts the page down and back, repainting all of it twice
	 * on the way to the first run.
	 */
	slowLoad = $state(false);
	/**
	 * The plugin's SHA-256, '' until known. Chromium digests on the page's thread (~13 ms for 2 MB),
	 * so it waits for a quiet moment after the load rather than delaying the first Run.
	 */
	sha256 = $state('');
	/** Set when the digest failed (the inspector says so instead of "computing…" for ever). */
	hashFailed = $state(false);
	#hooks: LoadHooks;
	#seq = 0;
	/** The latest load: resolves with whether it loaded, whatever the outcome. */
	#done: Promise<boolean> = Promise.resolve(true);
	/** The plugin recompiled with its memory capped at Max memory pages, by that limit. */
	#capped = new WeakMap<LoadedPlugin, Record<number, WebAssembly.Module>>();
	/** The bytes each capped module was compiled from (a trap's backtrace reads them). */
	#cappedBytes = new WeakMap<WebAssembly.Module, Uint8Array>();

	constructor(hooks: LoadHooks) {
		this.#hooks = hooks;
	}

	/** The bundled example on show, or '' (derived, never stored twice). */
	readonly exampleId: string = $derived.by(() => {
		const s = this.plugin?.source;
		return s?.kind === 'example' ? s.id : '';
	});

	/** Loads an example; with `defaults`, also its function, input and settings. */
	loadExample(id: string, defaults = true): Promise<boolean> {
		const ex = exampleById(id);
		if (!ex) {
			this.#reject(id, `There is no bundled example "${id}".`);
			return Promise.resolve(false);
		}
		const read = (p: Progress) => fetchBytes(exampleWasmPath(ex), p);
		return this.#load({ kind: 'example', id }, ex.title, read, defaults ? ex : null);
	}

	loadFile(file: File): Promise<boolean> {
		return this.#load({ kind: 'file', name: file.name }, file.name, async () => {
			return new Uint8Array(await file.arrayBuffer());
		});
	}

	loadBytes(name: string, bytes: Uint8Array): Promise<boolean> {
		return this.#load({ kind: 'file', name }, name, async () => bytes);
	}

	/** A module built here from the person's source; it loads like a file would. */
	loadBuilt(name: string, bytes: Uint8Array): Promise<boolean> {
		return this.#load({ kind: 'build', name }, name, async () => bytes);
	}

	loadUrl(text: string): Promise<boolean> {
		let url: URL;
		try {
			url = checkPluginUrl(text);
		} catch (e) {
			this.#reject(text.trim(), (e as Error).message);
			return Promise.resolve(false);
		}
		return this.#load({ kind: 'url', url: url.href }, url.href, (p) => fetchBytes(url.href, p));
	}

	async #load(
		source: PluginSource,
		label: string,
		read: (progress: Progress) => Promise<Uint8Array>,
		defaults: ExampleInfo | null = null
	): Promise<boolean> {
		const seq = ++this.#seq;
		this.loading = { label, loaded: 0, total: null };
		const slow = setTimeout(() => {
			if (seq === this.#seq) this.slowLoad = true;
		}, SLOW_LOAD_MS);
		const start = performance.now();
		let settle!: (ok: boolean) => void;
		this.#done = new Promise((resolve) => (settle = resolve));
		let ok = false;
		try {
			const bytes = await read((loaded, total) => {
				if (seq === this.#seq) this.loading = { label, loaded, total };
			});
			const prepared = await preparePlugin(bytes);
			if (seq !== this.#seq) return false;
			if (!prepared.ok) {
				this.#reject(label, prepared.message);
				return false;
			}
			this.rejected = null;
			const plugin = {
				...prepared.plugin,
				source,
				label,
				bytes,
				loadMs: performance.now() - start
			};
			this.plugin = plugin;
			this.sha256 = '';
			this.hashFailed = false;
			whenQuiet(() => this.#hash(plugin));
			this.#hooks.loaded(plugin, defaults);
			ok = true;
			return true;
		} catch (e) {
			if (seq !== this.#seq) return false;
			this.#reject(label, e instanceof LoadError ? e.message : `Could not read it: ${String(e)}`);
			return false;
		} finally {
			clearTimeout(slow);
			if (seq === this.#seq) {
				this.loading = null;
				this.slowLoad = false;
			}
			settle(ok);
		}
	}

	/**
	 * Waits for the latest load, and any started meanwhile. False when the last one failed: the old
	 * plugin stays, but a run asked for during the load was for the new one.
	 */
	async settled(): Promise<boolean> {
		let ok = true;
		while (this.loading) ok = await this.#done;
		return ok;
	}

	async #hash(plugin: LoadedPlugin) {
		const hash = await sha256Once(plugin.bytes).catch(() => null);
		if (this.plugin !== plugin) return;
		if (hash === null) this.hashFailed = true;
		else this.sha256 = hash;
	}

	#reject(label: string, message: string) {
		this.rejected = { label, message };
		this.#hooks.rejected(label, message, this.plugin);
	}

	/**
	 * The plugin's module with its own memory capped at `maxPages` (the SDK caps only Extism's
	 * blocks), compiled once per limit; or why it cannot run under that limit.
	 */
	async capped(p: LoadedPlugin, maxPages: number | undefined): Promise<string | null> {
		if (maxPages === undefined) return null;
		const byLimit = this.#capped.get(p) ?? {};
		this.#capped.set(p, byLimit);
		if (byLimit[maxPages]) return null;
		const capped = capMemory(p.bytes, maxPages);
		if (!capped.ok) return capped.message;
		byLimit[maxPages] = capped.changed
			? await WebAssembly.compile(capped.bytes as Uint8Array<ArrayBuffer>)
			: p.module;
		// The rewrite moves the code: a trap's offsets are in these bytes, not the plugin's.
		if (capped.changed) this.#cappedBytes.set(byLimit[maxPages], capped.bytes);
		return null;
	}

	/** Whether `moduleFor(p, maxPages)` is ready, with no cap to compile first. */
	isCapped(p: LoadedPlugin, maxPages: number | undefined): boolean {
		return maxPages === undefined || !!this.#capped.get(p)?.[maxPages];
	}

	/** The bytes `moduleFor(p, maxPages)` was compiled from. */
	bytesFor(p: LoadedPlugin, maxPages: number | undefined): Uint8Array {
		return this.#cappedBytes.get(this.moduleFor(p, maxPages)) ?? p.bytes;
	}

	/** The module an instance is made from under `maxPages` (after `capped` said it can be). */
	moduleFor(p: LoadedPlugin, maxPages: number | undefined): WebAssembly.Module {
		const capped = maxPages === undefined ? undefined : this.#capped.get(p)?.[maxPages];
		return capped ?? p.module;
	}
}

/** After a run asked for with the load (its output included), when the page is idle. */
function whenQuiet(fn: () => void) {
	const idle = globalThis.requestIdleCallback;
	setTimeout(() => (idle ? idle(fn, { timeout: 1000 }) : fn()), 250);
}
