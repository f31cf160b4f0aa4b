// Mocks as part of an instance: the worker host hands them to both HTTP paths, refuses to start
// with a bad one, and, with the real SDK and the Webhook example, answers a POST from a mock
// while the server the request was for sees nothing. Node has no
// XMLHttpRequest, so there the mock's answer reaching the plugin is the proof; the browser tests
// check the server side with a real request path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import createPlugin from '@extism/extism';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerHost, type CreatePlugin } from './worker-host';
import type { FromWorker, InstanceParts } from './protocol';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { newMock, type Mock } from '../http/mocks/mock';
import type { HttpCapabilities } from '../http/path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const dec = new TextDecoder();
const enc = new TextEncoder();

/** Its URL is set per test: the echo server's port is picked when it starts. */
const hook: Mock = {
	...newMock(''),
	method: 'POST',
	status: 201,
	body: { kind: 'json', text: '{"mocked":true}' }
};

function host(caps: HttpCapabilities, create: CreatePlugin) {
	const posted: FromWorker[] = [];
	const h = createWorkerHost((m) => posted.push(m), create, caps);
	return { posted, handle: h.handle };
}

describe('worker host: mocks', () => {
	const fake = () => {
		let given: Parameters<CreatePlugin>[1] | undefined;
		const create: CreatePlugin = async (_m, options) => {
			given = options;
			return { call: async () => null, close: async () => {} };
		};
		return { create, given: () => given! };
	};
	const load = (mocks: Mock[]): InstanceParts => ({
		module: {} as WebAssembly.Module,
		settings: { ...DEFAULT_SETTINGS, allowedHosts: ['api.example.com'] },
		mocks
	});
	const todo = { ...newMock('https://api.example.com/todos/*'), status: 404 };

	it('gives the JSPI path a fetch that answers from the mocks', async () => {
		const f = fake();
		const h = host({ jspi: true }, f.create);
		await h.handle({ type: 'load', id: 1, ...load([todo]) });
		const res = await f.given().fetch('https://api.example.com/todos/1');
		expect(res.status).toBe(404);
		expect(h.posted.find((p) => p.type === 'http')).toMatchObject({
			event: { mocked: 'https://api.example.com/todos/*' }
		});
	});

	it('gives the XHR path an http_request that answers from the mocks', async () => {
		const f = fake();
		const h = host({ jspi: false }, f.create);
		await h.handle({ type: 'load', id: 1, ...load([todo]) });
		const env = f.given().functions['extism:host/env'] as unknown as Record<
			string,
			(...a: unknown[]) => unknown
		>;
		const ctx = {
			read: () => ({
				json: () => ({ url: 'https://api.example.com/todos/1' }),
				bytes: () => new Uint8Array()
			}),
			store: () => 5n
		};
		expect(env.http_request(ctx, 1n, 0n)).toBe(5n);
		expect(env.http_status_code()).toBe(404);
	});

	it('starts no instance with an invalid mock, and says which one and why', async () => {
		const f = fake();
		const h = host({ jspi: true }, f.create);
		await h.handle({ type: 'load', id: 1, ...load([todo, { ...todo, status: 1000 }]) });
		expect(f.given()).toBeUndefined();
		expect(h.posted).toMatchObject([
			{
				type: 'load-failed',
				error: {
					message:
						'Mock 2 (https://api.example.com/todos/*): A mock status is a whole number from 100 to 599 (got 1000).'
				}
			}
		]);
	});
});

describe('the Webhook example with a mocked POST (real SDK, no JSPI: our http_request)', () => {
	/** Where the request would go: it counts every request it receives. */
	let server: Server;
	let received: string[] = [];
	const echo = { url: '' };
	let module: WebAssembly.Module;
	beforeAll(async () => {
		server = createServer((req, res) => {
			received.push(`${req.method} ${req.url}`);
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"real":true}');
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		echo.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		module = await WebAssembly.compile(readFileSync(`${ROOT}static/examples/webhook.wasm`));
	});
	afterAll(() => new Promise<void>((r) => server.close(() => r())));

	async function post(allowedHosts: string[], mocks: Mock[]) {
		const h = host({ jspi: false }, createPlugin as unknown as CreatePlugin);
		const settings = { ...DEFAULT_SETTINGS, wasi: true, allowedHosts };
		await h.handle({ type: 'load', id: 1, module, settings, mocks });
		expect(h.posted.at(-1)?.type).toBe('loaded');
		const url = `${echo.url}/echo/hook`;
		const input = enc.encode(JSON.stringify({ url, payload: { hello: 'mock' } }));
		await h.handle({ type: 'call', id: 2, fn: 'post_json', input });
		const http = h.posted.flatMap((p) => (p.type === 'http' ? [p.event] : []));
		const seen = received;
		received = [];
		return { answer: h.posted.at(-1)!, seen, http, url };
	}

	it('gets the mock answer, and the server sees nothing', async () => {
		const mock = { ...hook, url: `${echo.url}/echo/*` };
		const { answer, seen, http, url } = await post(['127.0.0.1'], [mock]);
		expect(answer.type).toBe('result');
		const output = answer.type === 'result' ? JSON.parse(dec.decode(answer.output!)) : null;
		expect(output).toEqual({ status: 201, body: '{"mocked":true}' });
		expect(seen).toEqual([]);
		expect(http.at(-1)).toMatchObject({ method: 'POST', url, state: 'done', mocked: mock.url });
		expect(dec.decode(http.at(-1)!.sent!.body!.bytes)).toBe('{"hello":"mock"}');
	}, 30_000);

	it('is refused as before when the mocked host is not allowed, and the server sees nothing', async () => {
		const mock = { ...hook, url: `${echo.url}/echo/*` };
		const { answer, seen, http } = await post([], [mock]);
		expect(answer).toMatchObject({
			type: 'call-failed',
			error: { kind: 'refused', host: '127.0.0.1' }
		});
		expect(seen).toEqual([]);
		expect(http).toEqual([]);
	}, 30_000);
});
