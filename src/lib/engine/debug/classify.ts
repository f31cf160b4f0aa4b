/**
 * Whether a frame is the plugin's own code or the runtime under it (panic machinery, abort, the
 * allocator, the standard libraries, libc internals), which a backtrace folds away behind a count.
 */

/** Crates and namespaces of Rust's and C++'s standard libraries and their runtime helpers. */
const RUNTIME_CRATES = new Set([
	'core',
	'std',
	'alloc',
	'panic_abort',
	'panic_unwind',
	'compiler_builtins',
	'dlmalloc',
	'__cxxabiv1'
]);

/** Exact names of runtime entry points (Rust's panic hooks, libc's allocator and exits). */
const RUNTIME_NAMES = new Set([
	'rust_begin_unwind',
	'rust_panic',
	'rust_oom',
	'abort',
	'exit',
	'_Exit',
	'_exit',
	'malloc',
	'free',
	'calloc',
	'realloc',
	'aligned_alloc',
	'posix_memalign',
	'memalign',
	'memcpy',
	'memmove',
	'memset',
	'dlmalloc',
	'dlfree',
	'dlrealloc',
	'dlcalloc',
	'internal_memalign',
	'sbrk',
	'operator new(unsigned long)',
	'operator delete(void*)'
]);

/** Source paths of the Rust standard library (Debian's and rustup's builds) and of wasi-libc. */
const RUNTIME_PATHS = [
	/\/library\/(?:core|std|alloc|panic_abort|panic_unwind)\/src\//,
	/^\/rustc\/[0-9a-f]{40}\//,
	/\/\.cargo\/registry\/src\/[^/]+\/(?:dlmalloc|compiler_builtins)-/,
	/(?:^|\/)libc-(?:bottom|top)-half\//,
	/(?:^|\/)wasi-libc\//
];

/** The first path segment of a (demangled) name: `<alloc::vec::Vec<T> as …>::index` → `alloc`. */
function leadingCrate(name: string): string {
	const bare = name.replace(/^(?:<|&|mut |dyn |\*const |\*mut )+/, '');
	const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(bare);
	return m && bare.slice(m[0].length).startsWith('::') ? m[0] : '';
}

/**
 * True when a frame belongs to the runtime rather than the plugin. `name` is demangled; `file`, the
 * frame's source file when DWARF gave one, decides for frames without a name.
 */
export function isRuntimeFrame(name: string | undefined, file?: string): boolean {
	// The name decides when there is one: in an optimised build a plugin's function can sit on a
	// line of std code it inlined, and it is still the plugin's frame.
	if (!name) return file !== undefined && RUNTIME_PATHS.some((p) => p.test(file));
	if (RUNTIME_NAMES.has(name)) return true;
	// Rust's allocator shims and panic entry points, and libc/compiler-rt internals, are reserved
	// identifiers: `__rust_alloc`, `__rdl_alloc`, `__rust_start_panic`, `__wasi_fd_write`.
	if (name.startsWith('__')) return true;
	// AssemblyScript names functions by file: its standard library's files are under `~lib/`.
	if (name.startsWith('~lib/')) return true;
	return RUNTIME_CRATES.has(leadingCrate(name));
}
