// Mock responses (issue 24) in Chromium: a mock answers a plugin's request instead of the network
// (the echo server proves nothing arrived), grants still apply, a real response becomes a mock in
// one click and replays with its server gone, and mocks travel in links and test cases.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, ECHO_URL, seen } from './support/fixtures';
import {
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';
import { openShared } from './support/links';
import { showPanel } from './support/panels';

/** A second echo server of our own, on a port of this checkout's range, that a test may stop. */
const OWN_PORT = Number(process.env.TEST_PORT_BASE ?? 4173) + 5;
const OWN_URL = `http://127.0.0.1:${OWN_PORT}`;

const get = (url: string) => JSON.stringify({ url, method: 'GET' });

/** The http_get fixture (outputs "STATUS BODY"), with 127.0.0.1 allowed unless told otherwise. */
async function apiPlugin(page: Page, { allow = true, url = '/' } = {}) {
	await openPlayground(page, url);
	await loadFixture(page, 'http_get');
	const hosts = await showPanel(page, 'Allowed hosts');
	for (const h of await hosts.getByRole('button', { name: /^Remove host / }).all()) await h.click();
	if (!allow) return;
	await hosts.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
	await hosts.getByRole('button', { name: 'Add host' }).click();
	await expect(hosts.getByRole('button', { name: 'Remove host 127.0.0.1' })).toBeVisible();
}

async function addMock(
	page: Page,
	fields: { url: string; method?: string; status?: string; headers?: string; body?: string }
): Promise<Locator> {
	const panel = await showPanel(page, 'Mock responses');
	await panel.getByLabel('Mock URL').fill(fields.url);
	if (fields.method) await panel.getByLabel('Mock method').fill(fields.method);
	if (fields.status) await panel.getByLabel('Mock status').fill(fields.status);
	if (fields.headers) await panel.getByLabel('Mock headers').fill(fields.headers);
	if (fields.body) await panel.getByLabel('Mock body', { exact: true }).fill(fields.body);
	await panel.getByRole('button', { name: 'Add mock' }).click();
	return panel;
}

test.describe('mock responses', () => {
	test("a plugin's GET is answered by a mock, and no request reaches the server", async ({
		page
	}) => {
		await apiPlugin(page);
		const path = '/echo/mocked-get';
		const panel = await addMock(page, {
			url: `${ECHO_URL}/echo/mocked-*`,
			method: 'GET',
			headers: 'x-from: mock',
			body: 'hello from the mock'
		});
		await expect(panel.getByRole('status')).toHaveText(
			`Mock 1 added: GET ${ECHO_URL}/echo/mocked-*.`
		);
		await setInput(page, get(`${ECHO_URL}${path}`));
		await expect(outputBody(await run(page))).toHaveText('200 hello from the mock');
		expect(await seen(path)).toEqual([]);

		const network = await showPanel(page, 'Network');
		await expect(network).toContainText('1 request, 1 mocked');
		const row = network.getByRole('row').filter({ hasText: path });
		await expect(row.getByRole('cell').nth(3)).toHaveText(
			`200 · mocked (${ECHO_URL}/echo/mocked-*)`
		);
		const details = row.getByRole('button', { name: 'Details' });
		await expect(details).toHaveAttribute('aria-expanded', 'false');
		await details.click();
		await expect(details).toHaveAttribute('aria-expanded', 'true');
		const opened = network.locator(`#${await details.getAttribute('aria-controls')}`);
		await expect(opened.getByRole('region', { name: 'Request' })).toContainText(
			`GET ${ECHO_URL}${path}`
		);
		const response = opened.getByRole('region', { name: 'Response' });
		await expect(response).toContainText(`Answered by the mock ${ECHO_URL}/echo/mocked-*`);
		await expect(response).toContainText('Status 200');
		await expect(response).toContainText('x-from');
		await expect(response).toContainText('Body: 19 B');
		await expect(response.locator('pre')).toHaveText('hello from the mock');
		// A mocked row offers nothing to record: it is a mock already.
		await expect(row.getByRole('button', { name: 'Record as mock' })).toHaveCount(0);
		await details.click();
		await expect(opened).toHaveCount(0);
	});

	test('a mock for a host that is not allowed is refused as before, its row showing the method', async ({
		page
	}) => {
		await apiPlugin(page, { allow: false });
		const path = '/echo/refused-mock';
		await addMock(page, { url: `${ECHO_URL}${path}`, body: 'never seen' });
		await setInput(page, get(`${ECHO_URL}${path}`));
		const r = await run(page);
		await expect(r.getByRole('alert')).toContainText(
			'Refused: "127.0.0.1" is not in the allowed hosts.'
		);
		await expect(outputBody(r)).toHaveCount(0);
		const network = await showPanel(page, 'Network');
		const row = network.getByRole('row').filter({ hasText: 'refused' });
		await expect(row).toContainText(`${ECHO_URL}${path}`);
		// With JSPI the SDK refuses the host itself, in words without the method.
		await expect(row.getByRole('cell').nth(1)).toHaveText('GET');
		await expect(row.getByRole('cell').nth(3)).toHaveText('refused: host not allowed');
		await expect(network).not.toContainText('mocked');
		expect(await seen(path)).toEqual([]);
	});

	test('without JSPI (synchronous XHR) too, a mock of a host not allowed is refused, its row showing the method', async ({
		page
	}) => {
		await apiPlugin(page, { allow: false, url: '/?jspi=off' });
		const path = '/echo/refused-xhr';
		await addMock(page, { url: `${ECHO_URL}${path}`, body: 'never seen' });
		await setInput(page, get(`${ECHO_URL}${path}`));
		await expect((await run(page)).getByRole('alert')).toContainText(
			'Refused: "127.0.0.1" is not in the allowed hosts.'
		);
		const network = await showPanel(page, 'Network');
		const row = network.getByRole('row').filter({ hasText: 'refused' });
		await expect(row.getByRole('cell').nth(1)).toHaveText('GET');
		expect(await seen(path)).toEqual([]);
	});

	test('a 404 mock reaches the plugin as 404', async ({ page }) => {
		await apiPlugin(page);
		await addMock(page, {
			url: `${ECHO_URL}/echo/todos/*`,
			status: '404',
			body: '{"error":"missing"}'
		});
		await setInput(page, get(`${ECHO_URL}/echo/todos/7`));
		await expect(outputBody(await run(page))).toHaveText('404 {"error":"missing"}');
		expect(await seen('/echo/todos/7')).toEqual([]);
	});

	test('bad input is said in words and adds nothing', async ({ page }) => {
		await openPlayground(page);
		const panel = await addMock(page, { url: 'api.example.com/todos', status: '700' });
		await expect(panel).toContainText(
			'A mock URL starts with http:// or https:// ("api.example.com/todos" does not).'
		);
		await expect(panel).toContainText('A mock status is a whole number from 100 to 599 (got 700).');
		await expect(panel.getByLabel('Mock URL')).toHaveAttribute('aria-invalid', 'true');
		await panel.getByLabel('Mock URL').fill('https://api.example.com/[x');
		await panel.getByLabel('Mock status').fill('200');
		await panel.getByLabel('Mock body kind').selectOption("A file's bytes");
		await panel.getByLabel('Mock body file').setInputFiles({
			name: 'big.bin',
			mimeType: 'application/octet-stream',
			buffer: Buffer.alloc(256 * 1024 + 1)
		});
		await expect(panel).toContainText(
			'"big.bin" is 262,145 bytes; a mock may hold at most 262,144 bytes (256 KiB).'
		);
		await panel.getByRole('button', { name: 'Add mock' }).click();
		await expect(panel).toContainText('Choose the file whose bytes the mock answers with.');
		await expect(panel.getByRole('button', { name: /^Delete mock/ })).toHaveCount(0);
	});

	test('"Allow HOST" says what it did and shows the allowed hosts', async ({ page }) => {
		await apiPlugin(page, { allow: false });
		const hosts = await showPanel(page, 'Allowed hosts');
		await hosts.getByRole('textbox', { name: 'Allowed host' }).fill('api.example.com');
		await hosts.getByRole('button', { name: 'Add host' }).click();
		await setInput(page, get(`${ECHO_URL}/echo/allow-me`));
		await run(page);
		const network = await showPanel(page, 'Network');
		await network.getByRole('button', { name: 'Allow 127.0.0.1' }).click();
		await expect(network.getByRole('status')).toHaveText(
			'Allowed 127.0.0.1: the next run may reach it. Allowed hosts (listed under Allowed hosts) are now: api.example.com, 127.0.0.1.'
		);
		await expect(network.getByRole('button', { name: 'Allow 127.0.0.1' })).toHaveCount(0);
		const list = await showPanel(page, 'Allowed hosts');
		await expect(list.getByRole('button', { name: 'Remove host 127.0.0.1' })).toBeVisible();
	});
});

test.describe('mocks that travel', () => {
	let server: ChildProcess | null = null;
	test.afterEach(() => {
		server?.kill();
		server = null;
	});

	async function startOwnServer() {
		const script = fileURLToPath(new URL('./support/echo-server.mjs', import.meta.url));
		server = spawn(process.execPath, [script, '--port', String(OWN_PORT)], { stdio: 'ignore' });
		await expect(async () => {
			expect((await fetch(`${OWN_URL}/seen?path=/`)).ok).toBe(true);
		}).toPass();
	}

	test('a recorded real response replays with the server stopped', async ({ page }) => {
		await startOwnServer();
		await apiPlugin(page);
		const url = `${OWN_URL}/echo/recorded`;
		await setInput(page, get(url));
		const live = await outputBody(await run(page)).textContent();
		expect(live).toMatch(/^200 \{"method":"GET","path":"\/echo\/recorded"/);

		const network = await showPanel(page, 'Network');
		const row = network.getByRole('row').filter({ hasText: url });
		await row.getByRole('button', { name: 'Record as mock' }).click();
		await expect(network.getByRole('status')).toHaveText(
			`Mock 1 added: GET ${url}. It answers from now on, under Mock responses.`
		);
		server!.kill();
		await expect(async () => {
			await expect(fetch(`${OWN_URL}/seen?path=/`)).rejects.toThrow();
		}).toPass();

		await expect(outputBody(await run(page))).toHaveText(live!);
		await expect(await showPanel(page, 'Network')).toContainText('2 requests, 1 mocked');
		const panel = await showPanel(page, 'Mock responses');
		await expect(panel).toContainText(`GET ${url} → 200 (JSON,`);
	});

	test('a link with mocks reopens, runs nothing, and then runs the same', async ({
		page,
		context
	}) => {
		await apiPlugin(page);
		const path = '/echo/shared-mock';
		await addMock(page, { url: `${ECHO_URL}${path}`, method: 'GET', body: 'shared answer' });
		await setInput(page, get(`${ECHO_URL}${path}`));
		await expect(outputBody(await run(page))).toHaveText('200 shared answer');

		const other = await openShared(page, context);
		const banner = other.getByRole('region', { name: 'Shared link' });
		await expect(banner).toContainText('Opened from a shared link. Nothing has run.');
		await expect(banner).toContainText(`Mock responses: GET ${ECHO_URL}${path} → 200`);
		await expect(output(other).getByRole('article')).toHaveCount(0);
		const panel = await showPanel(other, 'Mock responses');
		await expect(panel).toContainText(`GET ${ECHO_URL}${path} → 200 (text, 13 B)`);
		await expect(outputBody(await run(other))).toHaveText('200 shared answer');
		expect(await seen(path)).toEqual([]);
	});

	test('a test case with mocks passes twice in a row', async ({ page }) => {
		await apiPlugin(page);
		const path = '/echo/case-mock';
		await addMock(page, { url: `${ECHO_URL}${path}`, status: '201', body: 'made' });
		await setInput(page, get(`${ECHO_URL}${path}`));
		await expect(outputBody(await run(page))).toHaveText('201 made');
		const tests = await showPanel(page, 'Test cases');
		await tests.getByRole('button', { name: 'Add test case' }).click();
		await expect(tests).toContainText('with 1 mock');
		// The case keeps its own mocks: deleting the page's changes nothing for it.
		const panel = await showPanel(page, 'Mock responses');
		await panel.getByRole('button', { name: 'Delete mock 1' }).click();
		for (let i = 0; i < 2; i++) {
			const again = await showPanel(page, 'Test cases');
			await again.getByRole('button', { name: 'Run all tests' }).click();
			const said = (await showPanel(page, 'Output')).getByText('Tests: 1 passed, 0 failed.');
			await expect(said).toHaveCount(i + 1);
		}
		expect(await seen(path)).toEqual([]);
	});
});
