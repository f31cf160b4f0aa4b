import { test, expect } from './support/fixtures';
import { loadFixture, openPlayground, outputBody, run, setInput } from './support/playground';

const inputRegion = (page: import('@playwright/test').Page) =>
	page.getByRole('region', { name: 'Input' });

test.describe('the Input editor', () => {
	test('typing over a selection replaces it, braces and quotes included', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'echo');
		await setInput(page, 'old text');
		await page.keyboard.press('ControlOrMeta+A');
		// Typed key by key, as a person does (insertText would bypass auto-surround).
		await page.keyboard.type('{"url": "x"}');
		const r = await run(page);
		await r.getByRole('button', { name: 'Text', exact: true }).click();
		await expect(outputBody(r)).toHaveText('{"url": "x"}');
	});

	test('plain text is valid input: JSON squiggles only for text that looks like JSON', async ({
		page
	}) => {
		await openPlayground(page);
		const status = inputRegion(page).locator('.status');
		const squiggles = inputRegion(page).locator('.squiggly-error');
		await setInput(page, '{"a": ');
		await expect(status).toHaveText('Not valid JSON — sent as text');
		await expect(squiggles.first()).toBeAttached();
		await setInput(page, 'Hello, Extism!');
		await expect(status).toHaveText('14 bytes (UTF-8)');
		await expect(squiggles).toHaveCount(0);
		await setInput(page, '{"a": 1}');
		await expect(status).toHaveText('8 bytes (UTF-8)');
		await setInput(page, '[1,');
		await expect(status).toHaveText('Not valid JSON — sent as text');
	});
});
