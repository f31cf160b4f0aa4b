import { describe, expect, it } from 'vitest';
import type { CreatePlugin } from './sdk-plugin';
import { createWorkerHost, MAX_FORWARDED_LOGS } from './worker-host';
import type { FromWorker } from './protocol';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { describeHttpPath, httpPath, jspiForcedOff } from '../http/path';
import type { HttpCapabilities } from '../http/path';

/** Loads through a fake SDK and returns the options it was given plus what the host posted. */
async function load(caps: HttpCapabilities, allowedHosts: string[]) {
	const posted: FromWorker[] = [];
	let given: Parameters<CreatePlugin>[1] | undefined;
	const fake: CreatePlugin = async (_m, options) => {
		given = options;
		return { call: async () => null, close: async () => {} };
	};
	const host = createWorkerHost((m) => posted.push(m), fake, caps);
	await host.handle({
		type: 'load',
		id: 7,
		module: {} as WebAssembly.Module,
		settings: { ...DEFAULT_SETTINGS, allowedHosts }
	});
	return { given: given!, posted };
}

const env = (given: Parameters<CreatePlugin>[1]) => given.functions['extism:host/env'];

describe('worker host HTTP path', () => {
	it('with JSPI, leaves http_request to the SDK and its fetch', async () => {
		const { given, posted } = await load({ jspi: true }, ['a.com']);
		expect(given.runInWorker).toBe(false);
		expect(given.allowedHosts).toEqual(['a.com']);
		expect(Object.keys(env(given)).sort()).toEqual([
			'http_headers',
			'http_status_code',
			'var_get',
			'var_set'
		]);
		expect(posted.map((p) => p.type)).toEqual(['loaded']);
	});
	it('without JSPI, provides its own synchronous http_request and keeps the grant itself', async () => {
		const { given, posted } = await load({ jspi: false }, ['a.com']);
		expect(given.runInWorker).toBe(false);
		// The SDK refuses allowedHosts without JSPI; our http_request applies them instead.
		expect(given.allowedHosts).toEqual([]);
		expect(Object.keys(env(given)).sort()).toEqual([
			'http_headers',
			'http_request',
			'http_status_code',
			'var_get',
			'var_set'
		]);
		const ctx = {
			read: () => ({ json: () => ({ url: 'https://b.com/' }), bytes: () => new Uint8Array() }),
			store: () => 1n
		};
		const request = env(given).http_request as unknown as (
			c: unknown,
			a: bigint,
			b: bigint
		) => bigint;
		expect(() => request(ctx, 1n, 0n)).toThrow('no allowedHosts match "b.com"');
		expect(posted.map((p) => p.type)).toEqual(['loaded']);
	});
	it("with JSPI, names the method of a request the SDK's own http_request refuses", async () => {
		const posted: FromWorker[] = [];
		// As @extism/extism 2.0.0-rc13 does: it binds each host function to its CallContext, and
		// its http_request reads the request and throws, naming only the URL and host.
		const ctx = {
			read: () => ({ json: () => ({ url: 'https://b.com/x', method: 'delete' }) })
		};
		const fake: CreatePlugin = async (_m, options) => {
			for (const fns of Object.values(options.functions))
				for (const fn of Object.values(fns)) (fn as (c: unknown) => unknown).bind(null, ctx);
			return {
				call: async () => {
					const { url } = ctx.read().json();
					const host = new URL(url).hostname;
					throw new Error(
						`Call error: HTTP request to "${new URL(url)}" is not allowed (no allowedHosts match "${host}")`
					);
				},
				close: async () => {}
			};
		};
		const host = createWorkerHost((m) => posted.push(m), fake, { jspi: true });
		const settings = { ...DEFAULT_SETTINGS, allowedHosts: ['a.com'] };
		await host.handle({ type: 'load', id: 1, module: {} as WebAssembly.Module, settings });
		await host.handle({ type: 'call', id: 2, fn: 'f', input: new Uint8Array() });
		expect(posted.at(-1)).toMatchObject({
			type: 'call-failed',
			error: { kind: 'refused', url: 'https://b.com/x', host: 'b.com', method: 'DELETE' }
		});
	});
	it('routes JSPI HTTP through a recording fetch', async () => {
		const { given } = await load({ jspi: true }, ['a.com']);
		expect(typeof given.fetch).toBe('function');
		expect(given.fetch).not.toBe(globalThis.fetch);
	});
});

describe('httpPath', () => {
	it('uses JSPI where there is one, synchronous XHR elsewhere, and says which', () => {
		expect(httpPath({ jspi: true })).toBe('jspi');
		expect(httpPath({ jspi: false })).toBe('sync-xhr');
		expect(describeHttpPath('sync-xhr').summary).toMatch(/synchronous XMLHttpRequest/);
		expect(describeHttpPath('sync-xhr').degraded).toMatch(/response is withheld/);
		expect(describeHttpPath('jspi').degraded).toBeUndefined();
	});
	it('reads the ?jspi=off switch', () => {
		expect(jspiForcedOff('?jspi=off')).toBe(true);
		expect(jspiForcedOff('?x=1&jspi=off')).toBe(true);
		expect(jspiForcedOff('')).toBe(false);
		expect(jspiForcedOff('?jspi=on')).toBe(false);
	});
});

describe('worker host log forwarding', () => {
	it('forwards at most MAX_FORWARDED_LOGS lines a job and counts the rest before answering', async () => {
		const posted: FromWorker[] = [];
		let logger: Record<string, (m: string) => void> = {};
		const fake: CreatePlugin = async (_m, options) => {
			logger = options.logger;
			return {
				call: async () => {
					for (let i = 0; i < 100_000; i++) logger.info(`line ${i}`);
					return null;
				},
				close: async () => {}
			};
		};
		const host = createWorkerHost((m) => posted.push(m), fake, { jspi: true });
		const module = {} as WebAssembly.Module;
		await host.handle({ type: 'load', id: 1, module, settings: DEFAULT_SETTINGS });
		posted.length = 0;
		await host.handle({ type: 'call', id: 2, fn: 'f', input: new Uint8Array() });
		expect(posted.filter((m) => m.type === 'log')).toHaveLength(MAX_FORWARDED_LOGS);
		expect(posted.slice(-2)).toMatchObject([
			{ type: 'logs-dropped', id: 2, count: 100_000 - MAX_FORWARDED_LOGS },
			{ type: 'result', id: 2 }
		]);
		// The cap is per job: the next call forwards its own first lines again.
		posted.length = 0;
		await host.handle({ type: 'call', id: 3, fn: 'f', input: new Uint8Array() });
		expect(posted.filter((m) => m.type === 'log')[0]).toMatchObject({ id: 3, message: 'line 0' });
	});
});
