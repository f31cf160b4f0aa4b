// "Download project": the plugin being written as a folder that builds with the CLI toolchain
// exactly as the page built it, and a README that runs it with the current setup.
import { version as ascVersion } from 'assemblyscript/package.json';
import { version as pdkVersion } from '@extism/as-pdk/package.json';
import { version as wabtVersion } from 'wabt/package.json';
import { shellWord, toCli } from '../codegen';
import type { Setup } from '../share/setup';
import { AS_FILE, OUT_FILE, WAT_FILE, ascArgs, providedFiles } from './files';
import type { Language } from './protocol';

export interface ProjectSpec {
	/** Folder and package name: lower case, digits and dashes. */
	name: string;
	title: string;
	language: Language;
	text: string;
	/** The run the README's `extism call` line repeats. */
	setup: Setup;
}

// The versions installed here (the lockfile's), read when the app is built, so the project
// compiles with the very compiler the page used.
export const TOOL_VERSIONS = {
	assemblyscript: ascVersion,
	'@extism/as-pdk': pdkVersion,
	wabt: wabtVersion
} as const;

/**
 * wabt's CLI enables by default the same features as its JS API, which the page's build turns on
 * (multi-value, bulk memory); only the name section needs saying.
 */
const WAT_BUILD = ['wat2wasm', WAT_FILE, '--debug-names', '-o', OUT_FILE];

/** The command `npm run build` runs: the page's own asc arguments, or the WAT equivalent. */
export function buildCommand(language: Language): string {
	const words = language === 'wat' ? WAT_BUILD : ['asc', ...ascArgs()];
	return words.map(shellWord).join(' ');
}

/** The sources a build reads besides the toolchain's packages: what the project must carry. */
function sources(language: Language, text: string): [string, string][] {
	return language === 'wat' ? [[WAT_FILE, text]] : [[AS_FILE, text], ...providedFiles()];
}

function packageJson(spec: ProjectSpec): string {
	const tools: (keyof typeof TOOL_VERSIONS)[] =
		spec.language === 'wat' ? ['wabt'] : ['assemblyscript', '@extism/as-pdk'];
	const pkg = {
		name: spec.name,
		version: '0.1.0',
		private: true,
		description: spec.title,
		scripts: { build: buildCommand(spec.language) },
		devDependencies: Object.fromEntries(tools.map((t) => [t, TOOL_VERSIONS[t]]))
	};
	return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** What the CLI cannot reproduce from the setup, said so nobody trusts a different result. */
function caveats(setup: Setup): string[] {
	const out: string[] = [];
	if (setup.stubs && Object.keys(setup.stubs).length)
		out.push(
			'- The playground ran this with host-function stubs of its own; `extism call` cannot provide host functions, so calls that import them fail there.'
		);
	if (setup.linked?.length)
		out.push(
			`- It was linked with ${setup.linked.map((l) => `\`${l.name}\``).join(', ')}: add \`--link name=path.wasm\` for each module.`
		);
	return out;
}

function readme(spec: ProjectSpec): string {
	const lang = spec.language === 'wat' ? 'WebAssembly text' : 'AssemblyScript';
	const files = sources(spec.language, spec.text).map(([path]) => path);
	const provided = files.filter((f) => f !== AS_FILE && f !== WAT_FILE);
	const notes = caveats(spec.setup);
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
		`This writes \`${OUT_FILE}\` with \`${buildCommand(spec.language)}\`, the same build the playground ran.`,
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
		'```sh',
		toCli(spec.setup, OUT_FILE),
		'```',
		...(notes.length ? ['', ...notes] : []),
		''
	].join('\n');
}

/** The project's files by path, relative to its folder. */
export function projectFiles(spec: ProjectSpec): Record<string, string> {
	return Object.fromEntries([
		['package.json', packageJson(spec)],
		['README.md', readme(spec)],
		['.gitignore', `node_modules/\n${OUT_FILE}\n`],
		...sources(spec.language, spec.text)
	]);
}

/**
 * The project as a zip holding one folder, `spec.name/`. fflate loads on first use, in a chunk of
 * its own: it shares no code with the page, so the page's first load does not grow by a split.
 */
export async function zipProject(spec: ProjectSpec): Promise<Uint8Array> {
	const { strToU8, zipSync } = await import('fflate');
	const files = projectFiles(spec);
	return zipSync(
		Object.fromEntries(
			Object.entries(files).map(([path, text]) => [`${spec.name}/${path}`, strToU8(text)])
		)
	);
}
