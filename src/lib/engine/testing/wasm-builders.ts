/** Test helpers for the inspector: compile WAT with wabt, and assemble binary modules by hand. */

/** SHA-256 from Node's own crypto, the reference for the inspector's hashes. */
export async function nodeSha256(bytes: Uint8Array): Promise<string> {
	const { createHash } = await import('node:crypto');
	return createHash('sha256').update(bytes).digest('hex');
}

export function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type Features = Record<string, boolean>;

export async function wat(source: string, features: Features = {}): Promise<Uint8Array> {
	const wabt = await (await import('wabt')).default();
	const module = wabt.parseWat('test.wat', source, features);
	try {
		return new Uint8Array(module.toBinary({}).buffer);
	} finally {
		module.destroy();
	}
}

export { leb } from '../wasm/reader';
import { leb } from '../wasm/reader';

export function str(s: string): number[] {
	const bytes = [...new TextEncoder().encode(s)];
	return [...leb(bytes.length), ...bytes];
}

export function section(id: number, body: number[]): number[] {
	return [id, ...leb(body.length), ...body];
}

export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export function binary(...sections: number[][]): Uint8Array {
	return Uint8Array.from([...HEADER, ...sections.flat()]);
}

export const I32 = 0x7f;
export const I64 = 0x7e;
/** A function type (0x60) entry. */
export const func = (params: number[], results: number[]): number[] => [
	0x60,
	...leb(params.length),
	...params,
	...leb(results.length),
	...results
];

export { prng as random } from './random';

/** A typical Extism plugin: kernel imports with i64 signatures, WASI, a user host function. */
export const PLUGIN_WAT = `(module
	(import "extism:host/env" "input_length" (func $input_length (result i64)))
	(import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
	(import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
	(import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
	(import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
	(import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
	(import "extism:host/user" "kv.get" (func $kv_get (param i64) (result i64)))
	(memory (export "memory") 1)
	(table (export "table") 1 funcref)
	(global (export "answer") i32 (i32.const 42))
	(func (export "count_vowels") (result i32)
		(local $i i64) (local $n i64) (local $count i32) (local $c i32) (local $out i64)
		(local.set $n (call $input_length))
		(block $done
			(loop $next
				(br_if $done (i64.ge_u (local.get $i) (local.get $n)))
				(local.set $c (i32.or (call $input_load_u8 (local.get $i)) (i32.const 0x20)))
				(if (i32.or (i32.or (i32.eq (local.get $c) (i32.const 97)) (i32.eq (local.get $c) (i32.const 101)))
						(i32.or (i32.or (i32.eq (local.get $c) (i32.const 105)) (i32.eq (local.get $c) (i32.const 111)))
							(i32.eq (local.get $c) (i32.const 117))))
					(then (local.set $count (i32.add (local.get $count) (i32.const 1)))))
				(local.set $i (i64.add (local.get $i) (i64.const 1)))
				(br $next)))
		(local.set $out (call $alloc (i64.const 1)))
		(call $store_u8 (local.get $out) (i32.add (local.get $count) (i32.const 48)))
		(call $output_set (local.get $out) (i64.const 1))
		(i32.const 0))
	(func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
	(func (export "lookup") (result i64) (call $kv_get (i64.const 0)))
	(func (export "noop"))
	(func (export "pair") (result i32 i32) (i32.const 1) (i32.const 2))
	(func (export "_start"))
	(func (export "_initialize"))
	(func (export "__data_end_helper") (result i32) (i32.const 0))
	(export "output_set_again" (func $output_set))
)`;
