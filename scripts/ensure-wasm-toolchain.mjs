#!/usr/bin/env node
// Finds Debian's compilers for the debugger's fixtures (real DWARF and real mangled names, built from
// source by the unit tests: src/lib/engine/testing/debug-fixtures.ts) and the LLVM tools the tests
// use as oracles, installing the missing Debian packages when that is possible, and saying so.
import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { installMissing } from './ensure-chromium.mjs';

/**
 * Debian's rustc, by path: a rustup rustc earlier on PATH may lack the wasm32 standard library.
 * RUSTC_PATH points elsewhere (the tests use it to see what a machine without rustc is told).
 */
export const RUSTC = process.env.RUSTC_PATH ?? '/usr/bin/rustc';

const WASM32_STD = '/usr/lib/rustlib/wasm32-unknown-unknown/lib';
const WASI_LIBC = '/usr/lib/wasm32-wasi/libc.a';

/** Whether clang's compiler-rt has wasm32 builtins, in any installed LLVM and clang version. */
function hasWasmBuiltins() {
	/** @param {string} dir */
	const list = (dir) => {
		try {
			return readdirSync(dir);
		} catch {
			return [];
		}
	};
	return list('/usr/lib')
		.filter((d) => d.startsWith('llvm-'))
		.some((llvm) =>
			list(`/usr/lib/${llvm}/lib/clang`).some((v) =>
				existsSync(`/usr/lib/${llvm}/lib/clang/${v}/lib/wasi/libclang_rt.builtins-wasm32.a`)
			)
		);
}

const NEEDS = [
	{ what: `rustc (${RUSTC})`, pkg: 'rustc', found: () => existsSync(RUSTC) },
	{
		what: "Rust's wasm32 standard library",
		pkg: 'libstd-rust-dev-wasm32',
		found: () => existsSync(WASM32_STD)
	},
	{ what: 'wasm-ld', pkg: 'lld', found: () => existsSync('/usr/bin/wasm-ld') },
	{ what: 'clang', pkg: 'clang', found: () => existsSync('/usr/bin/clang') },
	{ what: 'the WASI libc', pkg: 'wasi-libc', found: () => existsSync(WASI_LIBC) },
	{ what: 'compiler-rt for wasm32', pkg: 'libclang-rt-dev-wasm32', found: hasWasmBuiltins },
	{
		what: 'llvm-dwarfdump and llvm-cxxfilt',
		pkg: 'llvm',
		found: () => existsSync('/usr/bin/llvm-dwarfdump') && existsSync('/usr/bin/llvm-cxxfilt')
	},
	{ what: 'c++filt', pkg: 'binutils', found: () => existsSync('/usr/bin/c++filt') }
];

/** The command that installs everything, for messages. */
export const TOOLCHAIN_INSTALL = `apt-get install -y ${NEEDS.map((n) => n.pkg).join(' ')}`;

/** What is missing, by description; empty when the toolchain is complete. */
export function missingWasmToolchain() {
	return NEEDS.filter((n) => !n.found()).map((n) => `${n.what} (${n.pkg})`);
}

/** Makes sure the toolchain exists; throws an Error saying what to do otherwise. */
export function ensureWasmToolchain({ log = console.log } = {}) {
	const missing = NEEDS.filter((n) => !n.found());
	if (!missing.length) {
		log('wasm toolchain (rustc, clang, wasm-ld, wasi-libc, llvm tools): found');
		return { installed: [] };
	}
	const pkgs = installMissing(missing, 'toolchain', log);
	log(`wasm toolchain: installed ${pkgs}`);
	return { installed: missing.map((n) => n.pkg) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	// --check: only say what is missing (the tests' fixture builder asks before compiling).
	if (process.argv.includes('--check')) {
		const missing = missingWasmToolchain();
		if (missing.length) {
			console.error(
				`Missing ${missing.join(', ')}. Install with \`node scripts/ensure-wasm-toolchain.mjs\` ` +
					`(as root) or \`${TOOLCHAIN_INSTALL}\`.`
			);
			process.exit(1);
		}
		process.exit(0);
	}
	try {
		ensureWasmToolchain();
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
}
