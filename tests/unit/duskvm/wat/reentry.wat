;; A host function that calls back into the instance while wasm frames are live.
(module
  (import "env" "host" (func $host (param i32) (result i32)))
  (func $leaf (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  (func $inner (export "inner") (param i32) (result i32) (call $leaf (local.get 0)))
  (func $mid (param i32) (result i32) (i32.add (call $host (local.get 0)) (i32.const 1)))
  (func (export "outer") (param i32) (result i32) (i32.add (call $mid (local.get 0)) (i32.const 100))))
