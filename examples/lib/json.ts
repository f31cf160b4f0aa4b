// A tiny JSON scanner: enough to find the top-level fields of an object and keep each value's raw
// text, without building a tree. Positions are UTF-16 indices into the AssemblyScript string.

/** Where a field's raw value text sits in the scanned string: `s.substring(start, end)`. */
export class Span {
	constructor(
		public start: i32,
		public end: i32
	) {}
}

/** The top-level fields of a JSON object (keys decoded), or null if `s` is not one valid object. */
export function parseObject(s: string): Map<string, Span> | null {
	const fields = new Map<string, Span>();
	const start = skipSpace(s, 0);
	if (start >= s.length || s.charCodeAt(start) != 0x7b) return null;
	const end = scanObject(s, start, fields);
	if (end < 0 || skipSpace(s, end) != s.length) return null;
	return fields;
}

/** Decodes a raw JSON string literal (quotes included), e.g. the text of a field's Span. */
export function decodeString(raw: string): string {
	let out = '';
	let i = 1;
	const last = raw.length - 1;
	while (i < last) {
		const c = raw.charCodeAt(i);
		if (c != 0x5c) {
			out += String.fromCharCode(c);
			i++;
			continue;
		}
		const e = raw.charCodeAt(i + 1);
		if (e == 0x75) {
			out += String.fromCharCode(<i32>parseInt(raw.substring(i + 2, i + 6), 16));
			i += 6;
			continue;
		}
		if (e == 0x6e) out += '\n';
		else if (e == 0x74) out += '\t';
		else if (e == 0x72) out += '\r';
		else if (e == 0x62) out += '\b';
		else if (e == 0x66) out += '\f';
		else out += String.fromCharCode(e); // \" \\ \/
		i += 2;
	}
	return out;
}

/** `text` as a quoted JSON string literal. */
export function quote(text: string): string {
	let out = '"';
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c == 0x22) out += '\\"';
		else if (c == 0x5c) out += '\\\\';
		else if (c == 0x0a) out += '\\n';
		else if (c == 0x0d) out += '\\r';
		else if (c == 0x09) out += '\\t';
		else if (c < 0x20) out += '\\u00' + (c < 0x10 ? '0' : '') + c.toString(16);
		else out += String.fromCharCode(c);
	}
	return out + '"';
}

function isSpace(c: i32): bool {
	return c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d;
}

function skipSpace(s: string, i: i32): i32 {
	while (i < s.length && isSpace(s.charCodeAt(i))) i++;
	return i;
}

/** Index just past the value that starts at or after `i`, or -1 if it is malformed. */
function scanValue(s: string, i: i32): i32 {
	i = skipSpace(s, i);
	if (i >= s.length) return -1;
	const c = s.charCodeAt(i);
	if (c == 0x22) return scanString(s, i);
	if (c == 0x7b) return scanObject(s, i, null);
	if (c == 0x5b) return scanArray(s, i);
	let j = i;
	while (j < s.length && isLiteralChar(s.charCodeAt(j))) j++;
	const word = s.substring(i, j);
	if (word == 'true' || word == 'false' || word == 'null' || isNumber(word)) return j;
	return -1;
}

function scanString(s: string, i: i32): i32 {
	i++;
	while (i < s.length) {
		const c = s.charCodeAt(i);
		if (c == 0x22) return i + 1;
		if (c < 0x20) return -1;
		i += c == 0x5c ? 2 : 1;
	}
	return -1;
}

/** Scans `{…}` at `i`; records each member's value span in `fields` when given. */
function scanObject(s: string, i: i32, fields: Map<string, Span> | null): i32 {
	i = skipSpace(s, i + 1);
	if (i < s.length && s.charCodeAt(i) == 0x7d) return i + 1;
	while (i < s.length) {
		if (s.charCodeAt(i) != 0x22) return -1;
		const keyEnd = scanString(s, i);
		if (keyEnd < 0) return -1;
		const colon = skipSpace(s, keyEnd);
		if (colon >= s.length || s.charCodeAt(colon) != 0x3a) return -1;
		const valueStart = skipSpace(s, colon + 1);
		const valueEnd = scanValue(s, valueStart);
		if (valueEnd < 0) return -1;
		if (fields !== null)
			fields.set(decodeString(s.substring(i, keyEnd)), new Span(valueStart, valueEnd));
		i = skipSpace(s, valueEnd);
		if (i >= s.length) return -1;
		const c = s.charCodeAt(i);
		if (c == 0x7d) return i + 1;
		if (c != 0x2c) return -1;
		i = skipSpace(s, i + 1);
	}
	return -1;
}

function scanArray(s: string, i: i32): i32 {
	i = skipSpace(s, i + 1);
	if (i < s.length && s.charCodeAt(i) == 0x5d) return i + 1;
	while (i < s.length) {
		const valueEnd = scanValue(s, i);
		if (valueEnd < 0) return -1;
		i = skipSpace(s, valueEnd);
		if (i >= s.length) return -1;
		const c = s.charCodeAt(i);
		if (c == 0x5d) return i + 1;
		if (c != 0x2c) return -1;
		i++;
	}
	return -1;
}

function isLiteralChar(c: i32): bool {
	return (c >= 0x61 && c <= 0x7a) || isDigit(c) || c == 0x2d || c == 0x2b || c == 0x2e || c == 0x45;
}

/** Loose number check: an optional '-', a digit, then only digits, '.', 'e', 'E', '+' or '-'. */
function isNumber(word: string): bool {
	const first = word.length > 0 && word.charCodeAt(0) == 0x2d ? 1 : 0;
	if (first >= word.length || !isDigit(word.charCodeAt(first))) return false;
	for (let i = first; i < word.length; i++) {
		const c = word.charCodeAt(i);
		if (!isDigit(c) && c != 0x2e && c != 0x65 && c != 0x45 && c != 0x2b && c != 0x2d) return false;
	}
	return true;
}

function isDigit(c: i32): bool {
	return c >= 0x30 && c <= 0x39;
}

/** The raw JSON text of the top-level field `key` of the object `s`, or null if it has none. */
export function rawField(s: string, key: string): string | null {
	const fields = parseObject(s);
	if (fields === null || !fields.has(key)) return null;
	const span = fields.get(key);
	return s.substring(span.start, span.end);
}
