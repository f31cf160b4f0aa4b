import { describe, expect, it } from 'vitest';
import { createRecordingFetch, type HttpEvent } from './http-recorder';

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

		const dead = createRecordingFetch((e) => events.push(e), {
			fetchFn: async () => {
				throw new TypeError('Failed to fetch');
			}
		});
		await expect(dead('https://dead.example/')).rejects.toThrow(
			'the server could not be reached (Failed to fetch)'
		);
		expect(events[events.length - 1]).toMatchObject({ state: 'failed', failure: 'network' });
	});
});
