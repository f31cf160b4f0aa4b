// Code that arrives from outside runs only once trusted, across reloads, tabs and saves; custom
// code does not outlive its setup; each tab keeps its own setup; saving never stops silently.
import { test, expect, ECHO_URL, SITE_URL, fixturePath, seen } from './support/fixtures';
import { makeLink, setupJson } from './support/links';
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
const KV = 'extism:host/user::kv.get';
const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /[Ss]aved|Saving/ });

/** This tab's saved record (a large input as its length only), null before the first save. */
function savedRecord(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const tab = sessionStorage.getItem('extism-playground:tab');
		const text = localStorage.getItem(`extism-playground:state:${tab}`);
		if (text === null) return null;
		const record = JSON.parse(text);
		if (typeof record.input === 'string') record.input = record.input.length;
		return JSON.stringify(record);
	});
}

/** Waits until this tab's save differs from `before`, i.e. the latest change is stored. */
async function savedAfter(page: Page, before: string | null) {
	await expect.poll(() => savedRecord(page)).not.toBe(before);
	await expect(saveStatus(page)).toHaveText('Saved in this browser');
}

async function stubLink() {
	const wasm = readFileSync(fixturePath('host_functions'));
	return makeLink(
		SITE_URL,
		setupJson({
			source: { kind: 'bytes', name: 'host_functions.wasm', data: wasm.toString('base64') },
			fn: 'run',
			input: 'k',
			stubs: { [KV]: "return host.text('from the link');" }
		})
	);
}

async function expectRefusedToRun(page: Page) {
	await showPanel(page, 'Host functions');
	await expect(hostRegion(page)).toContainText(`Custom code for ${KV} is not trusted yet`);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(output(page)).toContainText('click "Trust this code" before running');
	await expect(output(page).getByRole('article')).toHaveCount(0);
}

test('code from a link stays untrusted after a reload and in a new tab', async ({
	page,
	context
}) => {
	await page.goto(await stubLink());
	await expect(saveStatus(page)).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
	await expectRefusedToRun(page);

	// A new tab starts from the latest save: the code is still not trusted there, and editing
	// code nobody trusted does not make it trusted.
	const other = await context.newPage();
	await other.goto(SITE_URL);
	await expect(other.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
	await showPanel(page, 'Host functions');
	await other.getByRole('textbox', { name: `Code for ${KV}` }).fill("return host.text('edited');");
	await expectRefusedToRun(other);
});

test('trusting code is a decision about that code, kept with it', async ({ page }) => {
	await page.goto(await stubLink());
	await expect(saveStatus(page)).toHaveText('Saved in this browser');
	const before = await savedRecord(page);
	await showPanel(page, 'Host functions');
	await page.getByRole('button', { name: 'Trust this code' }).click();
	await savedAfter(page, before);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
	await expect(outputBody(await run(page))).toHaveText('kv.get=from the link;clock_ms=0');
});

test('custom code does not outlive its setup: a later plugin gets a clean worker', async ({
	page
}) => {
	await openPlayground(page);
	await loadFixture(page, 'host_functions');
	await showPanel(page, 'Host functions');
	await hostRegion(page)
		.getByRole('button', { name: `Edit ${KV}` })
		.click();
	await page
		.getByRole('textbox', { name: `Code for ${KV}` })
		.fill(
			'self.fetch = async () => new Response(JSON.stringify({ intercepted: true })); return 0n;'
		);
	await expect(outputBody(await run(page))).toHaveText('kv.get=null;clock_ms=0');
	await hostRegion(page).getByRole('button', { name: 'Use the default stub' }).click();

	await chooseExample(page, 'Webhook (HTTP POST)');
	await showPanel(page, 'Allowed hosts');
	await page.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
	await page.getByRole('button', { name: 'Add host' }).click();
	await setInput(page, JSON.stringify({ url: `${ECHO_URL}/echo/after-stub`, payload: 1 }));
	const r = await run(page);
	await expect(outputBody(r)).toContainText('"status": 200');
	const body = JSON.parse(JSON.parse((await outputBody(r).textContent())!).body);
	expect(body).toMatchObject({ method: 'POST', path: '/echo/after-stub' });
	const posts = (await seen('/echo/after-stub')).filter((r) => r.method === 'POST');
	expect(posts).toHaveLength(1);
});

test('two tabs keep their own plugins and setups', async ({ context }) => {
	const a = await context.newPage();
	await openPlayground(a);
	await loadFixture(a, 'echo');
	const b = await context.newPage();
	await openPlayground(b);
	await loadFixture(b, 'binary_output');
	await expect(saveStatus(b)).toHaveText('Saved in this browser');

	const before = await savedRecord(a);
	await showPanel(a, 'Settings');
	await a.getByRole('combobox', { name: 'Log level' }).selectOption('debug');
	await savedAfter(a, before);
	await a.reload();
	await expect(output(a)).toContainText('Loaded echo.wasm');
	await expect(a.getByRole('combobox', { name: 'Function' })).toHaveValue('echo');
	await expect(a.getByRole('combobox', { name: 'Log level' })).toHaveValue('debug');
	await setInput(a, 'abc');
	await expect(outputBody(await run(a))).toHaveText('abc');

	await b.reload();
	await expect(output(b)).toContainText('Loaded binary_output.wasm');
	await expect(b.getByRole('combobox', { name: 'Log level' })).toHaveValue('info');
});

test('a large pasted input and a config entry survive a reload', async ({ page, context }) => {
	// The editor takes a while with 10,000 lines.
	test.slow();
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openPlayground(page);
	// 320 KB, pasted as a person would: more than a link carries, so it is kept beside the save.
	const big = `${'a'.repeat(31)}\n`.repeat(10_000);
	await page.evaluate((text) => navigator.clipboard.writeText(text), big);
	await setInput(page, '');
	await page.keyboard.press('ControlOrMeta+V');
	await showPanel(page, 'Config');
	await page.getByLabel('Config key').fill('vowels');
	await page.getByLabel('Config value').fill('a');
	const before = await savedRecord(page);
	await page.getByRole('button', { name: 'Add config' }).click();
	await savedAfter(page, before);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Remove config vowels' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Input' }).locator('.monaco-editor')).toBeVisible();
	const r = await run(page);
	await expect(r).toContainText('input 312.5 KiB');
	await expect(outputBody(r)).toContainText('"count": 310000');
});

test('when the browser refuses to store, the page says so', async ({ page }) => {
	await openPlayground(page);
	await expect(saveStatus(page)).toHaveText('Saved in this browser');
	// Fill the origin's quota with junk, as other data would.
	await page.evaluate(() => {
		let n = 0;
		for (let size = 1024 * 1024; size >= 1; size = Math.floor(size / 2)) {
			const chunk = 'x'.repeat(size);
			for (;;) {
				try {
					localStorage.setItem(`junk-${n++}`, chunk);
				} catch {
					break;
				}
			}
		}
	});
	// A bigger setup than the one already stored, so the save needs room it cannot get.
	await showPanel(page, 'Config');
	await page.getByLabel('Config key').fill('big');
	await page.getByLabel('Config value').fill('y'.repeat(4000));
	await page.getByRole('button', { name: 'Add config' }).click();
	await expect(saveStatus(page)).toHaveText(
		"Not saved: the browser's storage refused (it may be full, or blocked in private mode). Share a link to keep this setup."
	);
});

// Why a save cannot be used is worded in parseSaved (persist/saved-state.test.ts: damaged JSON, a newer
// format, and the rest); the page reports any of them the same way. This one goes through the
// link decoder as well, which only the page puts together with a save.
test('a save that cannot be used is reported, and the defaults open', async ({ page }) => {
	await openPlayground(page);
	// Once saved, nothing changes, so nothing saves over the damage before the reload.
	await expect(saveStatus(page)).toHaveText('Saved in this browser');
	await page.evaluate(() => {
		const tab = sessionStorage.getItem('extism-playground:tab');
		localStorage.setItem(`extism-playground:state:${tab}`, '{"v":2,"link":"#s=1.!!"}');
	});
	await page.reload();
	await expect(output(page)).toContainText(
		'The setup saved in this browser could not be restored: This share link is damaged'
	);
	await expect(output(page)).toContainText('Loaded Count vowels');
});
