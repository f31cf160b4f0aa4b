import { describe, expect, it } from 'vitest';
import createPlugin from '@extism/extism';
import wabtInit from 'wabt';
import { checkUrl, describePattern, matchingPattern, patternReach } from './host-match';
import { hostPatternError, normalizeHostInput } from './hosts';

describe('matchingPattern', () => {
	it.each([
		// [url, patterns, expected pattern or null]
		['https://example.com/', ['example.com'], 'example.com'],
		['https://a.example.com/x', ['*.example.com'], '*.example.com'],
		['https://example.com/', ['*.example.com'], null],
		// minimatch's * crosses dots: hostnames have no "/" to stop it.
		['https://a.b.example.com/', ['*.example.com'], '*.example.com'],
		['https://badexample.com/', ['*example.com'], '*example.com'],
		['https://a.example.com/', ['?.example.com'], '?.example.com'],
		['https://ab.example.com/', ['?.example.com'], null],
		['https://b.example.com/', ['{a,b}.example.com'], '{a,b}.example.com'],
		['https://c.example.com/', ['{a,b}.example.com'], null],
		['https://a1.example.com/', ['[a-c][0-9].example.com'], '[a-c][0-9].example.com'],
		['http://127.0.0.1:4180/echo', ['127.0.0.1'], '127.0.0.1'],
		['http://127.0.0.9/', ['127.0.0.*'], '127.0.0.*'],
		['http://localhost:5173/', ['localhost'], 'localhost'],
		['http://[::1]:8080/', ['[::1]'], '[::1]'],
		['http://[::1]:8080/', ['::1'], null],
		// Hostnames come lower-case from URL; patterns are case-sensitive.
		['https://API.Example.com/', ['api.example.com'], 'api.example.com'],
		['https://api.example.com/', ['API.example.com'], null],
		['https://example.com:8443/', ['example.com:8443'], null],
		['https://example.com/', ['https://example.com'], null],
		['https://example.com/', ['example.com/'], null],
		['https://example.com/', [], null],
		['https://example.com/', [''], null],
		['https://example.com/', ['*'], '*'],
		// A leading "!" negates, a leading "#" is a comment: both as in the SDK.
		['https://other.com/', ['!example.com'], '!example.com'],
		['https://example.com/', ['!example.com'], null],
		['https://example.com/', ['#example.com'], null],
		['https://b.com/', ['a.com', 'b.com', '*.com'], 'b.com'],
		['not a url', ['*'], null]
	])('%s with %j → %s', (url, patterns, expected) => {
		expect(matchingPattern(url, patterns)).toBe(expected);
	});

	it('accepts a URL object', () => {
		expect(matchingPattern(new URL('https://x.example.com/'), ['*.example.com'])).toBe(
			'*.example.com'
		);
	});
});

describe('checkUrl', () => {
	it('names the pattern that allows the URL', () => {
		const check = checkUrl('  https://api.example.com:8443/v1?q=1 ', ['x.com', '*.example.com']);
		expect(check).toMatchObject({
			ok: true,
			hostname: 'api.example.com',
			pattern: '*.example.com',
			message: 'Allowed by "*.example.com".'
		});
		expect(check.url?.href).toBe('https://api.example.com:8443/v1?q=1');
	});

	it('refuses with a plain message when no pattern matches', () => {
		expect(checkUrl('https://evil.com/', ['example.com'])).toEqual({
			ok: false,
			url: new URL('https://evil.com/'),
			hostname: 'evil.com',
			reason: 'no-match',
			message: 'Refused: no allowed host matches "evil.com".'
		});
	});

	it('says that an empty list denies everything', () => {
		expect(checkUrl('https://example.com/', []).message).toBe(
			'Refused: no hosts are allowed, so plugins cannot make any HTTP request. Add "example.com" to allow this one.'
		);
	});

	it('explains that *.x matches subdomains only', () => {
		expect(checkUrl('https://example.com/', ['*.example.com']).message).toBe(
			'Refused: no allowed host matches "example.com". Note: "*.example.com" matches subdomains only; add "example.com" as well.'
		);
	});

	it('explains case sensitivity', () => {
		expect(checkUrl('https://api.example.com/', ['API.Example.com']).message).toBe(
			'Refused: no allowed host matches "api.example.com". Note: "API.Example.com" would match in lower case: patterns are case-sensitive and hostnames are always lower-case.'
		);
	});

	it.each([['https://api.example.com/v1'], ['api.example.com:443'], ['http://api.example.com']])(
		'explains that %s (scheme, port or path) never matches',
		(pattern) => {
			expect(checkUrl('https://api.example.com/', [pattern]).message).toBe(
				`Refused: no allowed host matches "api.example.com". Note: "${pattern}" never matches: a pattern is a host name only, without scheme, port or path (use "api.example.com").`
			);
		}
	);

	it('gives no hint for unrelated patterns', () => {
		const { message } = checkUrl('https://api.example.com/', [
			'*.other.com',
			'OTHER.com',
			'https://x.com'
		]);
		expect(message).toBe('Refused: no allowed host matches "api.example.com".');
	});

	it.each([
		['', 'Not a URL: enter one such as https://api.example.com/path.'],
		['   ', 'Not a URL: enter one such as https://api.example.com/path.'],
		['api.example.com/x', 'Not a URL: it needs a scheme, e.g. "https://api.example.com/x".'],
		['localhost:8080/x', 'Not a URL: it needs a scheme, e.g. "https://localhost:8080/x".'],
		['127.0.0.1:4180', 'Not a URL: it needs a scheme, e.g. "https://127.0.0.1:4180".'],
		['https://exa mple.com/', 'Not a URL: enter one such as https://api.example.com/path.'],
		['http://[::1/', 'Not a URL: enter one such as https://api.example.com/path.']
	])('rejects %j as invalid', (text, message) => {
		expect(checkUrl(text, ['*'])).toEqual({ ok: false, reason: 'invalid-url', message });
	});

	it.each([['ftp://example.com/f'], ['file:///etc/passwd'], ['data:text/plain,hi']])(
		'rejects %s: not http(s)',
		(text) => {
			expect(checkUrl(text, ['*'])).toMatchObject({
				ok: false,
				reason: 'not-http',
				message: 'Plugins can only make http(s) requests.'
			});
		}
	);
});

describe('normalizeHostInput', () => {
	it.each([
		['api.example.com', { value: 'api.example.com' }],
		['*.example.com', { value: '*.example.com' }],
		['{a,b}.example.com', { value: '{a,b}.example.com' }],
		['?.example.[a-z]om', { value: '?.example.[a-z]om' }],
		['127.0.0.1', { value: '127.0.0.1' }],
		['localhost', { value: 'localhost' }],
		['[::1]', { value: '[::1]' }],
		['my_host.internal', { value: 'my_host.internal' }],
		['  api.example.com\t', { value: 'api.example.com' }]
	])('accepts %j as is', (text, expected) => {
		expect(normalizeHostInput(text)).toEqual(expected);
	});

	it.each([
		['https://api.example.com:8443/x', 'api.example.com'],
		['http://user:pw@api.example.com/x?y=1#z', 'api.example.com'],
		['https://api.example.com?x=1', 'api.example.com'],
		['api.example.com:8443', 'api.example.com'],
		['api.example.com/path', 'api.example.com'],
		['API.Example.com', 'api.example.com'],
		['https://*.Example.com/', '*.example.com'],
		['[::1]:8080', '[::1]'],
		['http://[::1]:8080/', '[::1]'],
		['::1', '[::1]'],
		['[0:0:0:0:0:0:0:1]', '[::1]'],
		['127.0.0.1:4180', '127.0.0.1'],
		['127.1', '127.0.0.1'],
		['bücher.de', 'xn--bcher-kva.de'],
		['*.bücher.de', '*.xn--bcher-kva.de']
	])('suggests a host for %j', (text, suggestion) => {
		expect(normalizeHostInput(text)).toEqual({ value: text.trim(), suggestion });
	});

	it.each([
		['', 'Enter a host name, e.g. api.example.com or *.example.com.'],
		['   ', 'Enter a host name, e.g. api.example.com or *.example.com.'],
		['api example.com', 'A host name cannot contain spaces.'],
		[
			'!example.com',
			'A pattern starting with "!" would allow every other host; list the hosts to allow instead.'
		],
		['#example.com', 'A pattern starting with "#" never matches.'],
		['https://', 'There is no host name in this.'],
		['exa%mple.com', '"%" cannot appear in a host name.'],
		['+(a|b).example.com', '"+" cannot appear in a host name.'],
		['a:b:c.com', '":" cannot appear in a host name.'],
		[`${'a'.repeat(250)}.com`, 'Too long: a host name has at most 253 characters.']
	])('rejects %j', (text, error) => {
		expect(normalizeHostInput(text)).toEqual({ value: text.trim(), error });
	});

	it('accepts a long URL whose host is short', () => {
		const url = `https://api.example.com/${'x'.repeat(400)}`;
		expect(normalizeHostInput(url)).toEqual({ value: url, suggestion: 'api.example.com' });
	});
});

/** A plugin whose `get` sends its input (a request JSON) through the SDK's http_request. */
const HTTP_WAT = `(module
 (import "extism:host/env" "input_offset" (func $input_offset (result i64)))
 (import "extism:host/env" "http_request" (func $http_request (param i64 i64) (result i64)))
 (memory (export "memory") 1)
 (func (export "get") (result i32)
  (drop (call $http_request (call $input_offset) (i64.const 0)))
  (i32.const 0)))`;

describe('the SDK decides the same', () => {
	// Node 20 has no JSPI, so HTTP needs the SDK's worker mode; a fake fetch keeps it offline.
	async function sdkAllows(url: string, pattern: string): Promise<boolean> {
		const wabt = await wabtInit();
		const module = wabt.parseWat('http.wat', HTTP_WAT);
		const data = new Uint8Array(module.toBinary({}).buffer);
		module.destroy();
		const fetched: string[] = [];
		const plugin = await createPlugin(
			{ wasm: [{ data }] },
			{
				runInWorker: true,
				allowedHosts: [pattern],
				fetch: async (input: RequestInfo | URL) => {
					fetched.push(String(input));
					return new Response('ok');
				}
			}
		);
		try {
			await plugin.call('get', JSON.stringify({ url }));
			expect(fetched).toEqual([url]);
			return true;
		} catch (err) {
			const hostname = new URL(url).hostname;
			expect((err as Error).message).toBe(
				`Call error: HTTP request to "${new URL(url)}" is not allowed (no allowedHosts match "${hostname}")`
			);
			expect(fetched).toEqual([]);
			return false;
		} finally {
			await plugin.close();
		}
	}

	const CASES: [string, string][] = [
		['https://a.example.com/', '*.example.com'],
		['https://example.com/', '*.example.com'],
		['https://a.b.example.com/', '*.example.com'],
		['https://ab.example.com/', '?.example.com'],
		['https://b.example.com/', '{a,b}.example.com'],
		['https://API.Example.com/', 'api.example.com'],
		['https://api.example.com/', 'API.example.com'],
		['http://127.0.0.1:4180/', '127.0.0.1'],
		['http://127.0.0.1:4180/', '127.0.0.1:4180'],
		['https://example.com/', 'https://example.com'],
		['http://[::1]:8080/', '[::1]'],
		['https://other.com/', '!example.com'],
		['https://example.com/', '#example.com']
	];

	it('for each URL and pattern pair', async () => {
		const sdk = await Promise.all(CASES.map(([url, pattern]) => sdkAllows(url, pattern)));
		const ours = CASES.map(([url, pattern]) => matchingPattern(url, [pattern]) !== null);
		expect(ours).toEqual(sdk);
		// The pairs are worth comparing only if both answers occur.
		expect(sdk).toEqual([
			true,
			false,
			true,
			false,
			true,
			true,
			false,
			true,
			false,
			false,
			true,
			true,
			false
		]);
	}, 30_000);
});

describe('patterns from links, saves and manifests', () => {
	it.each([
		['!api.example.com', '"!"'],
		['!', '"!"'],
		['+(*)', '"+" cannot appear'],
		['@(*)', '"(" cannot appear'],
		['*(x)*', '"(" cannot appear'],
		['?(a|b).com', '"(" cannot appear'],
		['#x', 'never matches'],
		['a b', 'spaces']
	])('refuses %s, as the Allowed host field does', (pattern, words) => {
		expect(hostPatternError(pattern)).toContain(words);
		expect(normalizeHostInput(pattern).error).toBe(hostPatternError(pattern));
	});

	it.each(['api.example.com', '*.example.com', '127.0.0.1', '[::1]', '{a,b}.example.com', '*'])(
		'accepts %s',
		(pattern) => expect(hostPatternError(pattern)).toBeNull()
	);

	it.each([
		['*', 'every'],
		['**', 'every'],
		['{*,x}', 'every'],
		['*.*', 'many'],
		['*.example.com', 'narrow'],
		['api.example.com', 'narrow'],
		['127.0.0.1', 'narrow']
	] as const)('%s reaches %s hosts', (pattern, reach) => {
		expect(patternReach(pattern)).toBe(reach);
	});

	it('names a pattern that matches everything as "every host"', () => {
		expect(describePattern('*')).toBe('every host (*)');
		expect(describePattern('*.*')).toBe('*.* (matches many unrelated hosts)');
		expect(describePattern('api.example.com')).toBe('api.example.com');
	});
});
