import { expect, SITE_URL, SUBPATH_URL, test } from './support/fixtures';

for (const [where, url] of [
	['at the server root', SITE_URL],
	['under a sub-path', SUBPATH_URL]
]) {
	test(`the page loads ${where}`, async ({ page }) => {
		const failed: string[] = [];
		page.on('response', (response) => {
			if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
		});
		page.on('requestfailed', (request) =>
			failed.push(`failed ${request.url()} (${request.failure()?.errorText})`)
		);

		await page.goto(url);
		await expect(page).toHaveTitle('Extism Playground');
		await expect(page.getByRole('heading', { name: 'Extism Playground' })).toBeVisible();
		// The first example loads by itself; wait for it so no request is cut off by the test's end.
		await expect(page.getByRole('region', { name: 'Output' })).toContainText('Loaded Count vowels');
		await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
		expect(failed, 'requests that failed').toEqual([]);
	});
}
