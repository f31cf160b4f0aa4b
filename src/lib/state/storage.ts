// The browser storage the session uses: the setup in localStorage, a local plugin in IndexedDB.
// Every failure (private mode, quota, blocked storage) degrades to "nothing saved".

const KEY = 'extism-playground:state';
const DB = 'extism-playground';
const STORE = 'files';
const FILE_KEY = 'last-plugin';

export interface Storage {
	readState(): string | null;
	writeState(text: string): void;
	readFile(): Promise<Uint8Array | null>;
	writeFile(bytes: Uint8Array): Promise<void>;
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

export const browserStorage: Storage = {
	readState() {
		try {
			return localStorage.getItem(KEY);
		} catch {
			return null;
		}
	},
	writeState(text) {
		try {
			localStorage.setItem(KEY, text);
		} catch {
			// Quota or blocked storage: keep working without saving.
		}
	},
	async readFile() {
		try {
			const v = await withStore<unknown>('readonly', (s) => s.get(FILE_KEY));
			return v instanceof Uint8Array ? v : null;
		} catch {
			return null;
		}
	},
	async writeFile(bytes) {
		try {
			await withStore('readwrite', (s) => s.put(bytes, FILE_KEY));
		} catch {
			// As above.
		}
	},
	async clear() {
		try {
			localStorage.removeItem(KEY);
			await withStore('readwrite', (s) => s.delete(FILE_KEY));
		} catch {
			// As above.
		}
	}
};
