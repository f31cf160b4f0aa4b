// What a person edits around the plugin: function, input, settings, hosts, config, timeout and
// calls per run. A fresh setup is defined once, by DEFAULT_SETUP.
import type { ExampleInfo } from '$lib/engine/examples';
import { normalizeHostInput, type HostInput } from '$lib/engine/hosts';
import { copySettings, type PluginSettings } from '$lib/engine/settings';
import { DEFAULT_SETUP, type Setup } from '$lib/engine/share/setup';
import type { ModuleInfo } from '$lib/engine/inspect';

export class SetupState {
	fn = $state(DEFAULT_SETUP.fn);
	input = $state(DEFAULT_SETUP.input);
	settings = $state<PluginSettings>(copySettings(DEFAULT_SETUP.settings));
	timeoutMs = $state<number | null>(DEFAULT_SETUP.timeoutMs);
	/** Calls per run, on one instance (like extism call --loop). */
	repeat = $state(1);

	/** Back to what a first visit starts with (the function and input come with a plugin). */
	fresh() {
		this.settings = copySettings(DEFAULT_SETUP.settings);
		this.timeoutMs = DEFAULT_SETUP.timeoutMs;
	}

	/** Takes a link's or a save's fields as they are. */
	take(setup: Pick<Setup, 'fn' | 'input' | 'settings' | 'timeoutMs'>) {
		this.fn = setup.fn;
		this.input = setup.input;
		this.settings = copySettings(setup.settings);
		this.timeoutMs = setup.timeoutMs;
	}

	/** Plain copies of the fields a link carries (reading them tracks every field). */
	snapshot(): Pick<Setup, 'fn' | 'input' | 'settings' | 'timeoutMs'> {
		return {
			fn: this.fn,
			input: this.input,
			settings: copySettings(this.settings),
			timeoutMs: this.timeoutMs
		};
	}

	/** A bundled example's own function, input and settings. */
	takeExample(ex: ExampleInfo) {
		this.fn = ex.functionName;
		this.input = ex.input;
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

	/** Exported functions, plus the chosen one when a link or saved state names one that is not. */
	functionsOf(info: ModuleInfo | undefined): string[] {
		const callable = info?.callable ?? [];
		return this.fn && !callable.includes(this.fn) ? [...callable, this.fn] : callable;
	}

	addConfig(key: string, value: string): boolean {
		const k = key.trim();
		if (!k) return false;
		this.settings.config[k] = value;
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
