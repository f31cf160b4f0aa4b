// A var as the Vars panel shows it, and a person's typed value as bytes.
import { encodeInput, spellInput } from '../setup/input';
import { formatBytes } from '../util/format';
import type { VarEntry } from './call-facts';

/** Hex shows at most this many bytes; the size says how many there are. */
const MAX_HEX_BYTES = 256;

export interface VarView {
	name: string;
	size: string;
	/** The value as text when it is UTF-8 without control characters (tabs and newlines allowed). */
	text: string | null;
	/** The value in hex, when it is not shown as text. */
	hex: string | null;
	/** The value read as a little-endian integer (wasm's byte order), when it is 4 or 8 bytes. */
	number: string | null;
}

/** Control characters other than tab, newline and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function viewVar(v: VarEntry): VarView {
	const decoded = spellInput(v.value, 'text');
	const text = decoded !== null && !CONTROL.test(decoded) ? decoded : null;
	let hex: string | null = null;
	if (text === null) {
		const head = spellInput(v.value.subarray(0, MAX_HEX_BYTES), 'hex') ?? '';
		hex = v.value.length > MAX_HEX_BYTES ? `${head} …` : head;
	}
	return { name: v.name, size: formatBytes(v.value.length), text, hex, number: asNumber(v.value) };
}

function asNumber(b: Uint8Array): string | null {
	const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
	if (b.length === 4) {
		const u = view.getUint32(0, true);
		const i = view.getInt32(0, true);
		return `u32 little-endian ${u}${i !== u ? ` (i32 ${i})` : ''}`;
	}
	if (b.length === 8) {
		const u = view.getBigUint64(0, true);
		const i = view.getBigInt64(0, true);
		return `u64 little-endian ${u}${i !== u ? ` (i64 ${i})` : ''}`;
	}
	return null;
}

export type VarValueAs = 'text' | 'hex';

/** The bytes a person typed for a var, or why they do not read as hex. */
export function varBytes(
	value: string,
	as: VarValueAs
): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
	const r = encodeInput(value, as);
	return r.ok ? r : { ok: false, message: r.message.replace('The input', 'The value') };
}
