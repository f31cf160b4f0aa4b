// The browser storage the session uses: the setup in localStorage, a local plugin, an input file
// and an XTP test plugin in IndexedDB.
//
// Each tab saves under keys of its own (its id lives in sessionStorage, which a reload keeps and
// another tab does not share), so two tabs never overwrite each other's setup or plugin. A new
// tab starts from the setup saved last by any tab. Every failure (private mode, quota, blocked
// storage) is reported to the caller as "not saved", never thrown.

import {
	PREFIX,
	asFile,
	fileKey,
	keysOf,
	stateKey,
	testKey,
	tryLocal,
	withStore,
	type FileSlot,
	type StoredFile
} from './storage-records';
import { TABS, evictSaves, holdOpen, readTabs } from './storage-tabs';

export type { FileSlot, StoredFile };

const TAB_ID = `${PREFIX}tab`;
/** Before saves were per tab; still read, so an older save opens once. */
const LEGACY_STATE = `${PREFIX}state`;
const LEGACY_FILE = 'last-plugin';

export interface Storage {
	/** This tab's save, else the one saved last by any tab. */
	readState(): string | null;
	/** False when the browser refused to store it. */
	writeState(text: string): boolean;
	/** The file in `slot` saved with the state that readState returned. */
	readFile(slot?: FileSlot): Promise<StoredFile | null>;
	writeFile(file: StoredFile, slot?: FileSlot): Promise<boolean>;
	/** The XTP test plugin chosen with that state (null: none), kept apart from the plugin. */
	readTestPlugin(): Promise<StoredFile | null>;
	writeTestPlugin(file: StoredFile | null): Promise<boolean>;
	clear(): Promise<void>;
}

export function createBrowserStorage(): Storage {
	const tab = tryLocal(() => {
		const known = sessionStorage.getItem(TAB_ID);
		if (known) return known;
		const id = crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
		sessionStorage.setItem(TAB_ID, id);
		return id;
	}, 'default');
	/** Whose save readState returned: this tab's, another tab's, or the legacy single save. */
	let source: string | null = null;
	holdOpen(tab);

	return {
		readState() {
			return tryLocal(() => {
				const own = localStorage.getItem(stateKey(tab));
				if (own !== null) return ((source = tab), own);
				const latest = readTabs().at(-1);
				const other = latest ? localStorage.getItem(stateKey(latest)) : null;
				if (latest && other !== null) return ((source = latest), other);
				source = null;
				return localStorage.getItem(LEGACY_STATE);
			}, null);
		},
		writeState(text) {
			const saved = tryLocal(() => {
				localStorage.setItem(stateKey(tab), text);
				localStorage.setItem(TABS, JSON.stringify([...readTabs().filter((t) => t !== tab), tab]));
				return true;
			}, false);
			if (saved) void evictSaves(tab);
			return saved;
		},
		async readFile(slot = 'plugin') {
			try {
				if (source === null && slot !== 'plugin') return null;
				const key = source === null ? LEGACY_FILE : fileKey(source, slot);
				return asFile(await withStore<unknown>('readonly', (s) => s.get(key)));
			} catch {
				return null;
			}
		},
		async writeFile(file, slot = 'plugin') {
			try {
				// One record: name, hash and bytes can never come from different saves.
				await withStore('readwrite', (s) => s.put({ ...file }, fileKey(tab, slot)));
				return true;
			} catch {
				return false;
			}
		},
		async readTestPlugin() {
			try {
				if (source === null) return null;
				const key = testKey(source);
				return asFile(await withStore<unknown>('readonly', (s) => s.get(key)));
			} catch {
				return null;
			}
		},
		async writeTestPlugin(file) {
			try {
				const key = testKey(tab);
				await withStore('readwrite', (s) => (file ? s.put({ ...file }, key) : s.delete(key)));
				return true;
			} catch {
				return false;
			}
		},
		async clear() {
			try {
				localStorage.removeItem(stateKey(tab));
				localStorage.removeItem(LEGACY_STATE);
				localStorage.setItem(TABS, JSON.stringify(readTabs().filter((t) => t !== tab)));
				for (const key of keysOf(tab)) await withStore('readwrite', (s) => s.delete(key));
			} catch {
				// Nothing more to do: the next save overwrites what is left.
			}
		}
	};
}
