// Writing a plugin in the playground (count vowels, AssemblyScript): the cold first build with the
// compiler's download from loopback, warm edit → output, and the longest main-thread task while
// builds run. Timed inside the page (page-helpers.mjs).
import { traceMainThread } from './main-thread.mjs';
import { openPlayground } from './playground-runs.mjs';
import { summarize } from './report.mjs';

const source = (page) => page.getByRole('region', { name: 'Source' }).locator('.monaco-editor');

/** Edit number `i` (from 0), typed at the end of the source as a person types it. */
export async function typeEdit(page, i) {
	await source(page).click();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.insertText(`\n// edit ${i + 1}`);
}

/** A fresh context (empty cache; the server sends no-store too), so nothing of asc is warm. */
export async function writeRuns(browser, url, edits) {
	const context = await browser.newContext();
	try {
		const page = await openPlayground(context, url);
		const stopTrace = await traceMainThread(page);
		const cold = await page.evaluate(() => window.__bench.coldBuild());
		await source(page).waitFor({ timeout: 20_000 });
		const warm = [];
		for (let i = 0; i < edits; i++) {
			// A real edit through the editor; only the Run that follows it is timed.
			await typeEdit(page, i);
			warm.push(await page.evaluate(() => window.__bench.editRun()));
		}
		const ms = warm.map((w) => w.ms);
		const cpu = await stopTrace();
		return {
			// Tasks overlapping a build: the cold one (Write plugin → Built) and each edit's Run → output.
			longestTaskCpu: cpu,
			cold,
			warm: { ms, ...summarize(ms) },
			longestTaskMs: Math.max(cold.longestTaskMs, ...warm.map((w) => w.longestTaskMs)),
			longestWarmTaskMs: Math.max(...warm.map((w) => w.longestTaskMs))
		};
	} finally {
		await context.close();
	}
}
