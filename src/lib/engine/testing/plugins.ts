// WAT sources of tiny plugins for engine unit tests (compiled with wabt at test time).
import wabtInit from 'wabt';

export const KERNEL = `
 (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
 (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
 (import "extism:host/env" "load_u8" (func $load_u8 (param i64) (result i32)))
 (import "extism:host/env" "var_get" (func $var_get (param i64) (result i64)))
 (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
 (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
 (import "extism:host/env" "error_set" (func $error_set (param i64)))
 (import "extism:host/env" "log_warn" (func $log_warn (param i64)))
`;

/** $byte: a new one-byte kernel block holding its argument. */
export const BYTE_FN = `
 (func $byte (param $b i32) (result i64) (local $k i64)
  (local.set $k (call $alloc (i64.const 1)))
  (call $store_u8 (local.get $k) (local.get $b))
  (local.get $k))`;

/**
 * An export that keeps a counter in var "n" and outputs it as one digit. With `log` it also logs
 * the count at warn; with `failAt` it sets that count as an error (and returns 1) on reaching it.
 */
export function counterFn(name: string, opts: { log?: boolean; failAt?: number } = {}): string {
	const log = opts.log
		? '(call $log_warn (call $byte (i32.add (i32.const 48) (local.get $n))))'
		: '';
	const fail =
		opts.failAt === undefined
			? ''
			: `(if (i32.eq (local.get $n) (i32.const ${opts.failAt}))
   (then (call $error_set (local.get $out)) (return (i32.const 1))))`;
	return `
 (func (export "${name}") (result i32) (local $v i64) (local $n i32) (local $out i64)
  (local.set $v (call $var_get (call $byte (i32.const 110))))
  (if (i64.ne (local.get $v) (i64.const 0))
   (then (local.set $n (i32.sub (call $load_u8 (local.get $v)) (i32.const 48)))))
  (local.set $n (i32.add (local.get $n) (i32.const 1)))
  (local.set $out (call $byte (i32.add (i32.const 48) (local.get $n))))
  (call $var_set (call $byte (i32.const 110)) (local.get $out))
  ${log} ${fail}
  (call $output_set (local.get $out) (i64.const 1))
  (i32.const 0))`;
}

/** count: the counter, logging at warn; fail, trap and nothing for the error paths. */
export const COUNTER_WAT = `(module ${KERNEL}
 (memory (export "memory") 1) ${BYTE_FN} ${counterFn('count', { log: true })}
 (func (export "fail") (result i32)
  (call $error_set (call $byte (i32.const 33)))
  (i32.const 1))
 (func (export "trap") (result i32) unreachable)
 (func (export "nothing") (result i32) (i32.const 0))
)`;

export const WASI_WAT = `(module
 (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
 (memory (export "memory") 1)
 (func (export "run") (result i32) (i32.const 0)))`;

export async function compileWat(src: string): Promise<WebAssembly.Module> {
	const wabt = await wabtInit();
	const mod = wabt.parseWat('test.wat', src);
	const { buffer } = mod.toBinary({});
	mod.destroy();
	return WebAssembly.compile(buffer as Uint8Array<ArrayBuffer>);
}
