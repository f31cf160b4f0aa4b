// Code fetched when first needed (panels when first shown, Copy as and the manifest when first
// asked for): a person offline, or behind a proxy that blocks a chunk, gets a sentence where the
// result would be, and the rest of the playground stays as it was.
import { test, expect } from './support/fixtures';
import { openPlayground } from './support/playground';
import { showPanel } from './support/panels';
import { chooseMenuItem } from './support/menus';

const offline = (page: import('@playwright/test').Page) =>
	page.route('**/*.js', (route) => route.abort('internetdisconnected'));

test('the Write panel that cannot be fetched says so, and the page stays', async ({ page }) => {
	await openPlayground(page);
	// From here on no script can be fetched: the panel's chunk (and the build worker) fail.
	await offline(page);
	await page.getByRole('button', { name: 'Write plugin' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toContainText(
		'The editor for writing plugins could not be loaded'
	);
	await expect(page.getByRole('region', { name: 'Source' })).toHaveCount(0);
	const plugin = page.getByRole('region', { name: 'Plugin', exact: true });
	await expect(plugin).toContainText('Count vowels');
});

test('a side panel that cannot be fetched says so in its place', async ({ page }) => {
	await openPlayground(page);
	await offline(page);
	await page.getByRole('tab', { name: /^XTP tests/ }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toContainText(
		'The XTP tests panel could not be loaded'
	);
	await expect(page.getByRole('region', { name: 'XTP tests', exact: true })).toHaveCount(0);
	// Panels already shown stay usable.
	await page.getByRole('tab', { name: /^Plugin/ }).click();
	await expect(page.getByRole('region', { name: 'Plugin', exact: true })).toContainText(
		'Count vowels'
	);
});

test('Copy as and Export manifest that cannot be fetched say so', async ({ page }) => {
	await openPlayground(page);
	await offline(page);
	await chooseMenuItem(page, 'Copy as CLI');
	const alert = page.getByRole('alert').filter({ hasText: 'could not be made' });
	await expect(alert).toContainText('The command could not be made');
	await expect(alert).toContainText('Check the connection and reload the page.');
	await expect(page.getByRole('textbox', { name: 'CLI code' })).toHaveCount(0);
	await chooseMenuItem(page, 'Export manifest');
	await expect(alert).toContainText('The manifest could not be made');
});

test('a host checker that cannot be fetched says so, and grants still hold', async ({ page }) => {
	await openPlayground(page);
	// The panel first, while its code can still be fetched; then nothing more can be.
	await showPanel(page, 'Allowed hosts');
	await offline(page);
	await page.getByLabel('Test URL').fill('https://api.example.com/x');
	await expect(page.getByRole('alert').filter({ hasText: 'host checker' })).toContainText(
		'The host checker could not be fetched'
	);
});

test('a plugin worker whose code cannot be fetched says why in its console, leaving no rejection unhandled', async ({
	page
}) => {
	// Its entry loads; what it imports does not (offline, or the page went away meanwhile).
	await page
		.context()
		.route('**/_app/immutable/workers/chunks/*.js', (route) => route.abort('internetdisconnected'));
	const said = new Promise<string>((resolve) =>
		page.on('worker', (w) =>
			w.on('console', (m) => {
				if (m.text().includes('could not go on')) resolve(`${m.type()}: ${m.text()}`);
			})
		)
	);
	await openPlayground(page);
	expect(await said).toMatch(/^warning: The plugin worker could not go on: /);
});
