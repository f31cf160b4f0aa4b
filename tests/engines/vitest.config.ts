// The Firefox and WebKit smoke suites (Chromium has the Playwright tests): `npm test` runs them after
// the Playwright tests, against the built site. Debian's browsers, driven over standard protocols.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('../..', import.meta.url)),
		include: ['tests/engines/*.e2e.ts'],
		globalSetup: ['tests/engines/servers.mjs'],
		// One browser per file; steps in a file build on each other, so they run in order.
		testTimeout: 120_000,
		hookTimeout: 60_000,
		maxWorkers: 2,
		environment: 'node'
	}
});
