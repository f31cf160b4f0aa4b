import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { binaryenWasm } from './scripts/binaryen-wasm';
import { compileHints } from './scripts/compile-hints';
import { workerEntryGuard } from './scripts/worker-entry-guard';

export default defineConfig({
	plugins: [sveltekit(), compileHints()],
	// The compiler is bundled into the build worker only; binaryenWasm() takes its wasm out of JS.
	// workerEntryGuard() fails a build whose lazy worker chunk imports its worker's entry back.
	worker: { format: 'es', plugins: () => [binaryenWasm(), workerEntryGuard()] },
	test: {
		include: ['src/**/*.test.ts', 'examples/**/*.test.ts', 'scripts/**/*.test.ts'],
		globalSetup: ['scripts/vitest-setup.mjs'],
		environment: 'node',
		// A hang guard, not a speed check: on a shared 2-core machine the heavy fuzz and robustness
		// tests take several times vitest's 5 s default. Speed is measured by `npm run bench`.
		testTimeout: 60_000,
		// Vitest's default on 2 cores is one worker; the slowest files (take-home's CLI build, the
		// author tests) wait on child processes and the compiler's start, so two overlap them.
		maxWorkers: 2,
		// `npm test` prints the summary (--coverage): the suite's coverage must not drop as tests move.
		coverage: {
			provider: 'v8',
			include: ['src/lib/**/*.ts'],
			reporter: ['text-summary']
		}
	}
});
