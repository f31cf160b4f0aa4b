// Saves are per tab, and only the latest few are kept: a tab that is still open must never lose
// its save to the others, and a stored tabs list full of junk must cost nothing at start-up.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { waitForSave } from './support/links';
import { openPlayground, setInput } from './support/playground';

const TABS = 'extism-playground:tabs';
const editorText = (page: Page) =>
	page.getByRole('region', { name: 'Input' }).locator('.view-lines');
const tabsList = (page: Page) =>
	page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[], TABS);

test('the save of a tab that is still open is kept when newer tabs push the old ones out', async ({
	context
}) => {
	const first = await context.newPage();
	await openPlayground(first);
	await setInput(first, 'typed in the first tab');
	await waitForSave(first, (s) => s.input === 'typed in the first tab');
	// Eight tabs that saved after it and are closed now (their saves are still kept).
	await first.evaluate((key) => {
		const [own] = JSON.parse(localStorage.getItem(key) ?? '[]') as string[];
		const state = localStorage.getItem(`extism-playground:state:${own}`)!;
		const closed = Array.from({ length: 8 }, (_, i) => `closed-${i}`);
		for (const t of closed) localStorage.setItem(`extism-playground:state:${t}`, state);
		localStorage.setItem(key, JSON.stringify([own, ...closed]));
	}, TABS);

	const second = await context.newPage();
	await openPlayground(second);
	await setInput(second, 'typed in the second tab');
	await waitForSave(second, (s) => s.input === 'typed in the second tab');
	// The second tab's save made ten: the two oldest closed tabs go, the open first one stays.
	await expect.poll(() => tabsList(second)).toHaveLength(8);
	expect(await tabsList(second)).not.toContain('closed-0');

	await first.reload();
	await expect(editorText(first)).toHaveText('typed in the first tab');
});

test('a stored tabs list full of junk is dropped without work, and the page still saves', async ({
	page
}) => {
	await openPlayground(page);
	await page.evaluate((key) => {
		const junk: unknown[] = Array.from({ length: 20_000 }, (_, i) =>
			i % 2 ? `${'junk'.repeat(30)}${i}` : { i }
		);
		localStorage.setItem(key, JSON.stringify(junk));
	}, TABS);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
	await setInput(page, 'saved after the junk');
	await waitForSave(page, (s) => s.input === 'saved after the junk');
	// Only this tab's own id is left: every junk entry is gone.
	await expect.poll(() => tabsList(page)).toHaveLength(1);
	await page.reload();
	await expect(editorText(page)).toHaveText('saved after the junk');
});
