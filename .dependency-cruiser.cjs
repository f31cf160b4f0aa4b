// The dependency graph of src/lib, checked by `npm run lint`: no import cycles, type-only imports
// counted (tsPreCompilationDeps), .svelte.ts files and $lib imports included. In .svelte files
// dependency-cruiser reads the compiled component, which has lost its type-only imports; those
// cannot close a cycle because ESLint (eslint.config.js) keeps engine/ and state/ from importing
// components. Cycles listed in .dependency-cruiser-known-violations.json are known and still to
// be broken (regenerate it with `npx depcruise-baseline src/lib src/routes --config
// .dependency-cruiser.cjs -f .dependency-cruiser-known-violations.json`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment:
				'Arrows point one way: a cycle means two files are one idea, or a type lives in the wrong place.',
			from: { path: '^src/lib/' },
			to: { circular: true }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: ['^node_modules', '^\\.svelte-kit'] },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		webpackConfig: { fileName: 'scripts/depcruise-aliases.cjs' },
		enhancedResolveOptions: {
			extensions: ['.ts', '.js', '.svelte', '.svelte.ts', '.json']
		}
	}
};
