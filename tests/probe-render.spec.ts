// A `#part` link in rendered Markdown must move within the rendered document: a srcdoc frame
// resolved it against the page's address, and it loaded the whole playground into the frame.
import { test, expect } from './support/fixtures';
import { loadFixture, openPlayground, run, setInput } from './support/playground';

test('a #fragment link in rendered Markdown stays inside the document', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(
		page,
		`# Top\n\n[to the end](#end)\n\n${'filler\n\n'.repeat(60)}<p id="end">the end</p>\n`
	);
	const r = await run(page);
	await r.getByRole('button', { name: 'Render' }).click();
	const frame = r.locator('iframe[title="Markdown output of echo"]').contentFrame();
	const framed = () =>
		page
			.frames()
			.find((f) => f.parentFrame() === page.mainFrame())
			?.url() ?? '';
	// The console keeps following the newest run while the frame grows, so a click that Playwright
	// aimed after scrolling the console can land where the link was: click again until it takes.
	await expect(async () => {
		await frame.getByRole('link', { name: 'to the end' }).click({ timeout: 2000 });
		// The frame moved to its own #end: a fragment of its data: document, not of the playground.
		expect(framed()).toMatch(/#end$/);
	}).toPass();
	expect(framed()).toMatch(/^data:text\/html/);
	await expect(frame.getByRole('heading', { name: 'Top' })).toBeAttached();
	await expect(frame.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
});
