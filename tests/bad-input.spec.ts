import { test, expect, fixturePath, examplePath } from './support/fixtures';
import { readFileSync } from 'node:fs';
import {
	chooseExample,
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';
import { loadPluginUrl } from './support/menus';
import { showPanel } from './support/panels';

/** Every bad input leaves a working playground: count_vowels still runs afterwards. */
async function stillWorks(page: import('@playwright/test').Page) {
	await chooseExample(page, 'Count vowels');
	await setInput(page, 'ooo');
	const r = await run(page);
	await expect(outputBody(r)).toContainText('"count": 3');
}

// Bad inputs share a page, a step each: the page must survive one after another, which is what a
// person does too. Each step that can break the playground ends with stillWorks().
test.describe('bad input', () => {
	test('files and URLs that cannot load are said in words', async ({ page }) => {
		// The helper the specs load fixtures with points at built wasm (magic bytes \0asm).
		expect(readFileSync(fixturePath('echo')).subarray(0, 4)).toEqual(
			Buffer.from([0, 0x61, 0x73, 0x6d])
		);
		await openPlayground(page);
		await test.step('a file that is not wasm', async () => {
			await page.getByLabel('Plugin file', { exact: true }).setInputFiles({
				name: 'notes.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('hello, I am a text file\n')
			});
			await expect(output(page)).toContainText(
				'notes.txt: This is not a WebAssembly module: it does not start with the \\0asm magic bytes.'
			);
			await expect(
				page.getByRole('alert').filter({ hasText: 'not a WebAssembly module' })
			).toBeVisible();
			await stillWorks(page);
		});
		await test.step('a truncated module', async () => {
			const whole = readFileSync(examplePath('count_vowels'));
			await page.getByLabel('Plugin file', { exact: true }).setInputFiles({
				name: 'cut.wasm',
				mimeType: 'application/wasm',
				buffer: whole.subarray(0, Math.floor(whole.length / 2))
			});
			await expect(output(page)).toContainText('cut.wasm: The module is truncated');
			await stillWorks(page);
		});
		await test.step('a module with no Extism ABI', async () => {
			await loadFixture(page, 'no_abi');
			await expect(output(page)).toContainText('it is not an Extism plugin');
			await expect(page.getByRole('combobox', { name: 'Function', exact: true })).toHaveValue(
				'run'
			);
			const r = await run(page);
			await expect(r).toContainText('No output (the plugin did not set any).');
			await stillWorks(page);
		});
		await test.step('a plugin URL that is not https', async () => {
			await loadPluginUrl(page, 'http://example.com/plugin.wasm');
			await expect(output(page)).toContainText('Only https:// URLs can be loaded (got http://).');
			await stillWorks(page);
		});
	});

	test('plugins that fail while starting or running are explained', async ({ page }) => {
		await openPlayground(page);
		await test.step('unbounded recursion', async () => {
			await loadFixture(page, 'recursion');
			const r = await run(page);
			await expect(r.getByRole('alert')).toContainText('The plugin overflowed its call stack.');
			await stillWorks(page);
		});
		await test.step('a trap while instantiating', async () => {
			await loadFixture(page, 'start_trap');
			const r = await run(page);
			await expect(r.getByRole('alert')).toContainText('The plugin trapped while starting');
			await stillWorks(page);
		});
		await test.step('a plugin that grows its memory until it fails', async () => {
			await loadFixture(page, 'grow_memory');
			const r = await run(page);
			await expect(r.getByRole('alert')).toContainText('The plugin trapped');
			await expect(r.getByRole('alert')).toContainText('running out of memory');
			await stillWorks(page);
		});
		await test.step('a WASI plugin run with WASI off', async () => {
			await chooseExample(page, 'Hello WASI');
			await showPanel(page, 'Settings');
			await page.getByRole('checkbox', { name: 'WASI' }).uncheck();
			await expect(
				page.getByText('This module imports WASI: with WASI off it cannot load.')
			).toBeVisible();
			const r = await run(page);
			await expect(r.getByRole('alert')).toContainText('This plugin needs WASI, but WASI is off.');
			await page.getByRole('checkbox', { name: 'WASI' }).check();
			const ok = await run(page);
			await expect(outputBody(ok)).toContainText('Hello,');
		});
	});

	test('odd outputs and inputs: huge, HTML, not UTF-8, any text', async ({ page }) => {
		await openPlayground(page);
		await test.step('an output of 32 MiB shows its start and offers the whole as a download', async () => {
			await loadFixture(page, 'big_output');
			const r = await run(page);
			await expect(r).toContainText('Showing the first 64.0 KiB of 32.0 MiB.');
			await expect(outputBody(r)).toContainText('AAAAAAAA');
			expect(await outputBody(r).evaluate((el) => el.textContent!.length)).toBe(64 * 1024);
			const download = page.waitForEvent('download');
			await r.getByRole('button', { name: 'Download output' }).click();
			const file = await (await download).path();
			const bytes = readFileSync(file);
			expect(bytes.length).toBe(33554432);
			expect(bytes[0]).toBe(0x41);
			expect(bytes[bytes.length - 1]).toBe(0x41);
			// Too large to become the input: said, and the input stays as it was.
			await r.getByRole('button', { name: 'Use as input' }).click();
			await expect(output(page)).toContainText(
				'The output (32.0 MiB) is too large to become the input (at most 2.0 MiB).'
			);
			await expect(page.getByRole('region', { name: 'Input' })).not.toContainText('AAAAAAAA');
			await stillWorks(page);
		});
		await test.step('output that is HTML or script is shown as text, never rendered', async () => {
			await loadFixture(page, 'html_output');
			const r = await run(page);
			await expect(outputBody(r)).toHaveText(
				'<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>'
			);
			await expect(output(page).locator('img, script, b')).toHaveCount(0);
			expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
		});
		await test.step('output that is not UTF-8 is shown as hex', async () => {
			await loadFixture(page, 'binary_output');
			const r = await run(page);
			await expect(r).toContainText('not UTF-8');
			await expect(outputBody(r)).toContainText('ff 00 fe 41 80 0a');
		});
		await test.step('input is sent as UTF-8 bytes, whatever the text', async () => {
			await loadFixture(page, 'echo');
			await setInput(page, 'not json: ✓ "quotes" {');
			const r = await run(page);
			await expect(r).toContainText('input 24 B');
			await expect(outputBody(r)).toHaveText('not json: ✓ "quotes" {');
		});
	});
});
