import { describe, expect, it } from 'vitest';
import { DEFAULT_SETUP } from '$lib/engine/setup/setup';
import type { Playground } from './playground.svelte';
import { currentSetup } from './setup-map';
import { examplePlugin, playgroundPerTest } from './testing/playgrounds';

/** The console lines that offer an action, with it. */
const offers = (pg: Playground) =>
	pg.log.entries.flatMap((e) => (e.type === 'message' && e.action ? [e] : []));

/** A setup far from the defaults: a file plugin, another function and input, config, WASI… */
async function edited(pg: Playground) {
	await pg.startOver();
	expect(await pg.current.loadBytes('hello.wasm', await examplePlugin('hello_wasi'))).toBe(true);
	pg.setup.takeText('Ada');
	pg.setup.addConfig('name', 'value');
	pg.setup.addHost('api.example.com');
	pg.setup.settings.logLevel = 'trace';
	pg.setup.timeoutMs = 1234;
	pg.setup.repeat = 7;
}

describe('New and Undo', () => {
	const playground = playgroundPerTest();

	it('New starts over, and Undo in its notice brings the previous setup back exactly', async () => {
		const pg = playground();
		await edited(pg);
		const before = currentSetup(pg);
		await pg.session.reset();
		expect(pg.plugin?.source).toEqual({ kind: 'example', id: 'count_vowels' });
		expect(pg.setup.settings).toEqual(DEFAULT_SETUP.settings);
		const [notice] = offers(pg);
		expect(notice.text).toMatch(/Started over/);
		expect(notice.action?.label).toBe('Undo');

		await pg.log.act(notice.id);
		expect(currentSetup(pg)).toEqual(before);
		expect(pg.plugin?.label).toBe('hello.wasm');
		expect(pg.setup.fn).toBe('greet');
		expect(pg.setup.input).toBe('Ada');
		expect(pg.setup.settings.config).toEqual({ name: 'value' });
		expect(pg.setup.repeat).toBe(7);
		// Done once: the notice no longer offers it.
		expect(offers(pg)).toEqual([]);
	});

	it('a second New withdraws the first one’s Undo, and its own brings back what it replaced', async () => {
		const pg = playground();
		await edited(pg);
		await pg.session.reset();
		pg.setup.takeText('typed after the first New');
		const between = currentSetup(pg);
		await pg.session.reset();
		const left = offers(pg);
		expect(left).toHaveLength(1);
		await pg.log.act(left[0].id);
		expect(currentSetup(pg)).toEqual(between);
	});

	it('offers no Undo when there was nothing to keep', async () => {
		const pg = playground();
		await pg.session.reset();
		expect(offers(pg)).toEqual([]);
	});
});
