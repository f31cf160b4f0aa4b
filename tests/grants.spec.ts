// A plugin reaches only the hosts the person allowed, within the limits they set: redirects,
// host patterns from links, memory, and the network record.
import { test, expect, ECHO_URL, SITE_URL, seen } from './support/fixtures';
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
import { chooseMenuItem } from './support/menus';
import { showPanel } from './support/panels';

const network = (page: Page) => page.getByRole('region', { name: 'Network' });
const banner = (page: Page) => page.getByRole('region', { name: 'Shared link' });

/** The webhook example with 127.0.0.1 as the only allowed host, posting to `url`. */
async function webhook(page: Page, url: string, site = SITE_URL) {
	await openPlayground(page, site);
	await chooseExample(page, 'Webhook (HTTP POST)');
	await showPanel(page, 'Allowed hosts');
	for (const h of await page.getByRole('button', { name: /^Remove host / }).all()) await h.click();
	await page.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
	await page.getByRole('button', { name: 'Add host' }).click();
	await setInput(page, JSON.stringify({ url, payload: { secret: 1 } }));
}

/** `hops` redirects on the allowed host, ending at `target`. */
function redirectChain(target: string, status: number, hops: number): string {
	let url = target;
	for (let i = 0; i < hops; i++)
		url = `${ECHO_URL}/redirect?status=${status}&to=${encodeURIComponent(url)}`;
	return url;
}

test.describe('a redirect never carries a request past the allowed hosts', () => {
	const cases = [
		{ name: '302', status: 302, hops: 1, site: SITE_URL },
		{ name: '301', status: 301, hops: 1, site: SITE_URL },
		{ name: '307', status: 307, hops: 1, site: SITE_URL },
		{ name: 'two hops', status: 302, hops: 2, site: SITE_URL }
	];
	// Without JSPI, synchronous XHR follows by itself: network.spec.ts checks that the response is
	// withheld there.
	for (const c of cases) {
		test(`${c.name}: not followed, said in the console and the Network row`, async ({ page }) => {
			const leak = `/echo/leak-${c.name.replace(/\W+/g, '-')}`;
			// Same server, other host name: only 127.0.0.1 is allowed.
			const target = `${ECHO_URL.replace('127.0.0.1', 'localhost')}${leak}`;
			const first = redirectChain(target, c.status, c.hops);
			await webhook(page, first, c.site);
			const r = await run(page);
			await expect(r.getByRole('alert')).toContainText(
				`Redirect not followed: ${first} answered with a redirect.`
			);
			await expect(r.getByRole('alert')).toContainText(
				'could not be checked against the allowed hosts'
			);
			await showPanel(page, 'Network');
			const row = network(page).getByRole('row').filter({ hasText: '/redirect?' });
			await expect(row).toHaveCount(1);
			await expect(row).toContainText('redirect not followed');
			await expect(network(page).getByRole('row').filter({ hasText: leak })).toHaveCount(0);
			expect(await seen('/redirect')).not.toHaveLength(0);
			expect(await seen(leak)).toEqual([]);
		});
	}

	test('a plain request to the allowed host still works after one', async ({ page }) => {
		await webhook(page, redirectChain(`${ECHO_URL}/echo/after`, 302, 1));
		await expect((await run(page)).getByRole('alert')).toContainText('Redirect not followed');
		await setInput(page, JSON.stringify({ url: `${ECHO_URL}/echo/direct`, payload: 1 }));
		await expect(outputBody(await run(page))).toContainText('"status": 200');
	});
});

test.describe('host patterns from outside are held to the Allowed host rule', () => {
	// Each refused pattern ("!…", "!", "+(*)", "@(*)", "*(x)*") has its own words in
	// persist/codec.fields.test.ts; the page refuses any of them the same way, so one stands for all.
	test('a link allowing "!api.example.com" is refused', async ({ page }) => {
		const pattern = '!api.example.com';
		const link = await makeLink(
			SITE_URL,
			setupJson({
				settings: { ...setupJson().settings, allowedHosts: ['api.example.com', pattern] }
			})
		);
		await page.goto(link);
		await expect(banner(page)).toContainText('This link could not be opened.');
		await expect(banner(page)).toContainText(`has an entry "${pattern}" that is refused`);
		await showPanel(page, 'Allowed hosts');
		await expect(page.getByText('None: every HTTP request is refused.')).toBeVisible();
	});

	test('a pattern that matches every host is shown as "every host"', async ({ page }) => {
		const link = await makeLink(
			SITE_URL,
			setupJson({ settings: { ...setupJson().settings, allowedHosts: ['*', 'api.example.com'] } })
		);
		await page.goto(link);
		await expect(banner(page)).toContainText('Allowed hosts: every host (*), api.example.com');
	});

	test('a manifest allowing "!x" is refused, and the hosts stay as they were', async ({ page }) => {
		await openPlayground(page);
		const chooser = page.waitForEvent('filechooser');
		await chooseMenuItem(page, 'Import manifest');
		await (
			await chooser
		).setFiles({
			name: 'm.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify({ allowed_hosts: ['!api.example.com'] }))
		});
		await expect(output(page)).toContainText(
			'has an entry "!api.example.com" that is refused: A pattern starting with "!" would allow every other host'
		);
		await showPanel(page, 'Allowed hosts');
		await expect(page.getByText('None: every HTTP request is refused.')).toBeVisible();
	});

	test('a plugin URL with a user name or [::1] is refused in words', async ({ page }) => {
		for (const [url, words] of [
			[`http://example.com@127.0.0.1:1/p.wasm`, 'which hides its real host (127.0.0.1)'],
			['http://[::1]:8080/p.wasm', 'Plugins cannot be loaded from [::1]']
		]) {
			// A fresh document each time: a change of fragment alone opens nothing.
			await page.goto('about:blank');
			await page.goto(await makeLink(SITE_URL, setupJson({ source: { kind: 'url', url } })));
			await expect(banner(page)).toContainText('This link could not be opened.');
			await expect(banner(page)).toContainText(words);
		}
	});
});

test.describe('Max memory pages caps the plugin’s own memory', () => {
	test('growth past the limit is refused to the plugin', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'grow_report');
		// Without a limit the engine grants 3.75 GiB: the fixture is able to tell.
		await expect(outputBody(await run(page))).toHaveText('grew');
		await showPanel(page, 'Settings');
		await page.getByLabel('Max memory pages').fill('100');
		await expect(outputBody(await run(page))).toHaveText('refused');
	});

	test('a module that starts above the limit is not instantiated', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'big_memory');
		await showPanel(page, 'Settings');
		await page.getByLabel('Max memory pages').fill('100');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(output(page)).toContainText(
			'This module declares 2,000 pages (125 MiB) of memory at start, more than Max memory pages (100) allows.'
		);
		await expect(output(page).getByRole('article')).toHaveCount(0);
		await page.getByLabel('Max memory pages').fill('');
		await expect((await run(page)).getByRole('alert')).toHaveCount(0);
	});
});

// The 200-row cap, the "older requests are not shown" note and that refused rows stay are checked
// on the log and the panel in src/lib/state/network-log.test.ts; here, the real requests of a
// repeated run are each counted beside the refused one.
test('the Network panel counts every request of a repeated run and keeps the refused row', async ({
	page
}) => {
	await webhook(page, `${ECHO_URL}/echo/first`);
	await showPanel(page, 'Allowed hosts');
	await page.getByRole('button', { name: 'Remove host 127.0.0.1' }).click();
	await run(page);
	await showPanel(page, 'Network');
	await expect(network(page).getByRole('row').filter({ hasText: 'refused' })).toHaveCount(1);
	await page.getByRole('button', { name: 'Allow 127.0.0.1' }).click();
	await setInput(page, JSON.stringify({ url: `${ECHO_URL}/echo/many`, payload: 1 }));
	await page.getByLabel('Repeat').fill('5');
	await expect(outputBody(await run(page))).toContainText('"status": 200');
	await showPanel(page, 'Network');
	await expect(network(page)).toContainText('6 requests');
	await expect(network(page).getByRole('row').filter({ hasText: '/echo/many' })).toHaveCount(5);
	await expect(network(page).getByRole('row').filter({ hasText: 'refused' })).toHaveCount(1);
	await expect(network(page).getByRole('note')).toHaveCount(0);
	expect((await seen('/echo/many')).filter((r) => r.method === 'POST')).toHaveLength(5);
});
