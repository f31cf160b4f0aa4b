// Writing a plugin here: the source, its language, the last build and its diagnostics. A build
// goes through the build worker; a good one loads like a file. Nothing builds until Build or Run.
import { BuildClient, type Builder } from '$lib/engine/author/client';
import { capped, type Diagnostic } from '$lib/engine/author/diagnostics';
import { AS_FILE, WAT_FILE } from '$lib/engine/author/file-names';
import type { PrintResult } from '$lib/engine/author/protocol';
import { TEMPLATES, templateById } from '$lib/engine/author/templates';
import { exampleSource } from '$lib/engine/author/example-sources';
import { exampleById } from '$lib/engine/setup/examples';
import type { Language, SetupCode } from '$lib/engine/setup/setup';
import type { Backtrace } from '$lib/engine/debug/backtrace';
import { framePlaces, type BuiltSource } from '$lib/engine/debug/source-places';
import type { SourceLinks } from './run-backtrace';
import type { LoadedPlugin } from './current-plugin.svelte';
import { reportBuild } from './build-report';
import type { CurrentPlugin } from './current-plugin.svelte';
import type { RunLog } from './run-log.svelte';
import type { SetupState } from './setup-state.svelte';

/** The editor marks this many places at most; the console lists fewer (build-report.ts). */
const MAX_MARKERS = 500;

export class Workbench {
	readonly templates = TEMPLATES;
	/** Whether the page shows the source editor. */
	active = $state(false);
	language = $state<Language>('assemblyscript');
	templateId = $state('');
	text = $state('');
	building = $state(false);
	/** The last build's diagnostics (for markers), errors first, capped. */
	diagnostics = $state.raw<Diagnostic[]>([]);
	/** The last build: whether it worked, how long it took, how many errors it had in all. */
	lastBuild = $state.raw<{ ok: boolean; ms: number; errors: number } | null>(null);
	/** View as WAT, for any module on show (it needs the same worker's wabt). */
	wat = $state.raw<{ label: string; result: PrintResult | null } | null>(null);
	/** Where the source editor's cursor is asked to go (a new object for each request). */
	cursor = $state.raw<{ line: number; column: number } | null>(null);
	#builtKey = $state<string | null>(null);
	/** What the last good build was made from, for a trap's source links. */
	#built: BuiltSource | null = null;
	#client: Builder | null = null;
	#makeClient: () => Builder;
	#inflight: Promise<boolean> | null = null;
	#current: CurrentPlugin;
	#setup: SetupState;
	#log: RunLog;

	constructor(
		parts: { current: CurrentPlugin; setup: SetupState; log: RunLog },
		makeClient: () => Builder = () => new BuildClient()
	) {
		this.#current = parts.current;
		this.#setup = parts.setup;
		this.#log = parts.log;
		this.#makeClient = makeClient;
	}

	readonly file: string = $derived(this.language === 'wat' ? WAT_FILE : AS_FILE);
	/** What a build is made from: the language and the source. */
	#key = $derived(`${this.language}\n${this.text}`);
	/** The source changed since the module on show was built from it (or another plugin is on). */
	readonly stale: boolean = $derived.by(
		() => this.#builtKey !== this.#key || this.#current.plugin?.source.kind !== 'build'
	);
	/** The plugin on show is a build of an earlier source (the last good one, kept after a failure). */
	readonly outdated: boolean = $derived.by(
		() => this.#current.plugin?.source.kind === 'build' && this.#builtKey !== this.#key
	);
	/** What links and saves carry: the source, while writing. */
	readonly code: SetupCode | undefined = $derived(
		this.active && this.text ? { language: this.language, text: this.text } : undefined
	);

	#builder(): Builder {
		return (this.#client ??= this.#makeClient());
	}

	/** Switches to writing, with a first template if there is no source yet; warms the compiler. */
	start() {
		this.active = true;
		if (!this.text) this.pickTemplate(TEMPLATES[0].id);
		this.#builder().preload(this.language);
	}

	stop() {
		this.active = false;
	}

	/** Replaces the source by a template's, with its function and input. */
	pickTemplate(id: string) {
		const t = templateById(id);
		if (!t) return;
		this.templateId = id;
		this.language = t.language;
		this.text = t.text;
		this.#setup.fn = t.fn;
		this.#setup.takeText(t.input);
		if (t.allowedHosts) this.#setup.settings.allowedHosts = [...t.allowedHosts];
		this.diagnostics = [];
	}

	/** Another language: an untouched template gives way to the new language's first one. */
	setLanguage(language: Language) {
		if (language === this.language) return;
		const untouched = !this.text || TEMPLATES.some((t) => t.text === this.text);
		const first = TEMPLATES.find((t) => t.language === language);
		if (untouched && first) this.pickTemplate(first.id);
		else this.language = language;
		if (this.active) this.#builder().preload(language);
	}

	/** A link's or save's source: shown, not built. */
	take(code: SetupCode | undefined) {
		if (!code) return;
		this.language = code.language;
		this.text = code.text;
		this.templateId = TEMPLATES.find((t) => t.text === code.text)?.id ?? '';
		this.diagnostics = [];
		this.active = true;
	}

	/** Edit source: an example's source, with its function, input and settings; built on Run. */
	async openExample(id: string): Promise<boolean> {
		const ex = exampleById(id);
		const code = ex ? await exampleSource(id).catch(() => null) : null;
		if (!ex || !code) {
			this.#log.say('error', `The source of the example "${id}" could not be opened.`);
			return false;
		}
		this.#setup.takeExample(ex);
		this.take(code);
		this.start();
		return true;
	}

	/** Builds when the source changed since the last build; true when a current build is loaded. */
	async ensureBuilt(): Promise<boolean> {
		while (this.#inflight) await this.#inflight;
		if (!this.stale) return true;
		return this.build();
	}

	/** Builds the source as it is now and loads the module; false (and said why) when it fails. */
	async build(): Promise<boolean> {
		while (this.#inflight) await this.#inflight;
		const run = this.#build();
		this.#inflight = run;
		try {
			return await run;
		} finally {
			this.#inflight = null;
		}
	}

	async #build(): Promise<boolean> {
		const key = this.#key;
		const { language, text, file } = this;
		this.building = true;
		try {
			const r = await this.#builder().build(language, text);
			reportBuild(this.#log, r, file);
			if (!r.ok && r.stopped) return false;
			this.diagnostics = capped(r.diagnostics, MAX_MARKERS).shown;
			const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
			this.lastBuild = { ok: r.ok, ms: r.ms, errors };
			if (!r.ok) return false;
			if (!(await this.#current.loadBuilt(file, r.bytes))) return false;
			this.#builtKey = key;
			this.#built = { language, text, file, bytes: r.bytes, sourceMap: r.sourceMap };
			return true;
		} finally {
			this.building = false;
		}
	}

	/** Stop while building: the build ends at once and nothing runs. */
	stopBuild() {
		if (this.building) this.#client?.stop();
	}

	/** A diagnostic's place: the source editor moves its cursor there and takes the focus. */
	reveal(at: { line: number; column: number }) {
		if (this.active) this.cursor = { ...at };
	}

	/**
	 * For a plugin built here, where a backtrace's frames are in its source, and the way there:
	 * null for any other plugin. `ran` are the bytes the run used (a memory cap rewrites them).
	 */
	sourceLinks(p: LoadedPlugin, trace: Backtrace, ran: Uint8Array): SourceLinks | null {
		const built = this.#built;
		if (!built || p.bytes !== built.bytes) return null;
		const places = framePlaces(trace.frames, built, ran);
		if (!places.some(Boolean)) return null;
		return { file: built.file, places, reveal: (at) => this.reveal(at) };
	}

	/** Prints the plugin on show as WebAssembly text, in the build worker. */
	async viewWat() {
		const p = this.#current.plugin;
		if (!p) return;
		const shown = { label: p.label, result: null };
		this.wat = shown;
		const result = await this.#builder().print(p.bytes);
		if (this.wat === shown) this.wat = { label: p.label, result };
	}

	closeWat() {
		this.wat = null;
	}

	dispose() {
		this.#client?.dispose();
	}
}
