// Every template, written from, built in the browser and run, with its real output. One page for
// all five: the first build loads the compiler cold (write-errors.spec.ts holds and breaks that
// load), and the others show that switching templates on a warm compiler builds each afresh.
import { test, expect, ECHO_URL } from './support/fixtures';
import type { Page } from '@playwright/test';
import { EVERY_LEVEL, logLines, output, outputBody, run, setInput } from './support/playground';
import { buildAndRun, pickTemplate, writeFrom } from './support/write';
import { showPanel } from './support/panels';

const builtTs = (page: Page) => output(page).getByText(/^Built plugin\.ts in/);

test('every template builds and runs with its own output', async ({ page }) => {
	test.setTimeout(180_000);
	await writeFrom(page, /Hello world/);

	await test.step('hello world greets the input', async () => {
		await setInput(page, 'Extism');
		await expect(outputBody(await buildAndRun(page))).toHaveText('Hello, Extism!');
	});

	await test.step('the webhook POSTs the payload to the echo server and outputs {status, body}', async () => {
		await pickTemplate(page, /Webhook/);
		// The template allows its own example host; the echo server's must be granted instead.
		await showPanel(page, 'Allowed hosts');
		await expect(page.getByRole('button', { name: 'Remove host httpbin.org' })).toBeVisible();
		await page.getByRole('button', { name: 'Remove host httpbin.org' }).click();
		await page.getByRole('textbox', { name: 'Allowed host' }).fill('127.0.0.1');
		await page.getByRole('button', { name: 'Add host' }).click();
		await setInput(
			page,
			JSON.stringify({ url: `${ECHO_URL}/echo/template`, payload: { hello: 'world', n: 2 } })
		);
		const r = await buildAndRun(page);
		await expect(outputBody(r)).toContainText('"status": 200');
		const out = JSON.parse((await outputBody(r).textContent())!);
		const echoed = JSON.parse(out.body);
		expect(echoed).toMatchObject({ method: 'POST', path: '/echo/template' });
		expect(echoed.headers['content-type']).toBe('application/json');
		expect(JSON.parse(echoed.body)).toEqual({ hello: 'world', n: 2 });
	});

	await test.step('logs at every level, filtered by the log level it reads', async () => {
		await pickTemplate(page, /Logs at every level/);
		await showPanel(page, 'Settings');
		await page.getByLabel('Log level').selectOption('trace');
		const r = await buildAndRun(page);
		await expect(logLines(r)).toHaveText(EVERY_LEVEL);
		await expect(outputBody(r)).toHaveText('logged at 5 levels; host log level 0');
		await page.getByLabel('Log level').selectOption('warn');
		const some = await run(page);
		await expect(logLines(some)).toHaveCount(2);
		await expect(outputBody(some)).toHaveText('logged at 5 levels; host log level 3');
	});

	await test.step('a host function runs on its default stub, then on custom code', async () => {
		await pickTemplate(page, /Calling a host function/);
		await setInput(page, 'ann');
		await expect(outputBody(await buildAndRun(page))).toHaveText('lookup(ann) gave nothing');
		await showPanel(page, 'Host functions');
		const hosts = page.getByRole('region', { name: 'Host functions' });
		await expect(hosts).toContainText('extism:host/user::lookup');
		await hosts.getByRole('button', { name: 'Edit extism:host/user::lookup' }).click();
		await page
			.getByRole('textbox', { name: 'Code for extism:host/user::lookup' })
			.fill("return host.text('Ann, user ' + host.readText(args[0]));");
		await expect(outputBody(await run(page))).toHaveText('lookup(ann) gave Ann, user ann');
	});

	await test.step('the error template fails with its own message', async () => {
		const builds = await builtTs(page).count();
		await pickTemplate(page, /An error/);
		await setInput(page, 'bad input');
		const r = await buildAndRun(page);
		await expect(r.getByRole('alert')).toContainText('failed on purpose: bad input');
		await expect(builtTs(page)).toHaveCount(builds + 1);
	});
});
