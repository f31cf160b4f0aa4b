import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS as chromiumArgs } from './scripts/chromium-args.mjs';
import { ECHO_URL, ISOLATED_URL, SITE_URL, SUBPATH_URL } from './tests/support/urls';

// Debian's Chromium, not Playwright's download: the machines that run these tests have no
// internet. `scripts/ensure-chromium.mjs` finds or installs it.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const isCI = Boolean(process.env.CI);

/** Serves the already built site (`npm test` builds it first). */
function server(url: string, flags: string) {
	const { port, pathname } = new URL(url);
	return {
		command: `node scripts/serve.mjs --port ${port} --base ${pathname} ${flags}`.trim(),
		url,
		reuseExistingServer: !isCI,
		timeout: 15_000
	};
}

export default defineConfig({
	testDir: 'tests',
	forbidOnly: isCI,
	workers: 2,
	retries: 0,
	reporter: isCI ? 'line' : 'list',
	// A hang guard, not a speed check (speed is `npm run bench`): the longest scenarios take ~25 s
	// alone on this 2-core machine, and twice that with two workers under load.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: SITE_URL,
		headless: true,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				browserName: 'chromium',
				viewport: { width: 1280, height: 800 },
				launchOptions: { executablePath, args: chromiumArgs }
			}
		}
	],
	webServer: [
		server(SITE_URL, ''),
		server(SUBPATH_URL, ''),
		server(ISOLATED_URL, '--isolate'),
		// Where plugins send HTTP requests (with and without CORS) and load plugins by URL from.
		{
			command: `node tests/support/echo-server.mjs --port ${new URL(ECHO_URL).port}`,
			url: `${ECHO_URL}/echo/health`,
			reuseExistingServer: !isCI,
			timeout: 15_000
		}
	]
});
