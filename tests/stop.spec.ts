import { test, expect } from './support/fixtures';
import { chooseExample, openPlayground, outputBody, run, setInput } from './support/playground';
import { chooseMenuItem } from './support/menus';
import { showPanel } from './support/panels';

test.describe('runaway plugins', () => {
	test('Stop ends an infinite loop at once and the playground stays usable', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Infinite loop');
		await showPanel(page, 'Settings');
		await page.getByLabel('Timeout (ms)').fill('');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const stop = page.getByRole('button', { name: 'Stop' });
		await expect(stop).toBeEnabled();
		await expect(page.getByRole('status').filter({ hasText: 'Running…' })).toBeVisible();
		// The tab is responsive while the plugin spins: the page's own thread is free, so script
		// and typing go through while the run (with no timeout) is still going.
		expect(await page.evaluate(() => 6 * 7)).toBe(42);
		await chooseMenuItem(page, 'Load from URL…');
		await page.getByLabel('Plugin URL').fill('typing works');
		await expect(page.getByLabel('Plugin URL')).toHaveValue('typing works');
		await expect(stop).toBeEnabled();
		await expect(page.getByRole('status').filter({ hasText: 'Running…' })).toBeVisible();
		await stop.click();
		const article = page.getByRole('article').last();
		await expect(article).toContainText('stopped');
		await expect(article).toContainText('Stopped. The plugin instance was discarded');
		await expect(stop).toBeDisabled();
		await chooseExample(page, 'Count vowels');
		await setInput(page, 'aeiou');
		const next = await run(page);
		await expect(outputBody(next)).toContainText('"count": 5');
	});

	test('Timeout stops an infinite loop by itself', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Infinite loop');
		await showPanel(page, 'Settings');
		await page.getByLabel('Timeout (ms)').fill('300');
		const r = await run(page);
		await expect(r).toContainText('timed out');
		await expect(r).toContainText('Timed out after 300 ms and stopped');
		await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
		// Run again: a fresh worker takes over and times out the same way.
		const again = await run(page);
		await expect(again).toContainText('Timed out after 300 ms');
	});
});
