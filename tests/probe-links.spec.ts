// Opening a link must not make the browser request anything the person has not agreed to: a
// plugin URL may point at a service on their own machine (`/admin/delete?confirm=yes`).
import type { Page } from '@playwright/test';
import { test, expect, ECHO_URL, SITE_URL, seen } from './support/fixtures';
import { makeLink, setupJson } from './support/links';
import { output } from './support/playground';

const banner = (page: Page) => page.getByRole('region', { name: 'Shared link' });

test('a link fetches its plugin URL only after the person presses Download plugin', async ({
	page
}) => {
	const path = `/admin/delete-${Date.now()}`;
	const url = `${ECHO_URL}${path}?confirm=yes`;
	await page.goto(await makeLink(SITE_URL, setupJson({ source: { kind: 'url', url }, fn: 'run' })));
	await expect(banner(page)).toContainText('Opened from a shared link. Nothing has run.');
	await expect(banner(page)).toContainText(
		`Plugin: a plugin downloaded from ${url}. Nothing has been downloaded: the address is fetched only when you press Download plugin`
	);
	expect(await seen(path)).toEqual([]);
	await banner(page).getByRole('button', { name: 'Download plugin' }).click();
	await expect.poll(() => seen(path)).toHaveLength(1);
	await expect(banner(page).getByRole('button', { name: 'Download plugin' })).toHaveCount(0);
});

test('reloading before Download plugin keeps the link waiting, and still fetches nothing', async ({
	page
}) => {
	const path = `/admin/delete-${Date.now()}`;
	const url = `${ECHO_URL}${path}?confirm=yes`;
	await page.goto(await makeLink(SITE_URL, setupJson({ source: { kind: 'url', url }, fn: 'run' })));
	await expect(banner(page).getByRole('button', { name: 'Download plugin' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /[Ss]aved|Saving/ })).toHaveText(
		'Saved in this browser'
	);
	await page.reload();
	await expect(banner(page)).toContainText(
		`Plugin: a plugin downloaded from ${url}. Nothing has been downloaded: the address is fetched only when you press Download plugin`
	);
	expect(await seen(path)).toEqual([]);
	await banner(page).getByRole('button', { name: 'Download plugin' }).click();
	await expect.poll(() => seen(path)).toHaveLength(1);
});

test('once confirmed, the plugin a link names by URL loads and runs', async ({ page }) => {
	const url = `${ECHO_URL}/plugin/echo.wasm?from=link-${Date.now()}`;
	await page.goto(
		await makeLink(
			SITE_URL,
			setupJson({ source: { kind: 'url', url }, fn: 'echo', input: 'linked' })
		)
	);
	await banner(page).getByRole('button', { name: 'Download plugin' }).click();
	await expect(output(page)).toContainText(`Loaded ${url}`);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(output(page).getByTestId('output-body')).toHaveText('linked');
});

test('a link with an example and source names the source, which is what Run builds', async ({
	page
}) => {
	const text = '(module\n  (func (export "run") (result i32)\n    i32.const 0))\n';
	await page.goto(
		await makeLink(
			SITE_URL,
			setupJson({
				source: { kind: 'example', id: 'count_vowels' },
				fn: 'run',
				code: { language: 'wat', text }
			})
		)
	);
	await expect(banner(page)).toContainText(
		'Plugin: built from the source below when you press Run'
	);
	await expect(banner(page)).not.toContainText('Count vowels');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(output(page).getByText(/^Built plugin\.wat in/)).toBeVisible({ timeout: 60_000 });
});
