// A build-time Vite plugin: binaryen (asc's optimiser and emitter) ships its 10 MB wasm binary as a
// 13 MB string literal inside index.js, decoded byte by byte when the module runs. In the build
// worker that literal cost a cold build ~0.5 s of parsing plus the decoding, on the critical path.
// This moves the bytes into a .wasm asset of the build, fetched where the literal was decoded:
// same bytes, same instantiation, no vendored copy. A binaryen that is not shaped as expected is
// left as it is, with a warning, so an upgrade degrades to the old speed rather than breaking.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const ID = /[\\/]node_modules[\\/]binaryen[\\/]index\.js$/;
/** `<decoder>(`…\0asm…`)`: the call that turns the literal into the module's bytes. */
const CALL = /([A-Za-z_$][\w$]*)\(`\\0asm/;

/** The literal's end: the first backtick not escaped by a backslash. */
function literalEnd(code: string, from: number): number {
	for (let i = from; i < code.length; i++) {
		if (code[i] === '\\') i++;
		else if (code[i] === '`') return i;
		else if (code[i] === '$' && code[i + 1] === '{') return -1; // not a plain literal
	}
	return -1;
}

/**
 * Finds the literal and the decoder call around it; null when the code is not shaped as expected.
 * `bytes` are what binaryen's decoder would have produced from it.
 */
export function extractWasm(
	code: string
): { bytes: Uint8Array<ArrayBuffer>; start: number; end: number } | null {
	const m = CALL.exec(code);
	if (!m) return null;
	const open = m.index + m[1].length + 1;
	const end = literalEnd(code, open + 1);
	if (end < 0 || code[end + 1] !== ')') return null;
	const text: string = new Function(`return ${code.slice(open, end + 1)}`)();
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const n = text.charCodeAt(i);
		bytes[i] = (~n >> 8) & n; // binaryen's own decoder, term for term
	}
	if (!WebAssembly.validate(bytes)) return null;
	return { bytes, start: m.index, end: end + 2 };
}

/** The expression that stands where the decoder call was: the asset's bytes, or an error. */
function fetchExpression(url: string): string {
	return (
		`new Uint8Array(await (async (u) => { const r = await fetch(u);` +
		` if (!r.ok) throw new Error("binaryen.wasm: HTTP " + r.status);` +
		` return r.arrayBuffer(); })(${url}))`
	);
}

export function binaryenWasm(): Plugin {
	return {
		name: 'binaryen-wasm',
		apply: 'build',
		transform(code, id) {
			if (!ID.test(id)) return null;
			const found = extractWasm(code);
			if (!found) {
				this.warn('binaryen/index.js has no embedded wasm literal of the known shape: left as is');
				return null;
			}
			const ref = this.emitFile({ type: 'asset', name: 'binaryen.wasm', source: found.bytes });
			const url = `import.meta.ROLLUP_FILE_URL_${ref}`;
			return {
				code: code.slice(0, found.start) + fetchExpression(url) + code.slice(found.end),
				map: null
			};
		}
	};
}

/** For tests: the installed binaryen's code. */
export function installedBinaryen(): string {
	return readFileSync(new URL('../node_modules/binaryen/index.js', import.meta.url), 'utf8');
}
