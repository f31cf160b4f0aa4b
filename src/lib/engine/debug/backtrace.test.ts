// End to end: real modules (Debian's rustc and clang, with DWARF), real traps under Node's V8, and
// llvm-dwarfdump as the oracle for every source line.
import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import {
	debugFixture,
	debugFixturePath,
	oracleCodeSection,
	oracleLookup,
	trapStack,
	type DebugFixture
} from '../testing/debug-fixtures';
import {
	buildBacktrace,
	NO_NAMES_NOTE,
	NO_OFFSETS_NOTE,
	renderBacktrace,
	type Backtrace
} from './backtrace';
import { listSections } from '../wasm/sections';
import { DebugModule } from './debug-module';

/** Where the code section's contents start, from llvm-readobj's header offset and size. */
function oracleCodeStart(file: string): number {
	const { offset, size } = oracleCodeSection(file);
	let lebBytes = 1;
	for (let n = size; n >= 128; n = Math.floor(n / 128)) lebBytes++;
	return offset + 1 + lebBytes;
}

async function trace(
	name: DebugFixture
): Promise<{ trace: Backtrace; stack: string; file: string }> {
	const bytes = debugFixture(name);
	const stack = await trapStack(bytes, 'count');
	return {
		trace: buildBacktrace(stack, new DebugModule(bytes)),
		stack,
		file: debugFixturePath(name)
	};
}

/** Every frame's source line equals llvm-dwarfdump's answer for the same DWARF address. */
function expectLinesFromOracle(t: Backtrace, file: string): number {
	const codeStart = oracleCodeStart(file);
	let checked = 0;
	for (const f of t.frames) {
		const want = oracleLookup(file, f.moduleOffset! - codeStart);
		if (!want || want.line === 0) {
			expect(f.source, `frame ${f.name}`).toBeUndefined();
			continue;
		}
		expect(f.source?.file.endsWith(want.file), `${f.source?.file} ends with ${want.file}`).toBe(
			true
		);
		expect([f.source?.line, f.source?.column]).toEqual([want.line, want.column]);
		checked++;
	}
	return checked;
}

const own = (t: Backtrace) => t.frames.filter((f) => !f.runtime).map((f) => f.name);

describe('a Rust panic three functions deep', () => {
	it('shows the panicking function demangled (legacy) with its .rs line, as llvm-dwarfdump has it', async () => {
		const { trace: t, stack, file } = await trace('panic-legacy');
		expect(t.frames.length).toBe(
			stack.split('\n').filter((l) => l.includes('wasm-function[')).length
		);
		expect(own(t)).toEqual([
			'panic::Ages<T>::years_until_100',
			'panic::check',
			'panic::run',
			'count'
		]);
		const panicking = t.frames.find((f) => f.name === 'panic::Ages<T>::years_until_100')!;
		expect(panicking.source?.file).toMatch(/panic\.rs$/);
		expect(expectLinesFromOracle(t, file)).toBeGreaterThanOrEqual(4);
		// Above it, folded away: the panic machinery of core and std.
		const above = t.frames.slice(0, t.frames.indexOf(panicking));
		expect(above.length).toBeGreaterThan(3);
		expect(above.every((f) => f.runtime)).toBe(true);
		expect(above.map((f) => f.name)).toContain('core::panicking::panic');
		expect(t.notes).toEqual([]);
	});

	it('demangles v0 names the way llvm-cxxfilt does', async () => {
		const { trace: t, file } = await trace('panic-v0');
		expect(own(t)).toEqual([
			'<panic::Ages<u8>>::years_until_100',
			'panic::check',
			'panic::run',
			'count'
		]);
		expect(expectLinesFromOracle(t, file)).toBeGreaterThanOrEqual(4);
	});
});

describe('a C trap (abort in a header, two compilation units)', () => {
	for (const fixture of ['c-dwarf4', 'c-dwarf5'] as const) {
		it(`shows DWARF lines from a ${fixture.slice(2)} line table`, async () => {
			const { trace: t, file } = await trace(fixture);
			expect(t.frames.map((f) => [f.name, f.runtime])).toEqual([
				['abort', true],
				['check_positive', false],
				['scale', false],
				['count', false]
			]);
			expect(t.frames[1].source?.file).toMatch(/c\/lib\/checks\.h$/);
			expect(t.frames[2].source?.file).toMatch(/main\.c$/);
			expect(expectLinesFromOracle(t, file)).toBe(4);
		});
	}

	it('leaves C++ names as the linker wrote them', async () => {
		const { trace: t, file } = await trace('cpp');
		expect(t.frames.slice(0, 3).map((f) => f.name)).toEqual([
			'geo::Box::area(int) const',
			'int geo::twice<int>(geo::Box const&, int)',
			'count'
		]);
		expect(expectLinesFromOracle(t, file)).toBeGreaterThanOrEqual(3);
	});
});

describe('engines and modules that give less', () => {
	for (const fixture of ['c-dwarf5', 'panic-legacy'] as const)
		it(`without offsets (WebKit) shows the line where each function starts, and says so once (${fixture})`, async () => {
			const { trace: v8, file } = await trace(fixture);
			// The same frames, written the way WebKit writes them.
			const webkit = v8.frames.map((f) => `${f.rawName}@<?>:wasm-function[${f.funcIndex}]`);
			const t = buildBacktrace(
				['RuntimeError: Unreachable code should not be executed', ...webkit].join('\n'),
				debugFixture(fixture)
			);
			expect(t.notes).toEqual([NO_OFFSETS_NOTE]);
			const codeStart = oracleCodeStart(file);
			let lines = 0;
			for (const [i, f] of t.frames.entries()) {
				expect(f.location).toBe(`wasm-function[${f.funcIndex}]`);
				expect(f.name).toBe(v8.frames[i].name);
				// llvm-dwarfdump's "start line" is the function's DW_AT_decl_line.
				const want = oracleLookup(file, v8.frames[i].moduleOffset! - codeStart);
				if (!want || want.inlined) continue;
				expect(f.source?.functionStart, f.name).toBe(true);
				expect(f.source?.line, f.name).toBe(want.startLine);
				lines++;
			}
			expect(lines).toBeGreaterThanOrEqual(4);
		});

	it('from a compiled module and the code start alone (a worker without the bytes), same names and lines', async () => {
		const bytes = debugFixture('panic-v0');
		const stack = await trapStack(bytes, 'count');
		const fromBytes = buildBacktrace(stack, new DebugModule(bytes));
		const codeStart = listSections(bytes).find((s) => s.id === 10)!.start;
		const compiled = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
		const t = buildBacktrace(stack, DebugModule.fromCompiled(compiled, codeStart));
		expect(t.frames.map((f) => [f.name, f.source, f.runtime])).toEqual(
			fromBytes.frames.map((f) => [f.name, f.source, f.runtime])
		);
		expect(t.frames[0].location).toBe(
			`wasm-function[${t.frames[0].funcIndex}]@0x${t.frames[0].moduleOffset!.toString(16)}`
		);
	});

	it('with no names at all, says how to keep them and places frames by function and offset', async () => {
		const wabt = await wabtInit();
		const wat = `(module (func $inner unreachable) (func $outer call $inner) (func (export "count") call $outer))`;
		const bytes = wabt.parseWat('t.wat', wat).toBinary({ write_debug_names: false }).buffer;
		const t = buildBacktrace(await trapStack(bytes, 'count'), bytes);
		expect(t.notes).toEqual([NO_NAMES_NOTE]);
		expect(NO_NAMES_NOTE).toMatch(/debug = true.*strip = false.*-no-debug.*-g/);
		// Function 0's body is 3 bytes (size, no locals, unreachable): the trap is at offset 1 in it.
		expect(t.frames.map((f) => f.location)).toEqual([
			'wasm-function[0]+0x1',
			'wasm-function[1]+0x1',
			'wasm-function[2]+0x1'
		]);
		expect(t.frames.every((f) => f.name === undefined && !f.runtime)).toBe(true);
	});

	it('a WAT module with names shows them', async () => {
		const wabt = await wabtInit();
		const wat = `(module (func $inner unreachable) (func $outer call $inner) (func (export "count") call $outer))`;
		const bytes = wabt.parseWat('t.wat', wat).toBinary({ write_debug_names: true }).buffer;
		const t = buildBacktrace(await trapStack(bytes, 'count'), bytes);
		expect(t.frames.map((f) => f.name)).toEqual(['inner', 'outer', undefined]);
		expect(t.notes).toEqual([]);
	});

	it('bytes it cannot read still give the engine’s frames', () => {
		const stack = 'RuntimeError: unreachable\n    at foo (wasm://wasm/1:wasm-function[3]:0x40)';
		const t = buildBacktrace(stack, new Uint8Array([1, 2, 3]));
		expect(t.frames).toEqual([
			{
				funcIndex: 3,
				moduleOffset: 0x40,
				rawName: 'foo',
				name: 'foo',
				location: 'wasm-function[3]@0x40',
				runtime: false
			}
		]);
	});

	it('an error without wasm frames (a JS host function that threw) has an empty backtrace', () => {
		const t = buildBacktrace('Error: boom\n    at fn (file:///x.js:1:1)', new Uint8Array());
		expect(t).toEqual({ frames: [], notes: [] });
	});
});

describe('Copy backtrace text', () => {
	it('lists every frame innermost first with where it is, or folds the runtime frames', async () => {
		const { trace: t } = await trace('panic-legacy');
		const full = renderBacktrace(t);
		const lines = full.split('\n');
		expect(lines[0]).toBe('wasm backtrace (innermost first):');
		expect(lines.filter((l) => /^\s+\d+: /.test(l))).toHaveLength(t.frames.length);
		const panicking = t.frames.findIndex((f) => !f.runtime);
		const where = t.frames[panicking].source!;
		expect(full).toContain(
			`${panicking}: panic::Ages<T>::years_until_100\n        at ${where.file}:${where.line}:${where.column}`
		);
		const folded = renderBacktrace(t, { fold: true });
		expect(folded).toContain(`… ${panicking} runtime frames`);
		expect(folded).not.toContain('core::panicking');
		expect(folded.split('\n').filter((l) => /^\s+\d+: /.test(l))).toHaveLength(4);
	});
});

describe('the bound: a ~6 MB debug build', () => {
	it('parses once, lazily, and reports how long a backtrace takes', async () => {
		const bytes = debugFixture('panic-legacy');
		expect(bytes.length).toBeGreaterThan(5_000_000);
		const stack = await trapStack(bytes, 'count');
		const t0 = performance.now();
		const module = new DebugModule(bytes);
		const opened = performance.now() - t0;
		const t1 = performance.now();
		const first = buildBacktrace(stack, module);
		const firstMs = performance.now() - t1;
		const t2 = performance.now();
		const again = buildBacktrace(stack, module);
		const againMs = performance.now() - t2;
		expect(again).toEqual(first);
		console.log(
			`backtrace of a ${(bytes.length / 1e6).toFixed(2)} MB debug build: open ${opened.toFixed(1)} ms, ` +
				`first backtrace ${firstMs.toFixed(1)} ms, again ${againMs.toFixed(2)} ms`
		);
		// A hang guard, not a speed check: the numbers are printed above for the report.
		expect(firstMs).toBeLessThan(5_000);
	});
});
