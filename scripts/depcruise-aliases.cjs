// SvelteKit's `$lib` alias for dependency-cruiser, which does not apply the `paths` of
// .svelte-kit/tsconfig.json (they have no baseUrl).
module.exports = { resolve: { alias: { $lib: `${__dirname}/../src/lib` } } };
