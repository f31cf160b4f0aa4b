/**
 * Walks the sections of a core WebAssembly module (after the 8-byte header) and decodes the parts an
 * inspector needs: types, imports, the function index space, exports and the start function.
 * Code, data and other bodies are skipped by their declared size, so huge modules stay cheap.
 */
import {
	exportEntry,
	importEntry,
	typeRef,
	type ExternKind,
	type RawExport,
	type RawImport
} from './entries';
import { Malformed, OutOfData, plural, Reader } from './reader';
import { typeSection, type FuncSig } from './types';

export type { ExternKind, RawExport, RawImport };

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
const MAX_SECTIONS = 100_000;
/** Sections decoded in full, so their declared size must match their contents exactly. */
const PARSED = [1, 2, 3, 7, 8, 12];
/** The required order of non-custom sections (the tag and data count sections sit out of id order). */
const ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

const truncated = (detail: string): ParseOutcome => ({
	ok: false,
	reason: 'truncated',
	message: `The module is truncated: ${detail} The download or copy was cut short.`
});

/** What the walk has learned so far beyond the module itself. */
interface Walk {
	m: RawModule;
	defined: number;
	codeCount: number | null;
	dataCount: number | null;
}

export function parseModule(bytes: Uint8Array): ParseOutcome {
	const size = bytes.length;
	const m: RawModule = {
		types: [],
		imports: [],
		functionTypes: [],
		exports: [],
		start: null,
		sectionIds: []
	};
	const walk: Walk = { m, defined: 0, codeCount: null, dataCount: null };
	let pos = 8;
	let lastLabel = 'the header';
	try {
		for (let sections = 1; pos < size; sections++) {
			// Real modules have dozens of sections; millions of tiny ones would only burn time.
			if (sections > MAX_SECTIONS)
				throw new Malformed(`it has more than ${plural(MAX_SECTIONS, 'section')}`, pos);
			const id = bytes[pos];
			if (id !== 0 && NAMES[id] === undefined)
				throw new Malformed(`unknown section id ${id} at byte ${pos}`, pos);
			const header = new Reader(bytes, pos + 1, size);
			let label = id === 0 ? 'a custom section' : `the ${NAMES[id]} section`;
			let length: number;
			try {
				length = header.u32();
			} catch (e) {
				if (e instanceof OutOfData)
					return truncated(`it ends after ${plural(size, 'byte')}, inside the header of ${label}.`);
				throw e;
			}
			const complete = length <= size - header.pos;
			const body = new Reader(bytes, header.pos, Math.min(size, header.pos + length));
			if (id === 0) label = customLabel(body, complete, pos) ?? label;
			if (!complete)
				return truncated(
					`it ends after ${plural(size, 'byte')}, inside ${label}, which should be ${plural(length, 'byte')} long.`
				);
			if (id !== 0) {
				checkOrder(m.sectionIds, id, pos);
				readSection(id, body, walk, label, length);
				m.sectionIds.push(id);
			}
			lastLabel = label;
			pos = header.pos + length;
		}
		return finish(walk, `it ends after ${plural(size, 'byte')}, right after ${lastLabel},`);
	} catch (e) {
		const text = e instanceof Error ? e.message : String(e);
		return {
			ok: false,
			reason: 'malformed',
			message: `The module is malformed: ${text}. The file may be damaged: download or build it again.`
		};
	}
}

/** `the custom section "name"`, or null when a cut-short section hides its name. */
function customLabel(body: Reader, complete: boolean, pos: number): string | null {
	try {
		return `the custom section "${body.name()}"`;
	} catch (e) {
		if (!(e instanceof OutOfData)) throw e;
		if (complete)
			throw new Malformed(`the name of a custom section at byte ${pos} runs past its end`, pos);
		return null;
	}
}

function readSection(id: number, body: Reader, walk: Walk, label: string, length: number): void {
	const m = walk.m;
	try {
		if (id === 1) m.types = typeSection(body);
		else if (id === 2) {
			m.imports = body.vector(() => importEntry(body, m.types.length), 100_000, 'import');
			for (const i of m.imports) if (i.kind === 'function') m.functionTypes.push(i.typeIndex ?? 0);
		} else if (id === 3) {
			const own = body.vector(() => typeRef(body, m.types.length), 1_000_000, 'function');
			walk.defined = own.length;
			for (const t of own) m.functionTypes.push(t);
		} else if (id === 7) m.exports = body.vector(() => exportEntry(body), 100_000, 'export');
		else if (id === 8) m.start = body.u32();
		else if (id === 10) walk.codeCount = body.u32();
		else if (id === 12) walk.dataCount = body.u32();
	} catch (e) {
		if (e instanceof OutOfData)
			throw new Malformed(
				`the contents of ${label} run past its declared size of ${plural(length, 'byte')}`,
				e.offset
			);
		throw e;
	}
	if (PARSED.includes(id) && !body.atEnd)
		throw new Malformed(
			`${label} has ${plural(body.remaining, 'byte')} more than its contents need`,
			body.pos
		);
}

/** Checks that need the whole module, telling a cut at a section boundary from a complete module. */
function finish(walk: Walk, ended: string): ParseOutcome {
	const { m, defined, codeCount, dataCount } = walk;
	if (defined > 0 && codeCount === null)
		return truncated(
			`${ended} and the code section with the bodies of its ${plural(defined, 'function')} is missing.`
		);
	if (codeCount !== null && codeCount !== defined)
		throw new Malformed(
			`it declares ${plural(defined, 'function')} but has ${plural(codeCount, 'function body', 'function bodies')}`,
			0
		);
	if (dataCount && !m.sectionIds.includes(11))
		return truncated(
			`${ended} and the data section with its ${plural(dataCount, 'segment')} is missing.`
		);
	checkIndices(m);
	const last = m.sectionIds[m.sectionIds.length - 1];
	// A real module that defines nothing after its types or imports was almost surely cut short.
	if ((last === 1 || last === 2) && m.exports.length === 0 && m.start === null)
		return truncated(`${ended} before any functions or exports.`);
	return { ok: true, module: m };
}

function checkOrder(seen: number[], id: number, pos: number): void {
	const last = seen[seen.length - 1];
	if (seen.includes(id)) throw new Malformed(`it has more than one ${NAMES[id]} section`, pos);
	if (last !== undefined && ORDER.indexOf(id) < ORDER.indexOf(last))
		throw new Malformed(
			`the ${NAMES[id]} section comes after the ${NAMES[last]} section, but must come before it`,
			pos
		);
}

function checkIndices(m: RawModule): void {
	const functions = m.functionTypes.length;
	for (const e of m.exports)
		if (e.kind === 'function' && e.index >= functions)
			throw new Malformed(
				`export "${e.name}" refers to function ${e.index}, but there are only ${plural(functions, 'function')}`,
				0
			);
	if (m.start !== null && m.start >= functions)
		throw new Malformed(
			`the start function ${m.start} does not exist (${plural(functions, 'function')})`,
			0
		);
	const names = new Set<string>();
	for (const e of m.exports) {
		if (names.has(e.name)) throw new Malformed(`it exports the name "${e.name}" twice`, 0);
		names.add(e.name);
	}
}
