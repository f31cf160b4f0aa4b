// output/ — what a run's output is and how it is shown: views (this file), kinds from bytes, and
// HTML/Markdown as a sandboxed document. May import setup/ and util/.
//
// How a plugin's output bytes are shown: text, pretty JSON or hex, bounded so huge outputs stay cheap.
import { MAX_INPUT_FILE_BYTES, type InputFile } from '../setup/input';
import { formatBytes, hexDump } from '../util/format';
import { CONTENT_TYPES, classifyText, sniffImage, type ContentKind } from './kind';

export const PREVIEW_BYTES = 64 * 1024;
const JSON_MAX_BYTES = 1024 * 1024;

export type OutputKind = 'none' | 'empty' | 'text' | 'json' | 'binary';

export interface OutputView {
	kind: OutputKind;
	/** What the bytes look like (see kind.ts): picks the view shown first. */
	content: ContentKind;
	size: number;
	/** Text of the first PREVIEW_BYTES (UTF-8), or '' for binary. */
	text: string;
	/** Indented JSON when the whole output parses as JSON. */
	pretty?: string;
	/** Hex dump of the first bytes. */
	hex: string;
	/** True when text/hex show only the start of the output. */
	truncated: boolean;
}

export function describeOutput(bytes: Uint8Array | null): OutputView {
	const nothing = { content: 'text', size: 0, text: '', hex: '', truncated: false } as const;
	if (bytes === null) return { kind: 'none', ...nothing };
	if (bytes.length === 0) return { kind: 'empty', ...nothing };
	const head = bytes.subarray(0, PREVIEW_BYTES);
	const truncated = bytes.length > head.length;
	const hex = hexDump(head.subarray(0, 4096));
	const size = bytes.length;
	// Before UTF-8: a GIF or WebP file can happen to decode as text.
	const image = sniffImage(head);
	if (image) return { kind: 'binary', content: image, size, text: '', hex, truncated };
	let text: string;
	try {
		// stream: true tolerates a character cut in half at the preview's end.
		text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: truncated });
	} catch {
		return { kind: 'binary', content: 'binary', size, text: '', hex, truncated };
	}
	if (!truncated && bytes.length <= JSON_MAX_BYTES) {
		const pretty = prettyJson(text);
		if (pretty !== undefined)
			return { kind: 'json', content: 'json', size, text, pretty, hex, truncated };
	}
	return { kind: 'text', content: classifyText(text), size, text, hex, truncated };
}

function prettyJson(text: string): string | undefined {
	const t = text.trim();
	if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
	try {
		return JSON.stringify(JSON.parse(t), null, 2);
	} catch {
		return undefined;
	}
}

/** The most text output that "Use as input" moves into the input (what a save keeps across reloads). */
export const MAX_OUTPUT_AS_INPUT = 2 * 1024 * 1024;

export type OutputAsInput =
	| { ok: true; text: string }
	/** Output that is not UTF-8 becomes an input file, so its bytes go on unchanged. */
	| { ok: true; file: InputFile }
	| { ok: false; message: string };

/**
 * The file name of a run's output: the function name may hold anything (a line break, a slash),
 * which a download, a save or a link would refuse; such characters become "_".
 */
export function outputFileName(fn: string, ext: string): string {
	const clean = fn
		.replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]/gu, '_')
		.slice(0, 200)
		.trim();
	return `${clean || 'plugin'}-output.${ext}`;
}

/** A run's output as the next run's input: UTF-8 as typed text, other bytes as an input file. */
export function outputAsInput(bytes: Uint8Array, fn = 'plugin'): OutputAsInput {
	const tooLarge = (limit: number): OutputAsInput => ({
		ok: false,
		message: `The output (${formatBytes(bytes.length)}) is too large to become the input (at most ${formatBytes(limit)}).`
	});
	const image = sniffImage(bytes);
	if (!image) {
		try {
			const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
			return bytes.length > MAX_OUTPUT_AS_INPUT
				? tooLarge(MAX_OUTPUT_AS_INPUT)
				: { ok: true, text };
		} catch {
			// Not text: it goes on as a file.
		}
	}
	if (bytes.length > MAX_INPUT_FILE_BYTES) return tooLarge(MAX_INPUT_FILE_BYTES);
	const type = CONTENT_TYPES[image ?? 'binary'];
	return { ok: true, file: { name: outputFileName(fn, type.ext), type: type.mime, bytes } };
}
