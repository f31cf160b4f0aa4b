// The app shell (issue 22): at laptop, desktop and phone sizes, in light and dark, reading a
// plugin or writing one, the editor, Run and the newest output are on screen without scrolling
// and nothing else covers them; nothing is wider than the screen; the split, the menus and the
// tabs work from the keyboard. Each size's screenshot goes into the report for a person to look at.
import { mkdirSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, fixturePath } from './support/fixtures';
import { openPlayground, output, run } from './support/playground';
import { buildAndRun, pickTemplate, source, startWriting } from './support/write';
import { showPanel } from './support/panels';
import { EDITOR_KEYS_HINT } from '../src/lib/editor/keys-hint';

const SIZES = [
	{ width: 1280, height: 720 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 },
	{ width: 390, height: 844 }
];

/** Fails unless a part of `el` is on screen and the element on top at that part's centre is it. */
async function expectInViewUncovered(page: Page, el: Locator, what: string) {
	await expect(el, what).toBeVisible();
	const verdict = await el.evaluate((node) => {
		const r = node.getBoundingClientRect();
		const top = Math.max(r.top, 0);
		const bottom = Math.min(r.bottom, innerHeight, top + 40);
		const left = Math.max(r.left, 0);
		const right = Math.min(r.right, innerWidth);
		if (bottom - top < 8 || right - left < 8)
			return `out of view: ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
		const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
		if (!hit || !(node.contains(hit) || hit.contains(node)))
			return `covered by ${hit?.tagName}.${hit?.className}`;
		return 'ok';
	});
	expect(verdict, what).toBe('ok');
}

/** Elements wider than the screen or reaching past its right edge, outside scrolling boxes. */
function overflowing(page: Page) {
	return page.evaluate(() => {
		const clipped = (el: Element) => {
			for (let p = el.parentElement; p; p = p.parentElement) {
				const o = getComputedStyle(p).overflowX;
				if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
			}
			return false;
		};
		const bad: string[] = [];
		if (document.documentElement.scrollWidth > innerWidth)
			bad.push(`page ${document.documentElement.scrollWidth}px`);
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (!r.width || (r.right <= innerWidth + 1 && r.width <= innerWidth) || clipped(el)) continue;
			bad.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}px`);
		}
		return bad;
	});
}

/**
 * The parts of the editors' pane that a person reads, and which of them overlap: a section that
 * shrank below its content lets its last lines run under the next section's (the Source editor's
 * hint under the Input heading, once, on a phone). Overlap is measured on the parts' boxes,
 * wherever the pane is scrolled to.
 */
async function overlappingEditorParts(page: Page, writing: boolean) {
	const input = page.getByRole('region', { name: 'Input' });
	const parts: Record<string, Locator> = {
		Function: page.getByRole('combobox', { name: 'Function' }),
		'Input heading': input.getByRole('heading', { name: 'Input', exact: true }),
		'Input file': input.getByText('Input file', { exact: true }),
		'Input file chooser': input.getByLabel('Input file', { exact: true }),
		'Input encoding': input.getByRole('combobox', { name: 'Input encoding' }),
		'Input editor': input.locator('.monaco-editor'),
		'Input hint': input.getByText(EDITOR_KEYS_HINT)
	};
	if (writing) {
		const write = page.getByRole('region', { name: 'Write a plugin' });
		parts['Template'] = write.getByRole('combobox', { name: 'Template' });
		parts['Build'] = write.getByRole('button', { name: 'Build', exact: true });
		parts['Source'] = source(page).locator('.monaco-editor');
		parts['Source hint'] = source(page).getByText(EDITOR_KEYS_HINT);
	}
	const boxes: [string, { x: number; y: number; width: number; height: number }][] = [];
	for (const [name, el] of Object.entries(parts)) {
		const box = await el.boundingBox();
		expect(box, `${name} has a box`).not.toBeNull();
		boxes.push([name, box!]);
	}
	const over: string[] = [];
	for (const [i, [a, p]] of boxes.entries())
		for (const [b, q] of boxes.slice(i + 1)) {
			// One pixel of slack for borders that touch.
			const x = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
			const y = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
			if (x > 1 && y > 1) over.push(`${a} overlaps ${b} (${Math.round(x)}×${Math.round(y)} px)`);
		}
	return over;
}

/**
 * Attaches a screenshot to the report, and keeps it in the test's output folder, or in SHOTS_DIR
 * when set (a folder that outlives the run, to look at them after a clean run).
 */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
	const dir = process.env.SHOTS_DIR;
	if (dir) mkdirSync(dir, { recursive: true });
	const path = dir ? `${dir}/${name}.png` : testInfo.outputPath(`${name}.png`);
	const body = await page.screenshot({ path });
	await testInfo.attach(name, { body, contentType: 'image/png' });
}

for (const size of SIZES) {
	for (const colorScheme of ['light', 'dark'] as const) {
		test.describe(`${size.width}×${size.height} ${colorScheme}`, () => {
			// The fixture's pages share one context, so the size and scheme are set on each page.
			test.beforeEach(async ({ page }) => {
				await page.setViewportSize(size);
				await page.emulateMedia({ colorScheme });
			});

			test('reading: the Input editor, Run and the newest run are in view', async ({
				page
			}, testInfo) => {
				await openPlayground(page);
				const latest = await run(page);
				await expectInViewUncovered(
					page,
					page.getByRole('region', { name: 'Input' }).locator('.monaco-editor'),
					'Input editor'
				);
				await expectInViewUncovered(
					page,
					page.getByRole('button', { name: 'Run', exact: true }),
					'Run'
				);
				await expectInViewUncovered(page, latest, 'newest run');
				expect(await overflowing(page)).toEqual([]);
				expect(await overlappingEditorParts(page, false)).toEqual([]);
				expect(await page.evaluate(() => scrollY)).toBe(0);
				await shoot(page, testInfo, `reading-${size.width}x${size.height}-${colorScheme}`);
			});

			test('writing: Source, Input, Run and the newest run are in view', async ({
				page
			}, testInfo) => {
				await openPlayground(page);
				// On a phone the top bar's tools are folded into its menu.
				const fold = page.getByRole('button', { name: 'Menu', exact: true });
				const folded = await fold.isVisible();
				if (folded) await fold.click();
				await startWriting(page);
				if (folded) await fold.click();
				await pickTemplate(page, /Minimal WAT plugin/);
				const latest = await buildAndRun(page);
				await expectInViewUncovered(page, source(page).locator('.monaco-editor'), 'Source');
				// On a phone the Input is a scroll away inside the editors' pane: the editor in view
				// while writing is Source.
				if (!folded)
					await expectInViewUncovered(
						page,
						page.getByRole('region', { name: 'Input' }).locator('.monaco-editor'),
						'Input editor'
					);
				await expectInViewUncovered(
					page,
					page.getByRole('button', { name: 'Run', exact: true }),
					'Run'
				);
				await expectInViewUncovered(page, latest, 'newest run');
				expect(await overflowing(page)).toEqual([]);
				expect(await overlappingEditorParts(page, true)).toEqual([]);
				expect(await page.evaluate(() => scrollY)).toBe(0);
				await shoot(page, testInfo, `writing-${size.width}x${size.height}-${colorScheme}`);
				if (folded) {
					// The Input, a scroll down the editors' pane, for a person to look at too.
					await page.getByRole('region', { name: 'Input' }).scrollIntoViewIfNeeded();
					await shoot(page, testInfo, `writing-${size.width}x${size.height}-${colorScheme}-input`);
				}
			});
		});
	}
}

test.describe('the top bar', () => {
	test.beforeEach(({ page }) => page.setViewportSize({ width: 1280, height: 720 }));

	test('is one row of at most 7 buttons, whatever is loaded', async ({ page }) => {
		await openPlayground(page);
		const bar = page.getByRole('banner');
		const buttons = bar.getByRole('button');
		const visible = async () => {
			let n = 0;
			for (const b of await buttons.all()) if (await b.isVisible()) n++;
			return n;
		};
		expect(await visible()).toBeLessThanOrEqual(7);
		const withExample = (await bar.boundingBox())!.height;
		expect(withExample).toBeLessThan(56);
		await startWriting(page);
		expect(await visible()).toBeLessThanOrEqual(7);
		expect((await bar.boundingBox())!.height).toBe(withExample);
	});

	test('menus work from the keyboard and give focus back', async ({ page }) => {
		await openPlayground(page);
		const more = page.getByRole('button', { name: 'More', exact: true });
		await more.focus();
		await page.keyboard.press('Enter');
		const menu = page.getByRole('menu', { name: 'More' });
		await expect(menu).toBeVisible();
		const items = menu.getByRole('menuitem');
		await expect(items.first()).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(items.nth(1)).toBeFocused();
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		await expect(items.last()).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(menu).toBeHidden();
		await expect(more).toBeFocused();
		// Arrow Down opens on the first item; Enter chooses it and focus comes back.
		await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('menuitem', { name: 'Edit source' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(menu).toBeHidden();
		await expect(source(page).locator('.monaco-editor')).toBeVisible();
	});

	test('shows the name of a loaded file where the file was chosen', async ({ page }) => {
		await openPlayground(page);
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Open', exact: true }).click();
		await page.getByRole('menuitem', { name: 'Open file…' }).click();
		await (await chooser).setFiles(fixturePath('limits'));
		await expect(output(page)).toContainText('Loaded limits.wasm');
		await expect(
			page.getByRole('region', { name: 'Load a plugin' }).getByRole('status')
		).toHaveText('limits.wasm');
	});
});

test.describe('the split between the editors and the output', () => {
	test.beforeEach(({ page }) => page.setViewportSize({ width: 1280, height: 720 }));

	test('moves by keyboard and keeps its size across a reload', async ({ page }) => {
		await openPlayground(page);
		const bar = page.getByRole('separator', { name: 'Resize the editors and the output' });
		const editors = page.getByRole('region', { name: 'Input' });
		const before = (await editors.boundingBox())!.width;
		await expect(bar).toHaveAttribute('aria-valuenow', '50');
		await bar.focus();
		for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
		await expect(bar).toHaveAttribute('aria-valuenow', '60');
		await expect
			.poll(async () => (await editors.boundingBox())!.width)
			.toBeGreaterThan(before + 50);
		await page.keyboard.press('Home');
		await expect(bar).toHaveAttribute('aria-valuenow', '20');
		await page.keyboard.press('PageDown');
		await expect(bar).toHaveAttribute('aria-valuenow', '30');
		await page.reload();
		await openPlayground(page, page.url());
		await expect(bar).toHaveAttribute('aria-valuenow', '30');
		expect((await editors.boundingBox())!.width).toBeLessThan(before);
	});
});

test.describe('the panel tabs', () => {
	test('move by arrow keys and say what is inside', async ({ page }) => {
		await openPlayground(page);
		const tabs = page.getByRole('tablist', { name: 'Panels' });
		await tabs.getByRole('tab', { name: 'Plugin' }).focus();
		await page.keyboard.press('ArrowRight');
		await expect(tabs.getByRole('tab', { name: 'Settings' })).toBeFocused();
		await expect(tabs.getByRole('tab', { name: 'Settings' })).toHaveAttribute(
			'aria-selected',
			'true'
		);
		await expect(page.getByRole('region', { name: 'Settings' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Plugin', exact: true })).toBeHidden();
		await page.keyboard.press('End');
		await expect(tabs.getByRole('tab', { name: 'XTP tests' })).toBeFocused();
		await page.keyboard.press('Home');
		await expect(tabs.getByRole('tab', { name: 'Plugin' })).toBeFocused();
		const hosts = await showPanel(page, 'Allowed hosts');
		const count = await hosts.getByRole('listitem').count();
		await hosts.getByRole('textbox', { name: 'Allowed host' }).fill('example.com');
		await hosts.getByRole('button', { name: 'Add host' }).click();
		await expect(tabs.getByRole('tab', { name: `Allowed hosts (${count + 1})` })).toBeVisible();
	});
});
