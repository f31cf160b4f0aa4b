import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'examples/**/*.test.ts'],
		globalSetup: ['scripts/vitest-setup.mjs'],
		environment: 'node',
		// A hang guard, not a speed check: on a shared 2-core machine the heavy fuzz and robustness
		// tests take several times vitest's 5 s default. Speed is measured by `npm run bench`.
		testTimeout: 60_000
	}
});
