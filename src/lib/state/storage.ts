// The browser storage the session uses: the setup in localStorage, a local plugin (and an XTP
// test plugin) in IndexedDB.
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
}

export interface Storage {
	/** This tab's save, else the one saved last by any tab. */
	readState(): string | null;
	/** False when the browser refused to store it. */
	writeState(text: string): boolean;
	/** The plugin file saved with the state that readState returned. */
	readFile(): Promise<StoredFile | null>;
	writeFile(file: StoredFile): Promise<boolean>;
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
const fileKey = (tab: string) => `plugin:${tab}`;
const testKey = (tab: string) => `xtp:${tab}`;

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

/** Tab ids, least recently saved first. */
function readTabs(): string[] {
	const list = tryLocal(() => JSON.parse(localStorage.getItem(TABS) ?? '[]') as unknown, []);
	return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
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
			return tryLocal(() => {
				localStorage.setItem(stateKey(tab), text);
				const tabs = [...readTabs().filter((t) => t !== tab), tab];
				for (const old of tabs.splice(0, Math.max(0, tabs.length - KEEP_TABS))) {
					localStorage.removeItem(stateKey(old));
					for (const key of [fileKey(old), testKey(old)])
						void withStore('readwrite', (s) => s.delete(key)).catch(() => {});
				}
				localStorage.setItem(TABS, JSON.stringify(tabs));
				return true;
			}, false);
		},
		async readFile() {
			try {
				const key = source === null ? LEGACY_FILE : fileKey(source);
				return asFile(await withStore<unknown>('readonly', (s) => s.get(key)));
			} catch {
				return null;
			}
		},
		async writeFile(file) {
			try {
				// One record: name, hash and bytes can never come from different saves.
				await withStore('readwrite', (s) => s.put({ ...file }, fileKey(tab)));
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
				await withStore('readwrite', (s) => s.delete(fileKey(tab)));
				await withStore('readwrite', (s) => s.delete(testKey(tab)));
			} catch {
				// Nothing more to do: the next save overwrites what is left.
			}
		}
	};
}
