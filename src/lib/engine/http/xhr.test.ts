import { describe, expect, it } from 'vitest';
import { matchingPattern } from './host-match';
import { createXhrHttpFunctions, parseResponseHeaders, type XhrLike } from './xhr';
import { RunFailure } from '../run/run-error';
import type { HttpEvent } from './recorder';
import { context } from '../testing/call-context';

interface Reply {
	status?: number;
	body?: string;
	headers?: string;
	responseURL?: string;
	throws?: string;
}

/** A fake synchronous XHR that records what was sent and answers with `reply`. */
function fakeXhr(reply: Reply) {
	const sent: {
		method?: string;
		url?: string;
		async?: boolean;
		headers: Record<string, string>;
		body?: Uint8Array | null;
		withCredentials?: boolean;
		responseType?: string;
	}[] = [];
	const newXhr = (): XhrLike => {
		const rec: (typeof sent)[number] = { headers: {} };
		sent.push(rec);
		let done = false;
		return {
			responseType: '',
			withCredentials: true,
			open(method, url, async) {
				Object.assign(rec, { method, url, async });
			},
			setRequestHeader(k, v) {
				rec.headers[k] = v;
			},
			send(body) {
				rec.body = body;
				rec.withCredentials = this.withCredentials;
				rec.responseType = this.responseType;
				if (reply.throws) throw new DOMException(reply.throws, 'NetworkError');
				done = true;
			},
			get status() {
				return done ? (reply.status ?? 200) : 0;
			},
			get response() {
				return new TextEncoder().encode(reply.body ?? '').buffer;
			},
			get responseURL() {
				return reply.responseURL ?? rec.url ?? '';
			},
			getAllResponseHeaders: () => reply.headers ?? ''
		};
	};
	return { sent, newXhr };
}

function setup(
	reply: Reply,
	opts: { hosts?: string[]; maxBytes?: number; headers?: boolean } = {}
) {
	const events: HttpEvent[] = [];
	const logs: string[] = [];
	const xhr = fakeXhr(reply);
	const http = createXhrHttpFunctions({
		allows: (url) => matchingPattern(url, opts.hosts ?? ['api.example.com']) !== null,
		maxBytes: opts.maxBytes,
		allowHeaders: opts.headers ?? false,
		emit: (ev) => events.push(ev),
		logError: (m) => logs.push(m),
		newXhr: xhr.newXhr,
		pageOrigin: 'https://playground.test',
		// The CORS probe: a no-cors fetch that an answering server completes.
		fetchFn: (async () => new Response(null)) as unknown as typeof fetch
	});
	const env = http.functions['extism:host/env'];
	return { ...xhr, http, env, events, logs };
}

const post = { url: 'https://api.example.com/hook', method: 'post', headers: { 'x-a': '1' } };

describe('XHR http_request', () => {
	it('sends a synchronous request without credentials and stores the body', () => {
		const s = setup({ status: 201, body: '{"ok":true}' });
		const ctx = context({ 1: post, 2: '{"n":1}' });
		expect(s.env.http_request(ctx, 1n, 2n)).toBe(101n);
		expect(s.sent[0]).toMatchObject({
			method: 'POST',
			url: 'https://api.example.com/hook',
			async: false,
			headers: { 'x-a': '1' },
			withCredentials: false,
			responseType: 'arraybuffer'
		});
		expect(new TextDecoder().decode(s.sent[0].body!)).toBe('{"n":1}');
		expect(new TextDecoder().decode(ctx.stored[0] as Uint8Array)).toBe('{"ok":true}');
		expect(s.env.http_status_code()).toBe(201);
		expect(s.events.map((e) => e.state)).toEqual(['pending', 'done']);
		expect(s.events[1]).toMatchObject({ status: 201, bytes: 11, method: 'POST' });
	});

	it('drops the body of GET and HEAD, as the SDK does', () => {
		const s = setup({});
		s.env.http_request(context({ 1: { url: 'https://api.example.com/' }, 2: 'x' }), 1n, 2n);
		expect(s.sent[0]).toMatchObject({ method: 'GET', body: null });
	});

	it('refuses a host outside the allowed hosts with the SDK refusal, sending nothing', () => {
		const s = setup({});
		expect(() =>
			s.env.http_request(context({ 1: { url: 'https://other.test/x' } }), 1n, 0n)
		).toThrow(
			'Call error: HTTP request to "https://other.test/x" is not allowed (no allowedHosts match "other.test")'
		);
		expect(
			thrownBy(() =>
				s.env.http_request(
					context({ 1: { url: 'https://other.test/x', method: 'delete' } }),
					1n,
					0n
				)
			)
		).toMatchObject({
			kind: 'refused',
			url: 'https://other.test/x',
			host: 'other.test',
			// The Network row shows it (the SDK's own refusal, on the JSPI path, does not say it).
			method: 'DELETE'
		});
		expect(s.sent).toEqual([]);
		expect(s.events).toEqual([]);
	});

	it('gives the plugin nothing past Max HTTP response bytes, and says so', () => {
		const s = setup({ body: 'x'.repeat(100) }, { maxBytes: 100 });
		const ctx = context({ 1: post });
		expect(s.env.http_request(ctx, 1n, 0n)).toBe(0n);
		expect(ctx.stored).toEqual([]);
		expect(s.logs).toEqual(['Response body exceeded 100 bytes']);
		expect(s.events[1]).toMatchObject({ state: 'too-large', bytes: 100, status: 200 });
		const small = setup({ body: 'x'.repeat(99) }, { maxBytes: 100 });
		expect(small.env.http_request(context({ 1: post }), 1n, 0n)).toBe(101n);
	});

	it('hands out response headers only when granted', () => {
		const raw = 'Content-Type: text/plain\r\nX-Multi: a\r\nx-multi: b\r\n';
		const granted = setup({ headers: raw }, { headers: true });
		const ctx = context({ 1: post });
		granted.env.http_request(ctx, 1n, 0n);
		expect(granted.env.http_headers(ctx)).toBe(102n);
		expect(JSON.parse(ctx.stored[1] as string)).toEqual({
			'content-type': 'text/plain',
			'x-multi': 'a, b'
		});
		const denied = setup({ headers: raw });
		const c2 = context({ 1: post });
		denied.env.http_request(c2, 1n, 0n);
		expect(denied.env.http_headers(c2)).toBe(0n);
		expect(c2.stored).toHaveLength(1);
	});

	it('withholds a response that a redirect brought from a host that is not allowed', () => {
		const s = setup({ body: 'secret', responseURL: 'https://evil.test/x' });
		const ctx = context({ 1: post });
		expect(() => s.env.http_request(ctx, 1n, 0n)).toThrow(
			/redirected to "https:\/\/evil\.test\/x".*the response was withheld from the plugin/
		);
		expect(thrownBy(() => s.env.http_request(ctx, 1n, 0n))).toMatchObject({
			kind: 'redirect-withheld',
			url: 'https://api.example.com/hook',
			finalUrl: 'https://evil.test/x',
			host: 'evil.test'
		});
		expect(ctx.stored).toEqual([]);
		expect(s.env.http_status_code()).toBe(0);
		expect(s.events[1]).toMatchObject({ state: 'failed', failure: 'redirect' });
	});

	it('lets a redirect to an allowed host through', () => {
		const s = setup(
			{ body: 'ok', responseURL: 'https://cdn.example.com/x' },
			{
				hosts: ['api.example.com', '*.example.com']
			}
		);
		expect(s.env.http_request(context({ 1: post }), 1n, 0n)).toBe(101n);
	});

	it('turns a failed request into the CORS message once the probe says the server answers', async () => {
		const s = setup({ throws: 'Failed to load' });
		let thrown: unknown;
		try {
			s.env.http_request(context({ 1: post }), 1n, 0n);
		} catch (e) {
			thrown = e;
		}
		const err = (await s.http.explainFailure(thrown)) as Error;
		expect(err.message).toBe(
			'HTTP request to "https://api.example.com/hook" failed: the server does not allow browser access (CORS)'
		);
		expect(err).toBeInstanceOf(RunFailure);
		expect((err as RunFailure).error).toMatchObject({
			kind: 'cors',
			url: 'https://api.example.com/hook'
		});
		expect(s.events.at(-1)).toMatchObject({ state: 'failed', failure: 'cors' });
	});

	it("treats status 0 without an exception (Firefox's CORS refusal) as a failure", async () => {
		const s = setup({ status: 0 });
		let thrown: unknown;
		try {
			s.env.http_request(context({ 1: post }), 1n, 0n);
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toBeInstanceOf(Error);
		expect(((await s.http.explainFailure(thrown)) as Error).message).toContain('failed:');
	});

	it('calls a same-origin failure a network failure without probing', async () => {
		const s = setup({ throws: 'Failed to load' }, { hosts: ['playground.test'] });
		let thrown: unknown;
		try {
			s.env.http_request(context({ 1: { url: 'https://playground.test/api' } }), 1n, 0n);
		} catch (e) {
			thrown = e;
		}
		const err = (await s.http.explainFailure(thrown)) as Error;
		expect(err.message).toMatch(/failed: the server could not be reached \(Failed to load\)/);
		expect((err as RunFailure).error).toMatchObject({ kind: 'network', detail: 'Failed to load' });
		expect(s.events.at(-1)).toMatchObject({ failure: 'network' });
	});

	it('passes other errors through unchanged', async () => {
		const s = setup({});
		const other = new Error('unreachable');
		expect(await s.http.explainFailure(other)).toBe(other);
	});
});

describe('parseResponseHeaders', () => {
	it('lower-cases names and skips blank lines', () => {
		expect(parseResponseHeaders('A: 1\r\n\r\nb:2')).toEqual({ a: '1', b: '2' });
	});
});

/** The RunError a host function threw (a RunFailure carries it). */
function thrownBy(f: () => unknown): unknown {
	try {
		f();
	} catch (e) {
		return e instanceof RunFailure ? e.error : e;
	}
	return undefined;
}
