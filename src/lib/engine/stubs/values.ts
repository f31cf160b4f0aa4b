/**
 * Values crossing between a host-function stub and the plugin: zeros for default stubs, checks
 * and coercions of what custom code returns, and how values read in the call log.
 */
import type { ValType } from '../wasm/types';

const I64_MIN = -(2n ** 63n);
const U64_END = 2n ** 64n;

/** The value a default stub returns for one result type. */
export function zeroOf(type: ValType): unknown {
	if (type === 'i64') return 0n;
	if (type === 'funcref' || type === 'externref') return null;
	return 0;
}

/** How a value reads in the call log: i64 as decimal, numbers as numbers. */
export function formatValue(value: unknown): string {
	if (typeof value === 'bigint' || typeof value === 'number') return String(value);
	if (value === null) return 'null';
	return describeValue(value);
}

/** A short description of any value, for messages to people. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'undefined';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return `the string ${JSON.stringify(shown)}`;
	}
	if (typeof value === 'number') return `the number ${value}`;
	if (typeof value === 'bigint') return `the BigInt ${value}`;
	if (typeof value === 'boolean') return `the boolean ${value}`;
	if (typeof value === 'function') return 'a function';
	if (typeof value === 'symbol') return 'a symbol';
	if (Array.isArray(value)) return 'an array';
	if (isThenable(value)) return 'a Promise';
	return 'an object';
}

/** A value for the log line of host.log: strings as they are, the rest as JSON where possible. */
export function logText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'bigint') return String(value);
	if (value !== null && typeof value === 'object' && !isThenable(value)) {
		try {
			return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v));
		} catch {
			return describeValue(value);
		}
	}
	return value === undefined ? 'undefined' : String(value);
}

function isThenable(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { then?: unknown }).then === 'function'
	);
}

/**
 * Checks what a stub returned against the function's result types and converts it; returns one
 * value per result. Throws a message for people when the value does not fit.
 */
export function checkedResults(
	spec: { module: string; name: string; results: ValType[] },
	raw: unknown
): unknown[] {
	const { results } = spec;
	const label = `${spec.module}::${spec.name}`;
	const returns = results.length === 1 ? results[0] : `(${results.join(', ')})`;
	const wrong = (what: unknown, extra = '') =>
		new Error(
			`Stub for ${label} returned ${describeValue(what)}, but the function returns ${returns}.${extra}`
		);
	if (isThenable(raw)) throw wrong(raw, ' Stubs must return at once: async code is not supported.');
	if (results.length === 0) return [];
	if (results.length === 1) {
		const value = coerce(raw, results[0]);
		if (value === WRONG) throw wrong(raw);
		return [value];
	}
	if (!Array.isArray(raw) || raw.length !== results.length) {
		throw wrong(raw, ` Return an array of ${results.length} values.`);
	}
	return raw.map((item, i) => {
		const value = coerce(item, results[i]);
		if (value === WRONG) throw wrong(item, ` (result ${i + 1} of ${results.length})`);
		return value;
	});
}

const WRONG = Symbol('wrong type');

function coerce(value: unknown, type: ValType): unknown {
	switch (type) {
		case 'i64':
			return toI64(value);
		case 'i32':
			if (typeof value === 'number') return value | 0;
			if (typeof value === 'bigint') return Number(BigInt.asIntN(32, value));
			return WRONG;
		case 'f32':
		case 'f64': {
			if (typeof value !== 'number' && typeof value !== 'bigint') return WRONG;
			return type === 'f32' ? Math.fround(Number(value)) : Number(value);
		}
		default:
			// funcref/externref: the wasm boundary itself checks what it accepts.
			return value;
	}
}

/** Accepts a bigint, an integer number or a string of digits within the 64-bit range. */
function toI64(value: unknown): bigint | typeof WRONG {
	let big: bigint;
	if (typeof value === 'bigint') big = value;
	else if (typeof value === 'number' && Number.isInteger(value)) big = BigInt(value);
	else if (typeof value === 'string' && /^-?\d{1,20}$/.test(value.trim())) big = BigInt(value);
	else return WRONG;
	// Unsigned values up to 2^64 - 1 are accepted too and read back as their signed twin.
	if (big < I64_MIN || big >= U64_END) return WRONG;
	return BigInt.asIntN(64, big);
}
