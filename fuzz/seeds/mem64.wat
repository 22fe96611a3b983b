;; memory64: 64-bit addresses.
(module
  (memory i64 1 2)
  (func (export "rw") (param $a i64) (result i64)
    (i64.store (local.get $a) (i64.const 42))
    (i64.load (local.get $a)))
  (func (export "grow") (result i64) (memory.grow (i64.const 1)))
  (func (export "oob") (result i32) (i32.load (i64.const 0xfffffffffffffff0))))
