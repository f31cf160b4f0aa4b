// The in-memory file system asc compiles from: the person's file, the playground's helpers (the
// abort handler among them) and the @extism/as-pdk sources, copied in when the app is built.
import pdkIndex from '@extism/as-pdk/index.ts?raw';
import pdkLib from '@extism/as-pdk/lib/pdk.ts?raw';
import pdkEnv from '@extism/as-pdk/lib/env.ts?raw';
import pdkPackage from '@extism/as-pdk/package.json?raw';
import { ascArgs as sharedAscArgs } from './asc-args.js';
import { AS_FILE, OUT_FILE } from './file-names';

export { AS_FILE, OUT_FILE, SOURCE_MAP_FILE, WAT_FILE } from './file-names';

/**
 * The helpers the bundled examples are written with (examples/lib: the abort handler, the kernel
 * imports as-pdk 1.0.0 lacks such as http_status_code and http_headers, Http, JSON and output
 * helpers), beside the person's file as `./lib/…`, so an example's source builds here unchanged.
 */
const LIB_SOURCES = import.meta.glob<string>('../../../../examples/lib/*.ts', {
	query: '?raw',
	import: 'default',
	eager: true
});
export const PROVIDED_FILES: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(LIB_SOURCES).map(([path, text]) => [`lib/${path.split('/').pop()}`, text])
);

const PDK: Record<string, string> = {
	'node_modules/@extism/as-pdk/index.ts': pdkIndex,
	'node_modules/@extism/as-pdk/lib/pdk.ts': pdkLib,
	'node_modules/@extism/as-pdk/lib/env.ts': pdkEnv,
	'node_modules/@extism/as-pdk/package.json': pdkPackage
};

/**
 * What the playground adds to the person's file (not the PDK), by path: a downloaded project
 * carries these, so its CLI build reads what the page's build reads.
 */
export function providedFiles(): [string, string][] {
	return Object.entries(PROVIDED_FILES);
}

/** The files of one AssemblyScript build, by the path asc asks for (relative to baseDir "."). */
export function asFiles(source: string): Map<string, string> {
	return new Map([[AS_FILE, source], ...providedFiles(), ...Object.entries(PDK)]);
}

/**
 * asc's arguments for a build of `asFiles`: the stub runtime, no optimisation (fast edits), and a
 * source map, through which a trap's frames lead back to the person's lines.
 */
export function ascArgs(): string[] {
	return sharedAscArgs({
		entry: AS_FILE,
		out: OUT_FILE,
		lib: 'lib',
		extra: ['--sourceMap', '--debug']
	});
}

/**
 * The map's key for a path asc asks for. Under Node asc looks the PDK up in node_modules; its
 * browser build asks for the library path itself (`~lib/@extism/as-pdk/…`).
 */
export function normalizePath(name: string): string {
	const n = name.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
	return n.startsWith('~lib/@extism/') ? `node_modules/${n.slice('~lib/'.length)}` : n;
}

/** Reads a path asc asks for; null (not found) for anything outside the map. */
export function readFrom(files: Map<string, string>, name: string): string | null {
	return files.get(normalizePath(name)) ?? null;
}
