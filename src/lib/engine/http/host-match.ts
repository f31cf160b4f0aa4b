// Which hosts a plugin may reach over HTTP. The SDK decides with
// `url.hostname === pattern || minimatch(url.hostname, pattern)`, using the minimatch it bundles
// (9.0.3, pinned here to the same version): the UI must predict that decision exactly, so this
// file repeats the rule rather than inventing a friendlier one, and explains near misses instead.
// The page and the worker load this file only when they have a host to match
// (state/host-match.svelte.ts, host-rule.ts): most visits grant none, and minimatch is 9 KB gzip.
import { minimatch } from 'minimatch';
import { normalizeHostInput } from './hosts';

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
