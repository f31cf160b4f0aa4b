import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, fixturePath } from './support/fixtures';
import { loadFixture, openPlayground, outputBody, run, setInput } from './support/playground';
import { showPanel } from './support/panels';

const plugin = (page: Page) => page.getByRole('region', { name: 'Plugin', exact: true });
/** The <dd> after the <dt> named `term` in the Plugin panel. */
const fact = (page: Page, term: string) => plugin(page).locator(`dt:text-is("${term}") + dd`);

test('a SHA-256 the browser cannot compute is said so, and the plugin still runs', async ({
	page
}) => {
	// Web Crypto refusing the digest (as a locked-down or broken browser may), from the start.
	await page.addInitScript(() => {
		crypto.subtle.digest = () => Promise.reject(new DOMException('refused', 'OperationError'));
	});
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await showPanel(page, 'Plugin');
	await expect(fact(page, 'SHA-256')).toHaveText('could not be computed in this browser');
	await setInput(page, 'still runs');
	await expect(outputBody(await run(page))).toHaveText('still runs');
});

test('the inspector shows size, SHA-256, functions and import signatures', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	const bytes = readFileSync(fixturePath('echo'));
	const sha = createHash('sha256').update(bytes).digest('hex');
	await showPanel(page, 'Plugin');
	await expect(fact(page, 'Size')).toHaveText(`${bytes.length} B`);
	await expect(fact(page, 'SHA-256')).toHaveAttribute('title', sha);
	await expect(fact(page, 'SHA-256')).toHaveText(`${sha.slice(0, 16)}…`);
	await expect(fact(page, 'Functions')).toHaveText('echo');
	await plugin(page).getByText('Imports (5)').click();
	const imports = plugin(page).getByRole('listitem');
	// The fixture's own declarations (tests/fixtures/src/echo.wat), in file order.
	await expect(imports).toHaveText([
		'alloc (i64) → i64',
		'store_u8 (i64, i32) → ()',
		'input_length () → i64',
		'input_load_u8 (i64) → i32',
		'output_set (i64, i64) → ()'
	]);
});

test('the output switch shows JSON, text and hex of the same bytes', async ({ page }) => {
	await openPlayground(page);
	await setInput(page, 'ae');
	const r = await run(page);
	const format = r.getByRole('group', { name: 'Output format' });
	const button = (name: string) => format.getByRole('button', { name, exact: true });
	await expect(button('JSON')).toHaveAttribute('aria-pressed', 'true');
	await expect(outputBody(r)).toHaveText(
		'{\n  "count": 2,\n  "total": 2,\n  "vowels": "aeiouAEIOU"\n}'
	);
	await button('Text').click();
	await expect(button('Text')).toHaveAttribute('aria-pressed', 'true');
	await expect(button('JSON')).toHaveAttribute('aria-pressed', 'false');
	await expect(outputBody(r)).toHaveText('{"count":2,"total":2,"vowels":"aeiouAEIOU"}');
	await button('Hex').click();
	// `{"count"` is 7b 22 63 6f 75 6e 74 22.
	await expect(outputBody(r)).toContainText('7b 22 63 6f 75 6e 74 22');
	await expect(outputBody(r)).toContainText('{"count');
	await button('JSON').click();
	await expect(outputBody(r)).toContainText('"count": 2');
});

test('View as WAT shows the module on show as WebAssembly text, and closes', async ({ page }) => {
	await openPlayground(page);
	await plugin(page).getByRole('button', { name: 'View as WAT' }).click();
	const wat = page.getByRole('region', { name: 'WAT' });
	await expect(wat).toContainText('Count vowels as WebAssembly text');
	await expect(wat).toContainText('(export "count_vowels" (func');
	await expect(wat).toContainText('(import "extism:host/env" "input_length"');
	await wat.getByRole('button', { name: 'Close' }).click();
	await expect(wat).toHaveCount(0);
});
