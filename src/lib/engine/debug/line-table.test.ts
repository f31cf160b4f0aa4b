// The line-table reader against llvm-dwarfdump's own decoding of real tables (every row of every
// sequence), and against hand-assembled programs for the opcodes compilers rarely emit.
import { describe, expect, it } from 'vitest';
import { debugFixture, debugFixturePath, llvm, type DebugFixture } from '../testing/debug-fixtures';
import { DebugModule } from './debug-module';
import { readLineTables } from './line-table';

interface OracleRow {
	address: number;
	line: number;
	column: number;
	file: number;
	end: boolean;
}
interface OracleUnit {
	version: number;
	dirs: Map<number, string>;
	files: Map<number, { name: string; dir: number }>;
	sequences: OracleRow[][];
}

/** `llvm-dwarfdump --debug-line`, parsed: each unit's version, directories, files and rows. */
function oracleLineTables(file: string): OracleUnit[] {
	const units: OracleUnit[] = [];
	let unit: OracleUnit | undefined;
	let fileIndex = -1;
	let seq: OracleRow[] = [];
	for (const line of llvm('llvm-dwarfdump', ['--debug-line', file]).split('\n')) {
		let m: RegExpExecArray | null;
		if (line.startsWith('debug_line[')) {
			unit = { version: 0, dirs: new Map(), files: new Map(), sequences: [] };
			units.push(unit);
			seq = [];
		} else if (!unit) continue;
		else if ((m = /^\s+version: (\d+)/.exec(line))) unit.version = Number(m[1]);
		else if ((m = /^include_directories\[\s*(\d+)\] = "(.*)"$/.exec(line)))
			unit.dirs.set(Number(m[1]), m[2]);
		else if ((m = /^file_names\[\s*(\d+)\]:/.exec(line))) fileIndex = Number(m[1]);
		else if ((m = /^\s+name: "(.*)"$/.exec(line)))
			unit.files.set(fileIndex, { name: m[1], dir: 0 });
		else if ((m = /^\s+dir_index: (\d+)$/.exec(line)))
			unit.files.get(fileIndex)!.dir = Number(m[1]);
		else if ((m = /^0x([0-9a-f]{16})\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+\s+\d+\s*(.*)$/.exec(line))) {
			const row = {
				address: parseInt(m[1], 16),
				line: Number(m[2]),
				column: Number(m[3]),
				file: Number(m[4]),
				end: m[5].includes('end_sequence')
			};
			seq.push(row);
			if (row.end) {
				unit.sequences.push(seq);
				seq = [];
			}
		}
	}
	return units;
}

/** Checks every row's address against the oracle; returns what was covered. */
function compareWithOracle(fixture: DebugFixture) {
	const file = debugFixturePath(fixture);
	const module = new DebugModule(debugFixture(fixture));
	const units = oracleLineTables(file);
	const tables = readLineTables(module.customSection('.debug_line')!, {
		str: module.customSection('.debug_str'),
		lineStr: module.customSection('.debug_line_str')
	});
	const dirs = new Set<string>();
	let rows = 0;
	let sequences = 0;
	for (const unit of units) {
		for (const seq of unit.sequences) {
			if (seq[0].address === 0 || seq[0].address >= 0xfffffffe) continue; // removed code
			sequences++;
			for (const [i, row] of seq.entries()) {
				if (row.end) continue;
				// The last row at an address is the one that covers it.
				if (seq[i + 1] && seq[i + 1].address === row.address && !seq[i + 1].end) continue;
				const got = tables.lookup(row.address);
				const want = unit.files.get(row.file)!;
				expect(got, `0x${row.address.toString(16)}`).toMatchObject({
					line: row.line,
					column: row.column
				});
				expect(got!.file.endsWith(want.name), `${got!.file} is ${want.name}`).toBe(true);
				if (want.dir > 0) {
					const dir = unit.dirs.get(want.dir)!;
					expect(got!.file.startsWith(dir), `${got!.file} is in ${dir}`).toBe(true);
					dirs.add(dir);
				}
				rows++;
			}
		}
	}
	return { units, rows, sequences, dirs, tables };
}

describe('real line tables, row by row against llvm-dwarfdump', () => {
	it('DWARF 4 from clang: several sequences, two units, files in several directories', () => {
		const { units, rows, sequences, dirs, tables } = compareWithOracle('c-dwarf4');
		expect(units.some((u) => u.version === 4)).toBe(true);
		expect(sequences).toBeGreaterThanOrEqual(3);
		expect(tables.sequenceCount).toBe(sequences);
		for (const dir of ['debug/c', 'debug/c/lib', 'debug/c/util'])
			expect([...dirs].some((d) => d.endsWith(dir))).toBe(true);
		expect(rows).toBeGreaterThan(20);
	});

	it('DWARF 5 from clang: paths through .debug_line_str, MD5 checksums, file 0', () => {
		const { units, sequences, dirs, tables } = compareWithOracle('c-dwarf5');
		expect(units.filter((u) => u.version === 5)).toHaveLength(2);
		expect(tables.sequenceCount).toBe(sequences);
		expect([...dirs].some((d) => d.endsWith('debug/c/lib'))).toBe(true);
	});

	it('DWARF 4 from rustc with the standard library: hundreds of sequences', () => {
		const { rows, sequences, tables } = compareWithOracle('panic-legacy');
		expect(sequences).toBeGreaterThan(100);
		expect(tables.sequenceCount).toBe(sequences);
		expect(rows).toBeGreaterThan(1000);
	});
});

/** A hand-assembled `.debug_line` unit: header fields as given, then `program`. */
function unit({
	version = 4,
	dwarf64 = false,
	program
}: {
	version?: number;
	dwarf64?: boolean;
	program: number[];
}): number[] {
	const cstr = (s: string) => [...new TextEncoder().encode(s), 0];
	// prettier-ignore
	const afterHeaderLength = [
		1, // minimum_instruction_length
		...(version >= 4 ? [1] : []), // maximum_operations_per_instruction
		1, // default_is_stmt
		0xfb, // line_base -5
		14, // line_range
		13, // opcode_base
		0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, // standard_opcode_lengths
		...cstr('src'), 0, // include_directories
		...cstr('a.c'), 1, 0, 0, // file 1: directory 1, no mtime, no length
		0 // end of file_names
	];
	const le = (n: number, size: number) =>
		Array.from({ length: size }, (_, i) => Math.floor(n / 256 ** i) % 256);
	const offsetSize = dwarf64 ? 8 : 4;
	const rest = [...le(afterHeaderLength.length, offsetSize), ...afterHeaderLength, ...program];
	const body = [...le(version, 2), ...rest];
	return dwarf64
		? [0xff, 0xff, 0xff, 0xff, ...le(body.length, 8), ...body]
		: [...le(body.length, 4), ...body];
}

const setAddress = (a: number) => [0, 5, 2, a & 0xff, (a >> 8) & 0xff, (a >> 16) & 0xff, a >>> 24];
const endSequence = [0, 1, 1];

/**
 * Rows, worked out by hand from the DWARF 5 spec, section 6.2.5:
 *   0x100 line 10 col 4 (copy); const_add_pc adds (255-13)/14 = 17 → 0x111; fixed_advance_pc 0x20
 *   → 0x131; special opcode 47: adjusted 34 → address + 34/14 = 2 (0x133), line + -5 + 34%14 = +1
 *   (11); then file 2 (defined in the program) at 0x138 line 8; the sequence ends at 0x13c.
 *   A second sequence: 0x50 line 1 until 0x60.
 */
// prettier-ignore
const PROGRAM = [
	...setAddress(0x100),
	3, 9, // advance_line +9 → 10
	5, 4, // set_column 4
	1, // copy
	8, // const_add_pc
	9, 0x20, 0x00, // fixed_advance_pc 0x20
	47, // special opcode
	0, 8, 3, ...new TextEncoder().encode('b.c'), 0, 0, 0, 0, // DW_LNE_define_file b.c
	4, 2, // set_file 2
	2, 5, // advance_pc 5 → 0x138
	3, 0x7d, // advance_line -3 → 8
	12, 1, // set_isa 1 (an operand to skip)
	6, 7, 10, 11, // negate_stmt, basic_block, prologue_end, epilogue_begin: no row
	1, // copy
	2, 4, // advance_pc 4 → 0x13c
	...endSequence,
	...setAddress(0x50),
	1,
	2, 0x10,
	...endSequence
];

describe('hand-assembled line programs', () => {
	const expectRows = (data: number[]) => {
		const t = readLineTables(new Uint8Array(data));
		expect(t.lookup(0xff)).toBeUndefined();
		expect(t.lookup(0x100)).toEqual({ file: 'src/a.c', line: 10, column: 4 });
		expect(t.lookup(0x132)).toEqual({ file: 'src/a.c', line: 10, column: 4 });
		expect(t.lookup(0x133)).toEqual({ file: 'src/a.c', line: 11, column: 4 });
		expect(t.lookup(0x13b)).toEqual({ file: 'b.c', line: 8, column: 4 });
		expect(t.lookup(0x13c)).toBeUndefined();
		expect(t.lookup(0x5f)).toEqual({ file: 'src/a.c', line: 1, column: 0 });
		expect(t.lookup(0x60)).toBeUndefined();
		expect(t.sequenceCount).toBe(2);
		expect(t.firstIn(0x130, 0x140)).toEqual({ file: 'src/a.c', line: 11, column: 4 });
	};

	it('runs every standard and extended opcode (DWARF 4)', () =>
		expectRows(unit({ program: PROGRAM })));
	it('reads DWARF 3 headers (no maximum_operations_per_instruction)', () =>
		expectRows(unit({ version: 3, program: PROGRAM })));
	it('reads 64-bit DWARF units', () => expectRows(unit({ dwarf64: true, program: PROGRAM })));

	it('skips a unit of an unknown version and a damaged unit, and reads the next', () => {
		const future = unit({ version: 9, program: [...setAddress(0x10), 1, 2, 4, ...endSequence] });
		const good = unit({ program: PROGRAM });
		// A unit whose program stops inside an extended opcode.
		const cut = unit({ program: [...setAddress(0x200), 1, 0, 9] });
		const t = readLineTables(new Uint8Array([...future, ...cut, ...good]));
		expect(t.lookup(0x10)).toBeUndefined();
		expect(t.lookup(0x200)).toBeUndefined();
		expect(t.lookup(0x133)).toEqual({ file: 'src/a.c', line: 11, column: 4 });
	});

	it('drops code the linker removed (tombstone addresses)', () => {
		const dead = unit({ program: [...setAddress(0xffffffff), 1, 2, 4, ...endSequence] });
		const t = readLineTables(new Uint8Array(dead));
		expect(t.sequenceCount).toBe(0);
		expect(t.lookup(0xffffffff)).toBeUndefined();
	});

	it('answers nothing for an empty or truncated section', () => {
		expect(readLineTables(new Uint8Array()).lookup(0)).toBeUndefined();
		expect(
			readLineTables(new Uint8Array(unit({ program: PROGRAM }).slice(0, 30))).sequenceCount
		).toBe(0);
	});
});
