;; Honest mix: calls of a small function with parameters and locals.
(module
  (func $mix (param $x i32) (param $y i32) (result i32) (local $t i32)
    (local.set $t (i32.mul (local.get $x) (i32.const 31)))
    (i32.add (local.get $t) (local.get $y)))
  (func (export "main") (local $acc i32)
    (loop $l
      (local.set $acc (call $mix (local.get $acc) (i32.const 17)))
      (br $l))))
