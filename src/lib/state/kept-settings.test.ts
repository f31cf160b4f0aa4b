import { describe, expect, it } from 'vitest';
import type { Playground } from './playground.svelte';
import { DROP_KEPT } from './playground.svelte';
import { examplePlugin, playgroundPerTest } from './testing/playgrounds';

const BASE = 'http://playground.test/';
const offers = (pg: Playground) =>
	pg.log.entries.flatMap((e) => (e.type === 'message' && e.action ? [e] : []));

/** Count vowels with settings of the person's own: config, a host, trace logs, a timeout. */
async function countVowelsTuned(pg: Playground) {
	await pg.startOver();
	pg.setup.addConfig('vowels', 'aeiouy');
	pg.setup.addHost('api.example.com');
	pg.setup.settings.logLevel = 'trace';
	pg.setup.timeoutMs = 2500;
}

describe('settings kept from the previous plugin', () => {
	const playground = playgroundPerTest();

	it('are named when another plugin loads, and Copy as CLI has them until they are dropped', async () => {
		const pg = playground();
		await countVowelsTuned(pg);
		expect(pg.setup.kept).toEqual([]);
		await pg.current.loadBytes('hello.wasm', await examplePlugin('hello_wasi'));
		// WASI came on because hello_wasi needs it: that is the new plugin's own, not kept.
		expect(pg.setup.kept).toEqual(['Log level', 'Config', 'Allowed hosts', 'Timeout (ms)']);
		expect(pg.setup.keptFrom?.label).toBe('Count vowels');
		const [line] = offers(pg);
		expect(line.text).toBe(
			'Kept from the previous plugin (Count vowels): Log level, Config, Allowed hosts, Timeout (ms).'
		);
		expect(line.action?.label).toBe(DROP_KEPT);
		const kept = await pg.session.copyAs('CLI', BASE);
		expect(kept).toContain('vowels=aeiouy');
		expect(kept).toContain('api.example.com');
		expect(kept).toContain('trace');

		await pg.log.act(line.id);
		expect(pg.setup.kept).toEqual([]);
		expect(pg.setup.settings).toMatchObject({
			wasi: true,
			config: {},
			allowedHosts: [],
			logLevel: 'info'
		});
		expect(pg.setup.timeoutMs).toBe(10_000);
		const dropped = await pg.session.copyAs('CLI', BASE);
		expect(dropped).not.toContain('vowels=aeiouy');
		expect(dropped).not.toContain('api.example.com');
		expect(dropped).not.toContain('trace');
	});

	it('an example brings its own config and hosts, and only what it does not set is kept', async () => {
		const pg = playground();
		await countVowelsTuned(pg);
		await pg.current.loadExample('webhook');
		expect(pg.setup.settings.allowedHosts).toEqual(['httpbin.org']);
		expect(pg.setup.kept).toEqual(['Log level', 'Timeout (ms)']);
		pg.setup.dropKept();
		expect(pg.setup.settings.logLevel).toBe('info');
		expect(pg.setup.settings.allowedHosts).toEqual(['httpbin.org']);
	});

	it('a new version of the same file keeps them as the person’s own, without a word', async () => {
		const pg = playground();
		const bytes = await examplePlugin('hello_wasi');
		await pg.current.loadBytes('hello.wasm', bytes);
		pg.setup.addConfig('name', 'Ada');
		await pg.current.loadBytes('hello.wasm', bytes.slice());
		expect(pg.setup.kept).toEqual([]);
		expect(offers(pg)).toEqual([]);
		expect(pg.setup.settings.config).toEqual({ name: 'Ada' });
	});

	it('are no longer marked once a setup is taken whole (a link, a save, New)', async () => {
		const pg = playground();
		await countVowelsTuned(pg);
		await pg.current.loadBytes('hello.wasm', await examplePlugin('hello_wasi'));
		expect(pg.setup.kept).not.toEqual([]);
		pg.setup.take(pg.setup.snapshot());
		expect(pg.setup.kept).toEqual([]);
	});

	it('New withdraws the offer to drop them: there is nothing left to drop', async () => {
		const pg = playground();
		await countVowelsTuned(pg);
		await pg.current.loadBytes('hello.wasm', await examplePlugin('hello_wasi'));
		expect(offers(pg).map((e) => e.action?.label)).toEqual([DROP_KEPT]);
		await pg.session.reset();
		expect(offers(pg).map((e) => e.action?.label)).toEqual(['Undo']);
	});
});
