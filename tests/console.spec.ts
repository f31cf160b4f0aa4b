import { test, expect } from './support/fixtures';
import {
	chooseExample,
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';
import { showPanel } from './support/panels';
import type { Locator, Page } from '@playwright/test';

const scroller = (page: Page) => output(page).locator('.scroll');
/** A run's summary line, which is also the button that folds and unfolds it. */
const summary = (article: Locator) =>
	article
		.getByRole('button', { expanded: true })
		.or(article.getByRole('button', { expanded: false }));
const jumpButton = (page: Page) => output(page).getByRole('button', { name: /Jump to newest/ });

/** 300 numbered lines: echoed back, an output far taller than the console. */
const LONG = Array.from({ length: 300 }, (_, i) => `line ${i + 1} of a long result`).join('\n');

/** Loads `echo` with a long input and runs it until the console has more than it can show. */
async function overflow(page: Page) {
	await loadFixture(page, 'echo');
	await setInput(page, LONG);
	// Until the newest run starts below what the console shows when scrolled to its top: older runs
	// fold to one line each, so a tall pane takes many runs.
	for (let i = 0; i < 60; i++) {
		await run(page);
		const more = await scroller(page).evaluate((el) => {
			const runs = el.querySelectorAll('article');
			const top = runs[runs.length - 1].getBoundingClientRect().top;
			return top - el.getBoundingClientRect().top + el.scrollTop > el.clientHeight;
		});
		if (more) return;
	}
	throw new Error('the console never overflowed');
}

test.describe('the Output console', () => {
	// Each test runs the plugin until the console overflows: several runs on a shared machine.
	test.slow();

	test('after Run, the newest run’s summary line and the start of its long result are in view', async ({
		page
	}) => {
		await openPlayground(page);
		await overflow(page);
		const latest = await run(page);
		await expect(summary(latest)).toBeInViewport();
		await expect(summary(latest)).toHaveAttribute('aria-expanded', 'true');
		const body = outputBody(latest);
		await expect(body).toBeInViewport();
		await expect(body).toContainText('line 1 of a long result');
		// The result scrolls inside its own box, shorter than the console, rather than the console.
		const sizes = await body.evaluate((el) => ({
			scrolls: el.scrollHeight > el.clientHeight,
			shorter: el.clientHeight < el.closest('.scroll')!.clientHeight
		}));
		expect(sizes).toEqual({ scrolls: true, shorter: true });
	});

	test('follows the newest entry, including an error that arrives at the end of a run', async ({
		page
	}) => {
		await openPlayground(page);
		await overflow(page);
		await chooseExample(page, 'Plugin error');
		const failed = await run(page);
		await expect(failed.getByRole('alert')).toBeInViewport();
	});

	test('stays where the person scrolled up to read, and Jump to newest brings the newest back', async ({
		page
	}) => {
		await openPlayground(page);
		await overflow(page);
		const first = output(page).getByRole('article').first();
		await expect(jumpButton(page)).toHaveCount(0);
		await scroller(page).hover();
		await page.mouse.wheel(0, -100_000);
		await expect(first).toBeInViewport();
		await expect(jumpButton(page)).toBeVisible();
		const latest = await run(page);
		await expect(first).toBeInViewport();
		await expect(summary(latest)).not.toBeInViewport();
		await jumpButton(page).click();
		await expect(summary(latest)).toBeInViewport();
		await expect(outputBody(latest)).toBeInViewport();
		await expect(jumpButton(page)).toHaveCount(0);
		// Following again: the next run comes into view by itself.
		const next = await run(page);
		await expect(summary(next)).toBeInViewport();
	});

	test('older runs fold to their summary line and unfold on a click', async ({ page }) => {
		await openPlayground(page);
		const first = await run(page);
		await expect(summary(first)).toHaveAttribute('aria-expanded', 'true');
		await expect(outputBody(first)).toBeVisible();
		const second = await run(page);
		await expect(summary(first)).toHaveAttribute('aria-expanded', 'false');
		await expect(outputBody(first)).toBeHidden();
		await expect(outputBody(second)).toBeVisible();
		await summary(first).click();
		await expect(summary(first)).toHaveAttribute('aria-expanded', 'true');
		await expect(outputBody(first)).toBeVisible();
		await expect(outputBody(first)).toContainText('"count"');
		// Opened by hand, it stays open when another run comes; the newest opens as always.
		const third = await run(page);
		await expect(outputBody(first)).toBeVisible();
		await expect(outputBody(second)).toBeHidden();
		await expect(outputBody(third)).toBeVisible();
		// And it folds again on a second click.
		await summary(first).click();
		await expect(summary(first)).toHaveAttribute('aria-expanded', 'false');
		await expect(outputBody(first)).toBeHidden();
	});

	test('says "no logs" when a run logged nothing, and why at trace level', async ({ page }) => {
		await openPlayground(page);
		const counted = await run(page);
		// Count vowels logs at info level: no such line.
		await expect(counted.getByRole('list', { name: 'Logs' })).toBeVisible();
		await expect(counted).not.toContainText('no logs');
		await loadFixture(page, 'echo');
		const quiet = await run(page);
		await expect(quiet.getByText('no logs (level info)')).toBeVisible();
		const settings = await showPanel(page, 'Settings');
		await settings.getByLabel('Log level').selectOption('trace');
		const traced = await run(page);
		await expect(traced.getByText('no logs: this plugin imports no log functions')).toBeVisible();
	});
});
