// What a plugin needs beyond the wasm itself: host-function stubs and linked modules.
import { stubLabel, type HostCall, type StubSpec } from '$lib/engine/stubs/host-stubs';
import type { ModuleInfo } from '$lib/engine/wasm/inspect';
import { checkPluginUrl, fetchBytes, preparePlugin } from '$lib/engine/wasm/source';

export interface LinkedModule {
	/** The import module name the main module uses for it. */
	name: string;
	label: string;
	module: WebAssembly.Module;
	info: ModuleInfo;
	/** Kept so links and saves can carry it. */
	bytes: Uint8Array;
}

const MAX_CALLS = 200;

export class PluginExtras {
	/** Custom stub code by "module::name"; absent = the default stub. */
	custom = $state<Record<string, string>>({});
	/**
	 * The exact code, by label, that the person wrote or trusted. Code is trusted only while it
	 * equals this: code from a link or an old save is not, until "Trust this code".
	 */
	#trustedCode = $state<Record<string, string>>({});
	/** Host calls of the latest run, newest last. */
	calls = $state<HostCall[]>([]);
	droppedCalls = $state(0);
	linked = $state.raw<LinkedModule[]>([]);

	/** A stub for every imported host function no linked module provides. */
	specsFor(info: ModuleInfo): StubSpec[] {
		const linkedNames = this.linked.map((l) => l.name);
		return (
			info.imports.host
				// Pre-1.0 kernel imports (env.extism_*) are not host functions: stubbing them would hide
				// that the plugin needs a rebuild.
				.filter((i) => i.kind === 'function' && !linkedNames.includes(i.module))
				.filter((i) => !(i.module === 'env' && i.name.startsWith('extism_')))
				.map((i) => {
					const spec: StubSpec = {
						module: i.module,
						name: i.name,
						params: i.signature?.params ?? [],
						results: i.signature?.results ?? []
					};
					const code = this.custom[stubLabel(spec)];
					return code?.trim() ? { ...spec, code } : spec;
				})
		);
	}

	readonly hasCustom: boolean = $derived(Object.values(this.custom).some((c) => c.trim() !== ''));

	isTrusted(label: string): boolean {
		const code = this.custom[label];
		return code === undefined || code.trim() === '' || this.#trustedCode[label] === code;
	}

	/** Labels whose custom code nobody has trusted yet. */
	readonly untrusted: string[] = $derived(
		Object.keys(this.custom).filter((label) => !this.isTrusted(label))
	);
	readonly trusted: boolean = $derived(this.untrusted.length === 0);
	/** Labels whose current code is trusted, for saving beside that code. */
	readonly trustedLabels: string[] = $derived(
		Object.keys(this.custom).filter((l) => this.custom[l].trim() && this.isTrusted(l))
	);

	/** The person read the code and accepts all of it as it is now. */
	trust() {
		this.#trustedCode = { ...this.custom };
	}

	/** Code the person types: trusted if what it replaces was (editing unread code is no reading). */
	setCode(label: string, code: string | undefined) {
		if (code === undefined) {
			delete this.custom[label];
			delete this.#trustedCode[label];
			return;
		}
		if (this.isTrusted(label)) this.#trustedCode[label] = code;
		this.custom[label] = code;
	}

	/** Custom code from a link or a save; only the labels in `trusted` keep their trust. */
	replace(custom: Record<string, string>, trusted: readonly string[]) {
		this.custom = { ...custom };
		this.#trustedCode = Object.fromEntries(
			Object.entries(custom).filter(([label]) => trusted.includes(label))
		);
	}

	beginRun() {
		// Only a change: a new empty list would make the page redraw while the run starts.
		if (this.calls.length) this.calls = [];
		if (this.droppedCalls) this.droppedCalls = 0;
	}

	record(call: HostCall) {
		if (this.calls.length < MAX_CALLS) this.calls.push(call);
		else this.droppedCalls++;
	}

	/** Returns an error message, or null once the module is linked under `name`. */
	async link(name: string, label: string, bytes: Uint8Array): Promise<string | null> {
		const n = name.trim();
		if (!n) return 'Give the module the name the main module imports it by.';
		const prepared = await preparePlugin(bytes);
		if (!prepared.ok) return `${label}: ${prepared.message}`;
		const { module, info } = prepared.plugin;
		const linked = { name: n, label, module, info, bytes };
		this.linked = [...this.linked.filter((l) => l.name !== n), linked];
		return null;
	}

	/** Links a module downloaded from `url` (the same rules as a plugin URL); an error, or null. */
	async linkUrl(name: string, url: string): Promise<string | null> {
		try {
			const checked = checkPluginUrl(url);
			const file = checked.pathname.split('/').pop() || checked.host;
			return await this.link(name, file, await fetchBytes(checked.href, () => {}));
		} catch (e) {
			return e instanceof Error ? e.message : String(e);
		}
	}

	unlink(name: string) {
		this.linked = this.linked.filter((l) => l.name !== name);
	}
}
