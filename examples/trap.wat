;; `trap`: executes `unreachable`, the simplest wasm trap (a crash in the plugin, not an error it reports).
(module
  ;; unused: imported so the module is recognisably an Extism plugin
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory (export "memory") 1)
  (func (export "trap") (result i32)
    (unreachable)))
