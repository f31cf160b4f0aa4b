// What the playground keeps across reloads, versioned so an older save still opens.
//
// The setup itself is stored as a share-link fragment (same codec, same validation, same
// migrations); a local plugin file travels beside it in IndexedDB because it may be large.
import { isObject, isText, isTextList } from '../util/validate';

export interface SavedState {
	/** A share-link fragment, `#s=…`. */
	link: string;
	/** Set when the plugin was a local file; its bytes are stored separately, with this hash. */
	file?: { name: string; sha256?: string };
	/**
	 * Set when the input is a file; its bytes are stored separately (like a plugin file), so the
	 * link inside never carries them.
	 */
	inputFile?: { name: string; type: string; sha256: string };
	/** The input, when it is larger than a link may carry (the link then has none). */
	input?: string;
	/**
	 * Host functions whose custom code, as saved in this record, the person wrote or trusted.
	 * Trust lives in the same record as the code, so it can never cover other code.
	 */
	trusted?: string[];
	/**
	 * The plugin URL a link named and the person has not confirmed yet: a reload shows it again,
	 * still unconfirmed, and fetches nothing (it may point at a service on their own machine).
	 */
	pendingUrl?: string;
}

export const SAVED_VERSION = 2;

/**
 * When the shape changes, bump SAVED_VERSION and add an entry here that turns the previous
 * version into the next; the setup inside migrates with the link format's own decoders.
 */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
	// Version 1 kept no trust: its custom code may have come from a link nobody trusted.
	1: (old) => ({ ...old, v: 2 })
};

export type ParsedSave = { ok: true; state: SavedState } | { ok: false; message: string };

export function serializeSaved(state: SavedState): string {
	return JSON.stringify({ v: SAVED_VERSION, ...state });
}

/** Never throws; null when nothing was saved, otherwise the state or why it cannot be used. */
export function parseSaved(text: string | null): ParsedSave | null {
	if (!text) return null;
	const bad = (why: string): ParsedSave => ({ ok: false, message: why });
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return bad('it is not readable (damaged JSON).');
	}
	if (!isObject(value)) return bad('it is not a saved setup.');
	let obj = value;
	if (typeof obj.v !== 'number' || !Number.isInteger(obj.v) || obj.v < 1)
		return bad('it has no known format version.');
	if (obj.v > SAVED_VERSION)
		return bad(`it was saved by a newer version of the playground (format ${obj.v}).`);
	for (let v = obj.v; v < SAVED_VERSION; v = Number(obj.v)) obj = migrations[v](obj);
	if (!isText(obj.link)) return bad('its setup is missing.');
	const state: SavedState = { link: obj.link };
	const file = obj.file;
	if (file !== undefined) {
		if (!isObject(file) || !isText(file.name)) return bad('its plugin file entry is damaged.');
		if (file.sha256 !== undefined && !isText(file.sha256))
			return bad('its plugin file entry is damaged.');
		state.file = { name: file.name };
		if (file.sha256 !== undefined) state.file.sha256 = file.sha256;
	}
	if (obj.inputFile !== undefined) {
		const f = obj.inputFile;
		if (!isObject(f) || !isText(f.name) || !isText(f.type) || !isText(f.sha256))
			return bad('its input file entry is damaged.');
		state.inputFile = { name: f.name, type: f.type, sha256: f.sha256 };
	}
	if (obj.input !== undefined) {
		if (!isText(obj.input)) return bad('its input is damaged.');
		state.input = obj.input;
	}
	if (obj.trusted !== undefined) {
		if (!isTextList(obj.trusted)) return bad('its list of trusted code is damaged.');
		state.trusted = obj.trusted;
	}
	if (obj.pendingUrl !== undefined) {
		if (!isText(obj.pendingUrl)) return bad('its unconfirmed plugin address is damaged.');
		state.pendingUrl = obj.pendingUrl;
	}
	return { ok: true, state };
}
