// "Edit source" on the bundled examples: the source opens in Write plugin, builds in the browser,
// and the build does what the prebuilt module does for the example's own input. The examples
// without HTTP or an endless loop are rebuilt and compared on the Node SDK
// (src/lib/engine/author/example-rebuilds.test.ts); these two need the page: the webhook's request goes
// through the page's grants, and the loop ends only by the page's timeout.
import { test, expect, ECHO_URL } from './support/fixtures';
import { EXAMPLES } from '../src/lib/engine/setup/examples';
import { chooseExample, openPlayground, outputBody, run, setInput } from './support/playground';
import { buildAndRun, buildLines, built, source } from './support/write';
import type { Locator, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chooseMenuItem } from './support/menus';
import { showPanel } from './support/panels';

/** What a run came to: its output, or the first words below its header (an error, a timeout). */
async function outcome(r: Locator): Promise<string> {
	const body = outputBody(r);
	if (await body.count()) return (await body.textContent())!.trim();
	return (await r.locator('p').nth(1).textContent())!.trim();
}

/** The webhook's own input reaches httpbin.org, which this machine cannot: use the echo server. */
async function toEcho(page: Page) {
	await showPanel(page, 'Allowed hosts');
	await page.getByRole('button', { name: 'Remove host httpbin.org' }).click();
	await page.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
	await page.getByRole('button', { name: 'Add host' }).click();
	await setInput(page, JSON.stringify({ url: `${ECHO_URL}/echo/example`, payload: { a: 1 } }));
}

test('the webhook’s and the loop’s sources build here and give the prebuilt modules’ outcomes', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openPlayground(page);
	// The infinite loop ends by the timeout, for both builds alike.
	await showPanel(page, 'Settings');
	await page.getByLabel('Timeout (ms)').fill('1000');
	for (const ex of EXAMPLES.filter((e) => ['webhook', 'loop'].includes(e.id))) {
		await test.step(ex.title, async () => {
			await chooseExample(page, ex.title);
			if (ex.id === 'webhook') await toEcho(page);
			const prebuilt = await outcome(await run(page));
			await chooseMenuItem(page, 'Edit source');
			await expect(source(page).locator('.monaco-editor')).toBeVisible();
			await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue(
				existsSync(`examples/${ex.id}.wat`) ? 'wat' : 'assemblyscript'
			);
			await expect(page.getByRole('combobox', { name: 'Function' })).toHaveValue(ex.functionName);
			if (ex.id === 'webhook') await toEcho(page);
			const builds = await buildLines(page).count();
			const rebuilt = await outcome(await buildAndRun(page));
			// The run was of the build from source, not of the prebuilt module still on show.
			await expect(await built(page, builds)).toHaveText(/^Built plugin\.(ts|wat) in/);
			expect(rebuilt).toBe(prebuilt);
		});
	}
});
