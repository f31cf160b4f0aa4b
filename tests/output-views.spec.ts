// Output views chosen from the bytes: images through <img>, HTML and Markdown rendered only on
// request inside a sandboxed frame where nothing runs and nothing is fetched.
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ECHO_URL, seen } from './support/fixtures';
import {
	downloadOutput,
	loadFixture,
	openPlayground,
	output,
	outputBody,
	run,
	setInput
} from './support/playground';

const format = (r: Locator) => r.getByRole('group', { name: 'Output format' });
const formatButton = (r: Locator, name: string) =>
	format(r).getByRole('button', { name, exact: true });
const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned);

test('a plugin that outputs a PNG shows the image, and downloads it as .png', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'png_output');
	const r = await run(page);
	await expect(formatButton(r, 'Image')).toHaveAttribute('aria-pressed', 'true');
	const img = r.getByRole('img', { name: 'PNG image output of png' });
	await expect(img).toBeVisible();
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(2);
	await expect(r).toContainText('PNG image · 2 × 2 px');
	const file = await downloadOutput(page, r);
	expect(file.name).toBe('png-output.png');
	expect(file.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	await formatButton(r, 'Hex').click();
	await expect(outputBody(r)).toContainText('89 50 4e 47 0d 0a 1a 0a');
	await expect(img).toHaveCount(0);
});

test.describe('a damaged image', () => {
	// No CSP violation is allowed here: Playwright's trace recorder reads an <img> the browser
	// could not decode from its blob: URL under connect-src, which lists blob: (svelte.config.js).
	test('an output that starts like a PNG but is damaged falls back to hex, with a note', async ({
		page
	}) => {
		await openPlayground(page);
		await loadFixture(page, 'corrupt_png');
		const r = await run(page);
		await expect(r.getByRole('status')).toHaveText(
			'This output starts like a PNG image, but the browser cannot show it (it may be damaged or cut short), so it is shown as hex.'
		);
		await expect(outputBody(r)).toContainText('89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52');
		await expect(r.getByRole('img')).toHaveCount(0);
		await expect(r.getByRole('button', { name: 'Image', exact: true })).toHaveCount(0);
		// The playground goes on working.
		await setInput(page, 'still here');
		await loadFixture(page, 'echo');
		await expect(outputBody(await run(page))).toHaveText('still here');
	});
});

test('HTML output renders only on request, and nothing in it runs or is fetched', async ({
	page
}) => {
	const probe = `/probe-${Math.random().toString(36).slice(2)}`;
	const html =
		`<!doctype html><html><head><meta http-equiv="refresh" content="0;url=${ECHO_URL}${probe}/refresh"></head><body>` +
		`<h1>Rendered heading</h1><script>window.parent.__pwned=1</script>` +
		`<img src=x onerror="window.parent.__pwned=2">` +
		`<img alt="external" src="${ECHO_URL}${probe}/img">` +
		`<form action="${ECHO_URL}${probe}/form" method="post"><button>Send</button></form>` +
		`</body></html>`;
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, html);
	const r = await run(page);
	await expect(formatButton(r, 'HTML')).toHaveAttribute('aria-pressed', 'true');
	// Before Render: the markup as text, no frame.
	await expect(outputBody(r)).toHaveText(html);
	await expect(r.locator('iframe')).toHaveCount(0);
	await r.getByRole('button', { name: 'Render' }).click();
	const frameEl = r.locator('iframe');
	await expect(frameEl).toHaveAttribute('sandbox', '');
	const frame = frameEl.contentFrame();
	await expect(frame.getByRole('heading', { name: 'Rendered heading' })).toBeVisible();
	// The form cannot be sent: the sandbox has no allow-forms.
	await frame.getByRole('button', { name: 'Send' }).click();
	await expect(frame.getByRole('heading', { name: 'Rendered heading' })).toBeVisible();
	// A later run proves time passed for anything pending to have been tried.
	await setInput(page, 'after');
	await expect(outputBody(await run(page))).toHaveText('after');
	expect(await pwned(page)).toBeUndefined();
	expect(await seen(`${probe}/img`)).toEqual([]);
	expect(await seen(`${probe}/form`)).toEqual([]);
	expect(await seen(`${probe}/refresh`)).toEqual([]);
	// The later run folded this one: unfold it to see its frame again.
	await r.getByRole('button', { expanded: false }).click();
	await expect(frame.getByRole('heading', { name: 'Rendered heading' })).toBeVisible();
});

test('Markdown output renders its heading inside the sandbox', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, '# Hello from Markdown\n\n- one\n- **two**\n');
	const r = await run(page);
	await expect(formatButton(r, 'Markdown')).toHaveAttribute('aria-pressed', 'true');
	await r.getByRole('button', { name: 'Render' }).click();
	const frame = r.locator('iframe[title="Markdown output of echo"]').contentFrame();
	await expect(frame.getByRole('heading', { name: 'Hello from Markdown' })).toBeVisible();
	await expect(frame.locator('strong')).toHaveText('two');
	// Text is still one click away, and the download keeps the type.
	expect((await downloadOutput(page, r)).name).toBe('echo-output.md');
	await formatButton(r, 'Text').click();
	await expect(outputBody(r)).toContainText('# Hello from Markdown');
});

test('SVG output is shown only as an image, where its script cannot run', async ({ page }) => {
	const svg =
		'<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20" onload="window.parent.__pwned=3">' +
		'<script>window.parent.__pwned=4</script><rect width="30" height="20" fill="red"/></svg>';
	await openPlayground(page);
	await loadFixture(page, 'echo');
	await setInput(page, svg);
	const r = await run(page);
	await formatButton(r, 'Image').click();
	await r.getByRole('button', { name: 'Render' }).click();
	const img = r
		.locator('iframe')
		.contentFrame()
		.getByRole('img', { name: 'SVG image output of echo' });
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(30);
	await expect(img).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
	expect(await pwned(page)).toBeUndefined();
	await expect(output(page).locator('svg')).toHaveCount(0);
});

test('the image, the rendered frame and the input file pass axe', async ({ page }) => {
	await openPlayground(page);
	await loadFixture(page, 'png_output');
	const png = await run(page);
	await expect(png.getByRole('img', { name: 'PNG image output of png' })).toBeVisible();
	await loadFixture(page, 'echo');
	await page.getByLabel('Input file').setInputFiles({
		name: 'page.html',
		mimeType: 'text/html',
		buffer: Buffer.from('<h1>Framed</h1><p>text</p>')
	});
	const html = await run(page);
	await html.getByRole('button', { name: 'Render' }).click();
	await expect(
		html.locator('iframe').contentFrame().getByRole('heading', { name: 'Framed' })
	).toBeVisible();
	// The frame itself is left out: nothing can run inside it (no allow-scripts), axe included,
	// and trying to makes axe wait for ever. The page around it is checked.
	const r = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('iframe').analyze();
	expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('Use as input chains an image: the PNG goes on as an input file, byte for byte', async ({
	page
}) => {
	await openPlayground(page);
	await loadFixture(page, 'png_output');
	const first = await run(page);
	const made = await downloadOutput(page, first);
	await first.getByRole('button', { name: 'Use as input' }).click();
	await expect(output(page)).toContainText(
		'The output (75 B) is now the input file "png-output.png" (it is not UTF-8 text).'
	);
	await expect(page.getByRole('group', { name: 'File used as the input' })).toContainText(
		'png-output.png · 75 B · image/png'
	);
	await loadFixture(page, 'echo');
	const second = await run(page);
	await expect(second.getByRole('img', { name: 'PNG image output of echo' })).toBeVisible();
	expect((await downloadOutput(page, second)).bytes.equals(made.bytes)).toBe(true);
});
