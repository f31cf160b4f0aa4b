// "Download project": the plugin being written as a folder that builds with the CLI toolchain
// exactly as the page built it, and a README that runs it with the current setup. Loaded on first
// use; it imports nothing the page has, so it splits no shared chunk off the page's bundle.
import { version as ascVersion } from 'assemblyscript/package.json';
import { version as pdkVersion } from '@extism/as-pdk/package.json';
import { version as wabtVersion } from 'wabt/package.json';
import { strToU8, zipSync } from 'fflate';
import type { ProjectSpec } from './project-spec';

// The versions installed here (the lockfile's), read when the app is built, so the project
// compiles with the very compiler the page used.
export const TOOL_VERSIONS = {
	assemblyscript: ascVersion,
	'@extism/as-pdk': pdkVersion,
	wabt: wabtVersion
} as const;

function packageJson(spec: ProjectSpec): string {
	const tools: (keyof typeof TOOL_VERSIONS)[] =
		spec.language === 'wat' ? ['wabt'] : ['assemblyscript', '@extism/as-pdk'];
	const pkg = {
		name: spec.name,
		version: '0.1.0',
		private: true,
		description: spec.title,
		scripts: { build: spec.build },
		devDependencies: Object.fromEntries(tools.map((t) => [t, TOOL_VERSIONS[t]]))
	};
	return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** What the CLI cannot reproduce from the setup, said so nobody trusts a different result. */
function caveats(spec: ProjectSpec): string[] {
	const out: string[] = [];
	if (spec.stubs)
		out.push(
			'- The playground ran this with host-function stubs of its own; `extism call` cannot provide host functions, so calls that import them fail there.'
		);
	if (spec.linked.length)
		out.push(
			`- It was linked with ${spec.linked.map((l) => `\`${l}\``).join(', ')}: add \`--link name=path.wasm\` for each module.`
		);
	return out;
}

/**
 * A code fence longer than any run of backticks in `text` (a config value, input or function name
 * may hold one), so that the text cannot close the block early.
 */
function fenceFor(text: string): string {
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
	return '`'.repeat(Math.max(3, longest + 1));
}

function readme(spec: ProjectSpec): string {
	const lang = spec.language === 'wat' ? 'WebAssembly text' : 'AssemblyScript';
	const { provided } = spec;
	const notes = caveats(spec);
	return [
		`# ${spec.title}`,
		'',
		`An Extism plugin in ${lang}, written in the Extism Playground.`,
		'',
		'## Build',
		'',
		'```sh',
		'npm install && npm run build',
		'```',
		'',
		`This writes \`${spec.out}\` with \`${spec.build}\`, the same build the playground ran.`,
		...(provided.length
			? [
					'',
					`${provided.map((f) => `\`${f}\``).join(', ')}: provided by the playground, as in its own build, so the module imports nothing an Extism host lacks (AssemblyScript alone would import \`env.abort\`).`
				]
			: []),
		'',
		'## Run',
		'',
		'With the [Extism CLI](https://extism.org/docs/install):',
		'',
		`${fenceFor(spec.call)}sh`,
		spec.call,
		fenceFor(spec.call),
		...(notes.length ? ['', ...notes] : []),
		''
	].join('\n');
}

/** The project's files by path, relative to its folder. */
export function projectFiles(spec: ProjectSpec): Record<string, string> {
	return Object.fromEntries([
		['package.json', packageJson(spec)],
		['README.md', readme(spec)],
		['.gitignore', `node_modules/\n${spec.out}\n`],
		...spec.sources
	]);
}

/** The project as a zip holding one folder, `spec.name/`. */
export function zipProject(spec: ProjectSpec): Uint8Array {
	const files = projectFiles(spec);
	return zipSync(
		Object.fromEntries(
			Object.entries(files).map(([path, text]) => [`${spec.name}/${path}`, strToU8(text)])
		)
	);
}
