// Tab types in a code editor, so the keyboard needs a way out, said on the page: Esc, then Tab
// (or Shift+Tab) moves the focus on. Without it, focus stayed in the editor for good.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openPlayground } from './support/playground';
import { source, startWriting } from './support/write';

const HINT = 'In the editor, Tab types a tab: press Esc, then Tab or Shift+Tab, to move on.';
const focusInside = (region: Locator) =>
	region.evaluate((el) => el.querySelector('.monaco-editor')!.contains(document.activeElement));

async function leavesWithEscThenTab(page: Page, region: Locator) {
	await expect(region.getByText(HINT)).toBeVisible();
	await region.locator('.monaco-editor').click();
	// Tab alone types, and the focus stays.
	await page.keyboard.press('Tab');
	expect(await focusInside(region)).toBe(true);
	await page.keyboard.press('Escape');
	await page.keyboard.press('Tab');
	await expect.poll(() => focusInside(region)).toBe(false);
	// Back in, and out the other way.
	await region.locator('.monaco-editor').click();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Shift+Tab');
	await expect.poll(() => focusInside(region)).toBe(false);
	// Once out and back, Tab types again.
	await region.locator('.monaco-editor').click();
	await page.keyboard.press('Tab');
	expect(await focusInside(region)).toBe(true);
}

test('Esc then Tab leaves the Input editor, as the hint beside it says', async ({ page }) => {
	await openPlayground(page);
	await leavesWithEscThenTab(page, page.getByRole('region', { name: 'Input' }));
});

test('Esc then Tab leaves the Source editor too', async ({ page }) => {
	await openPlayground(page);
	await startWriting(page);
	await leavesWithEscThenTab(page, source(page));
});
