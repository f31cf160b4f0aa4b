// The Vars panel's state: what the live instance held after the last run, and a person's edits.
// Sets go into the setup too (they travel in links and saves and seed every fresh instance);
// edits wait here until the next run takes them to the live instance.
import type { VarEdit, VarEntry } from '$lib/engine/run/call-facts';
import type { RunReport } from '$lib/engine/run/outcomes';
import { varBytes, viewVar, type VarValueAs, type VarView } from '$lib/engine/run/var-view';
import type { SetupState } from './setup-state.svelte';

export interface ShownVar extends VarView {
	/** 'set' or 'delete' while an edit waits for the next run. */
	waiting: 'set' | 'delete' | null;
	/** The value as a person would type it back, for editing. */
	edit: { value: string; as: VarValueAs };
}

export class VarsState {
	/** The vars the live instance held after its last run. */
	live = $state.raw<VarEntry[]>([]);
	/** Edits for the live instance, in order, sent with the next run. */
	edits = $state.raw<VarEdit[]>([]);
	#setup: SetupState;
	#instanceLive: () => boolean;

	/** `instanceLive` says whether the next run reuses the instance (else it gets the seed). */
	constructor(setup: SetupState, instanceLive: () => boolean) {
		this.#setup = setup;
		this.#instanceLive = instanceLive;
	}

	/** What the next call will find: the live vars (or, for a fresh instance, the seed) with the edits. */
	readonly shown: ShownVar[] = $derived.by(() => {
		const base = this.#instanceLive() ? this.live : this.#setup.vars;
		const list: { name: string; value: Uint8Array | null; waiting: ShownVar['waiting'] }[] =
			base.map((v) => ({ name: v.name, value: v.value, waiting: null }));
		for (const e of this.edits) {
			const item = { ...e, waiting: e.value === null ? ('delete' as const) : ('set' as const) };
			const at = list.findIndex((v) => v.name === e.name);
			if (at < 0) list.push(item);
			else list[at] = item;
		}
		const shown: ShownVar[] = [];
		for (const { name, value, waiting } of list) {
			const before = base.find((v) => v.name === name)?.value;
			// A var deleted before it ever reached the instance is simply gone.
			const bytes = value ?? before;
			if (!bytes) continue;
			const view = viewVar({ name, value: bytes });
			const edit =
				view.text !== null
					? { value: view.text, as: 'text' as const }
					: {
							value: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' '),
							as: 'hex' as const
						};
			shown.push({ ...view, waiting, edit });
		}
		return shown;
	});

	/** Sets (or replaces) a var before the next run; the reason when it cannot. */
	set(name: string, value: string, as: VarValueAs): string | null {
		const n = name.trim();
		if (!n) return 'Give the var a name.';
		const bytes = varBytes(value, as);
		if (!bytes.ok) return bytes.message;
		const entry = { name: n, value: bytes.bytes };
		const seed = this.#setup.vars;
		const at = seed.findIndex((v) => v.name === n);
		this.#setup.vars = at < 0 ? [...seed, entry] : seed.map((v, i) => (i === at ? entry : v));
		this.edits = [...this.edits.filter((e) => e.name !== n), entry];
		return null;
	}

	/** Deletes a var before the next run, from the instance and from the setup. */
	remove(name: string) {
		this.#setup.vars = this.#setup.vars.filter((v) => v.name !== name);
		this.edits = [...this.edits.filter((e) => e.name !== name), { name, value: null }];
	}

	/** The instance is gone (Reset, another plugin): nothing is live, nothing waits. */
	clear() {
		this.live = [];
		this.edits = [];
	}

	/** What a run sends: the seed for a fresh instance and the waiting edits, which it takes. */
	forRun(): { seed: VarEntry[]; edits: VarEdit[] } {
		const edits = this.edits;
		this.edits = [];
		return { seed: this.#setup.vars, edits };
	}

	/** After a run: the instance's vars as the call left them, or none when it was discarded. */
	after(report: RunReport | null) {
		if (report?.discarded) this.live = [];
		else if (report?.facts) this.live = report.facts.vars;
	}
}
