// What the playground keeps across reloads, versioned so an older save still opens.
//
// The setup itself is stored as a share-link fragment (same codec, same validation, same
// migrations); a local plugin file travels beside it in IndexedDB because it may be large.

export interface SavedState {
	/** A share-link fragment, `#s=…`. */
	link: string;
	/** Set when the plugin was a local file; its bytes are stored separately. */
	file?: { name: string };
}

export const SAVED_VERSION = 1;

/**
 * When the shape changes, bump SAVED_VERSION and add an entry here that turns the previous
 * version into the next; the setup inside migrates with the link format's own decoders.
 */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export function serializeSaved(state: SavedState): string {
	return JSON.stringify({ v: SAVED_VERSION, ...state });
}

/** Never throws: anything unreadable or from a newer version is treated as nothing saved. */
export function parseSaved(text: string | null): SavedState | null {
	if (!text) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (!value || typeof value !== 'object') return null;
	let obj = value as Record<string, unknown>;
	for (let v = Number(obj.v); v < SAVED_VERSION; v = Number(obj.v)) {
		const step = migrations[v];
		if (!step) return null;
		obj = step(obj);
	}
	if (obj.v !== SAVED_VERSION || typeof obj.link !== 'string') return null;
	const file = obj.file as { name?: unknown } | undefined;
	if (file !== undefined && (typeof file !== 'object' || typeof file?.name !== 'string'))
		return null;
	return { link: obj.link, ...(file ? { file: { name: file.name as string } } : {}) };
}
