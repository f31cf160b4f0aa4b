import { describe, expect, it, vi } from 'vitest';

// The matcher is fetched when an instance with grants is made; offline, that fetch fails.
vi.mock('../http/host-match', () => {
	throw new Error('Failed to fetch dynamically imported module');
});

describe('a grant whose matcher cannot be fetched', () => {
	it('makes no instance rather than one with a wider or narrower grant', async () => {
		const { createWorkerHost } = await import('./worker-host');
		const { DEFAULT_SETTINGS } = await import('../setup/settings');
		const posted: { type: string; error?: { message: string } }[] = [];
		let made = 0;
		const host = createWorkerHost(
			(m) => posted.push(m as (typeof posted)[number]),
			async () => {
				made++;
				return { call: async () => null, close: async () => {} };
			},
			{ jspi: false }
		);
		await host.handle({
			type: 'load',
			id: 1,
			module: {} as WebAssembly.Module,
			settings: { ...DEFAULT_SETTINGS, allowedHosts: ['a.test'] }
		});
		expect(made).toBe(0);
		expect(posted.map((p) => p.type)).toEqual(['load-failed']);
		expect(posted[0].error?.message).toMatch(
			/^The allowed-hosts check could not be fetched \(.+\), so the plugin was not started\./
		);
	});
});
