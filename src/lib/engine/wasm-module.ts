/**
 * Walks the sections of a core WebAssembly module (after the 8-byte header) and decodes the parts an
 * inspector needs: types, imports, the function index space, exports and the start function.
 * Code, data and other bodies are skipped by their declared size, so huge modules stay cheap.
 */
import { Malformed, OutOfData, Reader } from './wasm-reader';
import { hex, typeSection, valType, type FuncSig } from './wasm-types';

export type ExternKind = 'function' | 'table' | 'memory' | 'global' | 'tag';
const KINDS: ExternKind[] = ['function', 'table', 'memory', 'global', 'tag'];

export interface RawImport {
	module: string;
	name: string;
	kind: ExternKind;
	typeIndex?: number;
}
export interface RawExport {
	name: string;
	kind: ExternKind;
	index: number;
}
export interface RawModule {
	types: (FuncSig | null)[];
	imports: RawImport[];
	/** Type index of every function in the function index space: imported first, then defined. */
	functionTypes: number[];
	exports: RawExport[];
	start: number | null;
	/** Ids of the non-custom sections present, in file order. */
	sectionIds: number[];
}
export type ParseOutcome =
	| { ok: true; module: RawModule }
	| { ok: false; reason: 'truncated' | 'malformed'; message: string };

const NAMES: Record<number, string> = {
	1: 'type',
	2: 'import',
	3: 'function',
	4: 'table',
	5: 'memory',
	6: 'global',
	7: 'export',
	8: 'start',
	9: 'element',
	10: 'code',
	11: 'data',
	12: 'data count',
	13: 'tag'
};
/** The required order of non-custom sections (the tag and data count sections sit out of id order). */
const ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

const count = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, word: string, words = `${word}s`): string =>
	`${count(n)} ${n === 1 ? word : words}`;
const truncated = (detail: string): ParseOutcome => ({
	ok: false,
	reason: 'truncated',
	message: `The module is truncated: ${detail} The download or copy was cut short.`
});

function limits(r: Reader, what: string): void {
	const start = r.pos;
	const flags = r.byte();
	// bit 0: has maximum, bit 1: shared, bit 2: 64-bit indices, bit 3: custom page size.
	if (flags > 0x0f) throw new Malformed(`invalid ${what} limits flags 0x${hex(flags)} at byte ${start}`, start);
	const bits = flags & 0x04 ? 64 : 32;
	r.unsigned(bits);
	if (flags & 0x01) r.unsigned(bits);
	if (flags & 0x08) r.u32();
}

function importEntry(r: Reader, types: number): RawImport {
	const module = r.name();
	const name = r.name();
	const start = r.pos;
	const kindByte = r.byte();
	const kind = KINDS[kindByte];
	if (kind === undefined)
		throw new Malformed(`import "${module}" "${name}" has an unknown kind 0x${hex(kindByte)}`, start);
	const entry: RawImport = { module, name, kind };
	if (kind === 'function') entry.typeIndex = typeRef(r, types);
	else if (kind === 'table') {
		valType(r);
		limits(r, 'table');
	} else if (kind === 'memory') limits(r, 'memory');
	else if (kind === 'global') {
		valType(r);
		mutability(r);
	} else {
		tagAttribute(r);
		entry.typeIndex = typeRef(r, types);
	}
	return entry;
}

function typeRef(r: Reader, types: number): number {
	const start = r.pos;
	const index = r.u32();
	if (index >= types)
		throw new Malformed(`type index ${index} at byte ${start} is out of range (${plural(types, 'type')})`, start);
	return index;
}

function mutability(r: Reader): void {
	const start = r.pos;
	const b = r.byte();
	if (b > 1) throw new Malformed(`invalid mutability flag 0x${hex(b)} at byte ${start}`, start);
}

function tagAttribute(r: Reader): void {
	const start = r.pos;
	if (r.byte() !== 0) throw new Malformed(`invalid tag attribute at byte ${start}`, start);
}

function exportEntry(r: Reader): RawExport {
	const name = r.name();
	const start = r.pos;
	const kindByte = r.byte();
	const kind = KINDS[kindByte];
	if (kind === undefined)
		throw new Malformed(`export "${name}" has an unknown kind 0x${hex(kindByte)}`, start);
	return { name, kind, index: r.u32() };
}

function list<T>(r: Reader, item: () => T): T[] {
	const out: T[] = [];
	for (let n = r.u32(); n > 0; n--) out.push(item());
	return out;
}

export function parseModule(bytes: Uint8Array): ParseOutcome {
	const size = bytes.length;
	const m: RawModule = { types: [], imports: [], functionTypes: [], exports: [], start: null, sectionIds: [] };
	let codeCount: number | null = null;
	let dataCount: number | null = null;
	let defined = 0;
	let pos = 8;
	let lastName = 'header';
	try {
		while (pos < size) {
			const id = bytes[pos];
			const header = new Reader(bytes, pos + 1, size);
			if (id !== 0 && NAMES[id] === undefined)
				throw new Malformed(`unknown section id ${id} at byte ${pos}`, pos);
			let label = id === 0 ? 'a custom section' : `the ${NAMES[id]} section`;
			let length: number;
			try {
				length = header.u32();
			} catch (e) {
				if (e instanceof OutOfData)
					return truncated(`it ends after ${plural(size, 'byte')}, inside the header of ${label}.`);
				throw e;
			}
			const body = new Reader(bytes, header.pos, Math.min(size, header.pos + length));
			if (id === 0) {
				try {
					label = `the custom section "${body.name()}"`;
				} catch (e) {
					if (!(e instanceof OutOfData)) throw e;
					if (length <= size - header.pos)
						throw new Malformed(`the name of a custom section at byte ${pos} runs past its end`, pos);
				}
			}
			if (length > size - header.pos)
				return truncated(
					`it ends after ${plural(size, 'byte')}, inside ${label}, which should be ${plural(length, 'byte')} long.`
				);
			if (id !== 0) checkOrder(m.sectionIds, id, pos);
			try {
				if (id === 1) m.types = typeSection(body);
				else if (id === 2) {
					m.imports = list(body, () => importEntry(body, m.types.length));
					for (const i of m.imports) if (i.kind === 'function') m.functionTypes.push(i.typeIndex ?? 0);
				} else if (id === 3) {
					const own = list(body, () => typeRef(body, m.types.length));
					defined = own.length;
					m.functionTypes.push(...own);
				} else if (id === 7) m.exports = list(body, () => exportEntry(body));
				else if (id === 8) m.start = body.u32();
				else if (id === 10) codeCount = body.u32();
				else if (id === 12) dataCount = body.u32();
				if (id >= 1 && id <= 8 || id === 12) {
					if (!body.atEnd)
						throw new Malformed(`${label} has ${plural(body.remaining, 'byte')} more than its contents need`, body.pos);
				}
			} catch (e) {
				if (e instanceof OutOfData)
					throw new Malformed(`the contents of ${label} run past its declared size of ${plural(length, 'byte')}`, e.offset);
				throw e;
			}
			if (id !== 0) m.sectionIds.push(id);
			lastName = label;
			pos = header.pos + length;
		}
		const ended = `it ends after ${plural(size, 'byte')}, right after ${lastName},`;
		if (defined > 0 && codeCount === null)
			return truncated(`${ended} and the code section with the bodies of its ${plural(defined, 'function')} is missing.`);
		if (codeCount !== null && codeCount !== defined)
			throw new Malformed(`it declares ${plural(defined, 'function')} but has ${plural(codeCount, 'function body', 'function bodies')}`, 0);
		if (dataCount && !m.sectionIds.includes(11))
			return truncated(`${ended} and the data section with its ${plural(dataCount, 'segment')} is missing.`);
		checkIndices(m);
		const last = m.sectionIds[m.sectionIds.length - 1];
		// A real module that defines nothing after its types or imports was almost surely cut short.
		if ((last === 1 || last === 2) && m.exports.length === 0 && m.start === null)
			return truncated(`${ended} before any functions or exports.`);
		return { ok: true, module: m };
	} catch (e) {
		const text = e instanceof Error ? e.message : String(e);
		return { ok: false, reason: 'malformed', message: `The module is malformed: ${text}.` };
	}
}

function checkOrder(seen: number[], id: number, pos: number): void {
	const last = seen[seen.length - 1];
	if (seen.includes(id)) throw new Malformed(`it has more than one ${NAMES[id]} section`, pos);
	if (last !== undefined && ORDER.indexOf(id) < ORDER.indexOf(last))
		throw new Malformed(`the ${NAMES[id]} section comes after the ${NAMES[last]} section, but must come before it`, pos);
}

function checkIndices(m: RawModule): void {
	const functions = m.functionTypes.length;
	for (const e of m.exports)
		if (e.kind === 'function' && e.index >= functions)
			throw new Malformed(`export "${e.name}" refers to function ${e.index}, but there are only ${plural(functions, 'function')}`, 0);
	if (m.start !== null && m.start >= functions)
		throw new Malformed(`the start function ${m.start} does not exist (${plural(functions, 'function')})`, 0);
	const names = new Set<string>();
	for (const e of m.exports) {
		if (names.has(e.name)) throw new Malformed(`it exports the name "${e.name}" twice`, 0);
		names.add(e.name);
	}
}
