// What a person edits around the plugin: function, input, settings, hosts, config, timeout and
// calls per run. A fresh setup is defined once, by DEFAULT_SETUP.
import type { ExampleInfo } from '$lib/engine/setup/examples';
import { dropKept, keptLabels, type KeptFrom } from './kept-settings';
import { normalizeHostInput, type HostInput } from '$lib/engine/http/hosts';
import { copySettings, type PluginSettings } from '$lib/engine/setup/settings';
import { DEFAULT_SETUP, type Setup } from '$lib/engine/setup/setup';
import type { ModuleInfo } from '$lib/engine/wasm/inspect';
import { MAX_EMBED_BYTES } from '$lib/engine/persist/codec';
import { formatBytes } from '$lib/engine/util/format';
import {
	encodeInput,
	spellInput,
	type InputBytes,
	type InputEncoding,
	type InputFile
} from '$lib/engine/setup/input';

type Edited = Pick<
	Setup,
	'fn' | 'input' | 'inputEncoding' | 'inputFile' | 'settings' | 'timeoutMs'
>;

export class SetupState {
	fn = $state(DEFAULT_SETUP.fn);
	input = $state(DEFAULT_SETUP.input);
	/** How the typed input spells its bytes. */
	inputEncoding = $state<InputEncoding>('text');
	/** When set, the input is this file (its bytes unchanged) and the typed input waits. */
	inputFile = $state.raw<InputFile | null>(null);
	/** Why the last file offered as the input was refused ('' when it was not). */
	inputProblem = $state('');
	settings = $state<PluginSettings>(copySettings(DEFAULT_SETUP.settings));
	timeoutMs = $state<number | null>(DEFAULT_SETUP.timeoutMs);
	/** Calls per run, on one instance (like extism call --loop). */
	repeat = $state(1);
	/** Set when settings stayed from the plugin before this one (see kept-settings.ts). */
	keptFrom = $state.raw<KeptFrom | null>(null);
	/** The settings that stayed from the previous plugin, by label ([] when none did). */
	readonly kept: string[] = $derived(keptLabels(this, this.keptFrom));
	/** The typed input's bytes in its encoding, or why it does not read in it. */
	readonly typed: InputBytes = $derived(encodeInput(this.input, this.inputEncoding));
	/** Said when the input file cannot travel in a share link (links carry only its name). */
	readonly inputFileNote: string | null = $derived(
		this.inputFile && this.inputFile.bytes.length > MAX_EMBED_BYTES
			? `Too large to travel in a share link (limit ${formatBytes(MAX_EMBED_BYTES)}): a link carries only its name. It is kept in this browser across reloads.`
			: null
	);

	/** Back to what a first visit starts with (the function and input come with a plugin). */
	fresh() {
		this.keptFrom = null;
		this.#textInput();
		this.settings = copySettings(DEFAULT_SETUP.settings);
		this.timeoutMs = DEFAULT_SETUP.timeoutMs;
	}

	/** Takes a link's or a save's fields as they are. */
	take(setup: Edited) {
		this.keptFrom = null;
		this.fn = setup.fn;
		this.input = setup.input;
		this.inputEncoding = setup.inputEncoding ?? 'text';
		const f = setup.inputFile;
		this.inputFile = f?.data ? { name: f.name, type: f.type, bytes: f.data } : null;
		this.settings = copySettings(setup.settings);
		this.timeoutMs = setup.timeoutMs;
	}

	/** Plain copies of the fields a link carries (reading them tracks every field). */
	snapshot(): Edited {
		const f = this.inputFile;
		return {
			fn: this.fn,
			input: this.input,
			...(this.inputEncoding !== 'text' ? { inputEncoding: this.inputEncoding } : {}),
			...(f ? { inputFile: { name: f.name, type: f.type, data: f.bytes } } : {}),
			settings: copySettings(this.settings),
			timeoutMs: this.timeoutMs
		};
	}

	/** The bytes the next run sends: the file's as they are, else the typed input's. */
	inputBytes(): InputBytes {
		if (this.inputFile) return { ok: true, bytes: this.inputFile.bytes };
		return this.typed;
	}

	/** Another spelling of the typed input; the text is respelt when it reads in the old one. */
	setEncoding(encoding: InputEncoding) {
		const now = this.typed;
		const respelt = now.ok ? spellInput(now.bytes, encoding) : null;
		if (respelt !== null) this.input = respelt;
		this.inputEncoding = encoding;
	}

	/** Typed text becomes the input (a run's output, an example's input). */
	takeText(text: string) {
		this.#textInput();
		this.input = text;
	}

	#textInput() {
		this.inputFile = null;
		this.inputEncoding = 'text';
	}

	/** A bundled example's own function, input and settings. */
	takeExample(ex: ExampleInfo) {
		this.fn = ex.functionName;
		this.takeText(ex.input);
		this.settings.config = { ...ex.config };
		this.settings.allowedHosts = [...ex.allowedHosts];
		this.settings.wasi = ex.wasi;
	}

	/**
	 * Fits the setup to a newly loaded module: a function it exports, WASI when it imports WASI.
	 * True when WASI had to be switched on.
	 */
	fitTo(info: ModuleInfo): boolean {
		if (!info.callable.includes(this.fn)) this.fn = info.callable[0] ?? '';
		if (!info.usesWasi || this.settings.wasi) return false;
		this.settings.wasi = true;
		return true;
	}

	/** Another plugin came: settings that differ from what it starts with are marked as kept. */
	markKept(from: KeptFrom) {
		this.keptFrom = keptLabels(this, from).length ? from : null;
	}

	/** The kept settings give way to what this plugin starts with. */
	dropKept() {
		if (this.keptFrom) dropKept(this, this.keptFrom);
		this.keptFrom = null;
	}

	/** Exported functions, plus the chosen one when a link or saved state names one that is not. */
	functionsOf(info: ModuleInfo | undefined): string[] {
		const callable = info?.callable ?? [];
		return this.fn && !callable.includes(this.fn) ? [...callable, this.fn] : callable;
	}

	addConfig(key: string, value: string): boolean {
		const k = key.trim();
		if (!k) return false;
		// A computed key in a literal makes an own property even of "__proto__", which an
		// assignment would take as the object's prototype.
		this.settings.config = { ...this.settings.config, [k]: value };
		return true;
	}

	removeConfig(key: string) {
		delete this.settings.config[key];
	}

	/** Adds a host pattern as typed; the caller shows a suggestion or error instead when there is one. */
	addHost(text: string, opts: { acceptAsTyped?: boolean } = {}): HostInput {
		const check = normalizeHostInput(text);
		if (check.error || (check.suggestion && !opts.acceptAsTyped)) return check;
		this.allowHost(check.value);
		return check;
	}

	allowHost(pattern: string) {
		if (!this.settings.allowedHosts.includes(pattern)) this.settings.allowedHosts.push(pattern);
	}

	removeHost(pattern: string) {
		this.settings.allowedHosts = this.settings.allowedHosts.filter((h) => h !== pattern);
	}
}
