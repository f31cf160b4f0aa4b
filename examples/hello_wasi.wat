;; `greet`: writes a line to WASI stdout and one to stderr, then outputs "Hello, <input>!".
;; Needs WASI. No `_initialize`/`_start`: the SDK's WASI shim accepts a plain reactor that
;; only exports `memory`.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "hello from stdout\n")
  (data (i32.const 32) "hello from stderr\n")
  (data (i32.const 64) "Hello, ")
  ;; iovec { buf, len } at 96, bytes-written counter at 104

  (func $write (param $fd i32) (param $buf i32) (param $len i32)
    (i32.store (i32.const 96) (local.get $buf))
    (i32.store (i32.const 100) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 96) (i32.const 1) (i32.const 104))))

  ;; copies `len` bytes of linear memory at `src` into the block at `dst`
  (func $copy_out (param $dst i64) (param $src i32) (param $len i32)
    (local $i i32)
    (block $done
      (loop $copy
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (call $store_u8
          (i64.add (local.get $dst) (i64.extend_i32_u (local.get $i)))
          (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy))))

  (func (export "greet") (result i32)
    (local $len i64) (local $block i64) (local $i i64)
    (call $write (i32.const 1) (i32.const 0) (i32.const 18))
    (call $write (i32.const 2) (i32.const 32) (i32.const 18))
    (local.set $len (call $input_length))
    ;; "Hello, " (7) + input + "!" (1)
    (local.set $block (call $alloc (i64.add (local.get $len) (i64.const 8))))
    (call $copy_out (local.get $block) (i32.const 64) (i32.const 7))
    (block $done
      (loop $copy
        (br_if $done (i64.ge_u (local.get $i) (local.get $len)))
        (call $store_u8
          (i64.add (local.get $block) (i64.add (i64.const 7) (local.get $i)))
          (call $input_load_u8 (local.get $i)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $copy)))
    (call $store_u8 (i64.add (local.get $block) (i64.add (i64.const 7) (local.get $len))) (i32.const 33))
    (call $output_set (local.get $block) (i64.add (local.get $len) (i64.const 8)))
    (i32.const 0)))
