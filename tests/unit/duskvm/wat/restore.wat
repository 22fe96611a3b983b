;; For runtime_support_test: a module with a host import, a data segment, a start
;; function and a mutable global, so that instantiation options and typed host binding
;; can be observed.
(module
  (import "env" "add" (func $add (param i32 i64) (result i64)))
  (memory (export "memory") 1)
  (global $g (mut i32) (i32.const 0))
  (data (i32.const 16) "hello")
  (func $start (global.set $g (i32.const 7)))
  (start $start)
  (func (export "g") (result i32) (global.get $g))
  (func (export "byte") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "sum") (param i32 i64) (result i64) (call $add (local.get 0) (local.get 1))))
