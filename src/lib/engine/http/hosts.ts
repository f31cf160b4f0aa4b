// What a person may type as an allowed host, and what a pattern from outside may be. Matching a
// host against patterns is in host-match.ts.

/** The characters that make a pattern a glob rather than one host name. */
export const GLOB = /[*?[\]{}]/;

export type HostInput = { value: string; suggestion?: string; error?: string };

/** What to add when someone types or pastes into "Allowed host" (globs `* ? [ ] { }` allowed). */
export function normalizeHostInput(text: string): HostInput {
	const value = text.trim();
	if (value === '')
		return { value, error: 'Enter a host name, e.g. api.example.com or *.example.com.' };
	if (/\s/.test(value)) return { value, error: 'A host name cannot contain spaces.' };
	if (value.startsWith('!')) {
		return {
			value,
			error:
				'A pattern starting with "!" would allow every other host; list the hosts to allow instead.'
		};
	}
	if (value.startsWith('#')) return { value, error: 'A pattern starting with "#" never matches.' };
	const host = toPattern(extractHost(value));
	if (host === '') return { value, error: 'There is no host name in this.' };
	if (host.length > 253)
		return { value, error: 'Too long: a host name has at most 253 characters.' };
	// Colons only inside an IPv6 address, which URL.hostname keeps in brackets.
	const bad = host.replace(/^\[[0-9a-f:.]+\]$/, '').match(/[^a-z0-9.\-_*?[\]{},]/)?.[0];
	if (bad !== undefined) return { value, error: `"${bad}" cannot appear in a host name.` };
	return host === value ? { value } : { value, suggestion: host };
}

/** Strips what a pasted URL or `host:port` adds around the host name. */
function extractHost(value: string): string {
	let host = value;
	const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(host);
	if (scheme) {
		host = host.slice(scheme[0].length);
		// Only with a scheme is "?" surely a query rather than a glob, and only before key=value.
		host = host.replace(/\?[^?]*=.*$/, '');
	}
	host = host.replace(/[/#].*$/, '');
	host = host.slice(host.lastIndexOf('@') + 1);
	const ipv6 = /^(\[[0-9a-f:.]*:[0-9a-f:.]*\])(:\d*)?$/i.exec(host);
	if (ipv6) return ipv6[1];
	// Two or more colons and no brackets: a bare IPv6 address, which URLs always bracket.
	if ((host.match(/:/g) ?? []).length >= 2 && /^[0-9a-f:.]+$/i.test(host)) return `[${host}]`;
	return host.replace(/:\d*$/, '');
}

/** Lower-cases and converts to the form `URL.hostname` has (punycode, canonical IP addresses). */
function toPattern(host: string): string {
	if (!GLOB.test(host) || /^\[[0-9a-f:.]+\]$/i.test(host)) {
		try {
			return new URL(`http://${host}/`).hostname;
		} catch {
			return host.toLowerCase();
		}
	}
	return host
		.toLowerCase()
		.split('.')
		.map((label) => (/^[\x21-\x7e]*$/.test(label) || GLOB.test(label) ? label : asciiLabel(label)))
		.join('.');
}

function asciiLabel(label: string): string {
	try {
		return new URL(`http://${label}/`).hostname;
	} catch {
		return label;
	}
}

/**
 * Why a pattern from outside (a link, a saved setup, a manifest) is refused, or null. The rule is
 * the Allowed host field's: minimatch reads "!" as negation and "+(…)", "@(…)" as extglobs, which
 * would let a plugin reach any host while the pattern reads as a narrow grant.
 */
export function hostPatternError(pattern: string): string | null {
	// A pattern the field would only rewrite (a URL, upper case, a port) matches less, not more.
	return normalizeHostInput(pattern).error ?? null;
}
