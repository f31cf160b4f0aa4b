;; `loop_forever`: never returns; only stopping the runner (timeout or Stop) ends the call.
(module
  ;; unused: imported so the module is recognisably an Extism plugin
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory (export "memory") 1)
  (func (export "loop_forever") (result i32)
    (loop $forever
      (br $forever))
    (unreachable)))
