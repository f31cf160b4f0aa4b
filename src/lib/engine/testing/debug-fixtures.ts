// The debugger's fixtures: real modules with real DWARF and real mangled names, compiled from
// tests/fixtures/src/debug/ by Debian's rustc and clang into tests/fixtures/out/debug/ (rebuilt when
// a source is newer), and the LLVM tools the tests use as oracles.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's rustc, by path (as scripts/ensure-wasm-toolchain.mjs finds it). */
const RUSTC = process.env.RUSTC_PATH ?? '/usr/bin/rustc';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SRC = 'tests/fixtures/src/debug';
const OUT = 'tests/fixtures/out/debug';

const RUST = [
	'--target',
	'wasm32-unknown-unknown',
	'--crate-type',
	'cdylib',
	'-g',
	'-C',
	'panic=abort'
];
const V0 = ['-C', 'symbol-mangling-version=v0'];
const C = ['--target=wasm32-wasi', '-O0', '-mexec-model=reactor'];
const C_SOURCES = [`${SRC}/c/main.c`, `${SRC}/c/util/clamp.c`];

const FIXTURES = {
	/** Rust panic three functions deep, legacy mangling, DWARF 4: a ~6 MB debug build with std's DWARF. */
	'panic-legacy': [RUSTC, [...RUST, `${SRC}/panic.rs`]],
	'panic-v0': [RUSTC, [...RUST, ...V0, `${SRC}/panic.rs`]],
	'names-legacy': [RUSTC, [...RUST, `${SRC}/names.rs`]],
	'names-v0': [RUSTC, [...RUST, ...V0, `${SRC}/names.rs`]],
	'c-dwarf4': ['clang', [...C, '-gdwarf-4', ...C_SOURCES]],
	'c-dwarf5': ['clang', [...C, '-gdwarf-5', ...C_SOURCES]],
	cpp: ['clang++', [...C, '-g', '-nostdlib++', '-fno-exceptions', `${SRC}/cpp.cpp`]]
} satisfies Record<string, [string, string[]]>;

export type DebugFixture = keyof typeof FIXTURES;

/** Why the fixtures cannot be built here, or null (asks the installer script, without installing). */
function toolchainProblem(): string | null {
	try {
		execFileSync(process.execPath, ['scripts/ensure-wasm-toolchain.mjs', '--check'], {
			cwd: ROOT,
			stdio: ['ignore', 'ignore', 'pipe'],
			encoding: 'utf8'
		});
		return null;
	} catch (e) {
		const why = (e as { stderr?: string }).stderr?.trim() || String(e);
		return `The debugger's fixtures need Debian's wasm toolchain (rustc, clang, wasm-ld, wasi-libc, LLVM tools). ${why}`;
	}
}

function newestSource(): number {
	let newest = 0;
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else newest = Math.max(newest, statSync(p).mtimeMs);
		}
	};
	walk(path.join(ROOT, SRC));
	// The compiler flags live here: changing them rebuilds too.
	return Math.max(newest, statSync(fileURLToPath(import.meta.url)).mtimeMs);
}

/** The path of a fixture's module, compiling it first when missing or older than its sources. */
export function debugFixturePath(name: DebugFixture): string {
	const out = path.join(ROOT, OUT, `${name}.wasm`);
	if (existsSync(out) && statSync(out).mtimeMs > newestSource()) return out;
	const problem = toolchainProblem();
	if (problem) throw new Error(problem);
	mkdirSync(path.dirname(out), { recursive: true });
	// Test files run in parallel workers: each compiles to its own name and renames into place.
	const tmp = `${out}.${process.pid}.tmp`;
	const [cc, args] = FIXTURES[name];
	execFileSync(cc, [...args, '-o', tmp], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
	renameSync(tmp, out);
	return out;
}

export function debugFixture(name: DebugFixture): Uint8Array {
	return new Uint8Array(readFileSync(debugFixturePath(name)));
}

/** Runs an LLVM tool (the oracle) and returns its standard output. */
export function llvm(
	tool: 'llvm-dwarfdump' | 'llvm-cxxfilt' | 'llvm-readobj',
	args: string[],
	input?: string
): string {
	return execFileSync(tool, args, { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
}

/** `llvm-dwarfdump --lookup` of one DWARF address: the line it reports, or null when none. */
export function oracleLookup(
	file: string,
	address: number
): { file: string; line: number; column: number; startLine: number; inlined: boolean } | null {
	const out = llvm('llvm-dwarfdump', [`--lookup=0x${address.toString(16)}`, file]);
	// With inlining, lines and start line are the innermost inlined function's, not the frame's.
	const inlined = out.includes('DW_TAG_inlined_subroutine');
	const m =
		/Line info: file '([^']*)', line (\d+), column (\d+), start file '[^']*', start line (\d+)/.exec(
			out
		);
	return m
		? { file: m[1], line: Number(m[2]), column: Number(m[3]), startLine: Number(m[4]), inlined }
		: null;
}

/** The code section's header offset and size, as llvm-readobj reports them. */
export function oracleCodeSection(file: string): { offset: number; size: number } {
	const out = llvm('llvm-readobj', ['--sections', file]);
	const m = /Type: CODE \(0xA\)\s+Size: (\d+)\s+Offset: (\d+)/.exec(out);
	if (!m) throw new Error(`llvm-readobj found no code section in ${file}`);
	return { size: Number(m[1]), offset: Number(m[2]) };
}

/** Runs a module's export under Node's V8 and returns the trap's stack (all frames). */
export async function trapStack(bytes: Uint8Array, exportName: string): Promise<string> {
	const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
	const imports: Record<string, Record<string, () => unknown>> = {};
	for (const i of WebAssembly.Module.imports(module)) {
		if (i.kind !== 'function') continue;
		// Extism's kernel takes and returns i64s; WASI's return i32 errnos. Zero fits both.
		(imports[i.module] ??= {})[i.name] = i.module === 'extism:host/env' ? () => 0n : () => 0;
	}
	const instance = await WebAssembly.instantiate(module, imports);
	const limit = Error.stackTraceLimit;
	// V8 keeps 10 frames by default; a Rust panic is 15 deep.
	Error.stackTraceLimit = 100;
	try {
		(instance.exports[exportName] as () => unknown)();
	} catch (e) {
		return (e as Error).stack ?? '';
	} finally {
		Error.stackTraceLimit = limit;
	}
	throw new Error(`${exportName} returned instead of trapping`);
}
