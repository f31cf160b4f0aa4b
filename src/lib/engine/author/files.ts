// The in-memory file system asc compiles from: the person's file, the playground's abort handler,
// and the @extism/as-pdk sources, copied from node_modules when the app is built.
import pdkIndex from '@extism/as-pdk/index.ts?raw';
import pdkLib from '@extism/as-pdk/lib/pdk.ts?raw';
import pdkEnv from '@extism/as-pdk/lib/env.ts?raw';
import pdkPackage from '@extism/as-pdk/package.json?raw';

export const AS_FILE = 'plugin.ts';
export const WAT_FILE = 'plugin.wat';
export const OUT_FILE = 'plugin.wasm';
const ABORT_FILE = 'playground/abort.ts';
/** Passed as `--use abort=…` so no module imports `env.abort` (no Extism host provides it). */
export const ABORT_FN = 'playground/abort/pluginAbort';

// Logs why through the kernel, then traps, so the call fails instead of going on.
const ABORT_SOURCE = `import { Host, LogLevel } from '@extism/as-pdk';
// eslint-disable-next-line
function pluginAbort(message: string | null, fileName: string | null, line: u32, column: u32): void {
	const what = message === null ? 'abort' : message;
	const where = fileName === null ? '?' : fileName;
	Host.log(LogLevel.Error, what + ' at ' + where + ':' + line.toString() + ':' + column.toString());
	unreachable();
}
`;

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
	return [[ABORT_FILE, ABORT_SOURCE]];
}

/** The files of one AssemblyScript build, by the path asc asks for (relative to baseDir "."). */
export function asFiles(source: string): Map<string, string> {
	return new Map([[AS_FILE, source], ...providedFiles(), ...Object.entries(PDK)]);
}

/** asc's arguments for a build of `asFiles`: the stub runtime, no optimisation (fast edits). */
export function ascArgs(): string[] {
	return [
		AS_FILE,
		ABORT_FILE,
		'--outFile',
		OUT_FILE,
		'--runtime',
		'stub',
		'--use',
		`abort=${ABORT_FN}`
	];
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
