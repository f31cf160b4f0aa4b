/** Guesses what a file that is not WebAssembly is, to tell a person what they probably loaded instead. */

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean =>
	prefix.every((b, i) => bytes[i] === b);

/** The beginning of the file as text, or null if it does not look like text. */
function leadingText(bytes: Uint8Array): string | null {
	let head = bytes.subarray(0, 1024);
	if (startsWith(head, [0xef, 0xbb, 0xbf])) head = head.subarray(3);
	let text: string;
	try {
		// `stream` lets a multi-byte character cut at the 1 KB boundary pass.
		text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
	} catch {
		return null;
	}
	// eslint-disable-next-line no-control-regex -- control characters are exactly what marks binary data
	return /[\x00-\x08\x0b\x0e-\x1f\x7f]/.test(text) ? null : text;
}

export function notWasmHint(bytes: Uint8Array): string {
	if (startsWith(bytes, [0x1f, 0x8b]))
		return 'It looks like a gzip-compressed file: decompress it first, then load the .wasm file.';
	if (startsWith(bytes, [0x50, 0x4b]) && bytes[2] < 0x20)
		return 'It looks like a ZIP archive: unzip it and load the .wasm file inside.';
	if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0x4d, 0x5a]))
		return 'It looks like a native program, not a WebAssembly module: load the compiled .wasm file.';
	const text = leadingText(bytes);
	if (text === null) return 'Check that you picked the compiled .wasm file of the plugin.';
	const start = text.trimStart();
	if (start.startsWith('<'))
		return 'It looks like HTML, for example an error page: a download that returned a web page instead of the file. Check the link and download the .wasm file itself.';
	if (start.startsWith('{') || start.startsWith('['))
		return 'It looks like JSON, maybe an Extism manifest: load the .wasm file it points to instead.';
	if (/^\((module|component)\b/.test(start))
		return 'It looks like WebAssembly text format (.wat): compile it to a binary .wasm file first, for example with wat2wasm.';
	if (start.startsWith('AGFzbQ'))
		return 'It looks like base64-encoded WebAssembly: decode it to binary first.';
	return 'It looks like text, not a compiled module: load the binary .wasm file instead.';
}
