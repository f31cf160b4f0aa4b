// Mocks on the synchronous-XHR path (no JSPI): our http_request consults them after its host
// rule, and hands their answers over under the same rules as a server's.
import { describe, expect, it } from 'vitest';
import { compileMocks } from './answer';
import { newMock, type Mock } from './mock';
import { matchingPattern } from '../host-match';
import type { HttpEvent } from '../recorder';
import { createXhrHttpFunctions, type XhrLike } from '../xhr';
import { context } from '../../testing/call-context';

function setup(mocks: Mock[], opts: { maxBytes?: number; headers?: boolean } = {}) {
	const events: HttpEvent[] = [];
	const logs: string[] = [];
	const network: string[] = [];
	const http = createXhrHttpFunctions({
		allows: (url) => matchingPattern(url, ['api.example.com']) !== null,
		maxBytes: opts.maxBytes,
		allowHeaders: opts.headers ?? false,
		emit: (ev) => events.push(ev),
		logError: (m) => logs.push(m),
		mocks: compileMocks(mocks),
		// A real request: the server answers "real".
		newXhr: (): XhrLike => {
			let sentTo = '';
			return {
				responseType: '',
				withCredentials: false,
				open: (_m, url) => void (sentTo = url),
				setRequestHeader() {},
				send: () => void network.push(sentTo),
				status: 200,
				response: new TextEncoder().encode('real').buffer,
				responseURL: '',
				getAllResponseHeaders: () => 'x-real: 1\r\n'
			};
		}
	});
	const env = http.functions['extism:host/env'];
	return { events, logs, network, env, last: () => events[events.length - 1] };
}

const text = (b: unknown) => new TextDecoder().decode(b as Uint8Array);
const todo = (over: Partial<Mock> = {}): Mock => ({
	...newMock('https://api.example.com/todos/*'),
	body: { kind: 'json', text: '{"id":1}' },
	...over
});
const get = (url: string) => context({ 1: { url } });

describe('mocks on the synchronous-XHR path', () => {
	it('answer a matching request without a request, and mark its row', () => {
		const s = setup([todo()]);
		const ctx = get('https://api.example.com/todos/1');
		expect(s.env.http_request(ctx, 1n, 0n)).toBe(101n);
		expect(text(ctx.stored[0])).toBe('{"id":1}');
		expect(s.env.http_status_code()).toBe(200);
		expect(s.network).toEqual([]);
		expect(s.events.map((e) => [e.state, e.mocked])).toEqual([
			['pending', 'https://api.example.com/todos/*'],
			['done', 'https://api.example.com/todos/*']
		]);
		expect(s.last()).toMatchObject({ status: 200, bytes: 8 });
	});

	it('let a request no mock matches go to the network, unmarked', () => {
		const s = setup([todo()]);
		const ctx = get('https://api.example.com/users/1');
		s.env.http_request(ctx, 1n, 0n);
		expect(text(ctx.stored[0])).toBe('real');
		expect(s.network).toEqual(['https://api.example.com/users/1']);
		expect(s.last().mocked).toBeUndefined();
		expect(s.last().received?.headers).toEqual({ 'x-real': '1' });
	});

	it('never answer a request to a host that is not allowed: the refusal is as without mocks', () => {
		const s = setup([todo({ url: 'https://other.test/*' })]);
		expect(() => s.env.http_request(get('https://other.test/x'), 1n, 0n)).toThrow(
			'Call error: HTTP request to "https://other.test/x" is not allowed (no allowedHosts match "other.test")'
		);
		expect(s.events).toEqual([]);
		expect(s.network).toEqual([]);
	});

	it('hand a 404 mock to the plugin as a 404, body and all', () => {
		const s = setup([todo({ status: 404, body: { kind: 'text', text: 'no such todo' } })]);
		const ctx = get('https://api.example.com/todos/9');
		s.env.http_request(ctx, 1n, 0n);
		expect(s.env.http_status_code()).toBe(404);
		expect(text(ctx.stored[0])).toBe('no such todo');
	});

	it('apply Max HTTP response bytes to a mocked body, as the SDK does', () => {
		const s = setup([todo({ body: { kind: 'text', text: 'x'.repeat(100) } })], { maxBytes: 10 });
		const ctx = get('https://api.example.com/todos/1');
		expect(s.env.http_request(ctx, 1n, 0n)).toBe(0n);
		expect(ctx.stored).toEqual([]);
		expect(s.logs).toEqual(['Response body exceeded 10 bytes']);
		expect(s.last()).toMatchObject({ state: 'too-large', bytes: 100, mocked: todo().url });
	});

	it('give a mocked response its headers only when response headers are granted', () => {
		const mocks = [todo({ headers: { 'X-Total': '3' } })];
		const denied = setup(mocks);
		const c1 = get('https://api.example.com/todos/1');
		denied.env.http_request(c1, 1n, 0n);
		expect(denied.env.http_headers(c1)).toBe(0n);
		const granted = setup(mocks, { headers: true });
		const c2 = get('https://api.example.com/todos/1');
		granted.env.http_request(c2, 1n, 0n);
		granted.env.http_headers(c2);
		expect(JSON.parse(c2.stored[1] as string)).toEqual({
			'x-total': '3',
			'content-type': 'application/json'
		});
	});

	it.each([301, 302, 303, 307, 308])(
		'treat a %i mock as a redirect that is not followed, as the fetch path does',
		(status) => {
			const s = setup([todo({ status, headers: { location: 'https://api.example.com/x' } })]);
			const url = 'https://api.example.com/todos/1';
			let thrown: unknown;
			try {
				s.env.http_request(get(url), 1n, 0n);
			} catch (e) {
				thrown = e;
			}
			expect(thrown).toMatchObject({
				message: `HTTP request to "${url}" was redirected: redirects are not followed`,
				error: { kind: 'redirect', url }
			});
			expect(s.network).toEqual([]);
			expect(s.last()).toMatchObject({ state: 'redirect', status, mocked: todo().url });
		}
	);

	it('record what was sent and what came back', () => {
		const s = setup([todo({ method: 'POST' })]);
		const ctx = context({
			1: { url: 'https://api.example.com/todos/1', method: 'post', headers: { 'X-A': '1' } },
			2: '{"title":"a"}'
		});
		s.env.http_request(ctx, 1n, 2n);
		expect(s.last()).toMatchObject({ method: 'POST', mocked: todo().url });
		expect(s.last().sent?.headers).toEqual({ 'x-a': '1' });
		expect(text(s.last().sent!.body!.bytes)).toBe('{"title":"a"}');
		expect(text(s.last().received!.body.bytes)).toBe('{"id":1}');
		expect(s.last().received!.body).toMatchObject({ size: 8, whole: true });
	});
});
