// The browser storage the session uses: the setup in localStorage, a local plugin, an input file
// and an XTP test plugin in IndexedDB.
//
// Each tab saves under keys of its own (its id lives in sessionStorage, which a reload keeps and
// another tab does not share), so two tabs never overwrite each other's setup or plugin. A new
// tab starts from the setup saved last by any tab. Every failure (private mode, quota, blocked
// storage) is reported to the caller as "not saved", never thrown.

const PREFIX = 'extism-playground:';
const TAB_ID = `${PREFIX}tab`;
const TABS = `${PREFIX}tabs`;
/** Before saves were per tab; still read, so an older save opens once. */
const LEGACY_STATE = `${PREFIX}state`;
const LEGACY_FILE = 'last-plugin';
const DB = 'extism-playground';
const STORE = 'files';
/** Tabs whose saves are kept; older ones are removed when a tab saves. */
const KEEP_TABS = 8;

export interface StoredFile {
	name: string;
	sha256: string;
	bytes: Uint8Array;
	/** MIME type, kept for input files. */
	type?: string;
}

/** Which file of a save: the plugin, or the file given as the input. */
export type FileSlot = 'plugin' | 'input';

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

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function withStore<T>(
	mode: IDBTransactionMode,
	fn: (s: IDBObjectStore) => IDBRequest
): Promise<T> {
	const db = await openDb();
	try {
		return await new Promise<T>((resolve, reject) => {
			const req = fn(db.transaction(STORE, mode).objectStore(STORE));
			req.onsuccess = () => resolve(req.result as T);
			req.onerror = () => reject(req.error);
		});
	} finally {
		db.close();
	}
}

const stateKey = (tab: string) => `${PREFIX}state:${tab}`;
const fileKey = (tab: string, slot: FileSlot = 'plugin') => `${slot}:${tab}`;
const SLOTS: FileSlot[] = ['plugin', 'input'];
const testKey = (tab: string) => `xtp:${tab}`;
/** Every IndexedDB record of one tab's save. */
const keysOf = (tab: string) => [...SLOTS.map((slot) => fileKey(tab, slot)), testKey(tab)];

function asFile(v: unknown): StoredFile | null {
	const f = v as Partial<StoredFile> | null;
	if (f && typeof f.name === 'string' && typeof f.sha256 === 'string')
		return f.bytes instanceof Uint8Array ? (f as StoredFile) : null;
	// Saved before files carried their name and hash: the caller's hash check tells.
	return v instanceof Uint8Array ? { name: '', sha256: '', bytes: v } : null;
}

function tryLocal<T>(fn: () => T, fallback: T): T {
	try {
		return fn();
	} catch {
		return fallback;
	}
}

/** A tab id is short; anything else in the list is junk, dropped without further work. */
const isTabId = (t: unknown): t is string =>
	typeof t === 'string' && t.length > 0 && t.length <= 64;

/** Tab ids, least recently saved first; a damaged or padded list costs no more than its tail. */
function readTabs(): string[] {
	const list = tryLocal(() => JSON.parse(localStorage.getItem(TABS) ?? '[]') as unknown, []);
	if (!Array.isArray(list)) return [];
	// Only the latest entries can matter: each save moves its tab to the end.
	return list.slice(-MAX_LISTED).filter(isTabId);
}

/** Entries of the tabs list read at most; beyond KEEP_TABS only open tabs keep theirs. */
const MAX_LISTED = 64;
const lockName = (tab: string) => `${PREFIX}open:${tab}`;

/** Tabs open now, each holding its lock for as long as its page lives; null when unknown. */
async function openTabs(): Promise<Set<string> | null> {
	try {
		if (!navigator.locks?.query) return null;
		const { held = [] } = await navigator.locks.query();
		return new Set(
			held.flatMap((l) =>
				l.name?.startsWith(`${PREFIX}open:`) ? [l.name.slice(PREFIX.length + 5)] : []
			)
		);
	} catch {
		return null;
	}
}

/** Removes one tab's save: its state, and its files in a single IndexedDB transaction. */
function removeSave(tab: string) {
	const had = localStorage.getItem(stateKey(tab)) !== null;
	localStorage.removeItem(stateKey(tab));
	if (had)
		void withStore('readwrite', (s) => {
			const keys = keysOf(tab);
			for (const key of keys.slice(1)) s.delete(key);
			return s.delete(keys[0]);
		}).catch(() => {});
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
	// Held until this page goes: other tabs see this one is open and never evict its save.
	void navigator.locks?.request(lockName(tab), () => new Promise<never>(() => {})).catch(() => {});

	/** Saves beyond KEEP_TABS are removed, oldest first, except those of tabs still open. */
	async function evict() {
		const open = await openTabs();
		tryLocal(() => {
			const tabs = readTabs();
			let excess = tabs.length - KEEP_TABS;
			const kept = tabs.filter((t) => {
				if (excess <= 0 || t === tab || open?.has(t)) return true;
				excess--;
				removeSave(t);
				return false;
			});
			localStorage.setItem(TABS, JSON.stringify(kept));
		}, undefined);
	}

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
			if (saved) void evict();
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
