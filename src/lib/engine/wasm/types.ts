/** Decoding of value types and the type section, including the GC proposal's rec/sub/struct/array forms. */
import { Malformed, type Reader } from './reader';

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref' | string;

export interface FuncSig {
	params: ValType[];
	results: ValType[];
}

const NUMERIC: Record<number, ValType> = {
	0x7f: 'i32',
	0x7e: 'i64',
	0x7d: 'f32',
	0x7c: 'f64',
	0x7b: 'v128'
};

/** Abstract heap types by their one-byte encoding. */
const HEAP: Record<number, string> = {
	0x70: 'func',
	0x6f: 'extern',
	0x6e: 'any',
	0x6d: 'eq',
	0x6c: 'i31',
	0x6b: 'struct',
	0x6a: 'array',
	0x69: 'exn',
	0x74: 'noexn',
	0x73: 'nofunc',
	0x72: 'noextern',
	0x71: 'none'
};

/** The short names of `(ref null <abstract>)`, e.g. funcref, nullref. */
function shorthand(heap: string): string {
	if (heap.startsWith('no')) return heap === 'none' ? 'nullref' : `null${heap.slice(2)}ref`;
	return `${heap}ref`;
}

function heapType(r: Reader): string {
	const start = r.pos;
	const value = r.s33();
	if (value >= 0) return String(value);
	const name = HEAP[value + 0x80];
	if (name === undefined) throw new Malformed(`unknown heap type at byte ${start}`, start);
	return name;
}

export function valType(r: Reader): ValType {
	const start = r.pos;
	const b = r.byte();
	const numeric = NUMERIC[b];
	if (numeric) return numeric;
	if (HEAP[b]) return shorthand(HEAP[b]);
	if (b === 0x64 || b === 0x63) {
		const heap = heapType(r);
		return b === 0x63 ? `(ref null ${heap})` : `(ref ${heap})`;
	}
	throw new Malformed(`unknown value type 0x${hex(b)} at byte ${start}`, start);
}

export function hex(b: number): string {
	return b.toString(16).padStart(2, '0');
}

/** Implementation limits from the WebAssembly JS API. */
export const MAX_TYPES = 1_000_000;
const MAX_PARAMS = 1_000;
const MAX_RESULTS = 1_000;
const MAX_FIELDS = 10_000;

function fieldType(r: Reader): void {
	const b = r.peek();
	if (b === 0x78 || b === 0x77) r.byte();
	else valType(r);
	const start = r.pos;
	const mutability = r.byte();
	if (mutability > 1)
		throw new Malformed(`invalid mutability flag 0x${hex(mutability)} at byte ${start}`, start);
}

/** A composite type: a function signature, or null for GC struct/array types. */
function compType(r: Reader): FuncSig | null {
	const start = r.pos;
	const form = r.byte();
	if (form === 0x60)
		return {
			params: r.vector(() => valType(r), MAX_PARAMS, 'parameter'),
			results: r.vector(() => valType(r), MAX_RESULTS, 'result')
		};
	if (form === 0x5f) {
		r.vector(() => fieldType(r), MAX_FIELDS, 'struct field');
		return null;
	}
	if (form === 0x5e) {
		fieldType(r);
		return null;
	}
	throw new Malformed(`unknown type form 0x${hex(form)} at byte ${start}`, start);
}

function subType(r: Reader): FuncSig | null {
	const form = r.peek();
	if (form === 0x50 || form === 0x4f) {
		r.byte();
		r.vector(() => r.u32(), 1, 'supertype');
	}
	return compType(r);
}

/** Reads the type section body; each entry of a rec group takes one index in the type index space. */
export function typeSection(r: Reader): (FuncSig | null)[] {
	const types: (FuncSig | null)[] = [];
	r.vector(
		() => {
			if (r.peek() === 0x4e) {
				r.byte();
				// A loop, not push(...): spreading a huge group would overflow the call stack.
				for (const t of r.vector(() => subType(r), MAX_TYPES, 'type')) types.push(t);
			} else types.push(subType(r));
			if (types.length > MAX_TYPES)
				throw new Malformed(
					`it has more than the ${MAX_TYPES.toLocaleString('en-US')} types browsers accept`,
					r.pos
				);
		},
		MAX_TYPES,
		'type'
	);
	return types;
}
