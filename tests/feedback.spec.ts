// Feedback around the setup (issue 22): New can be undone, a source not built yet says "build to
// run", and settings left by the previous plugin are named, with one click to drop them.
import { test, expect } from './support/fixtures';
import {
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';
import { showPanel } from './support/panels';
import { chooseMenuItem } from './support/menus';
import { buildAndRun, pickTemplate, startWriting } from './support/write';
import type { Page } from '@playwright/test';

const fn = (page: Page) => page.getByRole('combobox', { name: 'Function', exact: true });
const inputText = (page: Page) =>
	page.getByRole('region', { name: 'Input' }).locator('.view-lines');

async function addConfig(page: Page, key: string, value: string) {
	const config = await showPanel(page, 'Config');
	await config.getByLabel('Config key').fill(key);
	await config.getByLabel('Config value').fill(value);
	await config.getByRole('button', { name: 'Add config' }).click();
	await expect(config.getByText(`${key} = ${value}`)).toBeVisible();
}

async function copyAsCli(page: Page): Promise<string> {
	await chooseMenuItem(page, 'Copy as CLI');
	return page.getByRole('textbox', { name: 'CLI code' }).inputValue();
}

test('New keeps the previous setup, and Undo in its notice brings it back', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, 'kept input');
	await addConfig(page, 'greeting', 'hi');
	await chooseMenuItem(page, 'New');
	await expect(fn(page)).toHaveValue('count_vowels');
	await expect(inputText(page)).toHaveText('Hello, Extism!');
	const undo = output(page).getByRole('button', { name: 'Undo' });
	await expect(output(page)).toContainText('Started over with the defaults');
	await undo.click();
	await expect(output(page)).toContainText('Brought back the setup from before New.');
	await expect(fn(page)).toHaveValue('echo');
	await expect(inputText(page)).toHaveText('kept input');
	const config = await showPanel(page, 'Config');
	await expect(config.getByText('greeting = hi')).toBeVisible();
	await expect(undo).toHaveCount(0);
	// It is the same plugin again: it runs and echoes the kept input.
	await expect(outputBody(await run(page))).toHaveText('kept input');
});

test('a template not built yet lists its function as "build to run"', async ({ page }) => {
	await openPlayground(page);
	await startWriting(page);
	await pickTemplate(page, /Minimal WAT/);
	await expect(fn(page)).toHaveValue('echo');
	await expect(fn(page).getByRole('option', { name: 'echo (build to run)' })).toBeAttached();
	await expect(fn(page).getByRole('option', { name: /not exported/ })).toHaveCount(0);
	const r = await buildAndRun(page);
	await expect(outputBody(r)).toHaveText('echo me');
	await expect(fn(page).getByRole('option', { name: 'echo', exact: true })).toBeAttached();
});

test('settings left by the previous plugin are named, in Copy as CLI too, until dropped', async ({
	page
}) => {
	await openPlayground(page);
	const settings = await showPanel(page, 'Settings');
	await settings.getByLabel('Log level').selectOption('trace');
	await addConfig(page, 'vowels', 'aeiou');
	await loadFixture(page, 'echo');
	const line = 'Kept from the previous plugin (Count vowels): Log level, Config';
	await expect(output(page)).toContainText(line);
	const shown = await showPanel(page, 'Settings');
	await expect(shown.getByRole('note')).toContainText(line);
	const kept = await copyAsCli(page);
	expect(kept).toContain('--config vowels=aeiou');
	expect(kept).toContain('--log-level trace');

	await shown.getByRole('button', { name: 'Drop kept settings' }).click();
	await expect(shown.getByRole('note')).toHaveCount(0);
	await expect(shown.getByLabel('Log level')).toHaveValue('info');
	const config = await showPanel(page, 'Config');
	await expect(config.getByText('vowels = aeiou')).toHaveCount(0);
	const dropped = await copyAsCli(page);
	expect(dropped).not.toContain('--config');
	expect(dropped).not.toContain('--log-level trace');
});
