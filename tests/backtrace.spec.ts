// Issue 23 items 1, 2 and 6: a failed run's wasm backtrace in the console, and source links. Plugins with real DWARF and
// real mangled names are built from source by the test setup (debug-fixtures.ts); the expected
// lines are read from their source text, never from our own output.
import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openPlayground, output, run, setInput } from './support/playground';
import { built, setSource, source, writeFrom } from './support/write';
import { debugFixturePath, type DebugFixture } from '../src/lib/engine/testing/debug-fixtures';

/** The 1-based line of the first line of `file` that holds `text`. */
function lineOf(file: string, text: string): number {
	const i = readFileSync(file, 'utf8')
		.split('\n')
		.findIndex((l) => l.includes(text));
	if (i < 0) throw new Error(`${file} has no line with ${text}`);
	return i + 1;
}

async function loadBytes(page: Page, name: string, buffer: Buffer) {
	await page
		.getByLabel('Plugin file', { exact: true })
		.setInputFiles({ name, mimeType: 'application/wasm', buffer });
	await expect(output(page)).toContainText(`Loaded ${name}`);
}

const loadDebugFixture = (page: Page, name: DebugFixture) =>
	loadBytes(page, `${name}.wasm`, readFileSync(debugFixturePath(name)));

/** `count` → `middle` → `divide`, which divides by zero; with or without a name section. */
async function watTrap(names: boolean): Promise<Buffer> {
	const wabt = await wabtInit();
	const m = wabt.parseWat(
		'trap.wat',
		`(module
			(memory (export "memory") 1)
			(func $divide (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
			(func $middle (result i32) (call $divide (i32.const 0)))
			(func $count (export "count") (result i32) (call $middle)))`
	);
	m.resolveNames();
	const { buffer } = m.toBinary({ write_debug_names: names });
	m.destroy();
	return Buffer.from(buffer);
}

async function failedRun(page: Page) {
	await page.getByRole('combobox', { name: 'Function', exact: true }).selectOption('count');
	// panic.rs indexes with the input's length: empty input overflows in `100 - age` instead.
	await setInput(page, '');
	const r = await run(page);
	await expect(r.getByRole('alert')).toBeVisible();
	return r.getByRole('region', { name: 'Backtrace' });
}

/** The plugin's own frames (not folded), as "name where" lines. */
const ownFrames = (bt: ReturnType<Page['locator']>) =>
	bt.getByRole('list', { name: 'Frames' }).locator(':scope > li.own');

test.describe('backtrace of a failed run', () => {
	test.beforeEach(async ({ page }) => {
		await openPlayground(page);
	});

	test('a Rust panic three functions deep shows the panicking function, demangled, with its .rs line', async ({
		page
	}) => {
		await loadDebugFixture(page, 'panic-legacy');
		const bt = await failedRun(page);
		const line = lineOf('tests/fixtures/src/debug/panic.rs', '100 - age');
		const own = ownFrames(bt);
		await expect(own).toHaveCount(4);
		await expect(own.nth(0)).toContainText('panic::Ages<T>::years_until_100');
		await expect(own.nth(0)).toContainText(new RegExp(`panic\\.rs:${line}:\\d+`));
		await expect(own.nth(1)).toContainText('panic::check');
		await expect(own.nth(2)).toContainText('panic::run');
		await expect(own.nth(3)).toContainText('count');
		// The panic machinery above it is folded behind a count, and opens on request.
		const folded = bt.getByText(/^\d+ runtime frames$/);
		await expect(folded).toBeVisible();
		const machinery = bt.getByText('core::panicking::panic', { exact: true });
		await expect(machinery).toBeHidden();
		await folded.click();
		await expect(machinery).toBeVisible();
		await expect(bt).not.toContainText('This module has no function names');
	});

	test('a C trap shows its DWARF lines, in a header and in a .c file', async ({ page }) => {
		await loadDebugFixture(page, 'c-dwarf4');
		const bt = await failedRun(page);
		const own = ownFrames(bt);
		await expect(own).toHaveCount(3);
		const checks = lineOf('tests/fixtures/src/debug/c/lib/checks.h', 'abort();');
		const scale = lineOf('tests/fixtures/src/debug/c/main.c', 'return check_positive(');
		const count = lineOf('tests/fixtures/src/debug/c/main.c', 'return scale(n);');
		await expect(own.nth(0)).toContainText(new RegExp(`check_positive.*lib/checks\\.h:${checks}:`));
		await expect(own.nth(1)).toContainText(new RegExp(`scale.*main\\.c:${scale}:`));
		await expect(own.nth(2)).toContainText(new RegExp(`count.*main\\.c:${count}:`));
		await expect(bt.getByText('1 runtime frame', { exact: true })).toBeVisible();
	});

	test('a WAT trap shows its names and offsets; without names, it says so and how to keep them', async ({
		page
	}) => {
		await loadBytes(page, 'named.wasm', await watTrap(true));
		const named = await failedRun(page);
		const own = ownFrames(named);
		await expect(own).toHaveCount(3);
		await expect(own.nth(0)).toContainText(/divide\s*wasm-function\[0\]\+0x[0-9a-f]+/);
		await expect(own.nth(1)).toContainText(/middle\s*wasm-function\[1\]\+0x[0-9a-f]+/);
		await expect(own.nth(2)).toContainText('count');
		await expect(named).not.toContainText('no function names');

		await loadBytes(page, 'bare.wasm', await watTrap(false));
		const bare = await failedRun(page);
		await expect(ownFrames(bare)).toHaveCount(3);
		await expect(ownFrames(bare).nth(0)).toContainText('wasm-function[0]');
		await expect(bare.getByText(/has no function names/)).toHaveCount(1);
		await expect(bare).toContainText('strip = false');
	});

	test('Copy backtrace puts every frame on the clipboard as text', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await loadDebugFixture(page, 'panic-legacy');
		const bt = await failedRun(page);
		await bt.getByRole('button', { name: 'Copy backtrace' }).click();
		await expect(bt.getByRole('status')).toHaveText('Backtrace copied to the clipboard.');
		const text = await page.evaluate(() => navigator.clipboard.readText());
		const line = lineOf('tests/fixtures/src/debug/panic.rs', '100 - age');
		expect(text).toMatch(/^wasm backtrace \(innermost first\):/);
		expect(text).toMatch(
			new RegExp(`panic::Ages<T>::years_until_100\\n\\s+at \\S*panic\\.rs:${line}:\\d+`)
		);
		// Folded frames are copied too: an issue report wants them all.
		expect(text).toContain('core::panicking::panic');
	});
});

test('Copy backtrace says so when the clipboard refuses', async ({ page }) => {
	await openPlayground(page);
	await loadBytes(page, 'named.wasm', await watTrap(true));
	const bt = await failedRun(page);
	await page.evaluate(() => {
		navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied'));
	});
	await bt.getByRole('button', { name: 'Copy backtrace' }).click();
	await expect(bt.getByRole('status')).toHaveText(
		'The clipboard is not available here: select the frames and copy them.'
	);
});

test.describe('source links of a plugin written here', () => {
	/** Follows a frame's link and types a mark where the cursor landed; returns that line. */
	async function followAndMark(page: Page, link: ReturnType<Page['locator']>) {
		// Keyboard activation, as for diagnostics (write-errors.spec.ts): at this viewport the Input
		// editor's layer can sit over the console for a mouse.
		await link.focus();
		await page.keyboard.press('Enter');
		await page.keyboard.insertText('(;HERE;)');
		return source(page).locator('.view-line', { hasText: '(;HERE;)' });
	}

	test('AssemblyScript: each frame in the person’s file goes to its line', async ({ page }) => {
		await writeFrom(page, /Count vowels/);
		await setSource(
			page,
			// One line each: Monaco closes a brace that ends a typed line by itself.
			[
				'function inner(n: i32): i32 { if (n > 2) unreachable(); return n; }',
				'function middle(n: i32): i32 { return inner(n) + 1; }',
				'export function count(): i32 { return middle(3); }',
				''
			].join('\n')
		);
		await page.getByRole('button', { name: 'Build' }).click();
		await expect(await built(page, 0)).toHaveText(/^Built plugin\.ts/);
		const bt = await failedRun(page);
		const own = ownFrames(bt);
		await expect(own).toHaveCount(3);
		await expect(own.nth(0)).toContainText('plugin/inner');
		const links = bt.getByRole('button', { name: /^plugin\.ts:\d+:\d+$/ });
		await expect(links).toHaveCount(3);
		const marked = await followAndMark(page, links.nth(1));
		await expect(marked).toContainText('inner(n) + 1');
		await expect(links.nth(0)).toHaveAccessibleName(/^plugin\.ts:1:\d+$/);
		await expect(links.nth(2)).toHaveAccessibleName(/^plugin\.ts:3:\d+$/);
	});

	test('WAT: each frame goes to its function', async ({ page }) => {
		await writeFrom(page, /Minimal WAT/);
		await setSource(
			page,
			[
				'(module',
				'(memory (export "memory") 1)',
				'(func $divide (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))',
				'(func $middle (result i32) (call $divide (i32.const 0)))',
				'(func $count (export "count") (result i32) (call $middle)))'
			].join('\n')
		);
		await page.getByRole('button', { name: 'Build' }).click();
		await expect(await built(page, 0)).toHaveText(/^Built plugin\.wat/);
		const bt = await failedRun(page);
		const links = bt.getByRole('button', { name: /^plugin\.wat:\d+:\d+$/ });
		await expect(links).toHaveCount(3);
		await expect(links.nth(0)).toHaveAccessibleName(/^plugin\.wat:3:\d+$/);
		const marked = await followAndMark(page, links.nth(1));
		await expect(marked).toContainText('func $middle');
	});
});
