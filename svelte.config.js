import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: undefined }),
		// Fixture plugins written in AssemblyScript use its own types (i32, u64): not TypeScript.
		typescript: {
			config: (tsconfig) => {
				tsconfig.exclude.push('../tests/fixtures/src/**');
			}
		},
		// Relative asset paths keep the built site working under any sub-path.
		paths: { relative: true, base: process.env.BASE_PATH ?? '' },
		// Hashes for SvelteKit's own inline script; nothing else inline may run. Plugins are
		// compiled on the page ('wasm-unsafe-eval') and run in workers of ours ('self'). Plugin
		// URLs are fetched from the page (https:, and loopback http for local servers); plugin
		// HTTP happens inside the worker. Monaco sets inline styles, hence 'unsafe-inline' there.
		// blob: in connect-src: the page's own blob: URLs (an image output) may be read back, as
		// Playwright's trace recorder does with an <img> the browser could not decode; a blob:
		// URL holds only what this page made, so nothing from elsewhere becomes reachable.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self', 'blob:', 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				// Rendered output: a sandboxed frame (opaque origin, no scripts) of a data: document.
				'frame-src': ['data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
