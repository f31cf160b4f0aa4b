import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
