// An SVG output can be made to take forever to draw (`<use>` elements that repeat the layer below
// ten times, ten layers deep: 10^10 shapes from 1 KB). No output may freeze the page: SVG is
// shown as text until Render, Render refuses such an SVG in words, and what is rendered is drawn
// inside a sandboxed frame, out of the page's way.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import {
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';

const formatButton = (r: Locator, name: string) =>
	r.getByRole('group', { name: 'Output format' }).getByRole('button', { name, exact: true });

/** Ten layers, each ten `<use>` of the layer below: 10^10 rectangles once drawn. */
function useBomb(layers = 10): string {
	let defs = '<g id="l0"><rect width="1" height="1"/></g>';
	for (let i = 1; i <= layers; i++)
		defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><defs>${defs}</defs><use href="#l${layers}"/></svg>`;
}

/** The page answers: a script runs and a button still works. */
async function stillAnswers(page: Page) {
	expect(await page.evaluate(() => 6 * 7)).toBe(42);
	await output(page).getByRole('button', { name: 'Clear' }).click();
	await expect(output(page).getByRole('article')).toHaveCount(0);
}

test('an SVG that would take forever to draw is shown as text, and Render refuses it in words', async ({
	page
}) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, useBomb());
	const r = await run(page);
	await expect(formatButton(r, 'Text')).toHaveAttribute('aria-pressed', 'true');
	await expect(outputBody(r)).toContainText('<use href="#l9"/>');
	await formatButton(r, 'Image').click();
	await r.getByRole('button', { name: 'Render' }).click();
	await expect(r.getByRole('alert')).toContainText('repeats its shapes');
	await expect(r.locator('iframe')).toHaveCount(0);
	await stillAnswers(page);
});

test('a plain SVG renders on request inside a sandboxed frame, its script off', async ({
	page
}) => {
	const svg =
		'<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20" onload="window.parent.__pwned=1">' +
		'<script>window.parent.__pwned=2</script><use href="#r"/><rect id="r" width="30" height="20" fill="red"/></svg>';
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, svg);
	const r = await run(page);
	await expect(formatButton(r, 'Text')).toHaveAttribute('aria-pressed', 'true');
	await formatButton(r, 'Image').click();
	await r.getByRole('button', { name: 'Render' }).click();
	const frame = r.locator('iframe[title="SVG image output of echo"]');
	await expect(frame).toHaveAttribute('sandbox', '');
	const img = frame.contentFrame().getByRole('img', { name: 'SVG image output of echo' });
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(30);
	expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
	await expect(output(page).locator('svg')).toHaveCount(0);
	await stillAnswers(page);
});
