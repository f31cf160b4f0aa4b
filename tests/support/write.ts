// Steps of writing a plugin in the page, shared by the write specs. A cold AssemblyScript build
// loads a 13 MB compiler: BUILD_TIMEOUT is generous, and every wait is on what the page shows.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { openPlayground, output } from './playground';
import { showPanel } from './panels';

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

/** Opens the page and starts writing from a template. */
export async function writeFrom(page: Page, template: RegExp) {
	await openPlayground(page);
	await startWriting(page);
	await pickTemplate(page, template);
}

export async function setSource(page: Page, text: string) {
	await source(page).locator('.monaco-editor').click();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(text);
}

/** The console's "Built …" and "Build failed …" lines. */
export const buildLines = (page: Page) =>
	output(page).getByText(/^(Built plugin\.\w+ in|Build failed in)/);

/** Waits for the next "Built …" or "Build failed" line after `before` such lines. */
export async function built(page: Page, before: number) {
	const lines = buildLines(page);
	await expect(lines).toHaveCount(before + 1, { timeout: BUILD_TIMEOUT });
	return lines.nth(before);
}

/** Presses Run (which builds first) and waits for the run it starts to finish. */
export async function buildAndRun(page: Page) {
	await showPanel(page, 'Output');
	const runs = output(page).getByRole('article');
	const before = await runs.count();
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const latest = runs.nth(before);
	await expect(latest).toBeAttached({ timeout: BUILD_TIMEOUT });
	await expect(latest).not.toContainText('running…');
	return latest;
}

/**
 * The URL pattern of the AssemblyScript compiler's largest download in the built site: binaryen's
 * wasm, which the build takes out of its JS (scripts/binaryen-wasm.mjs). Its name has a hash.
 */
export function compilerChunk(): RegExp {
	const dir = fileURLToPath(new URL('../../build/_app/immutable/workers/assets/', import.meta.url));
	const name = existsSync(dir) && readdirSync(dir).find((f) => /^binaryen-.*\.wasm$/.test(f));
	if (!name) throw new Error(`no binaryen wasm in ${dir}: build the site first`);
	return new RegExp(`/workers/assets/${name.replace('.', '\\.')}$`);
}

/**
 * Pastes `text` over the source, as a person pastes a large file: typing a megabyte key by key
 * (even with insertText) takes Monaco minutes. Needs the clipboard permissions.
 */
export async function pasteSource(page: Page, text: string) {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await source(page).locator('.monaco-editor').click();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('ControlOrMeta+V');
}
