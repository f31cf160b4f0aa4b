// Writing a plugin in the page: pick a template, build it in the browser, run it, fix errors,
// share the source.
import { test, expect, SITE_URL } from './support/fixtures';
import { makeLink, setupJson, waitForSave } from './support/links';
import { openPlayground, output, outputBody, run, setInput } from './support/playground';
import {
	BUILD_TIMEOUT,
	built,
	pickTemplate,
	setSource,
	source,
	startWriting
} from './support/write';

test.describe('write a plugin', () => {
	test.setTimeout(120_000);

	// One page: the WAT build, the first AssemblyScript build (the compiler's cold start in this
	// page) and a failed one after it, each counted from where the previous step left the console.
	test('templates build and run; a syntax error is marked and runs nothing', async ({ page }) => {
		const runs = output(page).getByRole('article');
		const builtTs = output(page).getByText(/^Built plugin\.ts in/);
		await openPlayground(page);
		await startWriting(page);

		await test.step('the WAT template builds and runs', async () => {
			await pickTemplate(page, /Minimal WAT/);
			await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('wat');
			await page.getByRole('button', { name: 'Build' }).click();
			await expect(await built(page, 0)).toHaveText(/^Built plugin\.wat in/);
			await expect(page.getByRole('combobox', { name: 'Function' })).toHaveValue('echo');
			await setInput(page, 'bytes in, bytes out');
			const r = await run(page);
			await expect(outputBody(r)).toHaveText('bytes in, bytes out');
		});

		await test.step('Run builds the AssemblyScript count vowels template first, then runs it', async () => {
			await pickTemplate(page, /Count vowels/);
			await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('assemblyscript');
			await setInput(page, 'Hello, Extism!');
			await page.getByRole('button', { name: 'Run', exact: true }).click();
			await expect(await built(page, 1)).toHaveText(/^Built plugin\.ts in/);
			await expect(runs).toHaveCount(2, { timeout: BUILD_TIMEOUT });
			await expect(runs.nth(1)).not.toContainText('running…');
			await expect(outputBody(runs.nth(1))).toHaveText(/"count": 4,\s*"total": 4/);
			// Unchanged source: Ctrl/Cmd+Enter runs again without a build, on the same instance.
			await source(page).locator('.monaco-editor').click();
			await page.keyboard.press('ControlOrMeta+Enter');
			await expect(runs).toHaveCount(3);
			await expect(outputBody(runs.nth(2))).toHaveText(/"count": 4,\s*"total": 8/);
			await expect(builtTs).toHaveCount(1);
		});

		await test.step('a syntax error is marked where it is, and nothing runs', async () => {
			await pickTemplate(page, /Hello world/);
			await setSource(page, 'export function greet(): i32 {\n  let = 3;\n  return 0;\n}\n');
			await page.getByRole('button', { name: 'Run', exact: true }).click();
			await expect(await built(page, 2)).toHaveText(/^Build failed in/);
			await expect(output(page)).toContainText(/plugin\.ts:2:\d+ error AS\d+:/);
			await expect(source(page).locator('.squiggly-error').first()).toBeAttached();
			await expect(page.getByRole('status').filter({ hasText: 'Build failed' })).toBeVisible();
			await expect(runs).toHaveCount(3);
		});
	});

	test('a link with source reopens with it and runs nothing until Run; a reload keeps it', async ({
		page
	}) => {
		const text = `import { Host } from '@extism/as-pdk';\n\nexport function greet(): i32 {\n  Host.output(Uint8Array.wrap(String.UTF8.encode('from the link: ' + Host.inputString())));\n  return 0;\n}\n`;
		const link = await makeLink(
			SITE_URL,
			setupJson({
				source: { kind: 'none' },
				fn: 'greet',
				input: 'Ann',
				code: { language: 'assemblyscript', text }
			})
		);
		await page.goto(link);
		await expect(page.getByRole('region', { name: 'Shared link' })).toContainText(
			/Source: AssemblyScript, \d+ B/
		);
		await expect(source(page).locator('.monaco-editor')).toBeVisible();
		await expect(source(page).locator('.view-lines')).toContainText('from the link');
		await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
		await expect(output(page).getByRole('article')).toHaveCount(0);
		await expect(output(page).getByText(/^Built plugin/)).toHaveCount(0);
		const runs = output(page).getByRole('article');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(runs).toHaveCount(1, { timeout: BUILD_TIMEOUT });
		await expect(runs.first()).not.toContainText('running…');
		await expect(outputBody(runs.first())).toHaveText('from the link: Ann');

		// Edits are saved with the source, and come back after a reload (unbuilt).
		await setSource(page, text.replace('from the link', 'edited'));
		await waitForSave(page, (s) => JSON.stringify(s.code ?? '').includes('edited: '));
		await page.reload();
		await expect(source(page).locator('.view-lines')).toContainText('edited: ');
		await expect(output(page).getByRole('article')).toHaveCount(0);
	});
});
