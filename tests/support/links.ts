import { expect, type BrowserContext, type Page } from '@playwright/test';

// Hand-made share links for tests: JSON → deflate-raw → base64url, as the link format documents.
export async function makeLink(base: string, json: unknown, version = 1): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(json));
	const packed = await new Response(
		new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))
	).arrayBuffer();
	const b64 = Buffer.from(packed).toString('base64url');
	return `${base}#s=${version}.${b64}`;
}

/** A valid format-1 setup, for tests to break one field at a time. */
export function setupJson(overrides: Record<string, unknown> = {}) {
	return {
		source: { kind: 'example', id: 'count_vowels' },
		fn: 'count_vowels',
		input: 'Hello',
		settings: {
			wasi: false,
			logLevel: 'info',
			config: {},
			allowedHosts: [],
			allowHttpResponseHeaders: false
		},
		timeoutMs: 10000,
		...overrides
	};
}

/** The setup JSON inside a `#s=1.…` fragment (the inverse of makeLink). */
export async function readLink(hash: string): Promise<Record<string, unknown>> {
	const packed = Buffer.from(hash.replace(/^#s=1\./, ''), 'base64url');
	const text = await new Response(
		new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'))
	).text();
	return JSON.parse(text);
}

/**
 * Every setup the page has saved in its storage, decoded. Tests wait on these instead of sleeping
 * past the save delay; any stored JSON value with a share-link `link` counts, wherever it is kept.
 */
export async function savedSetups(page: Page): Promise<Record<string, unknown>[]> {
	const values = await page.evaluate(() =>
		[localStorage, sessionStorage].flatMap((s) =>
			Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i)!) ?? '')
		)
	);
	const setups: Record<string, unknown>[] = [];
	for (const value of values) {
		try {
			const link = (JSON.parse(value) as { link?: unknown }).link;
			if (typeof link === 'string' && link.startsWith('#s=1.')) setups.push(await readLink(link));
		} catch {
			// Not a saved setup.
		}
	}
	return setups;
}

/** Waits until a saved setup satisfies `check` (the save runs a moment after each change). */
export async function waitForSave(page: Page, check: (setup: Record<string, unknown>) => boolean) {
	await expect.poll(async () => (await savedSetups(page)).some(check)).toBe(true);
}

/** Share, as a person does: the link the page puts in its Share link field. */
export async function share(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Share' }).click();
	const field = page.getByRole('textbox', { name: 'Share link' });
	await expect(field).toHaveValue(/#s=1\./);
	return field.inputValue();
}

/** Shares `page`'s setup and opens the link in a new page of the same context. */
export async function openShared(page: Page, context: BrowserContext): Promise<Page> {
	const link = await share(page);
	const other = await context.newPage();
	await other.goto(link);
	return other;
}
