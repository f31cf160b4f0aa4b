// Writing a plugin when things go wrong: each case gives a clear message, keeps the source and
// leaves the tab working.
import { test, expect } from './support/fixtures';
import { output, outputBody, run, setInput } from './support/playground';
import {
	BUILD_TIMEOUT,
	buildAndRun,
	buildLines,
	built,
	compilerChunk,
	pasteSource,
	setSource,
	source,
	writeFrom
} from './support/write';
import type { Page, Route } from '@playwright/test';

const runs = (page: Page) => output(page).getByRole('article');

/** Holds the compiler's download until `release` is called, so a build stays in progress. */
async function holdCompiler(page: Page) {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	const handler = async (route: Route) => {
		await held;
		await route.continue().catch(() => {});
	};
	await page.context().route(compilerChunk(), handler);
	return async () => {
		release();
		await page.context().unroute(compilerChunk(), handler);
	};
}

test.describe('writing, when things go wrong', () => {
	test.setTimeout(120_000);

	test('Stop during a build ends it, nothing runs, and the next Run builds and runs', async ({
		page
	}) => {
		const release = await holdCompiler(page);
		await writeFrom(page, /Hello world/);
		await setInput(page, 'Stop');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Building plugin.ts' })).toBeVisible();
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(output(page)).toContainText('Build stopped: nothing was run.');
		await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
		await expect(runs(page)).toHaveCount(0);
		await expect(source(page).locator('.view-lines')).toContainText("'Hello, '");
		await release();
		await expect(outputBody(await buildAndRun(page))).toHaveText('Hello, Stop!');
	});

	test('Run pressed again while a build is in progress runs the new build once', async ({
		page
	}) => {
		const release = await holdCompiler(page);
		await writeFrom(page, /Hello world/);
		await setInput(page, 'once');
		await page.getByRole('button', { name: 'Build' }).click();
		await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
		// Ctrl/Cmd+Enter still reaches Run while its button is disabled.
		await source(page).locator('.monaco-editor').click();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Enter');
		await release();
		await expect(runs(page)).toHaveCount(1, { timeout: BUILD_TIMEOUT });
		await expect(outputBody(runs(page).first())).toHaveText('Hello, once!');
		await expect(buildLines(page)).toHaveCount(1);
		await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
		await expect(runs(page)).toHaveCount(1);
	});

	test('a compiler that fails to load is said in words; the next build fetches it again', async ({
		page
	}) => {
		await page.context().route(compilerChunk(), (route) => route.abort());
		await writeFrom(page, /Hello world/);
		await page.getByRole('button', { name: 'Build' }).click();
		await expect(await built(page, 0)).toContainText('The AssemblyScript compiler did not load');
		await expect(output(page)).toContainText('Check the connection and build again.');
		await expect(runs(page)).toHaveCount(0);
		await page.context().unroute(compilerChunk());
		await setInput(page, 'again');
		await expect(outputBody(await buildAndRun(page))).toHaveText('Hello, again!');
	});

	test('a failed build keeps the last good one, marked out of date; its lines go to the place', async ({
		page
	}) => {
		await writeFrom(page, /Minimal WAT/);
		await page.getByRole('button', { name: 'Build' }).click();
		await expect(await built(page, 0)).toHaveText(/^Built plugin\.wat/);
		const outdated = page.getByText('Last good build — out of date');
		await expect(outdated).toHaveCount(0);
		await setSource(page, '(module\n  (func (export "x") (result i32)\n   foo))');
		await expect(outdated).toBeVisible();
		await page.getByRole('button', { name: 'Build' }).click();
		await expect(await built(page, 1)).toHaveText(/^Build failed in/);
		await expect(outdated).toBeVisible();
		await expect(page.getByRole('combobox', { name: 'Function' })).toHaveValue('echo');
		// Auto-indent moves "foo" as it is typed: the line says where it ended up.
		const line = output(page).getByRole('button', {
			name: /^plugin\.wat:3:\d+ error: unexpected token foo, expected \)\.$/
		});
		// Keyboard activation: at this viewport Playwright finds the Input editor's Monaco layer over
		// the console line, so a mouse click is refused (reported to the lead).
		await line.focus();
		await page.keyboard.press('Enter');
		// The cursor is at the bad token, and the editor has the focus: typing lands there.
		await page.keyboard.insertText('X');
		await expect(source(page).locator('.view-lines')).toContainText('Xfoo))');
	});

	test('WAT with a parse error is marked where it is and runs nothing', async ({ page }) => {
		await writeFrom(page, /Minimal WAT/);
		await setSource(
			page,
			'(module\n  (memory (export "memory") 1)\n  (func (export "f") (result i32)\n    i32.const))'
		);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(await built(page, 0)).toHaveText(/^Build failed in/);
		await expect(output(page)).toContainText(/plugin\.wat:4:\d+ error:/);
		await expect(source(page).locator('.squiggly-error').first()).toBeAttached();
		await expect(runs(page)).toHaveCount(0);
	});

	// One page for three sources that build but are odd: the compiler loads once (the tests above
	// load it cold, held and refused), then each step builds on it warm.
	test('odd sources: a wrong signature, thousands of diagnostics, 1 MB of source', async ({
		page
	}) => {
		test.setTimeout(180_000);
		await writeFrom(page, /Hello world/);

		await test.step('an export with the wrong signature builds, and is said not to be callable', async () => {
			// One line: typing "{" then a line break makes Monaco close the brace itself.
			await setSource(page, 'export function add(a: i32, b: i32): i32 { return a + b; }\n');
			await page.getByRole('button', { name: 'Build' }).click();
			await expect(await built(page, 0)).toHaveText(/^Built plugin\.ts/);
			await expect(output(page)).toContainText(
				'No exported function has the Extism signature () → i32.'
			);
			await page.getByRole('button', { name: 'Run', exact: true }).click();
			await expect(output(page)).toContainText('This plugin exports no function to call.');
			await expect(runs(page)).toHaveCount(0);
		});

		await test.step('thousands of diagnostics: the console lists a few and says how many more', async () => {
			const body = Array.from({ length: 3000 }, (_, i) => `  missing${i};`).join('\n');
			await pasteSource(page, `export function f(): i32 {\n${body}\n  return 0;\n}\n`);
			await page.getByRole('button', { name: 'Build' }).click();
			await expect(await built(page, 1)).toHaveText(/^Build failed in/);
			const more = output(page).getByText(/^…and \d+ more diagnostics, not shown\.$/);
			await expect(more).toBeVisible();
			const n = Number(/(\d+)/.exec((await more.textContent())!)![1]);
			expect(n).toBeGreaterThanOrEqual(2980);
			await expect(page.getByRole('status').filter({ hasText: 'Build failed' })).toContainText(
				/\(\d{4} errors; the first 500 marked\)/
			);
			await expect(runs(page)).toHaveCount(0);
			// The tab is alive: a fixed source builds and runs.
			await pasteSource(
				page,
				'import { Host } from "@extism/as-pdk";\nexport function f(): i32 {\n  Host.outputString("fixed");\n  return 0;\n}\n'
			);
			await expect(outputBody(await buildAndRun(page))).toHaveText('fixed');
		});

		await test.step('1 MB of source builds and runs, and the page says why it is not saved', async () => {
			const filler = `// ${'x'.repeat(96)}\n`.repeat(10_500);
			const text = `import { Host } from '@extism/as-pdk';\n${filler}export function greet(): i32 {\n  Host.outputString('big');\n  return 0;\n}\n`;
			expect(text.length).toBeGreaterThan(1_000_000);
			await pasteSource(page, text);
			await expect(outputBody(await buildAndRun(page))).toHaveText('big');
			await expect(
				page.getByText(
					'Not saved in this browser: The plugin source code is longer than 65,536 characters.'
				)
			).toBeVisible();
			await expect(run(page)).resolves.toBeTruthy();
		});
	});
});
