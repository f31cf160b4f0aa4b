// Which tabs' saves are kept: the list of tabs that saved (least recent first) and the tabs open
// now. Each open tab holds a Web Lock for as long as its page lives, so another tab never evicts
// the save of a tab that is still open; the list is read only from its tail, so junk costs nothing.
import { PREFIX, removeSave, tryLocal } from './storage-records';

export const TABS = `${PREFIX}tabs`;
/** Tabs whose saves are kept; older ones are removed when a tab saves. */
const KEEP_TABS = 8;

/** A tab id is short; anything else in the list is junk, dropped without further work. */
const isTabId = (t: unknown): t is string =>
	typeof t === 'string' && t.length > 0 && t.length <= 64;

/** Tab ids, least recently saved first; a damaged or padded list costs no more than its tail. */
export function readTabs(): string[] {
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
		if (!globalThis.navigator?.locks?.query) return null;
		const { held = [] } = await globalThis.navigator.locks.query();
		return new Set(
			held.flatMap((l) =>
				l.name?.startsWith(`${PREFIX}open:`) ? [l.name.slice(PREFIX.length + 5)] : []
			)
		);
	} catch {
		return null;
	}
}

/** Holds this tab's lock until the page goes: other tabs see that it is open. */
export function holdOpen(tab: string) {
	void globalThis.navigator?.locks
		?.request(lockName(tab), () => new Promise<never>(() => {}))
		.catch(() => {});
}

/** Saves beyond KEEP_TABS are removed, oldest first, except `own` and those of tabs still open. */
export async function evictSaves(own: string) {
	const open = await openTabs();
	tryLocal(() => {
		const tabs = readTabs();
		let excess = tabs.length - KEEP_TABS;
		const kept = tabs.filter((t) => {
			if (excess <= 0 || t === own || open?.has(t)) return true;
			excess--;
			removeSave(t);
			return false;
		});
		localStorage.setItem(TABS, JSON.stringify(kept));
	}, undefined);
}
