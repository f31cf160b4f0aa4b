// The AssemblyScript build setup, shared by the page's build (files.ts, on an in-memory file map
// where examples/lib is `lib/`) and scripts/build-examples.mjs (on disk, under plain Node: hence
// JavaScript). Both compile with the stub runtime and replace asc's `abort`, which would otherwise
// be imported as `env.abort` (no Extism host provides it), with the handler in examples/lib.

/**
 * The abort handler's file, with examples/lib at `lib`.
 * @param {string} lib
 */
export const abortFile = (lib) => `${lib}/abort.ts`;

/**
 * Passed as `--use abort=…`.
 * @param {string} lib
 */
export const abortFn = (lib) => `${lib}/abort/pluginAbort`;

/**
 * asc's arguments: `entry` built to `out`, with examples/lib at `lib`; `extra` goes before the
 * runtime flags (the example build adds its base directory and optimisation there).
 * @param {{ entry: string, out: string, lib: string, extra?: string[] }} build
 * @returns {string[]}
 */
export function ascArgs({ entry, out, lib, extra = [] }) {
	return [
		entry,
		abortFile(lib),
		'--outFile',
		out,
		...extra,
		'--runtime',
		'stub',
		'--use',
		`abort=${abortFn(lib)}`
	];
}
