// Which requests a mock answers: an exact URL, or a glob over scheme, host and path.
//
// Globs: `*` stands for any run of characters within its part (in the path, within one segment:
// it never crosses `/`); `**` in the path crosses segments too. A glob's query, when it has one,
// is matched the same way; a glob without a query matches any query. An exact URL (no `*`)
// matches that URL alone, query included. The port, when given, is exact. The fragment never
// reaches a server, so it takes no part.
import { clip } from '../../util/validate';

export const MAX_PATTERN_CHARS = 2048;

/** Stands for `*` while the pattern goes through the URL parser (lower-case ASCII survives it). */
const STAR = '0star0';

export type UrlTest = (url: URL) => boolean;

type Parsed = { ok: true; test: UrlTest } | { ok: false; problem: string };

/** Why this is not a mock URL pattern, in words; null when it is one. */
export function patternProblem(pattern: string): string | null {
	const p = parsePattern(pattern);
	return p.ok ? null : p.problem;
}

/** The test for a valid pattern; throws an Error with {@link patternProblem}'s words otherwise. */
export function compilePattern(pattern: string): UrlTest {
	const p = parsePattern(pattern);
	if (!p.ok) throw new Error(p.problem);
	return p.test;
}

function parsePattern(pattern: string): Parsed {
	const bad = (problem: string): Parsed => ({ ok: false, problem });
	const text = pattern.trim();
	if (!text) return bad('Enter the URL to mock, such as https://api.example.com/todos/*.');
	if (text.length > MAX_PATTERN_CHARS)
		return bad(`A mock URL may be at most ${MAX_PATTERN_CHARS.toLocaleString('en')} characters.`);
	if (/\s/.test(text)) return bad('A mock URL has no spaces (write them as %20).');
	const scheme = /^([A-Za-z*][A-Za-z0-9+.*-]*):\/\//.exec(text);
	if (!scheme) return bad(`A mock URL starts with http:// or https:// ("${clip(text)}" does not).`);
	const schemeTest = glob(scheme[1].toLowerCase(), '[a-z]*');
	if (!schemeTest('http') && !schemeTest('https'))
		return bad(`A mock URL is for http or https, not "${clip(scheme[1])}".`);
	if (text.includes('#'))
		return bad('A mock URL has no #fragment: a request never sends one to the server.');
	const rest = text.slice(scheme[0].length);
	if (rest.includes(STAR)) return bad(`A mock URL cannot contain "${STAR}".`);
	const base = ['http', 'https'].includes(scheme[1].toLowerCase()) ? scheme[1] : 'https';
	let url: URL;
	try {
		url = new URL(`${base}://${rest.replaceAll('*', STAR)}`);
	} catch {
		return bad(`"${clip(text)}" is not a URL: check the host name and the port.`);
	}
	if (url.username || url.password) return bad('A mock URL has no user name or password.');
	if (!text.includes('*')) {
		const href = withoutHash(url);
		return { ok: true, test: (u) => withoutHash(u) === href };
	}
	const back = (s: string) => s.replaceAll(STAR, '*');
	const host = glob(back(url.host), '[^/]*');
	const path = glob(back(url.pathname), '[^/]*');
	const query = url.search ? glob(back(url.search), '.*') : null;
	const test: UrlTest = (u) =>
		schemeTest(u.protocol.slice(0, -1)) &&
		host(u.host) &&
		path(u.pathname) &&
		(query === null || query(u.search));
	return { ok: true, test };
}

function withoutHash(url: URL): string {
	return url.hash ? url.href.slice(0, -url.hash.length) : url.href;
}

/** `**` is any run of characters; `*` is a run of `star` (the part's own characters). */
function glob(text: string, star: string): (s: string) => boolean {
	const source = text
		.split('**')
		.map((piece) =>
			piece
				.split('*')
				.map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
				.join(star)
		)
		.join('.*');
	const re = new RegExp(`^${source}$`);
	return (s) => re.test(s);
}
