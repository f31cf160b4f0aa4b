// A build-time Vite plugin: marks the chunks that hold the playground's own code and Svelte's
// runtime with V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chromium 136+), so V8
// compiles their functions while the script streams in, off the page's thread. Otherwise each is
// compiled the first time it runs, and the first load and run of a plugin is when most of them run
// first: the bench's profile found 80–100 such lazy compiles (2.5–3.8 ms) on that path. Other
// engines read the line as a comment. Monaco and the compilers stay lazy: most of their code never
// runs in a visit, and compiling it all would cost memory and start-up for nothing.
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Our code, and the framework it runs on, both needed from the first click on. */
const OURS = [
	/\/src\/(lib|routes)\//,
	/\/node_modules\/svelte\//,
	/\/node_modules\/@sveltejs\/kit\//
];
/** Large code of which a visit runs little (the editor; the in-browser compilers). */
const LAZY = [/\/node_modules\/(monaco-editor|assemblyscript|binaryen|wabt)\//];

/** Whether a chunk made of these modules should be compiled eagerly. */
export function wantsCompileHint(moduleIds: readonly string[]): boolean {
	const ids = moduleIds.map((id) => id.replaceAll('\\', '/'));
	return (
		ids.some((id) => OURS.some((re) => re.test(id))) &&
		!ids.some((id) => LAZY.some((re) => re.test(id)))
	);
}

export function compileHints(): Plugin {
	return {
		name: 'compile-hints',
		apply: 'build',
		outputOptions(options) {
			// After minification, which would drop the comment.
			return {
				...options,
				postBanner: (chunk: { moduleIds: readonly string[] }) =>
					wantsCompileHint(chunk.moduleIds) ? COMPILE_HINT : ''
			};
		}
	};
}
