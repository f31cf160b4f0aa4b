// The load line is shown only for a load that takes a while: a quick one would flash it, shifting
// the page down and back (two full repaints) on the way to the first run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CurrentPlugin, SLOW_LOAD_MS } from './current-plugin.svelte';
import { examplePlugin } from './testing/playgrounds';

const hooks = { rejected: () => {}, loaded: () => {} };

describe('CurrentPlugin: showing a load', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('never shows a quick load', async () => {
		vi.useFakeTimers();
		const current = new CurrentPlugin(hooks);
		const loading = current.loadBytes('vowels.wasm', await examplePlugin('count_vowels'));
		expect(current.loading?.label).toBe('vowels.wasm');
		expect(current.slowLoad).toBe(false);
		vi.useRealTimers();
		expect(await loading).toBe(true);
		expect(current.loading).toBeNull();
		expect(current.slowLoad).toBe(false);
	});

	it('shows a load once it has taken SLOW_LOAD_MS, until it ends', async () => {
		vi.useFakeTimers();
		let answer!: (r: Response) => void;
		vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
		const current = new CurrentPlugin(hooks);
		const loading = current.loadUrl('https://plugins.test/p.wasm');
		vi.advanceTimersByTime(SLOW_LOAD_MS - 1);
		expect(current.slowLoad).toBe(false);
		vi.advanceTimersByTime(1);
		expect(current.slowLoad).toBe(true);
		vi.useRealTimers();
		answer(new Response((await examplePlugin('count_vowels')) as Uint8Array<ArrayBuffer>));
		expect(await loading).toBe(true);
		expect(current.loading).toBeNull();
		expect(current.slowLoad).toBe(false);
	});
});
