import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints, wantsCompileHint } from './compile-hints';

describe('wantsCompileHint', () => {
	it('marks a chunk of our own code and Svelte’s runtime', () => {
		expect(wantsCompileHint(['/repo/src/lib/state/run-controller.svelte.ts'])).toBe(true);
		expect(wantsCompileHint(['/repo/src/routes/+page.svelte'])).toBe(true);
		expect(wantsCompileHint(['/repo/node_modules/svelte/src/internal/client/runtime.js'])).toBe(
			true
		);
		expect(wantsCompileHint(['C:\\repo\\src\\lib\\engine\\wasm\\module.ts'])).toBe(true);
	});

	it('leaves the editor and the compilers lazy, even beside our code', () => {
		expect(wantsCompileHint(['/repo/node_modules/monaco-editor/esm/vs/editor/editor.api.js'])).toBe(
			false
		);
		expect(
			wantsCompileHint([
				'/repo/src/lib/components/InputEditor.svelte',
				'/repo/node_modules/monaco-editor/esm/vs/editor/editor.api.js'
			])
		).toBe(false);
		expect(wantsCompileHint(['/repo/node_modules/assemblyscript/dist/asc.js'])).toBe(false);
	});

	it('leaves other libraries lazy', () => {
		expect(wantsCompileHint(['/repo/node_modules/marked/lib/marked.esm.js'])).toBe(false);
		expect(wantsCompileHint([])).toBe(false);
	});
});

describe('compileHints', () => {
	type Hook = (o: Record<string, unknown>) => {
		postBanner: (c: { moduleIds: string[] }) => string;
	};
	const banner = (compileHints().outputOptions as unknown as Hook)({ format: 'es' }).postBanner;

	it('puts the hint first in a chunk of ours, after minification, and nothing in others', () => {
		expect(banner({ moduleIds: ['/r/src/lib/state/playground.svelte.ts'] })).toBe(COMPILE_HINT);
		expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
		expect(banner({ moduleIds: ['/r/node_modules/marked/lib/marked.esm.js'] })).toBe('');
	});

	it('keeps the other output options', () => {
		const out = (compileHints().outputOptions as unknown as Hook)({ format: 'es' });
		expect(out).toMatchObject({ format: 'es' });
	});
});
