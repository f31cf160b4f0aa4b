// A link's plugin URL is fetched only once the person confirms it (it may point at a service on
// their own machine); reloading before that must keep it waiting, not lose it or fetch it.
import { describe, expect, it, vi } from 'vitest';
import { encodeSetup } from '$lib/engine/persist/codec';
import { currentSetup } from './setup-map';
import { MemoryStorage } from './testing/memory-storage';
import { playgroundPerTest } from './testing/playgrounds';

const URL_PLUGIN = 'http://127.0.0.1:9/admin/delete?confirm=yes';
const start = { pathname: '/', search: '' };

describe('a link whose plugin URL is not confirmed yet', () => {
	const playground = playgroundPerTest();

	async function linkToUrlPlugin(): Promise<string> {
		const from = playground();
		await from.startOver();
		from.setup.input = 'from the link';
		const { hash } = await encodeSetup({
			...currentSetup(from),
			source: { kind: 'url', url: URL_PLUGIN }
		});
		return hash!;
	}

	it('is still waiting after a reload, with nothing fetched', async () => {
		const hash = await linkToUrlPlugin();
		const storage = new MemoryStorage();
		const opened = playground(storage);
		await opened.session.start({ hash, ...start }, () => {});
		expect(opened.session.banner?.fetchUrl).toBe(URL_PLUGIN);
		await opened.session.saving.saveNow();
		expect(opened.session.saving.text).toBe('Saved in this browser');

		const fetched = vi.spyOn(globalThis, 'fetch');
		const reloaded = playground(storage);
		await reloaded.session.start({ hash: '', ...start }, () => {});
		expect(reloaded.session.banner).toMatchObject({
			plugin: `a plugin downloaded from ${URL_PLUGIN}`,
			fetchUrl: URL_PLUGIN
		});
		expect(reloaded.setup.input).toBe('from the link');
		expect(reloaded.plugin).toBeNull();
		expect(fetched.mock.calls.map(([url]) => String(url))).not.toContain(URL_PLUGIN);
	});

	it('is no longer kept once confirmed or dismissed', async () => {
		const hash = await linkToUrlPlugin();
		const storage = new MemoryStorage();
		const opened = playground(storage);
		await opened.session.start({ hash, ...start }, () => {});
		opened.session.banner = null;
		await opened.session.saving.saveNow();
		const reloaded = playground(storage);
		await reloaded.session.start({ hash: '', ...start }, () => {});
		expect(reloaded.session.banner).toBeNull();
	});
});
