;; Honest mix: integer division and remainder, dependent on each other.
(module
  (func (export "main") (local $a i64) (local $b i32)
    (local.set $a (i64.const 0x7fffffffffffffff))
    (local.set $b (i32.const 0x7fffffff))
    (loop $l
      (local.set $a (i64.or (i64.div_u (local.get $a) (i64.const 3)) (i64.const 0x4000000000000000)))
      (local.set $a (i64.add (local.get $a) (i64.rem_s (local.get $a) (i64.const 1000003))))
      (local.set $b (i32.or (i32.div_s (local.get $b) (i32.const 7)) (i32.const 0x40000000)))
      (br $l))))
