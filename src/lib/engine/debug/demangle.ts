/**
 * Rust symbol names as people read them. Rust puts mangled names in the name section; C and C++
 * names arrive demangled by wasm-ld, so anything that is not a Rust symbol is returned as is.
 * The output matches rustc-demangle's alternate form (`{:#}`): no hashes, no crate disambiguators.
 */
import { demangleV0 } from './demangle-v0';

/** `$LT$`-style escapes of the legacy scheme. */
const ESCAPES: Record<string, string> = {
	SP: '@',
	BP: '*',
	RF: '&',
	LT: '<',
	GT: '>',
	LP: '(',
	RP: ')',
	C: ','
};

function unescapeIdent(ident: string): string | null {
	let s = ident.startsWith('_$') ? ident.slice(1) : ident;
	let out = '';
	while (s.length) {
		if (s.startsWith('$')) {
			const close = s.indexOf('$', 1);
			if (close < 0) return null;
			const code = s.slice(1, close);
			let text = ESCAPES[code];
			if (text === undefined) {
				if (!/^u[0-9a-f]{1,6}$/.test(code)) return null;
				const point = parseInt(code.slice(1), 16);
				if (point > 0x10ffff) return null;
				text = String.fromCodePoint(point);
			}
			out += text;
			s = s.slice(close + 1);
		} else if (s.startsWith('..')) {
			out += '::';
			s = s.slice(2);
		} else {
			const next = s.search(/\$|\.\./);
			const end = next < 0 ? s.length : next;
			out += s.slice(0, end);
			s = s.slice(end);
		}
	}
	return out;
}

/** A legacy (`_ZN…E`) Rust symbol, without its `17h<16 hex>E` hash, or null if it is not one. */
export function demangleLegacy(symbol: string): string | null {
	const body = symbol.startsWith('_ZN') ? 3 : symbol.startsWith('__ZN') ? 4 : -1;
	if (body < 0) return null;
	// LLVM may append `.llvm.<digits>` to local symbols it renamed.
	const s = symbol.replace(/\.llvm\.\d+$/, '');
	const parts: string[] = [];
	let pos = body;
	while (pos < s.length && s[pos] !== 'E') {
		const digits = /^\d+/.exec(s.slice(pos));
		if (!digits || digits[0].startsWith('0')) return null;
		const length = Number(digits[0]);
		pos += digits[0].length;
		if (pos + length > s.length) return null;
		parts.push(s.slice(pos, pos + length));
		pos += length;
	}
	// Anything after the closing E means an Itanium (C++) name, which is not ours to demangle.
	if (pos !== s.length - 1 || parts.length === 0) return null;
	const last = parts[parts.length - 1];
	if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(last)) parts.pop();
	const names = parts.map(unescapeIdent);
	if (names.some((n) => n === null)) return null;
	return names.join('::');
}

/** The readable form of a function name: Rust legacy or v0 demangled, anything else unchanged. */
export function demangle(name: string): string {
	if (name.startsWith('_R') || name.startsWith('__R')) return demangleV0(name) ?? name;
	return demangleLegacy(name) ?? name;
}
