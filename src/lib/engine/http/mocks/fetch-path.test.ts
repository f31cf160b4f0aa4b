// Mocks on the JSPI path: the SDK checks the allowed hosts, then calls the fetch we give it
// (createHttpHostFunctions over createRecordingFetch, as worker-host.ts wires them); a mock
// answers inside that fetch, so it only ever sees requests the grants let through.
import { describe, expect, it } from 'vitest';
import { compileMocks } from './answer';
import { newMock, type Mock } from './mock';
import { createHttpHostFunctions } from '../functions';
import { matchingPattern } from '../host-match';
import { createRecordingFetch, type HttpEvent } from '../recorder';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * What @extism/extism 2.0.0-rc13's HttpContext.makeRequest does (src/http-context.ts): the
 * allowed-hosts rule and its refusal, then `fetch(rawUrl, { headers, method, body })`, then the
 * body read up to maxHttpResponseBytes (over it: logged, and the plugin gets no body).
 */
async function sdkRequest(
	fetchFn: Fetch,
	allowedHosts: string[],
	spec: { url: string; method?: string; headers?: Record<string, string> },
	body: Uint8Array | null,
	maxBytes?: number
): Promise<{ body: Uint8Array | null; logged?: string }> {
	const url = new URL(spec.url);
	if (matchingPattern(url, allowedHosts) === null)
		throw new Error(
			`Call error: HTTP request to "${url}" is not allowed (no allowedHosts match "${url.hostname}")`
		);
	const method = spec.method?.toUpperCase() ?? 'GET';
	const res = await fetchFn(spec.url, {
		headers: spec.headers,
		method,
		...(body && method !== 'GET' ? { body: body.slice() } : {})
	});
	if (!maxBytes) return { body: new Uint8Array(await res.arrayBuffer()) };
	const reader = res.body?.getReader();
	let got = 0;
	const chunks: Uint8Array[] = [];
	while (reader && got < maxBytes) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		got += value.length;
		if (got >= maxBytes) return { body: null, logged: `Response body exceeded ${maxBytes} bytes` };
	}
	const out = new Uint8Array(got);
	let at = 0;
	for (const c of chunks) out.set(c, (at += c.length) - c.length);
	return { body: out };
}

function setup(mocks: Mock[], opts: { maxBytes?: number; headers?: boolean } = {}) {
	const events: HttpEvent[] = [];
	const network: string[] = [];
	const recording = createRecordingFetch((e) => events.push(e), {
		maxBytes: opts.maxBytes,
		mocks: compileMocks(mocks),
		fetchFn: async (input) => {
			network.push(String(input));
			return new Response('from the network', { status: 200, headers: { 'x-real': '1' } });
		}
	});
	const http = createHttpHostFunctions(recording, opts.headers ?? false);
	const env = http.functions['extism:host/env'];
	const stored: string[] = [];
	const ctx = { store: (s: string | Uint8Array) => (stored.push(String(s)), 9n) };
	const request = (
		spec: Parameters<typeof sdkRequest>[2],
		body: Uint8Array | null = null,
		hosts = ['api.example.com']
	) => sdkRequest(http.fetch, hosts, spec, body, opts.maxBytes);
	return { events, network, env, ctx, stored, request, last: () => events[events.length - 1] };
}

const text = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);
const todo = (over: Partial<Mock> = {}): Mock => ({
	...newMock('https://api.example.com/todos/*'),
	body: { kind: 'json', text: '{"id":1}' },
	...over
});

describe('mocks on the fetch (JSPI) path', () => {
	it('answer a matching request without touching the network, and mark its row', async () => {
		const s = setup([todo()]);
		const out = await s.request({ url: 'https://api.example.com/todos/1' });
		expect(text(out.body)).toBe('{"id":1}');
		expect(s.env.http_status_code()).toBe(200);
		expect(s.network).toEqual([]);
		expect(s.events.map((e) => [e.state, e.mocked])).toEqual([
			['pending', 'https://api.example.com/todos/*'],
			['pending', 'https://api.example.com/todos/*'],
			['done', 'https://api.example.com/todos/*']
		]);
		expect(s.last()).toMatchObject({ status: 200, bytes: 8 });
	});

	it('let a request no mock matches go to the network, unmarked', async () => {
		const s = setup([todo()]);
		const out = await s.request({ url: 'https://api.example.com/users/1' });
		expect(text(out.body)).toBe('from the network');
		expect(s.network).toEqual(['https://api.example.com/users/1']);
		expect(s.last().mocked).toBeUndefined();
	});

	it('never answer a request to a host that is not allowed: the refusal is as without mocks', async () => {
		const s = setup([todo({ url: 'https://other.test/*' })]);
		await expect(s.request({ url: 'https://other.test/x' })).rejects.toThrow(
			'Call error: HTTP request to "https://other.test/x" is not allowed (no allowedHosts match "other.test")'
		);
		expect(s.events).toEqual([]);
		expect(s.network).toEqual([]);
	});

	it('hand a 404 mock to the plugin as a 404, body and all', async () => {
		const s = setup([todo({ status: 404, body: { kind: 'text', text: 'no such todo' } })]);
		const out = await s.request({ url: 'https://api.example.com/todos/9' });
		expect(s.env.http_status_code()).toBe(404);
		expect(text(out.body)).toBe('no such todo');
		expect(s.last()).toMatchObject({ state: 'done', status: 404 });
	});

	it('apply Max HTTP response bytes to a mocked body', async () => {
		const s = setup([todo({ body: { kind: 'text', text: 'x'.repeat(100) } })], { maxBytes: 10 });
		const out = await s.request({ url: 'https://api.example.com/todos/1' });
		expect(out).toEqual({ body: null, logged: 'Response body exceeded 10 bytes' });
		expect(s.last()).toMatchObject({
			state: 'too-large',
			mocked: 'https://api.example.com/todos/*'
		});
		expect(s.last().received?.body.whole).toBe(false);
	});

	it('give a mocked response its headers only when response headers are granted', async () => {
		const mocks = [todo({ headers: { 'X-Total': '3' } })];
		const denied = setup(mocks);
		await denied.request({ url: 'https://api.example.com/todos/1' });
		expect(denied.env.http_headers(denied.ctx)).toBe(0n);
		const granted = setup(mocks, { headers: true });
		await granted.request({ url: 'https://api.example.com/todos/1' });
		expect(granted.env.http_headers(granted.ctx)).toBe(9n);
		expect(JSON.parse(granted.stored[0])).toEqual({
			'x-total': '3',
			'content-type': 'application/json'
		});
	});

	it.each([301, 302, 303, 307, 308])(
		'treat a %i mock as a redirect that is not followed, as a real one',
		async (status) => {
			const s = setup([todo({ status, headers: { location: 'https://evil.test/' } })]);
			const url = 'https://api.example.com/todos/1';
			const thrown = await s.request({ url }).catch((e: unknown) => e);
			expect(thrown).toMatchObject({
				message: `HTTP request to "${url}" was redirected: redirects are not followed`,
				error: { kind: 'redirect', url }
			});
			expect(s.network).toEqual([]);
			expect(s.last()).toMatchObject({ state: 'redirect', status, mocked: todo().url });
			expect(s.last().received?.headers).toMatchObject({ location: 'https://evil.test/' });
		}
	);

	it('answer a 300 or 304 mock as fetch answers those: not as redirects', async () => {
		const s = setup([todo({ status: 304, body: { kind: 'text', text: '' } })]);
		const out = await s.request({ url: 'https://api.example.com/todos/1' });
		expect(s.env.http_status_code()).toBe(304);
		expect(out.body).toEqual(new Uint8Array());
		expect(s.last()).toMatchObject({ state: 'done', status: 304 });
	});

	it('record what was sent and what came back, for mocked and real responses', async () => {
		const s = setup([todo({ method: 'POST', headers: { 'x-id': '7' } })]);
		await s.request(
			{
				url: 'https://api.example.com/todos/1',
				method: 'post',
				headers: { 'Content-Type': 'application/json' }
			},
			new TextEncoder().encode('{"title":"a"}')
		);
		const ev = s.last();
		expect(ev.sent?.headers).toEqual({ 'content-type': 'application/json' });
		expect(text(ev.sent!.body!.bytes)).toBe('{"title":"a"}');
		expect(ev.sent!.body).toMatchObject({ size: 13, whole: true });
		expect(ev.received?.headers).toEqual({ 'x-id': '7', 'content-type': 'application/json' });
		expect(text(ev.received!.body.bytes)).toBe('{"id":1}');
		expect(ev.received!.body).toMatchObject({ size: 8, whole: true });
		// The same mock does not answer GET: that one is real, and recorded the same way.
		await s.request({ url: 'https://api.example.com/todos/1' });
		expect(s.last().sent).toEqual({ headers: {}, body: null });
		expect(s.last().received?.headers).toMatchObject({ 'x-real': '1' });
		expect(text(s.last().received!.body.bytes)).toBe('from the network');
	});
});
