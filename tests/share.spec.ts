import { test, expect, SITE_URL, fixturePath } from './support/fixtures';
import { makeLink, setupJson, share, waitForSave } from './support/links';
import {
	chooseExample,
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chooseMenuItem } from './support/menus';
import { showPanel } from './support/panels';

type Settings = { config: Record<string, string> };
const banner = (page: Page) => page.getByRole('region', { name: 'Shared link' });
const runs = (page: Page) => output(page).getByRole('article');
const editorText = (page: Page) =>
	page.getByRole('region', { name: 'Input' }).locator('.view-lines');

test.describe('share links', () => {
	test('a link restores every field, lists the grants, and runs nothing', async ({
		page,
		context
	}) => {
		await openPlayground(page);
		await chooseExample(page, 'Log levels');
		await setInput(page, 'shared input ✓');
		await showPanel(page, 'Settings');
		await page.getByLabel('Log level').selectOption('debug');
		await page.getByLabel('Timeout (ms)').fill('2500');
		await page.getByLabel('Max memory pages').fill('64');
		await page.getByLabel('Max var bytes').fill('4096');
		await page.getByRole('checkbox', { name: 'WASI' }).check();
		await showPanel(page, 'Config');
		await page.getByLabel('Config key').fill('greeting');
		await page.getByLabel('Config value').fill('hi there');
		await page.getByRole('button', { name: 'Add config' }).click();
		await showPanel(page, 'Allowed hosts');
		await page.getByRole('textbox', { name: 'Allowed host' }).fill('api.example.com');
		await page.getByRole('button', { name: 'Add host' }).click();
		await page.getByLabel('Max HTTP response bytes').fill('1000');
		const link = await share(page);

		const other = await context.newPage();
		await other.goto(link);
		await expect(banner(other)).toContainText('Opened from a shared link. Nothing has run.');
		await expect(banner(other)).toContainText('Plugin: the bundled example "Log levels"');
		await expect(banner(other)).toContainText('Allowed hosts: api.example.com');
		await expect(banner(other)).toContainText('WASI: on');
		await expect(banner(other)).toContainText('Config: greeting');
		await expect(other.getByRole('combobox', { name: 'Function', exact: true })).toHaveValue(
			'log_all'
		);
		await expect(editorText(other)).toHaveText('shared input ✓');
		await showPanel(other, 'Settings');
		await expect(other.getByLabel('Log level')).toHaveValue('debug');
		await expect(other.getByLabel('Timeout (ms)')).toHaveValue('2500');
		await expect(other.getByLabel('Max memory pages')).toHaveValue('64');
		await expect(other.getByLabel('Max var bytes')).toHaveValue('4096');
		await showPanel(other, 'Allowed hosts');
		await expect(other.getByLabel('Max HTTP response bytes')).toHaveValue('1000');
		await showPanel(other, 'Settings');
		await expect(other.getByRole('checkbox', { name: 'WASI' })).toBeChecked();
		await showPanel(other, 'Config');
		await expect(other.getByText('greeting = hi there')).toBeVisible();
		await showPanel(other, 'Allowed hosts');
		await expect(other.getByRole('button', { name: 'Remove host api.example.com' })).toBeVisible();
		await expect(runs(other)).toHaveCount(0);
		// And it runs when asked.
		const r = await run(other);
		await expect(outputBody(r)).toHaveText('logged at 5 levels');
	});

	test('a small local plugin travels inside the link', async ({ page, context }) => {
		await openPlayground(page);
		await loadFixture(page, 'echo');
		await setInput(page, 'carried along');
		const link = await share(page);
		const other = await context.newPage();
		await other.goto(link);
		await expect(banner(other)).toContainText('Plugin: the plugin file "echo.wasm"');
		await expect(runs(other)).toHaveCount(0);
		const r = await run(other);
		await expect(outputBody(r)).toHaveText('carried along');
	});

	test('a plugin too large for a link says it must be loaded by hand', async ({
		page,
		context
	}) => {
		await openPlayground(page);
		// The echo plugin plus a 40 KiB custom section: over the 24 KiB a link can carry.
		const big = Buffer.concat([
			readFileSync(fixturePath('echo')),
			Buffer.from([0, 0x82, 0xc0, 0x02, 1, 0x78]),
			Buffer.alloc(40 * 1024, 7)
		]);
		await page.getByLabel('Plugin file', { exact: true }).setInputFiles({
			name: 'large.wasm',
			mimeType: 'application/wasm',
			buffer: big
		});
		await expect(output(page)).toContainText('Loaded large.wasm');
		await page.getByRole('button', { name: 'Share' }).click();
		await expect(page.getByRole('note')).toContainText('too large to travel in a link');
		const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
		// Close takes the note away with the link.
		await page.getByRole('button', { name: 'Close' }).click();
		await expect(page.getByRole('note')).toHaveCount(0);
		const other = await context.newPage();
		await other.goto(link);
		await expect(banner(other)).toContainText(
			'"large.wasm", which was too large to travel in the link'
		);
	});

	test('a link naming a function the plugin does not export explains it on Run', async ({
		page
	}) => {
		await page.goto(await makeLink(SITE_URL, setupJson({ fn: 'nope' })));
		await expect(page.getByRole('combobox', { name: 'Function', exact: true })).toHaveValue('nope');
		await expect(page.getByRole('option', { name: 'nope (not exported)' })).toBeAttached();
		const r = await run(page);
		await expect(r.getByRole('alert')).toContainText('The plugin has no exported function "nope".');
	});

	// Each kind of bad link (damaged encoding or compression, an unknown format, wrong types, a
	// plugin URL that is not https, too long) has its own message, checked in persist/codec.test.ts and
	// persist/codec.fields.test.ts; the page shows any of them the same way, so one link stands for all.
	test('a link that cannot be opened opens the defaults with its message', async ({ page }) => {
		await page.goto(`${SITE_URL}#s=1.${'A'.repeat(70_000)}`);
		await expect(banner(page)).toContainText('This link could not be opened.');
		await expect(banner(page)).toContainText(
			'This share link is 70,005 characters long; links over 64,000 characters are not opened.'
		);
		await expect(output(page)).toContainText('This link could not be opened');
		// The defaults: the first example, ready to run.
		await expect(page.getByRole('combobox', { name: 'Examples' })).toHaveValue('count_vowels');
		await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
		await expect(runs(page)).toHaveCount(0);
	});

	test('a fragment with a bad percent-escape still opens the playground', async ({ page }) => {
		// SvelteKit decodes the fragment when the page starts; these made it throw URIError.
		for (const fragment of ['#s=1.%E0%A4%A', '#s=%ff', '#%ff']) {
			// A fresh document each time: a fragment change alone would not restart the app.
			await page.goto('about:blank');
			await page.goto(`${SITE_URL}${fragment}`);
			await expect(page.getByRole('combobox', { name: 'Examples' })).toHaveValue('count_vowels');
			await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
			if (fragment.startsWith('#s=')) {
				await expect(banner(page)).toContainText('This link could not be opened.');
				await expect(banner(page)).toContainText('damaged');
			} else {
				await expect(banner(page)).toHaveCount(0);
			}
			const r = await run(page);
			await expect(outputBody(r)).toContainText('"count": 4');
		}
	});
});

test.describe('persistence', () => {
	test('a reload keeps everything, the local plugin file included', async ({ page }) => {
		await openPlayground(page);
		await page.getByLabel('Plugin file', { exact: true }).setInputFiles(fixturePath('echo'));
		await expect(output(page)).toContainText('Loaded echo.wasm');
		await setInput(page, 'still here');
		await showPanel(page, 'Config');
		await page.getByLabel('Config key').fill('k');
		await page.getByLabel('Config value').fill('v');
		await page.getByRole('button', { name: 'Add config' }).click();
		// Saving happens a moment after the last change: wait for it, not for a time.
		await waitForSave(
			page,
			(s) => s.input === 'still here' && (s.settings as Settings).config.k === 'v'
		);
		await page.reload();
		await expect(output(page)).toContainText('Loaded echo.wasm');
		await expect(page.getByText('k = v')).toBeVisible();
		await expect(editorText(page)).toHaveText('still here');
		await expect(banner(page)).toHaveCount(0);
		const r = await run(page);
		await expect(outputBody(r)).toHaveText('still here');
	});

	test('New clears what was saved', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Trap');
		await waitForSave(page, (s) => (s.source as { id?: string }).id === 'trap');
		await chooseMenuItem(page, 'New');
		await expect(page.getByRole('combobox', { name: 'Examples' })).toHaveValue('count_vowels');
		await waitForSave(page, (s) => (s.source as { id?: string }).id === 'count_vowels');
		await page.reload();
		await expect(page.getByRole('combobox', { name: 'Examples' })).toHaveValue('count_vowels');
		await expect(page.getByRole('combobox', { name: 'Function', exact: true })).toHaveValue(
			'count_vowels'
		);
	});
});

test.describe('copy as code and manifests', () => {
	test('Copy as CLI gives the extism call command with every flag', async ({ page }) => {
		await openPlayground(page);
		await setInput(page, "it's");
		await showPanel(page, 'Config');
		await page.getByLabel('Config key').fill('vowels');
		await page.getByLabel('Config value').fill('aeiou');
		await page.getByRole('button', { name: 'Add config' }).click();
		await showPanel(page, 'Allowed hosts');
		await page.getByRole('textbox', { name: 'Allowed host' }).fill('example.com');
		await page.getByRole('button', { name: 'Add host' }).click();
		await showPanel(page, 'Settings');
		await page.getByLabel('Log level').selectOption('debug');
		await chooseMenuItem(page, 'Copy as CLI');
		const code = await page.getByRole('textbox', { name: 'CLI code' }).inputValue();
		expect(code).toBe(
			`extism call ${SITE_URL}examples/count_vowels.wasm count_vowels --allow-host example.com ` +
				`--config vowels=aeiou --timeout 10000 --log-level debug --input 'it'\\''s'`
		);
	});

	test('Copy as JavaScript and Python name the SDKs and the function', async ({ page }) => {
		await openPlayground(page);
		await chooseMenuItem(page, 'Copy as JavaScript');
		const js = await page.getByRole('textbox', { name: 'JavaScript code' }).inputValue();
		expect(js).toContain("import createPlugin from '@extism/extism';");
		expect(js).toContain("plugin.call('count_vowels', 'Hello, Extism!')");
		await chooseMenuItem(page, 'Copy as Python');
		const py = await page.getByRole('textbox', { name: 'Python code' }).inputValue();
		expect(py).toContain('import extism');
		expect(py).toContain('plugin.call("count_vowels", "Hello, Extism!")');
	});

	test('Export manifest, then Import manifest, in the manifest’s own field names', async ({
		page
	}) => {
		await openPlayground(page);
		await showPanel(page, 'Settings');
		await page.getByLabel('Max var bytes').fill('2048');
		await showPanel(page, 'Allowed hosts');
		await page.getByRole('textbox', { name: 'Allowed host' }).fill('a.example');
		await page.getByRole('button', { name: 'Add host' }).click();
		const download = page.waitForEvent('download');
		await chooseMenuItem(page, 'Export manifest');
		const file = await (await download).path();
		const manifest = JSON.parse(readFileSync(file, 'utf8'));
		expect(manifest).toEqual({
			wasm: [{ url: `${SITE_URL}examples/count_vowels.wasm` }],
			allowed_hosts: ['a.example'],
			memory: { max_var_bytes: 2048 },
			timeout_ms: 10000
		});

		await chooseMenuItem(page, 'New');
		await showPanel(page, 'Settings');
		await expect(page.getByLabel('Max var bytes')).toHaveValue('');
		const data = readFileSync(fixturePath('echo')).toString('base64');
		const chooser = page.waitForEvent('filechooser');
		await chooseMenuItem(page, 'Import manifest');
		await (
			await chooser
		).setFiles({
			name: 'm.json',
			mimeType: 'application/json',
			buffer: Buffer.from(
				JSON.stringify({ wasm: [{ data }], config: { a: 'b' }, memory: { max_pages: 16 } })
			)
		});
		await expect(output(page)).toContainText('Imported the manifest.');
		await expect(page.getByRole('combobox', { name: 'Function', exact: true })).toHaveValue('echo');
		await expect(page.getByLabel('Max memory pages')).toHaveValue('16');
		await showPanel(page, 'Config');
		await expect(page.getByText('a = b')).toBeVisible();
	});
});
