import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, ECHO_URL, fixturePath } from './support/fixtures';
import { openPlayground, output, outputBody, setInput } from './support/playground';
import { loadPluginUrl } from './support/menus';

/** A plugin URL whose answer waits until the test calls the returned function. */
async function heldPlugin(page: Page, answer: { status: number; body?: Buffer }) {
	const url = `${ECHO_URL}/held/echo.wasm`;
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(url, async (route) => {
		await released;
		await route.fulfill({
			status: answer.status,
			contentType: 'application/wasm',
			headers: { 'access-control-allow-origin': '*' },
			body: answer.body ?? ''
		});
	});
	return { url, release };
}

async function startLoad(page: Page, url: string) {
	await loadPluginUrl(page, url);
	await expect(page.getByRole('status').filter({ hasText: 'Loading ' })).toBeVisible();
}

test.describe('Run while a plugin loads', () => {
	test('runs the plugin being loaded once it is ready, never the previous one', async ({
		page
	}) => {
		await openPlayground(page);
		await setInput(page, 'for the new plugin');
		const held = await heldPlugin(page, { status: 200, body: readFileSync(fixturePath('echo')) });
		await startLoad(page, held.url);
		// Count vowels is still loaded; Run (and its shortcut) must wait for echo.wasm.
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page.keyboard.press('ControlOrMeta+Enter');
		await expect(page.getByRole('status').filter({ hasText: 'Waiting for' })).toContainText(
			'to load; it runs then.'
		);
		const runs = output(page).getByRole('article');
		await expect(runs).toHaveCount(0);
		held.release();
		await expect(output(page)).toContainText('Loaded http://');
		await expect(runs).toHaveCount(1);
		await expect(runs.first()).toContainText('echo');
		await expect(outputBody(runs.first())).toHaveText('for the new plugin');
		await expect(page.getByRole('status').filter({ hasText: 'Waiting for' })).toHaveCount(0);
	});

	test('a load that fails runs nothing, not the plugin that stays loaded', async ({ page }) => {
		await openPlayground(page);
		const held = await heldPlugin(page, { status: 404 });
		await startLoad(page, held.url);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Waiting for' })).toBeVisible();
		held.release();
		await expect(output(page)).toContainText('The server answered 404');
		await expect(output(page)).toContainText('did not load, and the run was for it.');
		await expect(output(page).getByRole('article')).toHaveCount(0);
		// The previous plugin is still there for an explicit Run.
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(outputBody(output(page).getByRole('article').first())).toContainText('"count"');
	});
});
