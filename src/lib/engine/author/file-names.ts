// The names a build's files go by. Apart from files.ts so the page can name them without
// bundling the sources that module carries (the PDK's and examples/lib's), which only builds read.
export const AS_FILE = 'plugin.ts';
export const WAT_FILE = 'plugin.wat';
export const OUT_FILE = 'plugin.wasm';
/** What asc writes beside OUT_FILE with `--sourceMap`. */
export const SOURCE_MAP_FILE = 'plugin.wasm.map';
