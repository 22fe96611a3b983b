;; Honest mix: integer arithmetic on locals (the commonest instructions of compiled code).
(module
  (func (export "main") (local $i i32) (local $a i64) (local $b i64)
    (loop $l
      (local.set $a (i64.add (local.get $a) (i64.extend_i32_u (local.get $i))))
      (local.set $b (i64.xor (i64.mul (local.get $b) (i64.const 6364136223846793005)) (local.get $a)))
      (local.set $i (i32.add (i32.shl (local.get $i) (i32.const 1)) (i32.const 7)))
      (br $l))))
