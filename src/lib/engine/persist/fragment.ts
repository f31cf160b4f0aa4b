// SvelteKit's client runs decodeURIComponent on the URL fragment when the page starts (to find the
// element to scroll to), before any code of ours. A fragment with a bad percent-escape (`#%ff`,
// `#s=1.%E0%A4%A`, a `%` cut off by a chat app) makes it throw URIError, and the page breaks.

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether decodeURIComponent accepts `text`: every '%' starts an escape of two hex digits, and
 * each run of escapes spells valid UTF-8. Checked by hand rather than by calling decodeURIComponent
 * in a try: the minifier takes that call for side-effect free and drops it when its result is unused.
 */
export function percentDecodes(text: string): boolean {
	if (/%(?![0-9a-f]{2})/i.test(text)) return false;
	for (const run of text.match(/(?:%[0-9a-f]{2})+/gi) ?? []) {
		const bytes = new Uint8Array(run.length / 3);
		for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
		try {
			utf8.decode(bytes);
		} catch {
			return false;
		}
	}
	return true;
}

/**
 * The fragment to put in the address bar before SvelteKit starts, or null when `hash` is fine as
 * it is. The repair escapes every '%', so the fragment decodes back to exactly the text the person
 * had; a share link never contains '%', so the link decoder then calls it damaged, in words.
 */
export function decodableFragment(hash: string): string | null {
	return percentDecodes(hash) ? null : hash.replace(/%/g, '%25');
}
