// Saving the setup in the browser after every change, and restoring it on the next visit. What
// cannot be saved is said, and the rest is still saved.
import { parseSaved, serializeSaved, type SavedState } from '$lib/engine/persist/saved-state';
import { decodeSetup } from '$lib/engine/persist/codec';
import { utf8Length } from '$lib/engine/util/validate';
import type { Setup } from '$lib/engine/setup/setup';
import { formatBytes } from '$lib/engine/util/format';
import { applySetup, currentSetup, type SetupParts } from './setup-map';
import { linkRecord } from './save-record';
import { SavedFiles } from './saved-files';
import type { Storage } from './storage';
import type { TestPluginFile, XtpSuite } from './xtp-suite.svelte';

const SAVE_DELAY_MS = 300;

/** What a save holds and a restore gives back: the setup's parts and the XTP test plugin. */
export interface SavedParts extends SetupParts {
	xtp: XtpSuite;
}

export type SaveStatus =
	{ state: 'idle' | 'saving' | 'saved' } | { state: 'partial' | 'failed'; message: string };

export class AutoSave {
	status = $state<SaveStatus>({ state: 'idle' });
	#parts: SavedParts;
	#storage: Storage;
	/** Saves run one after another, so a slow one never overwrites a newer one. */
	#saves: Promise<void> = Promise.resolve();
	#files: SavedFiles;
	/** The test plugin last stored (undefined: nothing stored or restored yet). */
	#savedTest: TestPluginFile | null | undefined = undefined;
	/** Set by watch(): changes before it (a restore) are not saves. */
	#watching = false;
	/** The link's plugin URL still waiting for the person's confirmation, if any. */
	#pending: () => string | undefined;
	/** What the last restore brought back unconfirmed (see SavedState.pendingUrl). */
	restoredPendingUrl: string | undefined = undefined;

	/** The status in words, for the page. */
	readonly text: string = $derived.by(() => {
		const s = this.status;
		if (s.state === 'saving') return 'Saving…';
		if (s.state === 'saved') return 'Saved in this browser';
		return 'message' in s ? s.message : '';
	});
	readonly troubled: boolean = $derived(
		this.status.state === 'partial' || this.status.state === 'failed'
	);

	constructor(
		parts: SavedParts,
		storage: Storage,
		pending: () => string | undefined = () => undefined
	) {
		this.#parts = parts;
		this.#storage = storage;
		this.#pending = pending;
		this.#files = new SavedFiles(storage);
	}

	/** Restores the saved setup; false when there is none or it cannot be used (said why). */
	async restore(): Promise<boolean> {
		const pg = this.#parts;
		const parsed = parseSaved(this.#storage.readState());
		if (!parsed) return false;
		const dropped = (why: string) =>
			pg.log.say(
				'warn',
				`The setup saved in this browser could not be restored: ${why} The playground opened with its defaults.`
			);
		if (!parsed.ok) return (dropped(parsed.message), false);
		const saved = parsed.state;
		const decoded = await decodeSetup(saved.link);
		if (!decoded.ok) return (dropped(decoded.message || 'it is damaged.'), false);
		let setup = decoded.setup;
		if (saved.input !== undefined) setup = { ...setup, input: saved.input };
		if (saved.file) setup = await this.#withFile(setup, saved.file);
		if (saved.inputFile) setup = await this.#withInputFile(setup, saved.inputFile);
		await applySetup(pg, setup, saved.trusted ?? []);
		this.restoredPendingUrl = saved.pendingUrl;
		const test = await this.#storage.readTestPlugin();
		if (test && (await pg.xtp.loadBytes(test.name, test.bytes))) this.#savedTest = pg.xtp.file;
		return true;
	}

	async #withFile(setup: Setup, want: NonNullable<SavedState['file']>): Promise<Setup> {
		const file = await this.#files.read('plugin', want);
		if (!file) {
			this.#missing(`The plugin file "${want.name}"`);
			return setup;
		}
		return { ...setup, source: { kind: 'bytes', name: want.name, data: file.bytes } };
	}

	async #withInputFile(setup: Setup, want: NonNullable<SavedState['inputFile']>) {
		const file = await this.#files.read('input', want);
		if (!file) {
			this.#missing(`The input file "${want.name}"`);
			return setup;
		}
		return { ...setup, inputFile: { name: want.name, type: want.type, data: file.bytes } };
	}

	#missing(what: string) {
		this.#parts.log.say(
			'warn',
			`${what} saved with this setup is missing or does not match it: load it again.`
		);
	}

	/** Save a moment after every change, so a reload loses nothing. */
	watch() {
		this.#watching = true;
		$effect.root(() => {
			$effect(() => {
				const setup = currentSetup(this.#parts);
				const trusted = this.#parts.extras.trustedLabels;
				const pending = this.#pending();
				this.status = { state: 'saving' };
				const timer = setTimeout(() => void this.#enqueue(setup, trusted, pending), SAVE_DELAY_MS);
				return () => clearTimeout(timer);
			});
		});
	}

	/** Saves the setup as it is now, after any save already under way. */
	saveNow(): Promise<void> {
		const { extras } = this.#parts;
		return this.#enqueue(currentSetup(this.#parts), extras.trustedLabels, this.#pending());
	}

	#enqueue(setup: Setup, trusted: string[], pending: string | undefined): Promise<void> {
		this.#saves = this.#saves
			.then(() => this.#save(setup, trusted, pending))
			.catch((e: unknown) => {
				this.status = { state: 'failed', message: `Not saved: ${String(e)}` };
			});
		return this.#saves;
	}

	async #save(setup: Setup, trusted: string[], pending: string | undefined) {
		const made = await linkRecord(setup, trusted);
		if (!made.ok) return this.#fail(made.message);
		const { record, problems } = made;
		if (pending) record.pendingUrl = pending;
		const file = setup.source.kind === 'bytes' ? setup.source : null;
		const inputBytes = utf8Length(setup.input);
		if (file) {
			const { sha256, stored } = await this.#files.store('plugin', {
				name: file.name,
				bytes: file.data
			});
			record.file = { name: file.name, sha256 };
			if (!stored) problems.push(`the plugin file could not be stored (the browser refused)`);
		}
		const input = setup.inputFile;
		if (input?.data) {
			const { name, type } = input;
			const { sha256, stored } = await this.#files.store('input', {
				name,
				type,
				bytes: input.data
			});
			record.inputFile = { name, type, sha256 };
			if (!stored) problems.push(`the input file could not be stored (the browser refused)`);
		}
		let stored = this.#storage.writeState(serializeSaved(record));
		if (!stored && record.input !== undefined) {
			delete record.input;
			stored = this.#storage.writeState(serializeSaved(record));
			if (stored) problems.push(`the input (${formatBytes(inputBytes)}) did not fit in storage`);
		}
		if (!stored)
			return this.#fail(
				"Not saved: the browser's storage refused (it may be full, or blocked in private mode). Share a link to keep this setup."
			);
		this.status = problems.length
			? { state: 'partial', message: `Saved, except: ${problems.join('; ')}.` }
			: { state: 'saved' };
	}

	/**
	 * The XTP suite's saver: its test plugin changed (or went). It is stored apart from the setup,
	 * since it never travels in a link.
	 */
	keepTest(f: TestPluginFile | null) {
		if (!this.#watching || f === this.#savedTest) return;
		this.#savedTest = f;
		const stored = f && { name: f.name, sha256: f.sha256, bytes: f.bytes };
		this.status = { state: 'saving' };
		this.#saves = this.#saves.then(async () => {
			if (!(await this.#storage.writeTestPlugin(stored)))
				this.status = {
					state: 'partial',
					message: 'Saved, except: the test plugin file could not be stored (the browser refused).'
				};
			// A problem the setup's own save reported stays on show.
			else if (this.status.state === 'saving') this.status = { state: 'saved' };
		});
	}

	#fail(message: string) {
		this.status = { state: 'failed', message };
	}

	/** Nothing is saved until the next change. */
	async clear() {
		await this.#storage.clear();
		this.#files.forget();
	}
}
