// Base64 both ways, strict on the way in: links and manifests come from strangers.
// (Uint8Array.fromBase64 is not in Node 20, and atob accepts whitespace and bad padding.)

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
	const out: string[] = [];
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
		out.push(
			alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63]
		);
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i] << 16;
		out.push(alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (pad ? '==' : ''));
	} else if (rest === 2) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
		out.push(
			alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + (pad ? '=' : '')
		);
	}
	return out.join('');
}

function lookup(alphabet: string): Int16Array {
	const table = new Int16Array(128).fill(-1);
	for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
	return table;
}

const STD_TABLE = lookup(STD);
const URL_TABLE = lookup(URL_SAFE);

/** null when `text` is not base64 in this alphabet (padding optional, nothing else tolerated). */
function decode(text: string, table: Int16Array): Uint8Array | null {
	let end = text.length;
	if (end % 4 === 0 && text.endsWith('==')) end -= 2;
	else if (end % 4 === 0 && text.endsWith('=')) end -= 1;
	if (end % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((end * 3) / 4));
	let acc = 0;
	let bits = 0;
	let o = 0;
	for (let i = 0; i < end; i++) {
		const c = text.charCodeAt(i);
		const v = c < 128 ? table[c] : -1;
		if (v < 0) return null;
		acc = ((acc << 6) | v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (acc >> bits) & 0xff;
		}
	}
	// Leftover bits must be zero, so every byte string has exactly one spelling.
	if ((acc & ((1 << bits) - 1)) !== 0) return null;
	return out;
}

export const toBase64 = (bytes: Uint8Array): string => encode(bytes, STD, true);
export const toBase64Url = (bytes: Uint8Array): string => encode(bytes, URL_SAFE, false);
export const fromBase64 = (text: string): Uint8Array | null => decode(text, STD_TABLE);
export const fromBase64Url = (text: string): Uint8Array | null => decode(text, URL_TABLE);
