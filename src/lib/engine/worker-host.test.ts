import { describe, expect, it } from 'vitest';
import { createWorkerHost, MAX_FORWARDED_LOGS, type CreatePlugin } from './worker-host';
import type { FromWorker } from './protocol';
import { DEFAULT_SETTINGS } from './settings';
import { describeHttpPath, httpPath, jspiForcedOff } from './http-path';
import type { HttpCapabilities } from './http-path';

/** Loads through a fake SDK and returns the options it was given plus what the host posted. */
async function load(caps: HttpCapabilities, usesHttp: boolean, allowedHosts: string[]) {
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
		settings: { ...DEFAULT_SETTINGS, allowedHosts },
		usesHttp
	});
	return { given: given!, posted };
}

describe('worker host HTTP path', () => {
	it('runs in-thread when the browser has JSPI', async () => {
		const { given, posted } = await load({ jspi: true, crossOriginIsolated: false }, true, [
			'a.com'
		]);
		expect(given.runInWorker).toBe(false);
		expect(given.allowedHosts).toEqual(['a.com']);
		expect(posted.map((p) => p.type)).toEqual(['loaded']);
	});
	it("uses the SDK's worker mode without JSPI on an isolated page", async () => {
		const { given } = await load({ jspi: false, crossOriginIsolated: true }, true, ['a.com']);
		expect(given.runInWorker).toBe(true);
	});
	it('loads without HTTP, and says so, when HTTP cannot work here', async () => {
		const { given, posted } = await load({ jspi: false, crossOriginIsolated: false }, true, [
			'a.com'
		]);
		expect(given.runInWorker).toBe(false);
		expect(given.allowedHosts).toEqual([]);
		expect(posted.map((p) => p.type)).toEqual(['http-unavailable', 'loaded']);
	});
	it('ignores the HTTP path for plugins that make no requests', async () => {
		const { given, posted } = await load({ jspi: false, crossOriginIsolated: false }, false, [
			'a.com'
		]);
		expect(given.runInWorker).toBe(false);
		expect(posted.map((p) => p.type)).toEqual(['loaded']);
	});
	it('always routes HTTP through a recording fetch', async () => {
		const { given } = await load({ jspi: true, crossOriginIsolated: false }, true, ['a.com']);
		expect(typeof given.fetch).toBe('function');
		expect(given.fetch).not.toBe(globalThis.fetch);
	});
});

describe('httpPath', () => {
	it('prefers JSPI, then isolation', () => {
		expect(httpPath({ jspi: true, crossOriginIsolated: true })).toBe('in-thread');
		expect(httpPath({ jspi: false, crossOriginIsolated: true })).toBe('sdk-worker');
		expect(httpPath({ jspi: false, crossOriginIsolated: false })).toBe('unavailable');
		expect(describeHttpPath('unavailable').degraded).toMatch(
			/Cross-Origin-Embedder-Policy: require-corp/
		);
		expect(describeHttpPath('in-thread').degraded).toBeUndefined();
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
		const host = createWorkerHost((m) => posted.push(m), fake, {
			jspi: true,
			crossOriginIsolated: false
		});
		const module = {} as WebAssembly.Module;
		await host.handle({ type: 'load', id: 1, module, settings: DEFAULT_SETTINGS, usesHttp: false });
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
