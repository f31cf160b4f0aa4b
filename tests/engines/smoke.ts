// The smoke suite every engine runs, on the header-less and the isolated server: what a person
// does first, with the same accessible names as the Playwright tests.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debugFixturePath } from '../../src/lib/engine/testing/debug-fixtures';
import { NO_OFFSETS_NOTE } from '../../src/lib/engine/debug/backtrace';
import { ECHO_URL, ISOLATED_URL, SITE_URL } from '../support/urls';
import type { Driver } from './driver';
import type { Role } from './find';

export interface Engine {
	name: string;
	/** The HTTP path this engine should take, and so what the Allowed hosts panel must claim. */
	claim: string;
	launch(): Promise<Driver>;
}

export const CLAIMS = {
	jspi: 'HTTP runs in the plugin worker (this browser has JSPI).',
	syncXhr:
		'HTTP runs in the plugin worker through synchronous XMLHttpRequest (this browser has no JSPI).'
};

/** Polls a page-side function until `pred` (run here) accepts its result; fails with `what`. */
async function untilValue<A extends unknown[], R>(
	d: Driver,
	what: string,
	pred: (r: Awaited<R>) => boolean,
	fn: (...args: A) => R,
	...args: A
): Promise<Awaited<R>> {
	// Generous: two cores shared by several test runs make a cold WebKit page load take 20 s+.
	const deadline = Date.now() + 45_000;
	for (;;) {
		const r = await d.evaluate(fn, ...args);
		if (pred(r)) return r;
		if (Date.now() > deadline) {
			const page = await d.evaluate(pageState).catch((e) => String(e));
			throw new Error(
				`timed out waiting for: ${what} (last: ${JSON.stringify(r)}; page: ${JSON.stringify(page)})`
			);
		}
		await new Promise((res) => setTimeout(res, 100));
	}
}

/** What a timeout message tells about the page, so a failure in CI can be read without a rerun. */
const pageState = () => ({
	url: location.href,
	ready: document.readyState,
	focused: document.activeElement?.tagName ?? null,
	text: (document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 400),
	scroll: [
		window.scrollY,
		...Array.from(document.querySelectorAll('main, aside'), (e) => e.scrollTop)
	],
	// What a click at the Run button's centre lands on: it should be the button.
	runHit: (() => {
		const b = Array.from(document.querySelectorAll('button')).find(
			(x) => x.textContent?.trim() === 'Run'
		);
		const r = b?.getBoundingClientRect();
		const hit = r && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return r
			? { rect: [r.x, r.y, r.width, r.height], hit: hit ? hit.outerHTML.slice(0, 120) : null }
			: null;
	})()
});

/** Polls a page-side function until it returns something truthy. */
function until<A extends unknown[], R>(d: Driver, what: string, fn: (...args: A) => R, ...args: A) {
	return untilValue(d, what, (r) => !!r, fn, ...args);
}

// Page-side helpers: self-contained functions (they are sent to the page as source).
const count = (needle: string) => {
	const text = document.querySelector('section[aria-label="Output"]')?.textContent ?? '';
	return text.split(needle).length - 1;
};
const runCount = () => document.querySelectorAll('section[aria-label="Output"] article').length;
const runAt = (i: number) => {
	const a = document.querySelectorAll('section[aria-label="Output"] article')[i];
	if (!a || a.textContent?.includes('running…')) return null;
	return {
		text: a.textContent?.replace(/\s+/g, ' ') ?? '',
		body: a.querySelector('[data-testid="output-body"]')?.textContent ?? '',
		alert: a.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ') ?? ''
	};
};
/** Whether a button named `name` is enabled; its name leaves out what is aria-hidden (Run's shortcut). */
const buttonEnabled = (name: string) =>
	Array.from(document.querySelectorAll('button')).some((b) => {
		const shown = b.cloneNode(true) as HTMLElement;
		shown.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
		return shown.textContent?.trim() === name && !b.disabled;
	});
const selectOption = (label: string, option: string) => {
	const select = document.querySelector(`select[aria-label="${label}"]`) as HTMLSelectElement;
	const opt = Array.from(select.options).find((o) => o.textContent?.trim() === option);
	if (!opt) return false;
	select.value = opt.value;
	select.dispatchEvent(new Event('input', { bubbles: true }));
	select.dispatchEvent(new Event('change', { bubbles: true }));
	return true;
};
const inputBytes = () =>
	document.querySelector('section[aria-label="Input"] .status')?.textContent?.trim() ?? '';
const fieldValue = (selector: string) =>
	(document.querySelector(selector) as HTMLInputElement | HTMLSelectElement | null)?.value ?? null;
/** The value of the field inside the <label> whose text includes `label`. */
const labelled = (label: string) =>
	Array.from(document.querySelectorAll('label'))
		.find((l) => l.textContent?.includes(label))
		?.querySelector('input')?.value ?? null;
const text = (selector: string) =>
	document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const networkRow = (needle: string) =>
	Array.from(document.querySelectorAll('section[aria-label="Network"] tbody tr'))
		.map((r) => r.textContent?.replace(/\s+/g, ' ') ?? '')
		.filter((t) => t.includes(needle))
		.pop() ?? '';

/**
 * Puts a plugin from the echo server into the file input labelled `label` ("Plugin file" by its
 * aria-label, "Test plugin file" by its <label>), as choosing a file would (the drivers have no
 * upload of their own). Not awaited: the caller polls for the outcome. Self-contained: the
 * drivers send its source to the page.
 */
const chooseFile = (label: string, url: string, name: string) => {
	const input =
		document.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`) ??
		Array.from(document.querySelectorAll('label'))
			.find((l) => l.textContent?.includes(label))
			?.querySelector('input');
	if (!input) return false;
	void fetch(url)
		.then((r) => r.arrayBuffer())
		.then((bytes) => {
			const dt = new DataTransfer();
			dt.items.add(new File([bytes], name));
			input.files = dt.files;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		});
	return true;
};
/** 1-based line of the first line of a fixture source holding `needle` (the oracle). */
const lineOf = (file: string, needle: string) =>
	readFileSync(file, 'utf8')
		.split('\n')
		.findIndex((l) => l.includes(needle)) + 1;
const xtpPanel = () =>
	document
		.querySelector('section[aria-label="XTP tests"]')
		?.textContent?.replace(/\s+/g, ' ')
		.trim() ?? '';

type Run = { text: string; body: string; alert: string };

async function open(d: Driver, url: string) {
	await d.goto(url);
	// The tab keeps what an earlier test left saved (a reload must lose nothing), so each test
	// starts over with New once whatever was restored has loaded.
	await until(d, 'the saved or first plugin to load', count, 'Loaded ');
	await until(d, 'Run to be enabled', buttonEnabled, 'Run');
	const before = await d.evaluate(count, 'Loaded Count vowels (');
	await chooseMenuItem(d, 'More', 'New');
	await untilValue(d, 'the defaults', (n) => n > before, count, 'Loaded Count vowels (');
	await until(d, 'Run to be enabled', buttonEnabled, 'Run');
	await until(
		d,
		'Monaco',
		(s: string) => !!document.querySelector(s),
		'section[aria-label="Input"] .monaco-editor'
	);
}

/** Opens the top bar's `menu` and chooses `item`, as a person does. */
async function chooseMenuItem(d: Driver, menu: string, item: string) {
	await d.click('button', menu);
	await d.click('menuitem', item);
}

/** Page side: whether the selected panel has its content (panels' code is fetched when first shown). */
const panelReady = () => {
	const shown = [...document.querySelectorAll('[role="tabpanel"]')].filter(
		(p) => !(p as HTMLElement).hidden
	);
	return (
		shown.length > 0 &&
		shown.every((p) => !/^Loading .*…$/.test(p.querySelector('[role="status"]')?.textContent ?? ''))
	);
};

/** Shows a secondary panel by its tab (whose name may carry a count, "Allowed hosts (1)"). */
async function showTab(d: Driver, name: string) {
	await d.click('tab', name, false);
	await until(d, `the ${name} panel`, panelReady);
}

async function run(d: Driver): Promise<Run> {
	const before = await d.evaluate(runCount);
	await d.click('button', 'Run');
	await until(d, 'the run to finish', runAt, before);
	return (await d.evaluate(runAt, before))!;
}

async function chooseExample(d: Driver, title: string) {
	const before = await d.evaluate(count, `Loaded ${title} (`);
	expect(await d.evaluate(selectOption, 'Examples', title)).toBe(true);
	await untilValue(d, `${title} to load`, (n) => n > before, count, `Loaded ${title} (`);
}

async function setInput(d: Driver, value: string) {
	await d.clickSelector('section[aria-label="Input"] .view-lines');
	await d.clearFocused();
	await d.type(value);
	const bytes = new TextEncoder().encode(value).length;
	await untilValue(d, 'the input', (t) => t === `${bytes} bytes (UTF-8)`, inputBytes);
}

async function fill(d: Driver, role: Role, name: string, value: string) {
	await d.click(role, name);
	await d.clearFocused();
	await d.type(value);
}

/** "call 0.050 ms" and "round trip 1.2 ms" from a run's heading. */
function timings(r: Run): { call: number; roundTrip: number } {
	const call = Number(/call ([\d.]+) ms/.exec(r.text)?.[1]);
	const roundTrip = Number(/round trip ([\d.]+) ms/.exec(r.text)?.[1]);
	return { call, roundTrip };
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

export function smokeSuite(engine: Engine) {
	describe(`${engine.name} smoke`, () => {
		let d: Driver;
		let launchMs = 0;
		const started = Date.now();
		const calls: number[] = [];
		const trips: number[] = [];
		const counted = (r: Run) => {
			const t = timings(r);
			calls.push(t.call);
			trips.push(t.roundTrip);
			return JSON.parse(r.body) as { count: number; total: number };
		};

		beforeAll(async () => {
			const t = Date.now();
			d = await engine.launch();
			launchMs = Date.now() - t;
		});
		afterAll(async () => {
			await d?.close();
			console.log(
				`${engine.name}: launch ${launchMs} ms, suite ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
					`Count vowels call median ${median(calls)} ms, round trip median ${median(trips)} ms (n=${calls.length})`
			);
		});

		for (const [where, site] of [
			['header-less server', SITE_URL],
			['isolated server', ISOLATED_URL]
		]) {
			describe(where, () => {
				it('opens, says how HTTP works here, and Count vowels keeps its total across runs', async () => {
					await open(d, site);
					await showTab(d, 'Allowed hosts');
					expect(await d.evaluate(text, '[data-testid="http-path"]')).toContain(engine.claim);
					const r = await run(d);
					// The export's i32, which the SDK drops: read through our trampoline in every engine.
					expect(r.text).toContain('returned 0');
					expect(r.text).toMatch(/memory \d+ pages? \(/);
					const first = counted(r);
					expect(first.count).toBeGreaterThan(0);
					const second = counted(await run(d));
					expect(second.total).toBe(first.total * 2);
				});

				it('shows WASI stdout', async () => {
					await chooseExample(d, 'Hello WASI');
					const r = await run(d);
					expect(r.text).toContain('hello from stdout');
					expect(r.body).toContain('Hello, world!');
				});

				it('stops an infinite loop, and runs again afterwards', async () => {
					await chooseExample(d, 'Infinite loop');
					const before = await d.evaluate(runCount);
					await d.click('button', 'Run');
					await until(d, 'Stop to be enabled', buttonEnabled, 'Stop');
					await d.click('button', 'Stop');
					await until(d, 'the stop', runAt, before);
					expect((await d.evaluate(runAt, before))!.text).toContain('Stopped.');
					await chooseExample(d, 'Count vowels');
					const again = counted(await run(d));
					expect(again.total).toBe(again.count);
				});

				it('POSTs with the webhook to an allowed host, and refuses one that is not', async () => {
					await chooseExample(d, 'Webhook (HTTP POST)');
					await showTab(d, 'Allowed hosts');
					await d.click('button', 'Remove host httpbin.org');
					await fill(d, 'textbox', 'Allowed host', '127.0.0.1');
					await d.click('button', 'Add host');
					await until(d, 'the host to be added', buttonEnabled, '✕');
					const path = `/echo/${engine.name.toLowerCase()}`;
					await setInput(d, JSON.stringify({ url: `${ECHO_URL}${path}`, payload: { n: 1 } }));
					const ok = await run(d);
					expect(ok.alert).toBe('');
					// Through JSPI where it exists: the trampoline is a wasm export, so promising takes it.
					expect(ok.text).toContain('returned 0');
					const out = JSON.parse(ok.body) as { status: number; body: string };
					expect(out.status).toBe(200);
					// What the echo server received, as it tells it.
					const echoed = JSON.parse(out.body);
					expect(echoed).toMatchObject({ method: 'POST', path });
					expect(JSON.parse(echoed.body)).toEqual({ n: 1 });
					await showTab(d, 'Network');
					expect(await d.evaluate(networkRow, path)).toMatch(/POST.*200/);

					await d.click('button', 'Remove host 127.0.0.1');
					const refused = await run(d);
					expect(refused.alert).toContain('Refused: "127.0.0.1" is not in the allowed hosts.');
					// The method too, though with JSPI the SDK's refusal does not name it.
					await showTab(d, 'Network');
					expect(await d.evaluate(networkRow, path)).toMatch(/POST.*refused/);
				});

				it('runs an XTP test plugin where JSPI exists, and says why not where it does not', async () => {
					await open(d, site);
					const name = 'xtp_count_vowels.wasm';
					const url = `${ECHO_URL}/plugin/${name}`;
					await showTab(d, 'XTP tests');
					expect(await d.evaluate(chooseFile, 'Test plugin file', url, name)).toBe(true);
					await untilValue(d, 'the test plugin', (t) => t.includes(`${name}: uses`), xtpPanel);
					if (engine.claim === CLAIMS.jspi) {
						await d.click('button', 'Run test plugin');
						const panel = await untilValue(
							d,
							'the results',
							(t) => t.includes('passed,') && !t.includes('Testing…'),
							xtpPanel
						);
						expect(panel).toContain('5 passed, 1 failed');
						expect(panel).toContain('FAIL this one fails on purpose');
					} else {
						expect(await d.evaluate(xtpPanel)).toContain('Test plugins need JSPI');
						expect(await d.evaluate(buttonEnabled, 'Run test plugin')).toBe(false);
					}
				});

				it('reopens a share link in a fresh profile, running nothing', async () => {
					await open(d, site);
					await chooseExample(d, 'Webhook (HTTP POST)');
					await d.click('button', 'Share');
					const link = (await untilValue(
						d,
						'the share link',
						(v) => /#s=1\./.test(v ?? ''),
						labelled,
						'Share link'
					))!;
					const other = await d.fresh();
					try {
						await other.goto(link);
						await untilValue(
							other,
							'the banner',
							(t) => t.includes('Opened from a shared link. Nothing has run.'),
							text,
							'[aria-label="Shared link"]'
						);
						expect(await other.evaluate(text, '[aria-label="Shared link"]')).toContain(
							'Allowed hosts: httpbin.org'
						);
						expect(await other.evaluate(fieldValue, 'select[aria-label="Function"]')).toBe(
							'post_json'
						);
						expect(await other.evaluate(runCount)).toBe(0);
					} finally {
						await other.close();
					}
					expect(d.pageErrors()).toEqual([]);
				});
			});
		}

		// Once per engine: a C trap with DWARF (built from source by the test setup). Firefox gives
		// offsets, so lines; WebKit gives none, so names, each function's first line, and a note.
		it('shows a trap’s wasm backtrace', async () => {
			debugFixturePath('c-dwarf4');
			await open(d, SITE_URL);
			const name = 'c-dwarf4.wasm';
			expect(await d.evaluate(chooseFile, 'Plugin file', `${ECHO_URL}/plugin/${name}`, name)).toBe(
				true
			);
			await until(d, 'the plugin to load', count, `Loaded ${name} (`);
			expect(await d.evaluate(selectOption, 'Function', 'count')).toBe(true);
			const r = await run(d);
			expect(r.alert).toContain('The plugin trapped');
			// The backtrace's view is fetched with the first failure that has one.
			const bt = await untilValue(
				d,
				'the backtrace',
				(t) => t.length > 0,
				text,
				'section[aria-label="Backtrace"]'
			);
			expect(bt).toMatch(/check_positive.*scale.*count/);
			const header = 'tests/fixtures/src/debug/c/lib/checks.h';
			if (engine.name === 'WebKit') {
				expect(bt).toContain(NO_OFFSETS_NOTE);
				const start = lineOf(header, 'static inline int check_positive');
				expect(bt).toContain(`lib/checks.h:${start} (function start)`);
			} else {
				expect(bt).not.toContain(NO_OFFSETS_NOTE);
				expect(bt).toMatch(new RegExp(`lib/checks\\.h:${lineOf(header, 'abort();')}:\\d+`));
			}
			expect(d.pageErrors()).toEqual([]);
		});

		// Once per engine: a mock answers a GET to a host nobody can reach, on this engine's own HTTP
		// path (WebKit: synchronous XHR), after the allowed hosts let it through.
		it('answers a GET to a made-up host from a mock, with the grant still needed', async () => {
			await open(d, SITE_URL);
			const name = 'http_get.wasm';
			expect(await d.evaluate(chooseFile, 'Plugin file', `${ECHO_URL}/plugin/${name}`, name)).toBe(
				true
			);
			await until(d, 'the plugin to load', count, `Loaded ${name}`);
			await showTab(d, 'Mock responses');
			await fill(d, 'textbox', 'Mock URL', 'https://api.mock-only.test/todos/*');
			await fill(d, 'textbox', 'Mock method', 'GET');
			await fill(d, 'textbox', 'Mock status', '404');
			await fill(d, 'textbox', 'Mock body', '{"error":"missing"}');
			await d.click('button', 'Add mock');
			await until(d, 'the mock', buttonEnabled, 'Edit');
			await setInput(d, JSON.stringify({ url: 'https://api.mock-only.test/todos/1' }));
			const refused = await run(d);
			expect(refused.alert).toContain('Refused: "api.mock-only.test" is not in the allowed hosts.');

			await showTab(d, 'Allowed hosts');
			await fill(d, 'textbox', 'Allowed host', 'api.mock-only.test');
			await d.click('button', 'Add host');
			await until(
				d,
				'the host to be added',
				(css: string) => !!document.querySelector(css),
				'button[aria-label="Remove host api.mock-only.test"]'
			);
			const r = await run(d);
			expect(r.alert).toBe('');
			expect(r.body).toBe('404 {"error":"missing"}');
			await showTab(d, 'Network');
			expect(await d.evaluate(networkRow, 'todos/1')).toContain(
				'404 · mocked (https://api.mock-only.test/todos/*)'
			);
			expect(d.pageErrors()).toEqual([]);
		});

		// Once per engine: the compiler (asc, with binaryen's wasm fetched beside it) must load and
		// build in every engine, not only in Chromium where the Playwright tests write plugins.
		it('writes Hello world, builds it here and runs it', async () => {
			await open(d, SITE_URL);
			await d.click('button', 'Write plugin');
			await until(
				d,
				'the Template select',
				(l: string) => !!document.querySelector(l),
				'select[aria-label="Template"]'
			);
			expect(await d.evaluate(selectOption, 'Template', 'Hello world (AssemblyScript)')).toBe(true);
			await untilValue(
				d,
				'the function',
				(v) => v === 'greet',
				fieldValue,
				'select[aria-label="Function"]'
			);
			await setInput(d, 'Smoke');
			const r = await run(d);
			expect(r.alert).toBe('');
			expect(r.body).toBe('Hello, Smoke!');
			expect(await d.evaluate(count, 'Built plugin.ts in ')).toBe(1);
			expect(d.pageErrors()).toEqual([]);
		});
	});
}
