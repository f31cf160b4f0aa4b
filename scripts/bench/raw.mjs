// The raw SDK pages: raw.html + raw-page.js with the SDK's self-contained browser build as mod.js,
// served from a root of their own, cross-origin isolated (the SDK's worker mode needs it).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const SDK = fileURLToPath(
	new URL('../../node_modules/@extism/extism/dist/browser/mod.js', import.meta.url)
);

/** Fills dir with the raw page, the SDK and the plugins named in `plugins` ({name: bytes|path}). */
export function makeRawRoot(dir, plugins) {
	mkdirSync(dir, { recursive: true });
	copyFileSync(join(here, 'raw.html'), join(dir, 'index.html'));
	copyFileSync(join(here, 'raw-page.js'), join(dir, 'raw-page.js'));
	copyFileSync(SDK, join(dir, 'mod.js'));
	for (const [name, src] of Object.entries(plugins)) {
		if (typeof src === 'string') copyFileSync(src, join(dir, name));
		else writeFileSync(join(dir, name), src);
	}
}

export async function openRaw(context, url) {
	const page = await context.newPage();
	await page.goto(url);
	await page.waitForFunction(() => window.rawBench !== undefined, null, { timeout: 15_000 });
	return page;
}

/** n calls on one SDK instance in the page: in-thread, or in the SDK's own worker. */
export async function rawCalls(context, url, opts) {
	const page = await openRaw(context, url);
	try {
		return await page.evaluate((o) => window.rawBench.calls(o), opts);
	} finally {
		await page.close();
	}
}
