// util/ — small helpers with no domain: checking outside JSON (this file), base64, formatting
// sizes, times and names, and the page-side client of a Worker. Imports nothing of the engine.
//
// The small toolkit every format from outside is checked with (links, manifests, saved state,
// test-case files): what shape a parsed JSON value has, and how to name a wrong value in a
// sentence. Each format keeps its own wording; only the checks and the naming are shared.

export type Json = Record<string, unknown>;

/** A JSON object: not null, not a list. */
export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isText(value: unknown): value is string {
	return typeof value === 'string';
}

export function isTextList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every(isText);
}

/** Length in UTF-8 bytes: what a plugin receives and what the size limits are about. */
export function utf8Length(text: string): number {
	return new TextEncoder().encode(text).length;
}

/** Names lower-case so they also fit mid-sentence; this starts a sentence with one. */
export function cap(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A piece of untrusted text short enough to quote in a message. */
export function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * A wrong value as a message names it: lists, objects and null by their kind, the rest in the
 * format's own style (`text` for strings, `other` for numbers and booleans, `missing` for absent).
 */
function nameOf(
	value: unknown,
	style: { missing: string; text: (s: string) => string; other: (v: unknown) => string }
): string {
	if (value === undefined) return style.missing;
	if (typeof value === 'string') return style.text(value);
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	return style.other(value);
}

/** Short, for "(got …)" in links and manifests: `"clipped text"`, `5`, `a list`. */
export const shortName = (value: unknown): string =>
	nameOf(value, { missing: 'undefined', text: (s) => `"${clip(s)}"`, other: String });

/** Spelled out, for "not …" in test-case files: `"text"`, `the number 5`, `missing`. */
export const kindOf = (value: unknown): string =>
	nameOf(value, {
		missing: 'missing',
		text: (s) => JSON.stringify(s),
		other: (v) => `the ${typeof v} ${JSON.stringify(v)}`
	});
