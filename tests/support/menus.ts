// The top bar keeps secondary actions in menus (Open, More): specs choose them the way a person
// does, through these steps, so a move between menus changes one file.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Where each action lives: the menu button that opens it. */
const MENU_OF: Record<string, 'Open' | 'More'> = {
	'Open file…': 'Open',
	'Load from URL…': 'Open',
	'Edit source': 'More',
	'Download .wasm': 'More',
	'Download project': 'More',
	New: 'More',
	'Copy as CLI': 'More',
	'Copy as JavaScript': 'More',
	'Copy as Python': 'More',
	'Export manifest': 'More',
	'Import manifest': 'More'
};

/** Opens the menu that holds `item` and returns the item, visible. */
export async function menuItem(page: Page, item: string) {
	const menu = MENU_OF[item];
	if (!menu) throw new Error(`no menu holds "${item}"`);
	const button = page.getByRole('button', { name: menu, exact: true });
	if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
	const entry = page.getByRole('menuitem', { name: item, exact: true });
	await expect(entry).toBeVisible();
	return entry;
}

/** Opens the menu that holds `item` and chooses it. */
export async function chooseMenuItem(page: Page, item: string) {
	await (await menuItem(page, item)).click();
}

/** Loads a plugin from `url` through Open → Load from URL…. */
export async function loadPluginUrl(page: Page, url: string) {
	await chooseMenuItem(page, 'Load from URL…');
	await page.getByLabel('Plugin URL').fill(url);
	await page.getByRole('button', { name: 'Load URL' }).click();
}
