// Measurements taken through the playground's own UI, on the built site.
import { runEnabled } from './browser.mjs';
import { installPageHelpers } from './page-helpers.mjs';

/** A fresh page with the default example (count_vowels, input "Hello, Extism!") and Monaco up. */
export async function openPlayground(context, url) {
	const page = await context.newPage();
	await page.goto(url);
	await runEnabled(page);
	const output = page.getByRole('region', { name: 'Output' });
	await output.getByText('Loaded Count vowels (').first().waitFor({ timeout: 20_000 });
	// Monaco loads after Run is usable; let it finish so it does not share the main thread.
	await page.locator('.monaco-editor').first().waitFor({ timeout: 20_000 });
	await page.evaluate(installPageHelpers);
	return page;
}

export class MissingUi extends Error {}

/** The "Repeat" field the console's repeat mode needs. */
async function repeatField(page) {
	const field = page.getByLabel('Repeat', { exact: true });
	if ((await field.count()) === 0) {
		throw new MissingUi(
			'the playground has no field named "Repeat" (repeat mode is not wired into the UI yet)'
		);
	}
	return field;
}

/**
 * One run with Repeat = n: returns the summary the console publishes in
 * [data-testid="repeat-stats"][data-stats] and the run's output text.
 */
export async function repeatRun(page, n) {
	const field = await repeatField(page);
	await field.fill(String(n));
	// Tag the stats already shown, so the wait below can only end on this run's.
	await page.evaluate(() => {
		for (const el of document.querySelectorAll('[data-testid="repeat-stats"]')) {
			el.setAttribute('data-bench-seen', '');
		}
	});
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const el = page.locator('[data-testid="repeat-stats"]:not([data-bench-seen])').first();
	await el.waitFor({ state: 'attached', timeout: 60_000 });
	const result = await el.evaluate((node) => ({
		stats: JSON.parse(node.getAttribute('data-stats')),
		output: node.closest('article')?.querySelector('[data-testid="output-body"]')?.textContent
	}));
	if (result.stats?.count !== n) {
		throw new Error(`repeat-stats counts ${result.stats?.count} calls, not ${n}`);
	}
	await field.fill('1');
	await page.evaluate(() => window.__bench.enabledRun());
	return result;
}

/** Median-ready list of click → output times (ms), after `warmup` untimed runs. */
export async function clickToOutput(page, n, warmup = 1) {
	await page.evaluate((k) => window.__bench.clicks(k), warmup);
	return page.evaluate((k) => window.__bench.clicks(k), n);
}

/** Used JS heap of the page's main thread after garbage collection (CDP), in bytes. */
export async function heapUsed(cdp) {
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('HeapProfiler.collectGarbage');
	return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** Choose a plugin file and run it at once: ms from the input's change event to the output. */
export async function fileToFirstOutput(page, path, name) {
	await page.evaluate((n) => window.__bench.armFileRun(n), name);
	await page.getByLabel('Plugin file', { exact: true }).setInputFiles(path);
	return page.evaluate(() => window.__bench.fileRun);
}
