/** Decoders for the entries of the import and export sections, and their descriptors. */
import { Malformed, plural, type Reader } from './reader';
import { hex, valType } from './types';

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
function limits(r: Reader, what: string): void {
	const start = r.pos;
	const flags = r.byte();
	// bit 0: has maximum, bit 1: shared, bit 2: 64-bit indices, bit 3: custom page size.
	if (flags > 0x0f)
		throw new Malformed(`invalid ${what} limits flags 0x${hex(flags)} at byte ${start}`, start);
	const bits = flags & 0x04 ? 64 : 32;
	r.unsigned(bits);
	if (flags & 0x01) r.unsigned(bits);
	if (flags & 0x08) r.u32();
}

export function importEntry(r: Reader, types: number): RawImport {
	const module = r.name();
	const name = r.name();
	const start = r.pos;
	const kindByte = r.byte();
	const kind = KINDS[kindByte];
	if (kind === undefined)
		throw new Malformed(
			`import "${module}" "${name}" has an unknown kind 0x${hex(kindByte)}`,
			start
		);
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

export function typeRef(r: Reader, types: number): number {
	const start = r.pos;
	const index = r.u32();
	if (index >= types)
		throw new Malformed(
			`type index ${index} at byte ${start} is out of range (${plural(types, 'type')})`,
			start
		);
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

export function exportEntry(r: Reader): RawExport {
	const name = r.name();
	const start = r.pos;
	const kindByte = r.byte();
	const kind = KINDS[kindByte];
	if (kind === undefined)
		throw new Malformed(`export "${name}" has an unknown kind 0x${hex(kindByte)}`, start);
	return { name, kind, index: r.u32() };
}
