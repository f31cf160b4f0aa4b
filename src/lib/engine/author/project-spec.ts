// What a downloadable project holds, taken from the page's own build: the files it reads, the
// command it runs and the current setup's `extism call` line. Kept apart from project.ts (which
// writes the files) so both can be checked on their own; the page loads the two on first use.
import { shellWord, toCli } from '../export/codegen';
import type { StubSpec } from '../stubs/host-stubs';
import type { Setup } from '../setup/setup';
import { AS_FILE, OUT_FILE, WAT_FILE, ascArgs, providedFiles } from './files';
import type { Language } from './protocol';

export interface ProjectSpec {
	/** Folder and package name: lower case, digits and dashes. */
	name: string;
	title: string;
	language: Language;
	/** The person's file, then what the playground adds to it, by path. */
	sources: [string, string][];
	/** The paths in `sources` that the playground provides. */
	provided: string[];
	out: string;
	/** What `npm run build` runs. */
	build: string;
	/** The README's run of the current setup. */
	call: string;
	/** Host-function stubs and linked modules, which `extism call` cannot reproduce as is. */
	stubs: boolean;
	linked: string[];
}

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

/** What the page knows of the project to make. */
export interface ProjectInput {
	name: string;
	title: string;
	language: Language;
	text: string;
	setup: Setup;
	/** The host functions the build imports, which `extism call` cannot provide. */
	hostFunctions?: StubSpec[];
}

export function projectSpec(p: ProjectInput): ProjectSpec {
	const provided = p.language === 'wat' ? [] : providedFiles();
	return {
		name: p.name,
		title: p.title,
		language: p.language,
		sources: [[p.language === 'wat' ? WAT_FILE : AS_FILE, p.text], ...provided],
		provided: provided.map(([path]) => path),
		out: OUT_FILE,
		build: buildCommand(p.language),
		call: toCli(p.setup, OUT_FILE, { hostFunctions: p.hostFunctions }),
		stubs: Object.keys(p.setup.stubs ?? {}).length > 0 || (p.hostFunctions ?? []).length > 0,
		linked: (p.setup.linked ?? []).map((l) => l.name)
	};
}
