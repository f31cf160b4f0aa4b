// Writing a plugin here: the source, its language, the last build and its diagnostics. A build
// goes through the build worker; a good one loads like a file. Nothing builds until Build or Run.
import { BuildClient, type Builder } from '$lib/engine/author/client';
import { capped, describe, type Diagnostic } from '$lib/engine/author/diagnostics';
import { AS_FILE, WAT_FILE } from '$lib/engine/author/files';
import type { Language, PrintResult } from '$lib/engine/author/protocol';
import { TEMPLATES, templateById } from '$lib/engine/author/templates';
import { exampleSource } from '$lib/engine/example-sources';
import { exampleById } from '$lib/engine/examples';
import { formatMs } from '$lib/engine/output';
import type { SetupCode } from '$lib/engine/share/code';
import type { CurrentPlugin } from './current-plugin.svelte';
import type { RunLog } from './run-log.svelte';
import type { SetupState } from './setup-state.svelte';

/** Console lines per build; the editor shows this many markers too. */
export const MAX_DIAGNOSTIC_LINES = 20;
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
	lastBuild = $state.raw<{ ok: boolean; ms: number } | null>(null);
	/** View as WAT, for any module on show (it needs the same worker's wabt). */
	wat = $state.raw<{ label: string; result: PrintResult | null } | null>(null);
	#builtKey = $state<string | null>(null);
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

	get file(): string {
		return this.language === 'wat' ? WAT_FILE : AS_FILE;
	}

	#key(): string {
		return `${this.language}\n${this.text}`;
	}

	/** The source changed since the module on show was built from it (or another plugin is on). */
	get stale(): boolean {
		return this.#builtKey !== this.#key() || this.#current.plugin?.source.kind !== 'build';
	}

	/** What links and saves carry: the source, while writing. */
	get code(): SetupCode | undefined {
		return this.active && this.text ? { language: this.language, text: this.text } : undefined;
	}

	#builder(): Builder {
		return (this.#client ??= this.#makeClient());
	}

	/** Switches to writing, with a first template if there is no source yet; warms the compiler. */
	start() {
		this.active = true;
		if (!this.text) this.pickTemplate(TEMPLATES[0].id);
		this.#builder().preload();
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
		this.#setup.input = t.input;
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
		const key = this.#key();
		const { language, text, file } = this;
		this.building = true;
		try {
			const r = await this.#builder().build(language, text);
			this.diagnostics = capped(r.diagnostics, MAX_MARKERS).shown;
			this.lastBuild = { ok: r.ok, ms: r.ms };
			const { shown, more } = capped(r.diagnostics, MAX_DIAGNOSTIC_LINES);
			for (const d of shown)
				this.#log.say(
					d.severity === 'info' ? 'info' : d.severity === 'warning' ? 'warn' : 'error',
					describe(d, file)
				);
			if (more) this.#log.say('warn', `…and ${more} more diagnostics, not shown.`);
			if (!r.ok) {
				this.#log.say('error', `Build failed in ${formatMs(r.ms)}: ${r.message} Nothing was run.`);
				return false;
			}
			this.#log.say('info', `Built ${file} in ${formatMs(r.ms)}.`);
			if (!(await this.#current.loadBuilt(file, r.bytes))) return false;
			this.#builtKey = key;
			return true;
		} finally {
			this.building = false;
		}
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
