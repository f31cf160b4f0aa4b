import { test, expect } from './support/fixtures';
import { openShared } from './support/links';
import { showPanel } from './support/panels';
import { loadFixture, openPlayground, output, outputBody, run } from './support/playground';
import type { Page } from '@playwright/test';

// The default example, count vowels, keeps a running total in var "total"; "Hello, Extism!" has 4.
const total = (n: number) => new RegExp(`"total":\\s*${n}\\b`);

async function setVar(page: Page, name: string, value: string) {
	const vars = await showPanel(page, 'Vars');
	await vars.getByLabel('Var name').fill(name);
	await vars.getByLabel('Var value', { exact: true }).fill(value);
	await vars.getByRole('button', { name: 'Set var' }).click();
}

/** A var's row, with the Vars panel shown (a run shows the Output tab). */
async function row(page: Page, name: string) {
	const vars = await showPanel(page, 'Vars');
	return vars.getByRole('row', { name: new RegExp(`^${name} `) });
}

test.describe('Vars, return codes and memory (issue 23 items 3-5)', () => {
	test('a var the plugin sets shows after each run; Reset empties the list', async ({ page }) => {
		await openPlayground(page);
		await run(page);
		await expect(await row(page, 'total')).toContainText('4');
		await expect(await row(page, 'total')).toContainText('1 B');
		await run(page);
		await expect(await row(page, 'total')).toContainText('8');
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		const vars = await showPanel(page, 'Vars');
		await expect(vars).toContainText('No vars.');
		await expect(vars.getByRole('row')).toHaveCount(0);
	});

	test('a var set by hand reaches the plugin on its next call; a deleted one is gone', async ({
		page
	}) => {
		await openPlayground(page);
		await run(page);
		await setVar(page, 'total', '100');
		await expect(await row(page, 'total')).toContainText('set before the next run');
		await expect(outputBody(await run(page))).toHaveText(total(104));
		await expect(await row(page, 'total')).toContainText('104');
		const vars = await showPanel(page, 'Vars');
		await vars.getByRole('button', { name: 'Edit var total' }).click();
		await expect(vars.getByLabel('Var name')).toHaveValue('total');
		await expect(vars.getByLabel('Var value', { exact: true })).toHaveValue('104');
		await vars.getByRole('button', { name: 'Delete var total' }).click();
		await expect(outputBody(await run(page))).toHaveText(total(4));
	});

	test('vars set by hand travel in a link, and nothing runs until asked', async ({
		page,
		context
	}) => {
		await openPlayground(page);
		await setVar(page, 'total', '40');
		const other = await openShared(page, context);
		await expect(other.getByRole('region', { name: 'Shared link' })).toContainText(
			'Nothing has run.'
		);
		await expect(output(other).getByRole('article')).toHaveCount(0);
		await expect(await row(other, 'total')).toContainText('40');
		await expect(outputBody(await run(other))).toHaveText(total(44));
	});

	test('a non-zero return code without an error is shown and flagged', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'return_code');
		await page.getByRole('combobox', { name: 'Function', exact: true }).selectOption('partial');
		const r = await run(page);
		await expect(r.getByTestId('return-code')).toHaveText('returned 2');
		await expect(r.getByRole('note')).toContainText(
			'Rust SDK fails the call ("Returned non-zero exit code")'
		);
		await expect(outputBody(r)).toHaveText('ok');
	});

	test('a zero return code is shown without a flag', async ({ page }) => {
		await openPlayground(page);
		const r = await run(page);
		await expect(r.getByTestId('return-code')).toHaveText('returned 0');
		await expect(r.getByRole('note')).toHaveCount(0);
	});

	test('each run says the memory in pages, and growth on one instance shows', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'return_code');
		await page.getByRole('combobox', { name: 'Function', exact: true }).selectOption('grow');
		const first = await run(page);
		await expect(first.getByTestId('memory')).toContainText('memory 3 pages (192.0 KiB) +2 pages');
		const second = await run(page);
		await expect(second.getByTestId('memory')).toContainText('memory 5 pages (320.0 KiB) +2 pages');
	});
});
