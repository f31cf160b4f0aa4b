// Take it home: the build as a .wasm file and the source as a project zip, offered only once a
// build is on show (the engine's tests build the project with the CLI toolchain).
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openPlayground, output, outputBody, setInput } from './support/playground';
import { BUILD_TIMEOUT, pickTemplate, source, startWriting } from './support/write';
import { menuItem } from './support/menus';

// Both are items of the More menu: each step opens it (or keeps it open) on its item.
const wasmItem = (page: Page) => menuItem(page, 'Download .wasm');
const projectItem = (page: Page) => menuItem(page, 'Download project');

async function download(page: Page, item: Promise<Locator>) {
	const [file] = await Promise.all([page.waitForEvent('download'), (await item).click()]);
	return {
		name: file.suggestedFilename(),
		bytes: new Uint8Array(await readFile(await file.path()))
	};
}

test.describe('take it home', () => {
	test.setTimeout(120_000);

	test('both downloads wait for a build, then give the wasm and the project', async ({ page }) => {
		// A download's MIME type is the Blob's, which Playwright does not report: note each one.
		await page.addInitScript(() => {
			const types: string[] = ((window as unknown as { blobTypes: string[] }).blobTypes = []);
			const create = URL.createObjectURL;
			URL.createObjectURL = (obj: Blob | MediaSource) => {
				if (obj instanceof Blob) types.push(obj.type);
				return create(obj);
			};
		});
		await openPlayground(page);
		await startWriting(page);
		await pickTemplate(page, /Count vowels/);
		// The example on show is no build of this source: nothing to take home yet, and it says why.
		await expect(await wasmItem(page)).toBeDisabled();
		await expect(await projectItem(page)).toBeDisabled();
		await expect(await wasmItem(page)).toHaveAccessibleDescription(/^Build first/);
		const axe = await new AxeBuilder({ page }).include('[role="menu"]:not([hidden])').analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.keyboard.press('Escape');

		await setInput(page, 'Hello, Extism!');
		const runs = output(page).getByRole('article');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(runs).toHaveCount(1, { timeout: BUILD_TIMEOUT });
		await expect(outputBody(runs.first())).toHaveText(/"count": 4,\s*"total": 4/);
		await expect(await wasmItem(page)).toBeEnabled();
		await expect(await projectItem(page)).toBeEnabled();

		const wasm = await download(page, wasmItem(page));
		expect(wasm.name).toBe('count-vowels.wasm');
		expect(WebAssembly.validate(wasm.bytes)).toBe(true);
		const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm.bytes));
		expect(exports.map((e) => e.name)).toContain('count_vowels');

		const zip = await download(page, projectItem(page));
		expect(zip.name).toBe('count-vowels.zip');
		const files = unzipSync(zip.bytes);
		expect(Object.keys(files).sort()).toEqual([
			'count-vowels/.gitignore',
			'count-vowels/README.md',
			'count-vowels/lib/abort.ts',
			'count-vowels/lib/http.ts',
			'count-vowels/lib/io.ts',
			'count-vowels/lib/json.ts',
			'count-vowels/lib/kernel.ts',
			'count-vowels/package.json',
			'count-vowels/plugin.ts'
		]);
		expect(strFromU8(files['count-vowels/plugin.ts'])).toContain('export function count_vowels');
		expect(strFromU8(files['count-vowels/README.md'])).toContain(
			"extism call plugin.wasm count_vowels --timeout 10000 --input 'Hello, Extism!'"
		);

		const types = await page.evaluate(
			() => (window as unknown as { blobTypes: string[] }).blobTypes
		);
		expect(types).toEqual(['application/wasm', 'application/zip']);

		// An edit: the last build stays downloadable; the project waits for the edit to be built.
		await source(page).locator('.monaco-editor').click();
		await page.keyboard.press('ControlOrMeta+End');
		await page.keyboard.insertText('\n// edited\n');
		await expect(await projectItem(page)).toBeDisabled();
		await expect(await projectItem(page)).toHaveAccessibleDescription(/source changed/);
		await expect(await wasmItem(page)).toBeEnabled();
		await expect(await wasmItem(page)).toHaveAccessibleDescription(/^Gives the last build/);
	});
});
