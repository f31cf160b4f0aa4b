import AxeBuilder from '@axe-core/playwright';
import { test, expect, ECHO_URL } from './support/fixtures';
import {
	chooseExample,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';
import { chooseMenuItem, loadPluginUrl, menuItem } from './support/menus';
import { showPanel } from './support/panels';

test.describe('Content-Security-Policy', () => {
	test('the page ships a strict CSP and the examples still run under it', async ({ page }) => {
		// The fixture fails any test whose page breaks this policy; this one runs the examples that
		// need its exceptions ('wasm-unsafe-eval', workers, connect-src to loopback).
		const res = await page.goto('/');
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(res?.ok()).toBe(true);
		expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
		expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		await openPlayground(page);
		await setInput(page, 'aeiou');
		await expect(outputBody(await run(page))).toContainText('"count": 5');
		await chooseExample(page, 'Hello WASI');
		await expect(await run(page)).toContainText('hello from stdout');
		await chooseExample(page, 'Webhook (HTTP POST)');
		await showPanel(page, 'Allowed hosts');
		await page.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
		await page.getByRole('button', { name: 'Add host' }).click();
		await setInput(page, JSON.stringify({ url: `${ECHO_URL}/echo/csp`, payload: 1 }));
		await expect(outputBody(await run(page))).toContainText('"status": 200');
	});
});

test.describe('loading from a URL', () => {
	test('shows progress on a slow download, then loads the plugin', async ({ page }) => {
		await openPlayground(page);
		await loadPluginUrl(page, `${ECHO_URL}/slow/echo.wasm?ms=1500`);
		await expect(page.getByRole('progressbar', { name: 'Download progress' })).toBeVisible();
		await expect(output(page)).toContainText(`Loaded ${ECHO_URL}/slow/echo.wasm?ms=1500`);
		await setInput(page, 'from afar');
		await expect(outputBody(await run(page))).toHaveText('from afar');
	});

	test('a server without CORS cannot serve plugins to a browser, and says so', async ({ page }) => {
		await openPlayground(page);
		await loadPluginUrl(page, `${ECHO_URL}/plugin-nocors/echo.wasm`);
		await expect(output(page)).toContainText('it must send Access-Control-Allow-Origin');
	});

	test('a missing plugin gives the server’s answer', async ({ page }) => {
		await openPlayground(page);
		await loadPluginUrl(page, `${ECHO_URL}/plugin/nope.wasm`);
		await expect(output(page)).toContainText('The server answered 404');
	});
});

test.describe('accessibility', () => {
	test('the main page has no axe violations, before and after a run', async ({ page }) => {
		await openPlayground(page);
		const before = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
		expect(before.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await run(page);
		await chooseMenuItem(page, 'Copy as CLI');
		const after = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
		expect(after.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		// With a menu open, and other tabs shown (issue 22's shell).
		await showPanel(page, 'Network');
		await showPanel(page, 'Allowed hosts');
		await menuItem(page, 'New');
		const open = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
		expect(open.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});

	test('the dark theme passes too', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await openPlayground(page);
		await run(page);
		const r = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
		expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await menuItem(page, 'Load from URL…');
		const open = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
		expect(open.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});
