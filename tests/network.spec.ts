import { test, expect, ECHO_URL, ISOLATED_URL, SITE_URL } from './support/fixtures';
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
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { showPanel } from './support/panels';

/** The plugin worker's own host matcher (minimatch), a chunk of its own in the built site. */
function workerMatcherChunk(): RegExp {
	const dir = fileURLToPath(new URL('../build/_app/immutable/workers/chunks/', import.meta.url));
	const name = readdirSync(dir).find((f) => {
		const text = readFileSync(dir + f, 'utf8');
		return text.length < 100_000 && text.includes('pattern is too long');
	});
	if (!name) throw new Error(`no host matcher chunk in ${dir}: build the site first`);
	return new RegExp(`/workers/chunks/${name.replace('.', '\\.')}$`);
}

const hookInput = (path: string) =>
	JSON.stringify({ url: `${ECHO_URL}${path}`, payload: { hello: 'world', n: 1 } });

/** The webhook example, pointed at our echo server, with 127.0.0.1 as the only allowed host. */
async function webhookTo(page: Page, path: string, url = SITE_URL) {
	await openPlayground(page, url);
	await chooseExample(page, 'Webhook (HTTP POST)');
	await showPanel(page, 'Allowed hosts');
	for (const h of await page.getByRole('button', { name: /^Remove host / }).all()) await h.click();
	await page.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
	await page.getByRole('button', { name: 'Add host' }).click();
	await setInput(page, hookInput(path));
}

const network = (page: Page) => page.getByRole('region', { name: 'Network' });

test.describe('network grants', () => {
	test('an allowed host: the webhook POSTs, the output shows the echo, the log a row', async ({
		page
	}) => {
		await webhookTo(page, '/echo/hook');
		const r = await run(page);
		await expect(outputBody(r)).toContainText('"status": 200');
		// The echo server answers with what it received, which the plugin returns as "body".
		const out = JSON.parse((await outputBody(r).textContent())!);
		const echoed = JSON.parse(out.body);
		expect(echoed).toMatchObject({ method: 'POST', path: '/echo/hook' });
		expect(echoed.headers['content-type']).toBe('application/json');
		expect(JSON.parse(echoed.body)).toEqual({ hello: 'world', n: 1 });
		await showPanel(page, 'Network');
		const row = network(page).getByRole('row').filter({ hasText: '/echo/hook' });
		await expect(row).toContainText('POST');
		await expect(row).toContainText(`${ECHO_URL}/echo/hook`);
		await expect(row.getByRole('cell').nth(3)).toHaveText('200');
		await expect(row).toContainText(/\d+(\.\d)? (B|KiB)/);
	});

	test('a removed host is refused in words, and "Allow" fixes it', async ({ page }) => {
		await webhookTo(page, '/echo/again');
		await showPanel(page, 'Allowed hosts');
		await page.getByRole('button', { name: 'Remove host 127.0.0.1' }).click();
		await expect(page.getByText('None: every HTTP request is refused.')).toBeVisible();
		const refused = await run(page);
		await expect(refused.getByRole('alert')).toContainText(
			'Refused: "127.0.0.1" is not in the allowed hosts.'
		);
		await showPanel(page, 'Network');
		const row = network(page).getByRole('row').filter({ hasText: 'refused' });
		await expect(row).toContainText(`${ECHO_URL}/echo/again`);
		// The SDK's refusal (JSPI) names no method; the row shows the webhook's POST all the same.
		await expect(row.getByRole('cell').nth(1)).toHaveText('POST');
		await row.getByRole('button', { name: 'Allow 127.0.0.1' }).click();
		await expect(page.getByRole('button', { name: 'Remove host 127.0.0.1' })).toBeVisible();
		const ok = await run(page);
		await expect(outputBody(ok)).toContainText('"status": 200');
	});

	test('a server without CORS gets the CORS explanation', async ({ page }) => {
		await webhookTo(page, '/nocors/hook');
		const r = await run(page);
		await expect(r.getByRole('alert')).toContainText(
			`The server at ${ECHO_URL} does not allow browser access (CORS).`
		);
		await expect(r.getByRole('alert')).toContainText(
			`Access-Control-Allow-Origin: ${new URL(SITE_URL).origin}`
		);
		await showPanel(page, 'Network');
		await expect(network(page).getByRole('row').filter({ hasText: '/nocors/hook' })).toContainText(
			'blocked: no CORS'
		);
	});

	test('a server that is down gets the network explanation', async ({ page }) => {
		await openPlayground(page);
		await chooseExample(page, 'Webhook (HTTP POST)');
		await showPanel(page, 'Allowed hosts');
		await page.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
		await page.getByRole('button', { name: 'Add host' }).click();
		await setInput(page, JSON.stringify({ url: 'http://127.0.0.1:9/x', payload: 1 }));
		const r = await run(page);
		await expect(r.getByRole('alert')).toContainText('Could not reach http://127.0.0.1:9.');
		await showPanel(page, 'Network');
		await expect(network(page)).toContainText('network error');
	});

	test('a response over Max HTTP response bytes is explained', async ({ page }) => {
		await webhookTo(page, '/large?bytes=5000');
		await showPanel(page, 'Allowed hosts');
		await page.getByLabel('Max HTTP response bytes').fill('100');
		const r = await run(page);
		await expect(r).toContainText('The response was larger than Max HTTP response bytes (100).');
		await showPanel(page, 'Network');
		await expect(network(page).getByRole('row').filter({ hasText: '/large' })).toContainText(
			'over the size limit'
		);
	});

	test('response headers reach the plugin only when granted', async ({ page }) => {
		await openPlayground(page);
		await loadFixture(page, 'limits');
		await page.getByRole('combobox', { name: 'Function', exact: true }).selectOption('headers');
		await showPanel(page, 'Allowed hosts');
		await page.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
		await page.getByRole('button', { name: 'Add host' }).click();
		await setInput(page, JSON.stringify({ url: `${ECHO_URL}/echo/h`, method: 'GET' }));
		// The plugin outputs what http_headers gives it, or "no headers" for nothing.
		const denied = await run(page);
		await expect(outputBody(denied)).toHaveText('no headers');
		await page.getByRole('checkbox', { name: 'Response headers' }).check();
		const granted = await run(page);
		await expect(granted).toContainText(/instantiate \d/);
		await granted.getByRole('button', { name: 'Text', exact: true }).click();
		const headers = JSON.parse((await outputBody(granted).textContent())!);
		expect(headers['content-type']).toBe('application/json; charset=utf-8');
		await page.getByRole('checkbox', { name: 'Response headers' }).uncheck();
		await expect(outputBody(await run(page))).toHaveText('no headers');
	});

	test('Allowed host offers the bare hostname for a pasted URL or host:port', async ({ page }) => {
		await openPlayground(page);
		await showPanel(page, 'Allowed hosts');
		await page
			.getByRole('textbox', { name: 'Allowed host' })
			.fill('https://API.Example.com:8443/v1');
		await page.getByRole('button', { name: 'Add host' }).click();
		await page.getByRole('button', { name: 'Use api.example.com instead' }).click();
		await expect(page.getByRole('button', { name: 'Remove host api.example.com' })).toBeVisible();
		await page.getByRole('textbox', { name: 'Allowed host' }).fill('has space');
		await page.getByRole('button', { name: 'Add host' }).click();
		await expect(page.getByText('A host name cannot contain spaces.')).toBeVisible();
	});

	test('the URL tester: exact, glob, port and scheme cases', async ({ page }) => {
		await openPlayground(page);
		for (const h of ['api.example.com', '*.test.dev']) {
			await showPanel(page, 'Allowed hosts');
			await page.getByRole('textbox', { name: 'Allowed host' }).fill(h);
			await page.getByRole('button', { name: 'Add host' }).click();
		}
		const tester = page.getByLabel('Test URL');
		const verdict = page.getByRole('status').filter({ hasText: /Allowed|Refused|Not a URL|only/ });
		await tester.fill('https://api.example.com/v1/items');
		await expect(verdict).toHaveText('Allowed by "api.example.com".');
		await tester.fill('https://eu.test.dev/x');
		await expect(verdict).toHaveText('Allowed by "*.test.dev".');
		await tester.fill('https://api.example.com:8443/x');
		await expect(verdict).toHaveText('Allowed by "api.example.com".');
		await tester.fill('https://test.dev/');
		await expect(verdict).toContainText('Refused');
		await expect(verdict).toContainText('subdomains only');
		await tester.fill('ftp://api.example.com/');
		await expect(verdict).toContainText('http');
		await tester.fill('api.example.com:8443');
		await expect(verdict).toContainText('Not a URL');
	});
});

test.describe('HTTP without JSPI (forced with ?jspi=off): synchronous XHR in the worker', () => {
	for (const [where, url] of [
		['a header-less page', SITE_URL],
		['a page served with isolation headers', ISOLATED_URL]
	]) {
		test(`on ${where}, the webhook POSTs and the panel says how`, async ({ page }) => {
			await webhookTo(page, '/echo/xhr', `${url}?jspi=off`);
			await expect(page.getByTestId('http-path')).toContainText(
				'HTTP runs in the plugin worker through synchronous XMLHttpRequest (this browser has no JSPI).'
			);
			const r = await run(page);
			await expect(outputBody(r)).toContainText('"status": 200');
			const echoed = JSON.parse(JSON.parse((await outputBody(r).textContent())!).body);
			expect(echoed).toMatchObject({ method: 'POST', path: '/echo/xhr' });
			// Requests go out without cookies or other credentials.
			expect(echoed.headers.cookie).toBeUndefined();
			await showPanel(page, 'Network');
			const row = network(page).getByRole('row').filter({ hasText: '/echo/xhr' });
			await expect(row).toContainText('POST');
			await expect(row.getByRole('cell').nth(3)).toHaveText('200');
		});
	}

	test('a grant whose host matcher cannot be fetched runs nothing, and holds once it can', async ({
		page
	}) => {
		// The worker fetches its matcher only for an instance with grants (engine/host-rule.ts).
		const matcher = workerMatcherChunk();
		await page.context().route(matcher, (route) => route.abort('internetdisconnected'));
		await webhookTo(page, '/echo/nomatcher', `${SITE_URL}?jspi=off`);
		const failed = await run(page);
		await expect(failed.getByRole('alert')).toContainText(
			'The allowed-hosts check could not be fetched (Failed to fetch dynamically imported module'
		);
		await expect(failed.getByRole('alert')).toContainText('so the plugin was not started.');
		await showPanel(page, 'Network');
		await expect(network(page).getByRole('row').filter({ hasText: '/echo/nomatcher' })).toHaveCount(
			0
		);
		await page.context().unroute(matcher);
		const ok = await run(page);
		await expect(outputBody(ok)).toContainText('"status": 200');
	});

	test('a refused host, a server without CORS, one that is down, and a large response', async ({
		page
	}) => {
		// Five runs in one test: give it the time of three on a loaded machine.
		test.slow();
		await webhookTo(page, '/nocors/xhr', `${SITE_URL}?jspi=off`);
		const cors = await run(page);
		await expect(cors.getByRole('alert')).toContainText(
			`The server at ${ECHO_URL} does not allow browser access (CORS).`
		);
		await showPanel(page, 'Network');
		await expect(network(page).getByRole('row').filter({ hasText: '/nocors/xhr' })).toContainText(
			'blocked: no CORS'
		);

		await setInput(page, JSON.stringify({ url: 'http://127.0.0.1:9/x', payload: 1 }));
		const down = await run(page);
		await expect(down.getByRole('alert')).toContainText('Could not reach http://127.0.0.1:9.');

		await setInput(page, hookInput('/large?bytes=5000'));
		await showPanel(page, 'Allowed hosts');
		await page.getByLabel('Max HTTP response bytes').fill('100');
		const large = await run(page);
		await expect(large).toContainText(
			'The response was larger than Max HTTP response bytes (100).'
		);
		await showPanel(page, 'Network');
		await expect(network(page).getByRole('row').filter({ hasText: '/large' })).toContainText(
			'over the size limit'
		);

		await page.getByRole('button', { name: 'Remove host 127.0.0.1' }).click();
		await setInput(page, hookInput('/echo/refused'));
		const refused = await run(page);
		await expect(refused.getByRole('alert')).toContainText(
			'Refused: "127.0.0.1" is not in the allowed hosts.'
		);
	});

	test('a redirect to a host outside the allowed hosts: the response is withheld', async ({
		page
	}) => {
		const elsewhere = `${ECHO_URL.replace('127.0.0.1', 'localhost')}/echo/elsewhere`;
		await webhookTo(page, `/redirect?to=${encodeURIComponent(elsewhere)}`, `${SITE_URL}?jspi=off`);
		const r = await run(page);
		await expect(r.getByRole('alert')).toContainText(
			'Redirected to "localhost", which is not in the allowed hosts: the response was withheld.'
		);
		await expect(r.getByRole('alert')).toContainText('the request did reach that host');
		await expect(r).not.toContainText('"status": 200');
		await showPanel(page, 'Network');
		await expect(network(page).getByRole('row').filter({ hasText: '/redirect' })).toContainText(
			'redirect not followed: response withheld'
		);
	});

	test('Timeout and Stop end a run blocked in a slow request, and the next run works', async ({
		page
	}) => {
		test.slow();
		await webhookTo(page, '/slow/count_vowels.wasm?ms=60000', `${SITE_URL}?jspi=off`);
		await showPanel(page, 'Settings');
		await page.getByLabel('Timeout (ms)').fill('1500');
		const timedOut = await run(page);
		await expect(timedOut).toContainText('Timed out after 1500 ms and stopped.');

		await page.getByLabel('Timeout (ms)').fill('120000');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await showPanel(page, 'Network');
		const slowRows = network(page).getByRole('row').filter({ hasText: '/slow/' });
		await expect(slowRows).toHaveCount(2);
		await expect(slowRows.last()).toContainText('pending');
		await page.getByRole('button', { name: 'Stop' }).click();
		await showPanel(page, 'Output');
		await expect(output(page)).toContainText('Stopped.');
		await setInput(page, hookInput('/echo/after-stop'));
		const r = await run(page);
		await expect(outputBody(r)).toContainText('"status": 200');
	});

	test('with JSPI, the page says HTTP runs in the plugin worker', async ({ page }) => {
		await openPlayground(page);
		const hosts = await showPanel(page, 'Allowed hosts');
		await expect(hosts.getByTestId('http-path')).toHaveText(
			'HTTP runs in the plugin worker (this browser has JSPI).'
		);
	});
});
