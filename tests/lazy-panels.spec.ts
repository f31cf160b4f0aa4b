// Panels fetched when first shown: a person offline (or behind a proxy that blocks a chunk) gets a
// sentence where the panel would be, and the rest of the playground stays as it was.
import { test, expect } from './support/fixtures';
import { openPlayground } from './support/playground';
import { showPanel } from './support/panels';

test('the Write panel that cannot be fetched says so, and the page stays', async ({ page }) => {
	await openPlayground(page);
	// From here on no script can be fetched: the panel's chunk (and the build worker) fail.
	await page.route('**/*.js', (route) => route.abort('internetdisconnected'));
	await page.getByRole('button', { name: 'Write plugin' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toContainText(
		'The editor for writing plugins could not be loaded'
	);
	await expect(page.getByRole('region', { name: 'Source' })).toHaveCount(0);
	const plugin = page.getByRole('region', { name: 'Plugin', exact: true });
	await expect(plugin).toContainText('Count vowels');
});

test('a host checker that cannot be fetched says so, and grants still hold', async ({ page }) => {
	await openPlayground(page);
	await page.route('**/*.js', (route) => route.abort('internetdisconnected'));
	await showPanel(page, 'Allowed hosts');
	await page.getByLabel('Test URL').fill('https://api.example.com/x');
	await expect(page.getByRole('alert').filter({ hasText: 'host checker' })).toContainText(
		'The host checker could not be fetched'
	);
});
