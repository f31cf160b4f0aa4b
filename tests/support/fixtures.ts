// The `test` every browser test imports: it fails a test when the page throws an uncaught error,
// when the site answers one of its own requests with an error status, or when the page breaks its
// own Content-Security-Policy, so a broken page cannot pass by accident while the assertions look
// elsewhere.
import { fileURLToPath } from 'node:url';
import {
	test as base,
	expect,
	type BrowserContext,
	type ConsoleMessage,
	type Response
} from '@playwright/test';

export { expect };
export { SITE_URL, SUBPATH_URL, ISOLATED_URL, ECHO_URL } from './urls';
import { ECHO_URL, ISOLATED_URL, SITE_URL, SUBPATH_URL } from './urls';

/** Our own servers of the built site: any error status from them is a broken page. */
const SITE_ORIGINS = [SITE_URL, SUBPATH_URL, ISOLATED_URL].map((u) => new URL(u).origin);

const CSP_MARK = 'CSP violation (test fixture):';

/**
 * Says each violation of the page's own Content-Security-Policy on the console, where the fixture
 * hears it. Only the top document's: a rendered output's sandboxed frame carries
 * `default-src 'none'` so that what it refuses stays refused (output-views.spec.ts).
 */
function reportCspViolations(mark: string) {
	if (window.top !== window) return;
	document.addEventListener('securitypolicyviolation', (e) => {
		const where = e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : '';
		console.error(`${mark} ${e.effectiveDirective} refused ${e.blockedURI || 'inline'}${where}`);
	});
}

/** What the echo server received for `path`: proof that a request did or did not arrive. */
export async function seen(path: string): Promise<{ method: string; host: string }[]> {
	const res = await fetch(`${ECHO_URL}/seen?path=${encodeURIComponent(path)}`);
	return (await res.json()).requests;
}

interface Options {
	/** Uncaught errors a test provokes on purpose; any other one fails the test. */
	allowedPageErrors: RegExp[];
}

interface Fixtures {
	failOnUncaughtErrors: void;
}

interface WorkerFixtures {
	warmContext: BrowserContext;
}

/** The viewport every test's page has (playwright.config.ts's project gives the same). */
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Storage the site's origins (and the echo server's) may hold, cleared between the tests that
 * share a context. The HTTP cache is not among them: keeping it is the point of sharing.
 */
const STORAGE_TYPES = 'cookies,local_storage,indexeddb,service_workers,cache_storage,file_systems';

/** Makes a shared context as a fresh one is: no pages, storage, routes or permissions left. */
async function startOver(context: BrowserContext) {
	// Pages first: a page saves its setup as it closes, which must not outlive the test.
	for (const p of context.pages()) await p.close();
	await context.unrouteAll({ behavior: 'ignoreErrors' });
	await context.clearPermissions();
	await context.clearCookies();
	const blank = await context.newPage();
	const cdp = await context.newCDPSession(blank);
	for (const origin of [...SITE_ORIGINS, new URL(ECHO_URL).origin])
		await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: STORAGE_TYPES });
	await cdp.detach();
	await blank.close();
}

const reporting = new WeakSet<BrowserContext>();

export const test = base.extend<Fixtures & Options, WorkerFixtures>({
	allowedPageErrors: [[], { option: true }],
	// One context per worker, wiped between tests (startOver) but with its HTTP cache kept, so a
	// test's page loads the site, Monaco and the compiler from memory instead of over loopback
	// and cold: about a third of a page's opening time. Each test still gets new pages.
	warmContext: [
		async ({ browser }, use) => {
			const context = await browser.newContext({ baseURL: SITE_URL, viewport: VIEWPORT });
			await use(context);
			await context.close();
		},
		{ scope: 'worker' }
	],
	context: async ({ warmContext }, use) => {
		await use(warmContext);
		await startOver(warmContext);
	},
	failOnUncaughtErrors: [
		async ({ page, allowedPageErrors }, use) => {
			const errors: string[] = [];
			const record = (message: string) => {
				if (!allowedPageErrors.some((pattern) => pattern.test(message))) errors.push(message);
			};
			const context = page.context();
			if (!reporting.has(context)) {
				reporting.add(context);
				await context.addInitScript(reportCspViolations, CSP_MARK);
			}
			page.on('pageerror', (error) => record(`pageerror: ${error.stack ?? error.message}`));
			page.on('console', (message) => {
				const text = message.text();
				// Errors thrown inside workers reach the page only as console messages.
				if (message.type() === 'error' && text.startsWith('Uncaught')) {
					record(`console.error: ${text}`);
				}
			});
			// Every page of the test, new tabs included.
			const onConsole = (message: ConsoleMessage) => {
				if (message.text().startsWith(CSP_MARK)) record(message.text());
			};
			// The site never answers its own requests with an error.
			const onResponse = (response: Response) => {
				const url = response.url();
				if (response.status() >= 400 && SITE_ORIGINS.some((o) => url.startsWith(`${o}/`))) {
					record(`error response: ${response.status()} ${url}`);
				}
			};
			context.on('console', onConsole);
			context.on('response', onResponse);
			await use();
			context.off('console', onConsole);
			context.off('response', onResponse);
			expect(errors, 'uncaught errors, error responses or CSP violations').toEqual([]);
		},
		{ auto: true }
	]
});

function repoPath(relative: string): string {
	return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** `tests/fixtures/out/<name>.wasm`, a compiled test plugin (built by `npm run examples`). */
export function fixturePath(name: string): string {
	return repoPath(`tests/fixtures/out/${name}.wasm`);
}

/** `static/examples/<name>.wasm`, a compiled example plugin (built by `npm run examples`). */
export function examplePath(name: string): string {
	return repoPath(`static/examples/${name}.wasm`);
}
