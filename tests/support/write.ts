// Steps of writing a plugin in the page, shared by the specs that write one. A cold AssemblyScript
// build loads a 13 MB compiler: waits are generous and wait on what the page shows.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { output } from './playground';

export const BUILD_TIMEOUT = 60_000;

export const source = (page: Page) => page.getByRole('region', { name: 'Source' });

export async function startWriting(page: Page) {
	await page.getByRole('button', { name: 'Write plugin' }).click();
	await expect(source(page).locator('.monaco-editor')).toBeVisible();
}

export async function pickTemplate(page: Page, label: RegExp) {
	const select = page.getByRole('combobox', { name: 'Template' });
	const option = select.getByRole('option', { name: label });
	await select.selectOption({ label: (await option.textContent())!.trim() });
}

/** Waits for the next "Built …" or "Build failed" line after `before` such lines. */
export async function built(page: Page, before: number) {
	const lines = output(page).getByText(/^(Built plugin\.\w+ in|Build failed in)/);
	await expect(lines).toHaveCount(before + 1, { timeout: BUILD_TIMEOUT });
	return lines.nth(before);
}
