// Take it home: the build as a .wasm file and the source as a project zip, offered only once a
// build is on show (the engine's tests build the project with the CLI toolchain).
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openPlayground, output, outputBody, setInput } from './support/playground';
import { BUILD_TIMEOUT, pickTemplate, source, startWriting } from './support/write';

const wasmButton = (page: Page) => page.getByRole('button', { name: 'Download .wasm' });
const projectButton = (page: Page) => page.getByRole('button', { name: 'Download project' });

async function download(page: Page, button: ReturnType<Page['getByRole']>) {
	const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
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
		await expect(wasmButton(page)).toBeDisabled();
		await expect(projectButton(page)).toBeDisabled();
		await expect(wasmButton(page)).toHaveAccessibleDescription(/^Build first/);
		const axe = await new AxeBuilder({ page }).include('[aria-label="Take it home"]').analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

		await setInput(page, 'Hello, Extism!');
		const runs = output(page).getByRole('article');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(runs).toHaveCount(1, { timeout: BUILD_TIMEOUT });
		await expect(outputBody(runs.first())).toHaveText(/"count": 4,\s*"total": 4/);
		await expect(wasmButton(page)).toBeEnabled();
		await expect(projectButton(page)).toBeEnabled();

		const wasm = await download(page, wasmButton(page));
		expect(wasm.name).toBe('count-vowels.wasm');
		expect(WebAssembly.validate(wasm.bytes)).toBe(true);
		const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm.bytes));
		expect(exports.map((e) => e.name)).toContain('count_vowels');

		const zip = await download(page, projectButton(page));
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
		await expect(projectButton(page)).toBeDisabled();
		await expect(projectButton(page)).toHaveAccessibleDescription(/source changed/);
		await expect(wasmButton(page)).toBeEnabled();
	});
});
