// Mocks as part of an instance: the worker host hands them to both HTTP paths, refuses to start
// with a bad one, and, with the real SDK and the Webhook example on the no-JSPI path (a
// synchronous request from Node: testing/node-sync-xhr.ts), answers a POST from a mock while the
// echo server, which gets the same POST when no mock answers it, sees nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import createPlugin from '@extism/extism';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkerHost, type CreatePlugin } from './worker-host';
import type { FromWorker, InstanceParts } from './protocol';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { newMock, type Mock } from '../http/mocks/mock';
import type { HttpCapabilities } from '../http/path';
import { NodeSyncXhr } from '../testing/node-sync-xhr';

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
	/** In a process of its own: the synchronous request blocks this one. */
	let server: ChildProcess;
	let echo = '';
	let module: WebAssembly.Module;
	beforeAll(async () => {
		server = spawn(process.execPath, [`${ROOT}tests/support/echo-server.mjs`, '--port', '0']);
		echo = await new Promise<string>((resolve, reject) => {
			server.stdout!.on('data', (d: Buffer) => {
				const m = /echo server on (\S+)/.exec(String(d));
				if (m) resolve(m[1]);
			});
			server.once('exit', (code) => reject(new Error(`echo server exited (${code})`)));
		});
		module = await WebAssembly.compile(readFileSync(`${ROOT}static/examples/webhook.wasm`));
		vi.stubGlobal('XMLHttpRequest', NodeSyncXhr);
	}, 30_000);
	afterAll(() => {
		vi.unstubAllGlobals();
		server.kill();
	});

	async function post(path: string, allowedHosts: string[], mocks: Mock[]) {
		const h = host({ jspi: false }, createPlugin as unknown as CreatePlugin);
		const settings = { ...DEFAULT_SETTINGS, wasi: true, allowedHosts };
		await h.handle({ type: 'load', id: 1, module, settings, mocks });
		expect(h.posted.at(-1)?.type).toBe('loaded');
		const url = `${echo}${path}`;
		const input = enc.encode(JSON.stringify({ url, payload: { hello: 'mock' } }));
		await h.handle({ type: 'call', id: 2, fn: 'post_json', input });
		const seen = (await (await fetch(`${echo}/seen?path=${path}`)).json()) as {
			requests: { method: string }[];
		};
		const http = h.posted.flatMap((p) => (p.type === 'http' ? [p.event] : []));
		return { answer: h.posted.at(-1)!, seen: seen.requests, http, url };
	}
	const output = (m: FromWorker) => (m.type === 'result' ? JSON.parse(dec.decode(m.output!)) : m);

	it('without a mock, the POST reaches the echo server', async () => {
		const { answer, seen } = await post('/echo/real', ['127.0.0.1'], []);
		expect(output(answer)).toMatchObject({ status: 200 });
		expect(JSON.parse(output(answer).body)).toMatchObject({
			method: 'POST',
			body: '{"hello":"mock"}'
		});
		expect(seen).toMatchObject([{ method: 'POST' }]);
	}, 30_000);

	it('with one, the plugin gets the answer of the mock and the server sees nothing', async () => {
		const mock = { ...hook, url: `${echo}/echo/*` };
		const { answer, seen, http, url } = await post('/echo/mocked', ['127.0.0.1'], [mock]);
		expect(output(answer)).toEqual({ status: 201, body: '{"mocked":true}' });
		expect(seen).toEqual([]);
		expect(http.at(-1)).toMatchObject({ method: 'POST', url, state: 'done', mocked: mock.url });
		expect(dec.decode(http.at(-1)!.sent!.body!.bytes)).toBe('{"hello":"mock"}');
	}, 30_000);

	it('is refused as before when the mocked host is not allowed, and the server sees nothing', async () => {
		const mock = { ...hook, url: `${echo}/echo/*` };
		const { answer, seen, http } = await post('/echo/refused', [], [mock]);
		expect(answer).toMatchObject({
			type: 'call-failed',
			error: { kind: 'refused', host: '127.0.0.1' }
		});
		expect(seen).toEqual([]);
		expect(http).toEqual([]);
	}, 30_000);
});
