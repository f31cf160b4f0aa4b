import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'examples/**/*.test.ts'],
		globalSetup: ['scripts/vitest-setup.mjs'],
		environment: 'node'
	}
});
