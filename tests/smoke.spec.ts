import { expect, SITE_URL, SUBPATH_URL, test } from './support/fixtures';

for (const [where, url] of [
	['at the server root', SITE_URL],
	['under a sub-path', SUBPATH_URL]
]) {
	test(`the page loads ${where}`, async ({ page }) => {
		const failed: string[] = [];
		const answered = new Set<object>();
		page.on('response', (response) => {
			answered.add(response.request());
			if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
		});
		// A request that got no answer at all. Chromium sometimes reports net::ERR_ABORTED for a
		// fetch after its 200 response was read in full (seen in 2 of about 10 full test runs, for the example
		// plugin, whose load still succeeded); the status above covers answered requests.
		page.on('requestfailed', (request) => {
			if (!answered.has(request))
				failed.push(`failed ${request.url()} (${request.failure()?.errorText})`);
		});

		await page.goto(url);
		await expect(page).toHaveTitle('Extism Playground');
		await expect(page.getByRole('heading', { name: 'Extism Playground' })).toBeVisible();
		// The first example loads by itself; wait for it so no request is cut off by the test's end.
		await expect(page.getByRole('region', { name: 'Output' })).toContainText('Loaded Count vowels');
		await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
		expect(failed, 'requests that failed').toEqual([]);
	});
}
