import { describe, expect, it } from 'vitest';
import { classifyFetchError, classifyFetchFailure, describeHttpFailure, probeCors } from './errors';

const PAGE = 'https://play.example';
const failed = () => new TypeError('Failed to fetch');

describe('describeHttpFailure', () => {
	it('refused names the host and the fix', () => {
		expect(describeHttpFailure('refused', { url: 'https://api.example.com:8443/v1' })).toEqual({
			title: 'Refused: "api.example.com" is not in the allowed hosts.',
			hint: 'Add it under Allowed hosts (or click "Allow api.example.com").'
		});
		expect(
			describeHttpFailure('refused', { url: 'https://x.test/', hostname: 'given.test' }).title
		).toBe('Refused: "given.test" is not in the allowed hosts.');
	});

	it('cors names the origin and what the server must send', () => {
		expect(
			describeHttpFailure('cors', { url: 'https://api.example.com/v1?x', pageOrigin: PAGE })
		).toEqual({
			title: 'The server at https://api.example.com does not allow browser access (CORS).',
			hint:
				'Browsers only let a page read a cross-origin response when the server sends ' +
				'Access-Control-Allow-Origin: https://play.example (or *) — and for a POST with JSON, ' +
				'answers the OPTIONS preflight with Access-Control-Allow-Methods and ' +
				'Access-Control-Allow-Headers: content-type. The CLI has no such rule; in a browser it ' +
				'cannot be turned off.'
		});
		expect(describeHttpFailure('cors', { url: 'http://a.test/' }).hint).toContain(
			"Access-Control-Allow-Origin: this page's origin (or *)"
		);
	});

	it('network says the server did not answer', () => {
		expect(
			describeHttpFailure('network', { url: 'https://down.example/x', pageOrigin: PAGE })
		).toEqual({
			title: 'Could not reach https://down.example.',
			hint:
				'The server did not answer: the name may not resolve (DNS), the connection may have ' +
				'been refused, or the server is down. Check the URL and that the server is running.'
		});
	});

	it('network blames mixed content for http:// from an https page, except loopback', () => {
		const mixed = describeHttpFailure('network', {
			url: 'http://api.example.com/',
			pageOrigin: PAGE
		});
		expect(mixed.hint).toBe(
			'This page is served over HTTPS, so the browser blocks requests to plain http:// addresses ' +
				'(mixed content). Use an https:// URL.'
		);
		for (const url of ['http://localhost:8080/', 'http://127.0.0.1/', 'http://[::1]/']) {
			expect(describeHttpFailure('network', { url, pageOrigin: PAGE }).hint).toMatch(/^The server/);
		}
		const httpPage = { url: 'http://api.example.com/', pageOrigin: 'http://127.0.0.1:4173' };
		expect(describeHttpFailure('network', httpPage).hint).toMatch(/^The server/);
	});

	it('too-large gives the limit', () => {
		expect(describeHttpFailure('too-large', { url: 'https://a.test/', limit: 1048576 })).toEqual({
			title: 'The response was larger than Max HTTP response bytes (1,048,576).',
			hint:
				'The plugin got no response body. Raise Max HTTP response bytes in the settings ' +
				'(like --http-response-max for extism call) and run again.'
		});
		expect(describeHttpFailure('too-large', { url: 'https://a.test/' }).title).toBe(
			'The response was larger than Max HTTP response bytes.'
		);
	});

	it('a withheld redirect says the host was reached and nothing was handed over', () => {
		const { title, hint } = describeHttpFailure('redirect-withheld', {
			url: 'https://evil.test/x',
			hostname: 'evil.test'
		});
		expect(title).toBe(
			'Redirected to "evil.test", which is not in the allowed hosts: the response was withheld.'
		);
		expect(hint).toContain('the request did reach that host');
	});

	it('keeps an unparsable URL as it is', () => {
		expect(describeHttpFailure('refused', { url: 'nonsense' }).title).toBe(
			'Refused: "nonsense" is not in the allowed hosts.'
		);
	});
});

describe('classifyFetchError', () => {
	it.each([
		['a cross-origin TypeError may be CORS', failed(), 'https://api.example.com/', 'cors'],
		['the same origin is never CORS', failed(), 'https://play.example/api', 'network'],
		['mixed content is blocked first', failed(), 'http://api.example.com/', 'network'],
		['loopback http is not mixed content', failed(), 'http://127.0.0.1:4180/', 'cors'],
		[
			'an abort is not CORS',
			new DOMException('aborted', 'AbortError'),
			'https://a.test/',
			'network'
		],
		['an unparsable URL', failed(), 'nope', 'network'],
		['a data: URL', failed(), 'data:text/plain,x', 'network']
	])('%s', (_, err, url, expected) => {
		expect(classifyFetchError(err, url, PAGE)).toBe(expected);
	});
});

describe('probeCors', () => {
	it('says cors when a no-cors GET gets any response', async () => {
		const calls: [string, RequestInit | undefined][] = [];
		const fetchFn = (async (url: string, init?: RequestInit) => {
			calls.push([url, init]);
			return new Response(null, { status: 200 });
		}) as typeof fetch;
		expect(await probeCors('https://api.example.com/x', fetchFn)).toBe('cors');
		expect(calls).toHaveLength(1);
		expect(calls[0][0]).toBe('https://api.example.com/x');
		expect(calls[0][1]).toMatchObject({ mode: 'no-cors', method: 'GET' });
	});

	it('says network when even the no-cors request fails', async () => {
		const fetchFn = (async () => {
			throw failed();
		}) as typeof fetch;
		expect(await probeCors('https://down.example/', fetchFn)).toBe('network');
	});

	it('says network when the server never answers', async () => {
		const fetchFn = ((_: string, init?: RequestInit) =>
			new Promise((_resolve, reject) => {
				init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
			})) as typeof fetch;
		expect(await probeCors('https://slow.example/', fetchFn, 20)).toBe('network');
	});
});

describe('classifyFetchFailure', () => {
	it('probes only when CORS is possible', async () => {
		let probes = 0;
		const ok = (async () => {
			probes++;
			return new Response(null);
		}) as typeof fetch;
		expect(await classifyFetchFailure(failed(), 'https://api.example.com/', PAGE, ok)).toBe('cors');
		expect(await classifyFetchFailure(failed(), 'https://play.example/x', PAGE, ok)).toBe(
			'network'
		);
		expect(probes).toBe(1);
		const down = (async () => {
			throw failed();
		}) as typeof fetch;
		expect(await classifyFetchFailure(failed(), 'https://api.example.com/', PAGE, down)).toBe(
			'network'
		);
	});
});
