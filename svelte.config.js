import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: undefined }),
		// Relative asset paths keep the built site working under any sub-path.
		paths: { relative: true, base: process.env.BASE_PATH ?? '' }
	}
};

export default config;
