import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const TESTING_ONLY = 'Test helpers are for tests: production code does not import testing/.';
const COMPONENTS_UP = 'The engine and the state do not import components: arrows point one way.';

export default defineConfig(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'static/examples/',
			'tests/fixtures/out/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			// A Vitest coverage run's scratch files (an interrupted run leaves them).
			'coverage/',
			// AssemblyScript-only syntax (decorated ambient imports) that no JS/TS parser accepts.
			'examples/lib/kernel.ts',
			'tests/fixtures/src/lib/harness.ts',
			'*.tmp.mjs'
		]
	},
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		// TypeScript reports undefined names itself, and knows ambient types that no-undef does not.
		files: ['**/*.ts', '**/*.svelte'],
		rules: { 'no-undef': 'off' }
	},
	{
		// Test helpers (engine/testing/, state/testing/) run the real worker in-process, read files
		// from disk and fake storage: production code never imports them.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['**/*.test.ts', '**/testing/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['**/testing/*', '$lib/**/testing/*'], message: TESTING_ONLY }] }
			]
		}
	},
	{
		// Arrows point one way: components render state, state calls the engine. The engine and the
		// state never import a component (this also keeps type-only imports in .svelte files, which
		// the dependency graph in `npm run lint:deps` cannot see, out of any cycle).
		files: ['src/lib/engine/**', 'src/lib/state/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['**/testing/*', '$lib/**/testing/*'], message: TESTING_ONLY },
						{ group: ['$lib/components/*', '**/components/*'], message: COMPONENTS_UP }
					]
				}
			]
		}
	},
	{
		// Tests and test helpers may use the helpers; the engine and the state still never import components.
		files: [
			'src/lib/engine/**/*.test.ts',
			'src/lib/engine/**/testing/**',
			'src/lib/state/**/*.test.ts',
			'src/lib/state/**/testing/**'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['$lib/components/*', '**/components/*'], message: COMPONENTS_UP }] }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				parser: ts.parser,
				extraFileExtensions: ['.svelte'],
				svelteConfig
			}
		}
	}
);
