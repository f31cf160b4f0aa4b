import { test, expect } from './support/fixtures';
import { chooseExample, openPlayground, output, run } from './support/playground';
import type { Page } from '@playwright/test';

const scroller = (page: Page) => output(page).locator('.scroll');

/** Runs Count vowels until the console has more than it can show. */
async function overflow(page: Page) {
	for (let i = 0; i < 30; i++) {
		await run(page);
		const more = await scroller(page).evaluate((el) => el.scrollHeight > el.clientHeight + 200);
		if (more) return;
	}
	throw new Error('the console never overflowed');
}

test.describe('the Output console', () => {
	// Each test runs the plugin until the console overflows: several runs on a shared machine.
	test.slow();
	test('follows the newest entry, including an error that arrives at the end of a run', async ({
		page
	}) => {
		await openPlayground(page);
		await overflow(page);
		await chooseExample(page, 'Plugin error');
		const failed = await run(page);
		await expect(failed.getByRole('alert')).toBeInViewport();
	});

	test('stays where the person scrolled up to read', async ({ page }) => {
		await openPlayground(page);
		await overflow(page);
		const first = output(page).getByRole('article').first();
		await scroller(page).hover();
		await page.mouse.wheel(0, -100_000);
		await expect(first).toBeInViewport();
		const latest = await run(page);
		await expect(first).toBeInViewport();
		await expect(latest).not.toBeInViewport();
		// Back at the bottom, it follows again.
		await scroller(page).hover();
		await page.mouse.wheel(0, 100_000);
		const next = await run(page);
		await expect(next).toBeInViewport();
	});
});
