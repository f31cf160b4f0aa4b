import { test, expect, SITE_URL, fixturePath } from './support/fixtures';
import { makeLink, openShared, setupJson, waitForSave } from './support/links';
import {
	chooseExample,
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { showPanel } from './support/panels';

const hostRegion = (page: Page) => page.getByRole('region', { name: 'Host functions' });
const testRegion = (page: Page) => page.getByRole('region', { name: 'Test cases' });

test.describe('host functions', () => {
	test('a plugin importing host functions runs on default stubs, and its calls are listed', async ({
		page
	}) => {
		await openPlayground(page);
		await loadFixture(page, 'host_functions');
		await showPanel(page, 'Host functions');
		await expect(hostRegion(page)).toContainText('extism:host/user::kv.get');
		await expect(hostRegion(page)).toContainText('(i64) → i64');
		await expect(hostRegion(page)).toContainText('extism:host/user::clock_ms');
		await setInput(page, 'key-1');
		const r = await run(page);
		await expect(outputBody(r)).toHaveText('kv.get=null;clock_ms=0');
		await expect(r).toContainText(
			'Stubbed host functions: extism:host/user::kv.get (default), extism:host/user::clock_ms (default)'
		);
		const calls = hostRegion(page).getByRole('list', { name: 'Host calls' }).getByRole('listitem');
		await expect(calls).toHaveCount(2);
		await expect(calls.nth(0)).toContainText(/extism:host\/user::kv\.get\(\d+\)\s*→ 0/);
		await expect(calls.nth(1)).toContainText('extism:host/user::clock_ms() → 0');
	});

	test('a custom stub changes the output', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'host_functions');
		await setInput(page, 'key-2');
		await showPanel(page, 'Host functions');
		await hostRegion(page).getByRole('button', { name: 'Edit extism:host/user::kv.get' }).click();
		const code = page.getByRole('textbox', { name: 'Code for extism:host/user::kv.get' });
		await code.fill("return host.text('value of ' + host.readText(args[0]));");
		await hostRegion(page).getByRole('button', { name: 'Edit extism:host/user::clock_ms' }).click();
		await page
			.getByRole('textbox', { name: 'Code for extism:host/user::clock_ms' })
			.fill('return 1234567890123n;');
		const r = await run(page);
		await expect(outputBody(r)).toHaveText('kv.get=value of key-2;clock_ms=1234567890123');
		await expect(r).toContainText('extism:host/user::kv.get (custom)');
		// A stub that throws is reported as the call's error, with the stub named.
		await code.fill("throw new Error('no such key');");
		const bad = await run(page);
		await expect(bad.getByRole('alert')).toContainText('no such key');
	});

	test('custom stub code from a link runs only after an explicit trust click', async ({ page }) => {
		const wasm = readFileSync(fixturePath('host_functions'));
		const link = await makeLink(
			SITE_URL,
			setupJson({
				source: { kind: 'bytes', name: 'host_functions.wasm', data: wasm.toString('base64') },
				fn: 'run',
				input: 'k',
				stubs: { 'extism:host/user::kv.get': "return host.text('from the link');" }
			})
		);
		await page.goto(link);
		const banner = page.getByRole('region', { name: 'Shared link' });
		await expect(banner).toContainText('Custom host-function code for extism:host/user::kv.get');
		await showPanel(page, 'Host functions');
		await expect(
			page.getByRole('textbox', { name: 'Code for extism:host/user::kv.get' })
		).toHaveValue("return host.text('from the link');");
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(output(page)).toContainText('Trust this code');
		await expect(output(page).getByRole('article')).toHaveCount(0);
		await page.getByRole('button', { name: 'Trust this code' }).click();
		const r = await run(page);
		await expect(outputBody(r)).toHaveText('kv.get=from the link;clock_ms=0');
	});
});

test.describe('linked modules and old plugins', () => {
	test('two modules, one importing from the other, run as one plugin', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'linked_main');
		// Without its module, lib::double is stubbed and returns 0.
		await expect(outputBody(await run(page))).toHaveText('0');
		await showPanel(page, 'Linked modules');
		await page.getByLabel('Linked module name').fill('lib');
		await page.getByLabel('Linked module file').setInputFiles(fixturePath('linked_lib'));
		await expect(page.getByRole('button', { name: 'Remove linked module lib' })).toBeVisible();
		await showPanel(page, 'Host functions');
		await expect(hostRegion(page)).toContainText('This plugin imports no host functions.');
		await expect(outputBody(await run(page))).toHaveText('42');
	});

	test('a share link and a reload carry the linked module along', async ({ page, context }) => {
		await openPlayground(page);
		await loadFixture(page, 'linked_main');
		await showPanel(page, 'Linked modules');
		await page.getByLabel('Linked module name').fill('lib');
		await page.getByLabel('Linked module file').setInputFiles(fixturePath('linked_lib'));
		await expect(page.getByRole('button', { name: 'Remove linked module lib' })).toBeVisible();
		await waitForSave(page, (s) => Array.isArray(s.linked) && s.linked.length === 1);
		await page.reload();
		await expect(page.getByRole('button', { name: 'Remove linked module lib' })).toBeVisible();
		await expect(outputBody(await run(page))).toHaveText('42');

		const other = await openShared(page, context);
		const banner = other.getByRole('region', { name: 'Shared link' });
		await expect(banner).toContainText('Linked modules: lib = linked_lib.wasm');
		await expect(other.getByRole('button', { name: 'Remove linked module lib' })).toBeVisible();
		await expect(outputBody(await run(other))).toHaveText('42');
	});

	test('a plugin built before Extism 1.0 gets the explanation', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'legacy_env');
		await expect(output(page)).toContainText('built for Extism before 1.0');
		const r = await run(page);
		await expect(r.getByRole('alert')).toContainText(
			'This plugin was built for Extism before 1.0 and cannot run on the current runtime.'
		);
		await expect(r.getByRole('alert')).toContainText('Rebuild it with a current Extism PDK.');
	});
});

test.describe('test cases', () => {
	test('Run all tests: one passing and one failing case, with the difference', async ({ page }) => {
		await openPlayground(page);
		await showPanel(page, 'Test cases');
		await setInput(page, 'aaa');
		await run(page);
		await testRegion(page).getByRole('button', { name: 'Add test case' }).click();
		await setInput(page, 'eee');
		await run(page);
		await testRegion(page).getByRole('button', { name: 'Add test case' }).click();
		await testRegion(page)
			.getByRole('textbox', { name: 'Expected result of test case 2' })
			.fill('{"count": 99}');
		await page.getByRole('button', { name: 'Reset' }).click();
		await testRegion(page).getByRole('button', { name: 'Run all tests' }).click();
		await expect(testRegion(page).getByRole('status')).toHaveText('1 passed, 1 failed');
		const first = testRegion(page).getByRole('listitem', { name: 'Test case Case 1' });
		const second = testRegion(page).getByRole('listitem', { name: 'Test case Case 2' });
		await expect(first).toContainText('PASS');
		await expect(second).toContainText('FAIL');
		const diff = second.getByLabel('Difference for test case 2');
		await expect(diff).toContainText('-   "count": 99');
		await expect(diff).toContainText('+   "count": 3');
		await expect(output(page)).toContainText('Tests: 1 passed, 1 failed.');
	});

	test('a case can expect an error, and fails when the error or its absence differs', async ({
		page
	}) => {
		await openPlayground(page);
		await chooseExample(page, 'Plugin error');
		await setInput(page, 'boom');
		await run(page);
		await showPanel(page, 'Test cases');
		await testRegion(page).getByRole('button', { name: 'Add test case' }).click();
		const kind = testRegion(page).getByRole('combobox', { name: 'Expectation of test case 1' });
		const expected = testRegion(page).getByRole('textbox', {
			name: 'Expected result of test case 1'
		});
		await expect(kind).toHaveValue('error');
		await expect(expected).toHaveValue(/deliberate failure: boom/);
		const runAll = testRegion(page).getByRole('button', { name: 'Run all tests' });
		const status = testRegion(page).getByRole('status');
		await runAll.click();
		await expect(status).toHaveText('1 passed, 0 failed');
		await expected.fill('a different error');
		await runAll.click();
		await expect(status).toHaveText('0 passed, 1 failed');
		// Expecting output from a plugin that fails is a failure too.
		await kind.selectOption('output');
		await expected.fill('deliberate failure: boom');
		await runAll.click();
		await expect(status).toHaveText('0 passed, 1 failed');
	});

	test('test cases travel in a share link', async ({ page }) => {
		const cases = [
			{
				name: 'three',
				fn: 'count_vowels',
				input: 'aei',
				config: {},
				expect: { kind: 'output', text: '{"count":3,"total":3,"vowels":"aeiouAEIOU"}' }
			},
			{
				name: 'wrong',
				fn: 'count_vowels',
				input: 'aei',
				config: {},
				expect: { kind: 'output', text: '{"count":99}' }
			}
		];
		await page.goto(await makeLink(SITE_URL, setupJson({ tests: { version: 1, cases } })));
		await expect(page.getByRole('region', { name: 'Shared link' })).toContainText('Test cases: 2');
		await showPanel(page, 'Test cases');
		await testRegion(page).getByRole('button', { name: 'Run all tests' }).click();
		await expect(testRegion(page).getByRole('status')).toHaveText('1 passed, 1 failed');
		await expect(testRegion(page).getByRole('listitem', { name: 'Test case three' })).toContainText(
			'PASS'
		);
	});

	test('test cases are kept across a reload', async ({ page }) => {
		await openPlayground(page);
		await setInput(page, 'oo');
		await run(page);
		await showPanel(page, 'Test cases');
		await testRegion(page).getByRole('button', { name: 'Add test case' }).click();
		await waitForSave(page, (s) => (s.tests as { cases?: unknown[] })?.cases?.length === 1);
		await page.reload();
		await expect(testRegion(page).getByRole('listitem')).toHaveCount(1);
		await testRegion(page).getByRole('button', { name: 'Run all tests' }).click();
		await expect(testRegion(page).getByRole('status')).toHaveText('1 passed, 0 failed');
	});
});

test('test cases export and import as JSON', async ({ page }) => {
	await openPlayground(page);
	await setInput(page, 'oo');
	await run(page);
	await showPanel(page, 'Test cases');
	await testRegion(page).getByRole('button', { name: 'Add test case' }).click();
	const download = page.waitForEvent('download');
	await testRegion(page).getByRole('button', { name: 'Export tests' }).click();
	const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
	expect(file.version).toBe(1);
	expect(file.cases).toHaveLength(1);
	expect(file.cases[0]).toMatchObject({
		fn: 'count_vowels',
		input: 'oo',
		expect: { kind: 'output' }
	});
	expect(JSON.parse(file.cases[0].expect.text)).toMatchObject({ count: 2 });

	const chooser = page.waitForEvent('filechooser');
	await testRegion(page).getByRole('button', { name: 'Import tests' }).click();
	await (
		await chooser
	).setFiles({
		name: 'cases.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await expect(testRegion(page).getByRole('listitem')).toHaveCount(2);
	await testRegion(page).getByRole('button', { name: 'Run all tests' }).click();
	await expect(testRegion(page).getByRole('status')).toHaveText('2 passed, 0 failed');

	const bad = page.waitForEvent('filechooser');
	await testRegion(page).getByRole('button', { name: 'Import tests' }).click();
	await (
		await bad
	).setFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": 1}') });
	await expect(output(page)).toContainText(
		'Could not import the test cases: This is not a test-case file'
	);
});
