import { test, expect, SUBPATH_URL, fixturePath } from './support/fixtures';
import { readFileSync } from 'node:fs';
import {
	chooseExample,
	EVERY_LEVEL,
	logLines,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';
import { showPanel } from './support/panels';

test.describe('bundled examples', () => {
	test('count_vowels counts, keeps its total across runs, and Reset clears it', async ({
		page
	}) => {
		await openPlayground(page);
		await setInput(page, 'Extism is a universal plugin system');
		const first = await run(page);
		await expect(outputBody(first)).toContainText('"count": 11');
		await expect(outputBody(first)).toContainText('"total": 11');
		await expect(first).toContainText('INFO');
		await expect(first).toContainText('counted 11 vowels');
		const second = await run(page);
		await expect(outputBody(second)).toContainText('"total": 22');
		await expect(page.getByRole('status').filter({ hasText: 'Instance live' })).toBeVisible();
		await page.getByRole('button', { name: 'Reset' }).click();
		const third = await run(page);
		await expect(outputBody(third)).toContainText('"total": 11');
		await expect(third).toContainText(/instantiate \d/);
	});

	test('config changes what count_vowels counts, and removing it restores the default', async ({
		page
	}) => {
		await openPlayground(page);
		await setInput(page, 'Hello, Extism!');
		await showPanel(page, 'Config');
		await page.getByLabel('Config key').fill('vowels');
		await page.getByLabel('Config value').fill('lo');
		await page.getByRole('button', { name: 'Add config' }).click();
		const withConfig = await run(page);
		await expect(outputBody(withConfig)).toContainText('"count": 3');
		await expect(outputBody(withConfig)).toContainText('"vowels": "lo"');
		await page.getByRole('button', { name: 'Remove config vowels' }).click();
		const without = await run(page);
		await expect(outputBody(without)).toContainText('"count": 4');
		// A settings change makes a fresh instance, so the total starts over.
		await expect(outputBody(without)).toContainText('"total": 4');
	});

	test('log_levels shows every log with its level, filtered by Log level', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Log levels');
		await showPanel(page, 'Settings');
		await page.getByLabel('Log level').selectOption('trace');
		const all = await run(page);
		await expect(logLines(all)).toHaveText(EVERY_LEVEL);
		await expect(outputBody(all)).toHaveText('logged at 5 levels');
		await page.getByLabel('Log level').selectOption('warn');
		const some = await run(page);
		await expect(logLines(some)).toHaveText(EVERY_LEVEL.slice(3));
	});

	test('hello_wasi switches WASI on by itself and shows stdout and stderr', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Hello WASI');
		await showPanel(page, 'Settings');
		await expect(page.getByRole('checkbox', { name: 'WASI' })).toBeChecked();
		await setInput(page, 'reader');
		const r = await run(page);
		await expect(outputBody(r)).toHaveText('Hello, reader!');
		await expect(r).toContainText('stdout');
		await expect(r).toContainText('hello from stdout');
		await expect(r).toContainText('hello from stderr');
	});

	test('Use as input chains runs: one output becomes the next input', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Hello WASI');
		await setInput(page, 'reader');
		const first = await run(page);
		await expect(outputBody(first)).toHaveText('Hello, reader!');
		await first.getByRole('button', { name: 'Use as input' }).click();
		await expect(page.getByRole('region', { name: 'Input' })).toContainText('14 bytes (UTF-8)');
		const second = await run(page);
		await expect(outputBody(second)).toHaveText('Hello, Hello, reader!!');
	});

	test('fail reports the plugin’s own error in words', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Plugin error');
		await setInput(page, 'oops');
		const r = await run(page);
		await expect(r.getByRole('alert')).toContainText(
			'The plugin reported an error: deliberate failure: oops'
		);
		await expect(r).toContainText('failed');
	});

	test('trap explains the trap and the next run starts a fresh instance', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Trap');
		const r = await run(page);
		await expect(r.getByRole('alert')).toContainText(
			'The plugin trapped: it executed an "unreachable" instruction.'
		);
		await expect(r).toContainText('The plugin instance was discarded');
	});

	test('the page works under a sub-path', async ({ page }) => {
		await openPlayground(page, SUBPATH_URL);
		await setInput(page, 'aaa');
		const r = await run(page);
		await expect(outputBody(r)).toContainText('"count": 3');
		await expect(output(page)).not.toContainText('Could not');
	});
});

test('Repeat runs the function N times on one instance and shows call statistics', async ({
	page
}) => {
	await openPlayground(page);
	await setInput(page, 'Hello, Extism!');
	await page.getByLabel('Repeat').fill('5');
	const r = await run(page);
	// Vars persist across the five calls, as with extism call --loop.
	await expect(outputBody(r)).toContainText('"total": 20');
	const stats = r.getByTestId('repeat-stats');
	await expect(stats).toContainText(/^5 calls: min [\d.]+ ms · median [\d.]+ ms · p95/);
	const json = JSON.parse((await stats.getAttribute('data-stats'))!);
	expect(json.count).toBe(5);
	expect(json.min).toBeLessThanOrEqual(json.median);
	expect(json.median).toBeLessThanOrEqual(json.max);
});

test('Ctrl/Cmd+Enter runs from the editor and from anywhere on the page', async ({ page }) => {
	await openPlayground(page);
	await setInput(page, 'ee');
	await page.keyboard.press('ControlOrMeta+Enter');
	const runs = output(page).getByRole('article');
	await expect(runs).toHaveCount(1);
	await expect(outputBody(runs.first())).toContainText('"count": 2');
	await page.getByRole('heading', { name: 'Extism Playground' }).click();
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(runs).toHaveCount(2);
	await expect(outputBody(runs.nth(1))).toContainText('"total": 4');
});

test('dropping a .wasm file anywhere on the page loads it', async ({ page }) => {
	await openPlayground(page);
	const bytes = [...readFileSync(fixturePath('echo'))];
	const dataTransfer = await page.evaluateHandle((b) => {
		const dt = new DataTransfer();
		dt.items.add(new File([new Uint8Array(b)], 'dropped.wasm', { type: 'application/wasm' }));
		return dt;
	}, bytes);
	await page.locator('main').dispatchEvent('dragover', { dataTransfer });
	await expect(page.getByText('Drop a .wasm plugin to load it')).toBeVisible();
	await page.locator('main').dispatchEvent('drop', { dataTransfer });
	await expect(output(page)).toContainText('Loaded dropped.wasm');
	await expect(page.getByText('Drop a .wasm plugin to load it')).toHaveCount(0);
	await setInput(page, 'dropped in');
	await expect(outputBody(await run(page))).toHaveText('dropped in');
});
