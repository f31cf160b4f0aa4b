// Builds the ~2 MiB plugins for the load-to-first-output figure: an echo function plus 2 MiB of
// bulk. The bulk is an active data segment of pseudo-random bytes (the definition), or,
// as a second opinion, code: a data segment costs the compiler almost nothing, while a real
// Rust plugin of that size is mostly code, whose compile time the playground must not multiply.
import wabtInit from 'wabt';

export const BIG_BYTES = 2 * 1024 * 1024;
export const BIG_FUNCTION = 'echo';

/** Deterministic bytes (xorshift32), so every run measures the same module. */
function pseudoRandomBytes(n, seed = 0x2545f491) {
	const out = new Uint8Array(n);
	let x = seed;
	for (let i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		out[i] = x & 0xff;
	}
	return out;
}

function watString(bytes) {
	let s = '';
	for (const b of bytes) s += '\\' + b.toString(16).padStart(2, '0');
	return s;
}

/** ~bytes of function bodies: arithmetic on random constants, all reachable through a table. */
function codeBulk(bytes) {
	const words = new DataView(pseudoRandomBytes(bytes).buffer);
	// A group (i32.const k, i32.add, i32.const k, i32.xor) encodes to about 14 bytes.
	const perFunction = 100;
	const fns = [];
	for (let w = 0; w * 14 < bytes * 8;) {
		let body = '';
		for (let g = 0; g < perFunction; g++, w += 8) {
			body += ` i32.const ${words.getInt32(w)} i32.add i32.const ${words.getInt32(w + 4)} i32.xor`;
		}
		fns.push(`(func $f${fns.length} (param i32) (result i32) local.get 0${body})`);
	}
	const names = fns.map((_, i) => `$f${i}`).join(' ');
	return `${fns.join('\n')}\n (table ${fns.length} funcref)\n (elem (i32.const 0) ${names})`;
}

/** echo: copies the input to the output byte by byte through the Extism kernel. */
function source(bulk, extra = '', data = null) {
	const dataBytes = data ?? (bulk === 'data' ? pseudoRandomBytes(BIG_BYTES) : new Uint8Array());
	const pages = Math.ceil((dataBytes.length + 65536) / 65536);
	return `(module
 (import "extism:host/env" "input_length" (func $input_length (result i64)))
 (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
 (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
 (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
 (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
 (memory (export "memory") ${pages})
 (data (i32.const 65536) "${watString(dataBytes)}")
 ${bulk === 'code' ? codeBulk(BIG_BYTES) : extra}
 (func (export "${BIG_FUNCTION}") (result i32) (local $n i64) (local $i i64) (local $out i64)
  (local.set $n (call $input_length))
  (local.set $out (call $alloc (local.get $n)))
  (block $done
   (loop $next
    (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
    (call $store_u8 (i64.add (local.get $out) (local.get $i))
     (call $input_load_u8 (local.get $i)))
    (local.set $i (i64.add (local.get $i) (i64.const 1)))
    (br $next)))
  (call $output_set (local.get $out) (local.get $n))
  (i32.const 0)))`;
}

/** The module's bytes; bulk is 'data', 'code' or 'debug' (shaped like a Rust debug build). */
export async function buildBigPlugin(bulk = 'data') {
	const wabt = await wabtInit();
	const debug = bulk === 'debug';
	const mod = wabt.parseWat('big.wat', debug ? debugSource() : source(bulk));
	try {
		mod.resolveNames();
		const bytes = new Uint8Array(mod.toBinary({ write_debug_names: debug }).buffer);
		return debug ? withSections(bytes, DEBUG_SECTIONS) : bytes;
	} finally {
		mod.destroy();
	}
}

/**
 * What the outside test's 1.8 MB Rust debug build held: ~51 KB of code in many small functions,
 * ~8.8 KB of data, a name section, and ~1.8 MB of DWARF in custom sections (sizes in bytes).
 */
const DEBUG_SECTIONS = [
	['.debug_abbrev', 12_000],
	['.debug_info', 820_000],
	['.debug_ranges', 40_000],
	['.debug_str', 560_000],
	['.debug_line', 330_000],
	['.debug_loc', 28_000]
];
const DEBUG_FUNCTIONS = 1800;

/** The echo plugin, plus DEBUG_FUNCTIONS small named functions reachable through a table. */
function debugSource() {
	const words = new DataView(pseudoRandomBytes(DEBUG_FUNCTIONS * 8, 0x1234567).buffer);
	const fns = [];
	for (let i = 0; i < DEBUG_FUNCTIONS; i++) {
		const [a, b] = [words.getInt32(i * 8), words.getInt32(i * 8 + 4)];
		fns.push(
			`(func $core::fmt::f${i} (param i32) (result i32) local.get 0 i32.const ${a} i32.add i32.const ${b} i32.xor i32.const ${a ^ b} i32.mul i32.const ${(b - a) | 0} i32.rotl)`
		);
	}
	const names = fns.map((_, i) => `$core::fmt::f${i}`).join(' ');
	const bulk = `${fns.join('\n')}\n (table ${fns.length} funcref)\n (elem (i32.const 0) ${names})`;
	const data = pseudoRandomBytes(9 * 1024, 0xbeef);
	return source('none', bulk, data);
}

function leb(n) {
	const out = [];
	do {
		let b = n & 0x7f;
		n >>>= 7;
		if (n) b |= 0x80;
		out.push(b);
	} while (n);
	return out;
}

/** Appends custom sections of pseudo-random bytes, as a linker appends DWARF. */
function withSections(bytes, sections) {
	const parts = [bytes];
	for (const [name, size] of sections) {
		const nameBytes = new TextEncoder().encode(name);
		const body = [...leb(nameBytes.length), ...nameBytes];
		const payload = pseudoRandomBytes(size, size);
		parts.push(new Uint8Array([0, ...leb(body.length + size), ...body]), payload);
	}
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let off = 0;
	for (const p of parts) {
		out.set(p, off);
		off += p.length;
	}
	return out;
}
