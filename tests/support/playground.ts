// What a person does with the playground, as small steps the specs share.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { fixturePath } from './fixtures';
import { showPanel } from './panels';

/** Open the page and wait until the default example is loaded and Monaco is up. */
export async function openPlayground(page: Page, url = '/') {
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
	await expect(page.getByRole('region', { name: 'Input' }).locator('.monaco-editor')).toBeVisible();
}

/** Pick an example and wait for this load (not an earlier one of the same example) to finish. */
export async function chooseExample(page: Page, title: string) {
	const loaded = output(page).getByText(`Loaded ${title} (`);
	const before = await loaded.count();
	await page.getByRole('combobox', { name: 'Examples' }).selectOption({ label: title });
	await expect(loaded).toHaveCount(before + 1);
}

export async function loadFixture(page: Page, name: string) {
	await page.getByLabel('Plugin file', { exact: true }).setInputFiles(fixturePath(name));
	await expect(page.getByRole('region', { name: 'Output' })).toContainText(`Loaded ${name}.wasm`);
}

/** Replace the editor's text (insertText avoids Monaco's auto-closing of brackets and quotes). */
export async function setInput(page: Page, text: string) {
	const editor = page.getByRole('region', { name: 'Input' }).locator('.monaco-editor');
	await editor.click();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	if (text) await page.keyboard.insertText(text);
}

/** Click Run and wait for that run to finish; returns the run's article in the console. */
export async function run(page: Page) {
	// Counted where they are seen: hidden behind another tab, the runs would count as none.
	await showPanel(page, 'Output');
	const runs = output(page).getByRole('article');
	const before = await runs.count();
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const latest = runs.nth(before);
	await expect(latest).not.toContainText('running…');
	return latest;
}

export function output(page: Page) {
	return page.getByRole('region', { name: 'Output' });
}

/** The shown output body of a run (text, JSON or hex view). */
export function outputBody(runArticle: ReturnType<Page['locator']>) {
	return runArticle.getByTestId('output-body');
}

/** A run's log lines. */
export function logLines(runArticle: ReturnType<Page['locator']>) {
	return runArticle.getByRole('list', { name: 'Logs' }).getByRole('listitem');
}

/** The lines of a plugin that logs "<level> message" at every level, lowest first, all shown. */
export const EVERY_LEVEL = [
	/TRACE\s+trace message/,
	/DEBUG\s+debug message/,
	/INFO\s+info message/,
	/WARN\s+warn message/,
	/ERROR\s+error message/
];

/** Clicks a run's "Download output" and returns the downloaded file's name and bytes. */
export async function downloadOutput(page: Page, runArticle: ReturnType<Page['locator']>) {
	const download = page.waitForEvent('download');
	await runArticle.getByRole('button', { name: 'Download output' }).click();
	const file = await download;
	return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}
