// The `test` every browser test imports: it fails a test when the page throws an uncaught error,
// so a broken page cannot pass by accident while the assertions look elsewhere.
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export { expect };
export { SITE_URL, SUBPATH_URL, ISOLATED_URL, ECHO_URL } from './urls';
import { ECHO_URL } from './urls';

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

export const test = base.extend<Fixtures & Options>({
	allowedPageErrors: [[], { option: true }],
	failOnUncaughtErrors: [
		async ({ page, allowedPageErrors }, use) => {
			const errors: string[] = [];
			const record = (message: string) => {
				if (!allowedPageErrors.some((pattern) => pattern.test(message))) errors.push(message);
			};
			page.on('pageerror', (error) => record(`pageerror: ${error.stack ?? error.message}`));
			// Errors thrown inside workers reach the page only as console messages.
			page.on('console', (message) => {
				if (message.type() === 'error' && message.text().startsWith('Uncaught')) {
					record(`console.error: ${message.text()}`);
				}
			});
			await use();
			expect(errors, 'uncaught errors on the page').toEqual([]);
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
