/**
 * DWARF line tables (`.debug_line`, versions 2 to 5): runs every line program and answers
 * address → file:line:column. Addresses are what the module's DWARF uses; in wasm they count from
 * the start of the code section's contents.
 */
import { Reader } from '../wasm/reader';
import { UnknownForm, entries, join, type StringSections } from './line-files';

export type { StringSections };

export interface SourceLine {
	/** The file as the line table names it, joined to its directory when that is known. */
	file: string;
	/** 1-based; 0 means the compiler tied the code to no line. */
	line: number;
	/** 1-based; 0 means no column. */
	column: number;
}

interface Row {
	address: number;
	file: number;
	line: number;
	column: number;
}

interface Sequence {
	start: number;
	/** The address just past the sequence (its end_sequence row). */
	end: number;
	rows: Row[];
	files: (string | undefined)[];
}

const DW_LNS_copy = 1;
const DW_LNS_advance_pc = 2;
const DW_LNS_advance_line = 3;
const DW_LNS_set_file = 4;
const DW_LNS_set_column = 5;
const DW_LNS_negate_stmt = 6;
const DW_LNS_set_basic_block = 7;
const DW_LNS_const_add_pc = 8;
const DW_LNS_fixed_advance_pc = 9;
const DW_LNE_end_sequence = 1;
const DW_LNE_set_address = 2;
const DW_LNE_define_file = 3;
/** What wasm-ld writes as the address of code it removed (and older linkers' 0). */
const TOMBSTONES = new Set([0, 0xffffffff, 0xfffffffe]);

/** Reads one unit's header and program into `sequences`; returns the offset of the next unit. */
function readUnit(
	data: Uint8Array,
	offset: number,
	strings: StringSections,
	sequences: Sequence[]
): number {
	const r = new Reader(data, offset, data.length);
	let length = r.fixed(4);
	let offsetSize: 4 | 8 = 4;
	if (length === 0xffffffff) {
		length = r.fixed(8);
		offsetSize = 8;
	}
	const unitEnd = Math.min(r.pos + length, data.length);
	const version = r.fixed(2);
	if (version < 2 || version > 5) return unitEnd;
	let addressSize = 4;
	if (version >= 5) {
		addressSize = r.byte();
		r.byte(); // segment selector size
	}
	const headerLength = r.fixed(offsetSize);
	const programStart = r.pos + headerLength;
	const minInst = r.byte();
	if (version >= 4) r.byte(); // maximum operations per instruction: VLIW only
	const defaultIsStmt = r.byte() !== 0;
	const lineBase = (r.byte() << 24) >> 24;
	const lineRange = r.byte();
	const opcodeBase = r.byte();
	const argCounts = [0];
	for (let i = 1; i < opcodeBase; i++) argCounts.push(r.byte());
	if (lineRange === 0) return unitEnd;

	const files: (string | undefined)[] = [];
	if (version >= 5) {
		try {
			const dirs = entries(r, offsetSize, strings);
			for (const f of entries(r, offsetSize, strings))
				files.push(f.path === undefined ? undefined : join(dirs[f.dir]?.path, f.path));
		} catch (e) {
			if (!(e instanceof UnknownForm)) throw e;
		}
	} else {
		// Directory 0 is the compilation directory, which lives in .debug_info: paths stay relative.
		const dirs: (string | undefined)[] = [undefined];
		for (let d = r.cstring(); d; d = r.cstring()) dirs.push(d);
		files.push(undefined); // files count from 1 before DWARF 5
		for (let name = r.cstring(); name; name = r.cstring()) {
			const dir = r.unsigned(64);
			r.unsigned(64);
			r.unsigned(64);
			files.push(join(dirs[dir], name));
		}
	}

	const p = new Reader(data, programStart, unitEnd);
	const fresh = () => ({ address: 0, file: 1, line: 1, column: 0, isStmt: defaultIsStmt });
	let state = fresh();
	let rows: Row[] = [];
	const emit = () =>
		rows.push({ address: state.address, file: state.file, line: state.line, column: state.column });
	while (!p.atEnd) {
		const op = p.byte();
		if (op >= opcodeBase) {
			const adjusted = op - opcodeBase;
			state.address += Math.floor(adjusted / lineRange) * minInst;
			state.line += lineBase + (adjusted % lineRange);
			emit();
		} else if (op === 0) {
			const len = p.unsigned(64);
			const end = p.pos + len;
			const sub = len ? p.byte() : 0;
			if (sub === DW_LNE_end_sequence) {
				const start = rows[0]?.address;
				if (start !== undefined && !TOMBSTONES.has(start) && state.address > start)
					sequences.push({ start, end: state.address, rows, files });
				rows = [];
				state = fresh();
			} else if (sub === DW_LNE_set_address) {
				const size = len - 1 === 8 ? 8 : len - 1 === 4 ? 4 : addressSize === 8 ? 8 : 4;
				state.address = p.fixed(size);
			} else if (sub === DW_LNE_define_file) {
				const name = p.cstring();
				p.unsigned(64);
				files.push(name);
			}
			p.pos = end;
		} else if (op === DW_LNS_copy) emit();
		else if (op === DW_LNS_advance_pc) state.address += p.unsigned(64) * minInst;
		else if (op === DW_LNS_advance_line) state.line += p.signed();
		else if (op === DW_LNS_set_file) state.file = p.unsigned(64);
		else if (op === DW_LNS_set_column) state.column = p.unsigned(64);
		else if (op === DW_LNS_negate_stmt) state.isStmt = !state.isStmt;
		else if (op === DW_LNS_set_basic_block) continue;
		else if (op === DW_LNS_const_add_pc)
			state.address += Math.floor((255 - opcodeBase) / lineRange) * minInst;
		else if (op === DW_LNS_fixed_advance_pc) state.address += p.fixed(2);
		// Other standard opcodes (prologue_end, epilogue_begin, set_isa, future ones) change nothing
		// a lookup reports; skip their operands as the header declares them.
		else for (let i = 0; i < argCounts[op]; i++) p.unsigned(64);
	}
	return unitEnd;
}

export class LineTables {
	constructor(private readonly sequences: Sequence[]) {}

	/** How many sequences (address ranges with their own rows) the tables hold. */
	get sequenceCount(): number {
		return this.sequences.length;
	}

	private sequenceAt(address: number): Sequence | undefined {
		const seqs = this.sequences;
		let lo = 0;
		let hi = seqs.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (seqs[mid].start <= address) lo = mid + 1;
			else hi = mid - 1;
		}
		// Sequences rarely overlap; look back a little in case one does.
		for (let i = hi; i >= 0 && i > hi - 8; i--) {
			if (address < seqs[i].end && address >= seqs[i].start) return seqs[i];
		}
		return undefined;
	}

	private line(seq: Sequence, row: Row): SourceLine {
		return { file: seq.files[row.file] ?? '<unknown>', line: row.line, column: row.column };
	}

	/** The row that covers `address` (the last row at or before it in its sequence). */
	lookup(address: number): SourceLine | undefined {
		const seq = this.sequenceAt(address);
		if (!seq) return undefined;
		const rows = seq.rows;
		let lo = 0;
		let hi = rows.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (rows[mid].address <= address) lo = mid + 1;
			else hi = mid - 1;
		}
		return hi >= 0 ? this.line(seq, rows[hi]) : undefined;
	}

	/** The first row with a line in [start, end): where a function begins in the source. */
	firstIn(start: number, end: number): SourceLine | undefined {
		const seq =
			this.sequenceAt(start) ?? this.sequences.find((s) => s.start >= start && s.start < end);
		if (!seq) return undefined;
		const row = seq.rows.find((r) => r.address >= start && r.address < end && r.line > 0);
		return row && this.line(seq, row);
	}
}

/** Every line program in `.debug_line`; a damaged unit is skipped, the others still answer. */
export function readLineTables(data: Uint8Array, strings: StringSections = {}): LineTables {
	const sequences: Sequence[] = [];
	let offset = 0;
	while (offset + 4 <= data.length) {
		let next: number;
		try {
			next = readUnit(data, offset, strings, sequences);
		} catch (e) {
			if (!(e instanceof Error)) throw e;
			// A damaged unit loses its own rows; its declared length still finds the next one.
			const r = new Reader(data, offset, data.length);
			const length = r.fixed(4);
			next = length === 0xffffffff || length === 0 ? data.length : r.pos + length;
		}
		if (next <= offset) break;
		offset = next;
	}
	sequences.sort((a, b) => a.start - b.start);
	return new LineTables(sequences);
}
