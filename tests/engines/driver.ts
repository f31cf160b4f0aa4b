// One small interface over the two protocols that drive Debian's browsers here: puppeteer-core
// (CDP for Chromium, WebDriver BiDi for Firefox) and webdriverio (classic WebDriver for
// WebKitGTK). The smoke steps are written once against it.
import type { Browser as PuppeteerBrowser, ElementHandle, Page } from 'puppeteer-core';
import { findByRole, type Role } from './find';

export interface Driver {
	goto(url: string): Promise<void>;
	/** Runs `fn` in the page; arguments and result must be JSON. */
	evaluate<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
	click(role: Role, name: string, exact?: boolean): Promise<void>;
	/** Types into the focused element, one character at a time (see each driver for why). */
	type(text: string): Promise<void>;
	/** Select all and delete in the focused element. */
	clearFocused(): Promise<void>;
	/** Clicks the first element matching a CSS selector (for Monaco, which has no named target). */
	clickSelector(css: string): Promise<void>;
	/** A second window with a profile of its own (no storage shared with this one). */
	fresh(): Promise<Driver>;
	/** Uncaught page errors seen so far (where the protocol reports them). */
	pageErrors(): string[];
	close(): Promise<void>;
}

// Both protocols send a function's source text to the page (never through the page's eval,
// which the site's CSP forbids), so page-side functions must be self-contained.

export async function puppeteerDriver(
	browser: PuppeteerBrowser,
	page: Page,
	closeAll: () => Promise<void>
): Promise<Driver> {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String((e as Error)?.message ?? e)));
	async function find(role: Role, name: string, exact: boolean): Promise<ElementHandle<Element>> {
		const handle = await page.waitForFunction(
			findByRole,
			{ timeout: 45_000, polling: 100 },
			role,
			name,
			exact
		);
		return handle as unknown as ElementHandle<Element>;
	}
	return {
		async goto(url) {
			await page.goto(url);
		},
		async evaluate(fn, ...args) {
			return page.evaluate(fn as never, ...(args as unknown as never[])) as never;
		},
		async click(role, name, exact = true) {
			const el = await find(role, name, exact);
			await el.click();
			await el.dispose();
		},
		async type(text) {
			// Firefox over BiDi: sendCharacter takes one character at a time.
			for (const ch of text) await page.keyboard.sendCharacter(ch);
		},
		async clearFocused() {
			await page.keyboard.down('Control');
			await page.keyboard.press('a');
			await page.keyboard.up('Control');
			await page.keyboard.press('Delete');
		},
		async clickSelector(css) {
			await page.waitForSelector(css, { visible: true, timeout: 45_000 });
			await page.click(css);
		},
		async fresh() {
			const context = await browser.createBrowserContext();
			const other = await context.newPage();
			return puppeteerDriver(browser, other, () => context.close());
		},
		pageErrors: () => errors,
		close: closeAll
	};
}

/** Page side: whether `el` is at the same place and size two animation frames later. */
function stayedPut(el: Element): Promise<boolean> {
	const at = () => JSON.stringify(el.getBoundingClientRect());
	const before = at();
	return new Promise((resolve) =>
		requestAnimationFrame(() => requestAnimationFrame(() => resolve(at() === before)))
	);
}

export function webdriverDriver(
	browser: WebdriverIO.Browser,
	closeAll: () => Promise<void>,
	fresh: () => Promise<Driver>
): Driver {
	async function find(role: Role, name: string, exact: boolean) {
		let found: unknown = null;
		await browser.waitUntil(
			async () => {
				found = await browser.execute(findByRole, role, name, exact);
				return found !== null;
			},
			{ timeout: 45_000, interval: 100, timeoutMsg: `no ${role} named "${name}"` }
		);
		return found as unknown as WebdriverIO.Element;
	}
	/** Waits until `target` has stayed put over two frames (see click for why). */
	function untilStill(target: unknown, what: string) {
		return browser.waitUntil(() => browser.execute(stayedPut, target as never), {
			timeout: 45_000,
			interval: 50,
			timeoutMsg: `${what} kept moving`
		});
	}
	return {
		async goto(url) {
			await browser.url(url);
		},
		async evaluate(fn, ...args) {
			return browser.execute(fn as never, ...(args as unknown as never[])) as never;
		},
		async click(role, name, exact = true) {
			const ref = await find(role, name, exact);
			// WebKitWebDriver clicks where the element was at its last rendering, which lags behind
			// layout on a loaded machine: a button that just moved gets a click meant for its
			// neighbour. Wait until it has stayed put over two frames (Playwright does the same).
			await untilStill(ref, `the ${role} "${name}"`);
			await (await browser.$(ref as never)).click();
		},
		async type(text) {
			// keys() with a whole string drops repeated characters in WebKitWebDriver; sending the
			// text to the focused element does not, and takes one round trip.
			const active = await browser.getActiveElement();
			await browser.elementSendKeys(
				(active as unknown as Record<string, string>)['element-6066-11e4-a52e-4f735466cecf'],
				text
			);
		},
		async clearFocused() {
			await browser.keys(['Control', 'a']);
			await browser.keys('Delete');
		},
		async clickSelector(css) {
			const el = await browser.$(css);
			await el.waitForDisplayed({ timeout: 45_000 });
			await untilStill(el, css);
			await el.click();
		},
		fresh,
		// Classic WebDriver has no page-error events.
		pageErrors: () => [],
		close: closeAll
	};
}
