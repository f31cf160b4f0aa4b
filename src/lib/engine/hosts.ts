// Which hosts a plugin may reach over HTTP. The SDK decides with
// `url.hostname === pattern || minimatch(url.hostname, pattern)`, using the minimatch it bundles
// (9.0.3, pinned here to the same version): the UI must predict that decision exactly, so this
// file repeats the rule rather than inventing a friendlier one, and explains near misses instead.
import { minimatch } from 'minimatch';

const GLOB = /[*?[\]{}]/;

/** The pattern that lets this URL through, or null. Same rule as the SDK. */
export function matchingPattern(url: string | URL, patterns: readonly string[]): string | null {
	const parsed = parseUrl(url);
	if (!parsed) return null;
	return patterns.find((p) => matches(parsed.hostname, p)) ?? null;
}

function matches(hostname: string, pattern: string): boolean {
	try {
		return hostname === pattern || minimatch(hostname, pattern);
	} catch {
		// minimatch throws on patterns over 64 KiB; the SDK's call then fails, so nothing passes.
		return false;
	}
}

function parseUrl(url: string | URL): URL | null {
	if (url instanceof URL) return url;
	try {
		return new URL(url);
	} catch {
		return null;
	}
}

export type HostCheck =
	| { ok: true; url: URL; hostname: string; pattern: string; message: string }
	| {
			ok: false;
			url?: URL;
			hostname?: string;
			reason: 'invalid-url' | 'not-http' | 'no-match';
			message: string;
	  };

/** For the "Test URL" field: would this URL pass, and which pattern lets it? */
export function checkUrl(text: string, patterns: readonly string[]): HostCheck {
	const trimmed = text.trim();
	const url = parseUrl(trimmed);
	// "localhost:8080/x" parses, as a URL with the scheme "localhost:"; people mean host and port.
	const hostAndPort = /^[^/:?#]+:\d+(?:[/?#]|$)/.test(trimmed);
	if (!url || hostAndPort) {
		const schemeless = hostAndPort || !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
		const message =
			trimmed !== '' && schemeless && parseUrl(`https://${trimmed}`)
				? `Not a URL: it needs a scheme, e.g. "https://${trimmed}".`
				: 'Not a URL: enter one such as https://api.example.com/path.';
		return { ok: false, reason: 'invalid-url', message };
	}
	const { hostname } = url;
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {
			ok: false,
			url,
			hostname,
			reason: 'not-http',
			message: 'Plugins can only make http(s) requests.'
		};
	}
	const pattern = matchingPattern(url, patterns);
	if (pattern !== null) {
		return { ok: true, url, hostname, pattern, message: `Allowed by "${pattern}".` };
	}
	const message =
		patterns.length === 0
			? `Refused: no hosts are allowed, so plugins cannot make any HTTP request. Add "${hostname}" to allow this one.`
			: [`Refused: no allowed host matches "${hostname}".`, ...nearMisses(hostname, patterns)].join(
					' '
				);
	return { ok: false, url, hostname, reason: 'no-match', message };
}

/** Why patterns that look right do not match: the mistakes people actually make. */
function nearMisses(hostname: string, patterns: readonly string[]): string[] {
	const notes: string[] = [];
	for (const p of patterns) {
		if (p.startsWith('*.') && matches(hostname, p.slice(2))) {
			notes.push(`Note: "${p}" matches subdomains only; add "${p.slice(2)}" as well.`);
			continue;
		}
		const fixed = normalizeHostInput(p).suggestion;
		if (fixed === undefined || !matches(hostname, fixed)) continue;
		if (fixed === p.toLowerCase()) {
			notes.push(
				`Note: "${p}" would match in lower case: patterns are case-sensitive and hostnames are always lower-case.`
			);
		} else {
			notes.push(
				`Note: "${p}" never matches: a pattern is a host name only, without scheme, port or path (use "${fixed}").`
			);
		}
	}
	return notes;
}

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

/** Host names of every shape a URL can have, to tell what a pattern really lets through. */
const PROBES = [
	'localhost',
	'example.com',
	'api.example.com',
	'a.b.c.d.example.org',
	'127.0.0.1',
	'10.0.0.1',
	'[::1]',
	'xn--bcher-kva.example',
	'unrelated-host.test'
];

/** "every" when a pattern matches every kind of host; "many" when it matches unrelated ones too. */
export function patternReach(pattern: string): 'every' | 'many' | 'narrow' {
	const hits = PROBES.filter((host) => matches(host, pattern)).length;
	if (hits === PROBES.length) return 'every';
	return hits >= 3 ? 'many' : 'narrow';
}

/** A pattern in words for a summary: what it allows, not only how it is spelled. */
export function describePattern(pattern: string): string {
	const reach = patternReach(pattern);
	if (reach === 'every') return `every host (${pattern})`;
	if (reach === 'many') return `${pattern} (matches many unrelated hosts)`;
	return pattern;
}
