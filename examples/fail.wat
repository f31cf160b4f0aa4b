;; `fail`: reports an error made of a fixed prefix and the input, and returns 1.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "deliberate failure: ")
  (global $prefix_len i64 (i64.const 20))

  (func (export "fail") (result i32)
    (local $len i64) (local $block i64) (local $i i64)
    (local.set $len (call $input_length))
    (local.set $block (call $alloc (i64.add (global.get $prefix_len) (local.get $len))))
    ;; the prefix comes from linear memory, the rest from the input
    (block $done
      (loop $copy
        (br_if $done (i64.ge_u (local.get $i) (global.get $prefix_len)))
        (call $store_u8
          (i64.add (local.get $block) (local.get $i))
          (i32.load8_u (i32.wrap_i64 (local.get $i))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $copy)))
    (local.set $i (i64.const 0))
    (block $done
      (loop $copy
        (br_if $done (i64.ge_u (local.get $i) (local.get $len)))
        (call $store_u8
          (i64.add (local.get $block) (i64.add (global.get $prefix_len) (local.get $i)))
          (call $input_load_u8 (local.get $i)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $copy)))
    (call $error_set (local.get $block))
    (i32.const 1)))
