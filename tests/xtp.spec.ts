import AxeBuilder from '@axe-core/playwright';
import { test, expect, fixturePath } from './support/fixtures';
import { chooseExample, openPlayground, outputBody, run, setInput } from './support/playground';
import type { Page } from '@playwright/test';
import { showPanel } from './support/panels';

const results = (page: Page) => page.getByRole('region', { name: 'Test plugin results' });

async function loadTest(page: Page, name: string) {
	await showPanel(page, 'XTP tests');
	await page.getByLabel('Test plugin file').setInputFiles(fixturePath(name));
	await expect(page.getByText(`${name}.wasm: uses`)).toBeVisible();
}

/** Count vowels loaded, the test plugin `name` chosen and started; its results region. */
async function startTest(
	page: Page,
	name: string,
	opts: { input?: string; timeout?: string } = {}
) {
	await openPlayground(page);
	await chooseExample(page, 'Count vowels');
	if (opts.input !== undefined) await setInput(page, opts.input);
	await showPanel(page, 'Settings');
	if (opts.timeout !== undefined) await page.getByLabel('Timeout (ms)').fill(opts.timeout);
	await loadTest(page, name);
	await page.getByRole('button', { name: 'Run test plugin' }).click();
	return results(page);
}

test.describe('XTP test plugins', () => {
	test('runs against Count vowels: pass and fail assertions, grouped, with timings', async ({
		page
	}) => {
		const r = await startTest(page, 'xtp_count_vowels', { input: 'aeiou' });
		await expect(r).toContainText(/5 passed, 1 failed in [\d.]+ ms/);
		const first = r.getByRole('region', { name: 'Group counts vowels' });
		await expect(
			first.getByRole('listitem').filter({ hasText: 'Hello, World! has 3 vowels' })
		).toContainText('PASS');
		// mock_input is the current input: five vowels.
		await expect(
			first.getByRole('listitem').filter({ hasText: 'mock input is counted' })
		).toContainText('"count":5');
		const failing = first.getByRole('listitem').filter({ hasText: 'this one fails on purpose' });
		await expect(failing).toContainText('FAIL');
		await expect(failing).toContainText('expected "count":99 in {"count":3');
		const second = r.getByRole('region', { name: 'Group keeps a running total' });
		for (const name of [
			'a group starts on a fresh instance',
			'the total adds up across calls',
			'reset clears the total'
		])
			await expect(second.getByRole('listitem').filter({ hasText: name })).toContainText('PASS');
		await expect(
			second.getByRole('list', { name: 'Calls in keeps a running total' })
		).toContainText(/time count_vowels [\d.]+ ms/);
		await showPanel(page, 'XTP tests');
		await expect(page.getByRole('region', { name: 'Output' })).toContainText(
			'Test plugin xtp_count_vowels.wasm: 5 passed, 1 failed.'
		);
		// What the plugin under test logged comes along.
		await r.getByText(/^Logs \(\d+\)$/).click();
		await expect(r.getByRole('list', { name: 'Test plugin logs' })).toContainText(
			'info counted 3 vowels'
		);
		// The results, passes and failures in their colours, in both themes.
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const axe = await new AxeBuilder({ page }).include('.xtp').analyze();
			expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
			expect(axe.passes.map((p) => p.id)).toContain('color-contrast');
		}
	});

	test('a test plugin that imports nothing from the harness says no assertions were made', async ({
		page
	}) => {
		const r = await startTest(page, 'xtp_no_harness');
		await expect(r).toContainText('0 passed, 0 failed');
		await expect(r).toContainText(
			'xtp_no_harness.wasm imports nothing from xtp:test/harness, so it cannot call the plugin or make assertions.'
		);
		await expect(r).toContainText('no assertions were made');
	});

	test('a call to a function the plugin lacks is reported and the test goes on', async ({
		page
	}) => {
		const r = await startTest(page, 'xtp_missing_fn');
		await expect(r).toContainText('2 passed, 0 failed, 1 call failed');
		await expect(r.getByRole('list', { name: 'Calls in no group' })).toContainText(
			'call no_such_function'
		);
		await expect(r).toContainText(
			'failed. The plugin has no exported function "no_such_function".'
		);
		await expect(
			r.getByRole('listitem').filter({ hasText: 'calls after it still run' })
		).toContainText('PASS');
	});

	test('a test plugin that is not wasm is refused in words', async ({ page }) => {
		await openPlayground(page);
		await showPanel(page, 'XTP tests');
		await page.getByLabel('Test plugin file').setInputFiles({
			name: 'notes.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from('hello, not a plugin')
		});
		const panel = page.getByRole('region', { name: 'XTP tests' });
		await expect(panel.getByRole('alert')).toContainText(
			'notes.txt cannot be used as a test plugin: This is not a WebAssembly module'
		);
		await expect(page.getByRole('button', { name: 'Run test plugin' })).toBeDisabled();
	});

	test('a looping test plugin is ended by Stop, and then by Timeout', async ({ page }) => {
		// No timeout, so only Stop can end it.
		const r = await startTest(page, 'xtp_loop', { timeout: '' });
		await expect(r).toContainText('Testing…');
		// The tab stays responsive while the test spins in the worker.
		expect(await page.evaluate(() => 6 * 7)).toBe(42);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(r).toContainText('Stopped.');
		await expect(r).toContainText('Results so far are shown.');
		await showPanel(page, 'Settings');
		await page.getByLabel('Timeout (ms)').fill('300');
		await page.getByRole('button', { name: 'Run test plugin' }).click();
		await expect(r).toContainText('Timed out after 300 ms and stopped.');
		// The plugin itself still runs afterwards.
		await setInput(page, 'aeiou');
		const next = await run(page);
		await expect(outputBody(next)).toContainText('"count": 5');
	});

	test('without JSPI (forced with ?jspi=off) the panel says why and runs nothing', async ({
		page
	}) => {
		await openPlayground(page, '/?jspi=off');
		await loadTest(page, 'xtp_count_vowels');
		await showPanel(page, 'XTP tests');
		const panel = page.getByRole('region', { name: 'XTP tests' });
		await expect(panel).toContainText('Test plugins need JSPI (WebAssembly.Suspending)');
		await expect(page.getByRole('button', { name: 'Run test plugin' })).toBeDisabled();
	});

	test('the test plugin comes back after a reload and runs', async ({ page }) => {
		await openPlayground(page);
		await loadTest(page, 'xtp_missing_fn');
		await expect(page.getByText('Saved in this browser')).toBeVisible();
		await page.reload();
		await expect(page.getByText('xtp_missing_fn.wasm: uses call, assert')).toBeVisible();
		await page.getByRole('button', { name: 'Run test plugin' }).click();
		await expect(results(page)).toContainText('2 passed, 0 failed, 1 call failed');
	});
});
