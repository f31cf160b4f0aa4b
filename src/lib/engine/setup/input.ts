// The bytes a run sends: typed text (as UTF-8, or spelled as hex or base64 for small binary
// inputs), or a file taken as it is. Files are checked by size before they are read.
import { formatBytes, hexDump } from '../output/output';
import { fromBase64, toBase64 } from '../util/base64';

export type InputEncoding = 'text' | 'hex' | 'base64';
export const INPUT_ENCODINGS: readonly InputEncoding[] = ['text', 'hex', 'base64'];
export const ENCODING_LABELS: Record<InputEncoding, string> = {
	text: 'Text',
	hex: 'Hex',
	base64: 'Base64'
};

/** A file given as the input: its bytes go to the plugin unchanged. */
export interface InputFile {
	name: string;
	/** The browser's MIME type for it ('' when it does not know). */
	type: string;
	bytes: Uint8Array;
}

/**
 * The largest input file. A file is read whole into the page, copied once to the plugin's worker
 * and kept in IndexedDB for reloads; beyond this a tab may run short of memory.
 */
export const MAX_INPUT_FILE_BYTES = 32 * 1024 * 1024;

/** Bytes of a file shown as hex beside the input. */
export const FILE_PREVIEW_BYTES = 256;

export type InputBytes = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Why a file of this size cannot be the input, or null. Checked before the file is read. */
export function inputFileProblem(name: string, size: number): string | null {
	if (size <= MAX_INPUT_FILE_BYTES) return null;
	return `The file "${name}" (${formatBytes(size)}) is too large to be the input: input files may be at most ${formatBytes(MAX_INPUT_FILE_BYTES)}.`;
}

/** The bytes typed text stands for; whitespace between hex or base64 characters is ignored. */
export function encodeInput(text: string, encoding: InputEncoding): InputBytes {
	if (encoding === 'text') return { ok: true, bytes: new TextEncoder().encode(text) };
	const packed = text.replace(/\s+/g, '');
	if (encoding === 'hex') {
		const bad = /[^0-9a-f]/i.exec(packed);
		if (bad)
			return {
				ok: false,
				message: `The input is not hex: "${bad[0]}" is not a hex digit (0-9, a-f).`
			};
		if (packed.length % 2)
			return {
				ok: false,
				message: `The input is not hex: it has an odd number of digits (${packed.length}); every byte takes two.`
			};
		const bytes = new Uint8Array(packed.length / 2);
		for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(packed.slice(2 * i, 2 * i + 2), 16);
		return { ok: true, bytes };
	}
	const bytes = fromBase64(packed);
	if (!bytes)
		return {
			ok: false,
			message:
				'The input is not base64: it may use only A-Z, a-z, 0-9, + and /, with = padding at the end.'
		};
	return { ok: true, bytes };
}

/** Bytes spelled in an encoding, for switching encodings without losing them ('' for text that is not UTF-8). */
export function spellInput(bytes: Uint8Array, encoding: InputEncoding): string | null {
	if (encoding === 'base64') return toBase64(bytes);
	if (encoding === 'hex')
		return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

/** The start of a file, as a hex dump. */
export function filePreview(bytes: Uint8Array): string {
	return hexDump(bytes.subarray(0, FILE_PREVIEW_BYTES));
}
