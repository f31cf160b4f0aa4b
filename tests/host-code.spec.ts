// Copy as CLI / JavaScript / Python for what a person sees in the page: a plugin written here is
// named as Download .wasm saves it, its host functions come with stubs, and the JavaScript runs
// under Node (the installed @extism/extism) against the file Download .wasm gave.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openPlayground, outputBody } from './support/playground';
import { buildAndRun, pickTemplate, startWriting } from './support/write';
import { chooseMenuItem } from './support/menus';
import { showPanel } from './support/panels';

const NODE_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url));

async function copyAs(page: Page, kind: 'CLI' | 'JavaScript' | 'Python'): Promise<string> {
	await chooseMenuItem(page, `Copy as ${kind}`);
	return page.getByRole('textbox', { name: `${kind} code` }).inputValue();
}

test.describe('copy as code', () => {
	test.setTimeout(120_000);
	let dir = '';
	test.beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'host-code-spec-'));
		symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
	});
	test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

	test('a plugin written here: the code names the .wasm to download, stubs its host function and runs', async ({
		page
	}) => {
		await openPlayground(page);
		await startWriting(page);
		await pickTemplate(page, /Calling a host function/);
		await expect(outputBody(await buildAndRun(page))).toHaveText('lookup(ann) gave nothing');
		await showPanel(page, 'Host functions');
		const hosts = page.getByRole('region', { name: 'Host functions' });
		await hosts.getByRole('button', { name: 'Edit extism:host/user::lookup' }).click();
		const code = page.getByRole('textbox', { name: 'Code for extism:host/user::lookup' });
		await code.click();
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.insertText("return host.text(host.readText(args[0]).toUpperCase() + '!');");
		const r = await buildAndRun(page);
		await expect(outputBody(r)).toHaveText('lookup(ann) gave ANN!');

		const cli = await copyAs(page, 'CLI');
		expect(cli).toContain('save it with Download .wasm');
		expect(cli).toMatch(
			/^# extism call cannot provide host functions, .*"extism:host\/user::lookup"/m
		);
		expect(cli).toMatch(/^extism call host-function\.wasm describe_user /m);
		const py = await copyAs(page, 'Python');
		expect(py).toContain('"wasm": [{"path": "host-function.wasm"}]');
		expect(py).toContain('@extism.host_fn(name="lookup", namespace="extism:host/user"');
		const js = await copyAs(page, 'JavaScript');
		expect(js).toContain("createPlugin('host-function.wasm'");
		for (const kind of [cli, py, js]) expect(kind).not.toContain('plugin.ts');

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			chooseMenuItem(page, 'Download .wasm')
		]);
		expect(download.suggestedFilename()).toBe('host-function.wasm');
		await download.saveAs(join(dir, download.suggestedFilename()));
		writeFileSync(join(dir, 'copied.mjs'), js);
		const { stdout } = await promisify(execFile)(process.execPath, ['copied.mjs'], { cwd: dir });
		expect(stdout).toBe('lookup(ann) gave ANN!\n');
	});

	test('config keys with "=" or named __proto__ reach the plugin as typed', async ({ page }) => {
		await openPlayground(page);
		for (const [key, value] of [
			['a=b', 'c'],
			['__proto__', 'p']
		]) {
			await showPanel(page, 'Config');
			await page.getByLabel('Config key').click();
			await page.keyboard.insertText(key);
			await page.getByLabel('Config value').click();
			await page.keyboard.insertText(value);
			await page.getByRole('button', { name: 'Add config' }).click();
			await expect(page.getByRole('button', { name: `Remove config ${key}` })).toBeVisible();
		}
		const cli = await copyAs(page, 'CLI');
		expect(cli).toContain(`--config __proto__=p --set-config '{"a=b":"c"}'`);
		expect(cli).not.toContain('--config a=b');
		const js = await copyAs(page, 'JavaScript');
		expect(js).toContain(`config: { 'a=b': 'c', ['__proto__']: 'p' }`);
	});
});
