import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { loadFixture, openPlayground, outputBody, run, setInput } from './support/playground';
import { showPanel } from './support/panels';

async function limitsPlugin(page: Page, fn: string) {
	await openPlayground(page);
	await loadFixture(page, 'limits');
	await page.getByRole('combobox', { name: 'Function', exact: true }).selectOption(fn);
}

test.describe('memory limits are enforced, not only described', () => {
	test('Max memory pages refuses an allocation over it', async ({ page }) => {
		// alloc_pages takes one 64 KiB page of Extism memory per input byte.
		await limitsPlugin(page, 'alloc_pages');
		await showPanel(page, 'Settings');
		await page.getByLabel('Max memory pages').fill('16');
		await setInput(page, 'xx');
		await expect(outputBody(await run(page))).toHaveText('allocated');
		await setInput(page, 'x'.repeat(32));
		const over = await run(page);
		await expect(over.getByRole('alert')).toContainText(
			'The plugin hit the Extism memory limit ("Max memory pages" is 16).'
		);
		await page.getByLabel('Max memory pages').fill('');
		await expect(outputBody(await run(page))).toHaveText('allocated');
	});

	test('Max var bytes refuses a var over it', async ({ page }) => {
		await limitsPlugin(page, 'set_var');
		await showPanel(page, 'Settings');
		await page.getByLabel('Max var bytes').fill('16');
		await setInput(page, 'x'.repeat(8));
		await expect(outputBody(await run(page))).toHaveText('stored');
		await setInput(page, 'x'.repeat(100));
		const over = await run(page);
		await expect(over.getByRole('alert')).toContainText(
			'The plugin stored more in vars than "Max var bytes" allows.'
		);
		await page.getByLabel('Max var bytes').fill('');
		await expect(outputBody(await run(page))).toHaveText('stored');
	});
});
