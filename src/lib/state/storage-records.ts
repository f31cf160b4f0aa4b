// One tab's save, as records: its state under a localStorage key, its files (plugin, input file,
// XTP test plugin) in IndexedDB. storage.ts decides which tab reads and writes which record;
// storage-tabs.ts which tabs' saves are kept.

export const PREFIX = 'extism-playground:';
const DB = 'extism-playground';
const STORE = 'files';

export interface StoredFile {
	name: string;
	sha256: string;
	bytes: Uint8Array;
	/** MIME type, kept for input files. */
	type?: string;
}

/** Which file of a save: the plugin, or the file given as the input. */
export type FileSlot = 'plugin' | 'input';

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

export async function withStore<T>(
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

export const stateKey = (tab: string) => `${PREFIX}state:${tab}`;
export const fileKey = (tab: string, slot: FileSlot = 'plugin') => `${slot}:${tab}`;
const SLOTS: FileSlot[] = ['plugin', 'input'];
export const testKey = (tab: string) => `xtp:${tab}`;
/** Every IndexedDB record of one tab's save. */
export const keysOf = (tab: string) => [...SLOTS.map((slot) => fileKey(tab, slot)), testKey(tab)];

export function asFile(v: unknown): StoredFile | null {
	const f = v as Partial<StoredFile> | null;
	if (f && typeof f.name === 'string' && typeof f.sha256 === 'string')
		return f.bytes instanceof Uint8Array ? (f as StoredFile) : null;
	// Saved before files carried their name and hash: the caller's hash check tells.
	return v instanceof Uint8Array ? { name: '', sha256: '', bytes: v } : null;
}

export function tryLocal<T>(fn: () => T, fallback: T): T {
	try {
		return fn();
	} catch {
		return fallback;
	}
}

/** Removes one tab's save: its state, and its files in a single IndexedDB transaction. */
export function removeSave(tab: string) {
	const had = localStorage.getItem(stateKey(tab)) !== null;
	localStorage.removeItem(stateKey(tab));
	if (had)
		void withStore('readwrite', (s) => {
			const keys = keysOf(tab);
			for (const key of keys.slice(1)) s.delete(key);
			return s.delete(keys[0]);
		}).catch(() => {});
}
