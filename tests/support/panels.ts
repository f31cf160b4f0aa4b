// Secondary panels (settings, hosts, network, vars, mocks…) may sit behind tabs: specs reach them
// the way a person does, through this one helper, so a change of layout changes one file.
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Selects the panel's tab when there is one, and returns its region once it is visible. */
export async function showPanel(page: Page, name: string): Promise<Locator> {
	const tab = page.getByRole('tab', { name: new RegExp(`^${escape(name)}(\\s|$)`) });
	if ((await tab.count()) > 0) await tab.first().click();
	const region = page.getByRole('region', { name, exact: true });
	await expect(region).toBeVisible();
	return region;
}
