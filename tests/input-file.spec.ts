// Input from a file (any bytes, sent unchanged) or as hex/base64 text; kept across reloads,
// carried by links while small, and refused with its limit when too large.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openShared } from './support/links';
import {
	downloadOutput,
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';

const inputRegion = (page: Page) => page.getByRole('region', { name: 'Input' });
const details = (page: Page) => page.getByRole('group', { name: 'File used as the input' });
/** Every byte value once, so no byte can be changed, dropped or re-encoded unseen. */
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

async function chooseInputFile(page: Page, name: string, buffer: Buffer, mimeType = '') {
	await page.getByLabel('Input file').setInputFiles({ name, mimeType, buffer });
	await expect(details(page)).toContainText(name);
}

/** Waits until this tab's saved record names the input file (the save runs a moment later). */
async function waitForInputFileSave(page: Page, name: string) {
	await expect
		.poll(() =>
			page.evaluate(() =>
				Array.from({ length: localStorage.length }, (_, i) => {
					try {
						return JSON.parse(localStorage.getItem(localStorage.key(i)!)!)?.inputFile?.name;
					} catch {
						return undefined;
					}
				})
			)
		)
		.toContain(name);
}

test('a binary input file reaches the plugin byte for byte', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await chooseInputFile(page, 'all-bytes.bin', ALL_BYTES, 'application/octet-stream');
	await expect(details(page)).toContainText(
		'The input is replaced by the file all-bytes.bin · 256 B · application/octet-stream.'
	);
	await expect(page.getByTestId('input-file-preview')).toContainText(
		'00000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f'
	);
	await expect(inputRegion(page).locator('.monaco-editor')).toBeHidden();
	const r = await run(page);
	await expect(r).toContainText('input 256 B');
	await expect(outputBody(r)).toContainText(
		'000000f0  f0 f1 f2 f3 f4 f5 f6 f7 f8 f9 fa fb fc fd fe ff'
	);
	expect((await downloadOutput(page, r)).bytes.equals(ALL_BYTES)).toBe(true);
});

test('Clear input file returns to the typed text', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, 'typed text');
	await chooseInputFile(page, 'first.bin', Buffer.from([0xfe]));
	// Another file replaces the one on show (the file input stays reachable by its name).
	await chooseInputFile(page, 'x.bin', Buffer.from([0xff, 1, 2]));
	await expect(details(page)).not.toContainText('first.bin');
	await expect(outputBody(await run(page))).toContainText('ff 01 02');
	await page.getByRole('button', { name: 'Clear input file' }).click();
	await expect(details(page)).toHaveCount(0);
	await expect(inputRegion(page).locator('.monaco-editor')).toBeVisible();
	await expect(outputBody(await run(page))).toHaveText('typed text');
});

test('an input file survives a reload', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await chooseInputFile(page, 'kept.bin', ALL_BYTES);
	await waitForInputFileSave(page, 'kept.bin');
	await page.reload();
	await expect(output(page)).toContainText('Loaded echo.wasm');
	await expect(details(page)).toContainText('kept.bin · 256 B');
	const r = await run(page);
	expect((await downloadOutput(page, r)).bytes.equals(ALL_BYTES)).toBe(true);
});

test('a 50 MB input file is refused with the limit, and the tab stays alive', async ({
	page
}, testInfo) => {
	const path = testInfo.outputPath('big.bin');
	writeFileSync(path, Buffer.alloc(50_000_000, 0x41));
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, 'small');
	await page.getByLabel('Input file').setInputFiles(path);
	const said =
		'The file "big.bin" (47.7 MiB) is too large to be the input: input files may be at most 32.0 MiB.';
	await expect(inputRegion(page).getByRole('alert')).toHaveText(said);
	await expect(output(page)).toContainText(said);
	await expect(details(page)).toHaveCount(0);
	await expect(outputBody(await run(page))).toHaveText('small');
});

test('hex and base64 input send the bytes they spell; bad spelling is said', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, 'AB');
	const encoding = page.getByLabel('Input encoding');
	await encoding.selectOption({ label: 'Hex' });
	await expect(inputRegion(page).locator('.status')).toHaveText('2 bytes (from hex)');
	await setInput(page, '00 ff 80');
	let r = await run(page);
	await expect(r).toContainText('not UTF-8');
	await expect(outputBody(r)).toContainText('00 ff 80');
	await encoding.selectOption({ label: 'Base64' });
	await expect(inputRegion(page).locator('.status')).toHaveText('3 bytes (from base64)');
	await setInput(page, 'SGk=');
	r = await run(page);
	await expect(outputBody(r)).toHaveText('Hi');
	await setInput(page, 'no good!');
	const said =
		'The input is not base64: it may use only A-Z, a-z, 0-9, + and /, with = padding at the end.';
	await expect(inputRegion(page).locator('.status')).toHaveText(said);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(output(page)).toContainText(`Not run: ${said}`);
});

test('a small input file travels in a share link', async ({ page, context }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await chooseInputFile(page, 'tiny.bin', Buffer.from([0xde, 0xad, 0xbe, 0xef]));
	const other = await openShared(page, context);
	await expect(details(other)).toContainText('tiny.bin · 4 B');
	await expect(outputBody(await run(other))).toContainText('de ad be ef');
});
