;; Exports for `dusk-wasm run --invoke` tests: results of each type, and traps.
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  ;; Several results of different types, each from one argument.
  (func (export "mix") (param i64 f32 f64) (result i64 f32 f64 i32)
    (i64.mul (local.get 0) (i64.const 2))
    (f32.neg (local.get 1))
    (f64.add (local.get 2) (f64.const 0.25))
    (i32.const -1))
  (func (export "div") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  (func (export "crash")
    unreachable))
