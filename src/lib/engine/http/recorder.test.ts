import { describe, expect, it } from 'vitest';
import { createRecordingFetch, type HttpEvent } from './recorder';

const okFetch =
	(body: string, status = 200) =>
	async () =>
		new Response(body, { status });

describe('createRecordingFetch', () => {
	it('reports method, URL, status and bytes of a request', async () => {
		const events: HttpEvent[] = [];
		const f = createRecordingFetch((e) => events.push(e), { fetchFn: okFetch('hello', 201) });
		const res = await f('https://a.example/x', { method: 'post', body: '{}' });
		expect(await res.text()).toBe('hello');
		expect(res.status).toBe(201);
		const last = events[events.length - 1];
		expect(last).toMatchObject({
			req: 1,
			method: 'POST',
			url: 'https://a.example/x',
			state: 'done',
			status: 201,
			bytes: 5
		});
		expect(events[0]).toMatchObject({ state: 'pending', ms: 0 });
	});

	it('numbers requests and defaults to GET', async () => {
		const events: HttpEvent[] = [];
		const f = createRecordingFetch((e) => events.push(e), { fetchFn: okFetch('') });
		await (await f('https://a.example/1')).text();
		await (await f('https://a.example/2')).text();
		expect(events.filter((e) => e.state === 'done').map((e) => [e.req, e.method])).toEqual([
			[1, 'GET'],
			[2, 'GET']
		]);
	});

	it('flags a response that reaches the size limit', async () => {
		const events: HttpEvent[] = [];
		const f = createRecordingFetch((e) => events.push(e), {
			maxBytes: 10,
			fetchFn: okFetch('x'.repeat(100))
		});
		await (await f('https://a.example/big')).arrayBuffer();
		const states = events.map((e) => e.state);
		expect(states).toContain('too-large');
		expect(states).not.toContain('done');
	});

	it('tells a CORS refusal from a dead server', async () => {
		const events: HttpEvent[] = [];
		// The real request fails; the opaque probe gets through: the server is there, CORS said no.
		const cors = createRecordingFetch((e) => events.push(e), {
			fetchFn: async (_u, init) => {
				if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
				throw new TypeError('Failed to fetch');
			}
		});
		await expect(cors('https://nocors.example/')).rejects.toThrow(
			'HTTP request to "https://nocors.example/" failed: the server does not allow browser access (CORS)'
		);
		expect(events[events.length - 1]).toMatchObject({ state: 'failed', failure: 'cors' });
		await expect(cors('https://nocors.example/')).rejects.toMatchObject({
			error: { kind: 'cors', url: 'https://nocors.example/' }
		});

		const dead = createRecordingFetch((e) => events.push(e), {
			fetchFn: async () => {
				throw new TypeError('Failed to fetch');
			}
		});
		await expect(dead('https://dead.example/')).rejects.toThrow(
			'the server could not be reached (Failed to fetch)'
		);
		expect(events[events.length - 1]).toMatchObject({ state: 'failed', failure: 'network' });
		await expect(dead('https://dead.example/')).rejects.toMatchObject({
			error: { kind: 'network', url: 'https://dead.example/', detail: 'Failed to fetch' }
		});
	});

	it.each([301, 302, 303, 307, 308])('never follows a %i redirect', async (status) => {
		const events: HttpEvent[] = [];
		const inits: (RequestInit | undefined)[] = [];
		const f = createRecordingFetch((e) => events.push(e), {
			fetchFn: async (_u, init) => {
				inits.push(init);
				return new Response(null, { status, headers: { location: 'http://other.test/leak' } });
			}
		});
		await expect(f('http://127.0.0.1:9/redirect', { method: 'POST' })).rejects.toThrow(
			'HTTP request to "http://127.0.0.1:9/redirect" was redirected: redirects are not followed'
		);
		await expect(f('http://127.0.0.1:9/redirect')).rejects.toMatchObject({
			error: { kind: 'redirect', url: 'http://127.0.0.1:9/redirect' }
		});
		expect(inits).toHaveLength(2);
		expect(inits[0]).toMatchObject({ redirect: 'manual', credentials: 'omit', method: 'POST' });
		expect(events[events.length - 1]).toMatchObject({ state: 'redirect', status });
	});

	it('treats the opaque answer browsers give for a manual redirect as a redirect', async () => {
		const events: HttpEvent[] = [];
		const opaque = new Response(null, { status: 200 });
		Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
		Object.defineProperty(opaque, 'status', { value: 0 });
		const f = createRecordingFetch((e) => events.push(e), { fetchFn: async () => opaque });
		await expect(f('https://a.example/r')).rejects.toThrow('redirects are not followed');
		expect(events[events.length - 1]).toMatchObject({ state: 'redirect' });
		expect(events[events.length - 1].status).toBeUndefined();
	});
});
