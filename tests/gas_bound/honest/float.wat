;; Honest mix: dependent floating-point division and square roots (the slowest single
;; instructions at the price of one).
(module
  (func (export "main") (local $x f64) (local $y f32)
    (local.set $x (f64.const 2))
    (local.set $y (f32.const 3))
    (loop $l
      (local.set $x (f64.add (f64.sqrt (f64.div (local.get $x) (f64.const 1.0001))) (f64.const 1.5)))
      (local.set $y (f32.add (f32.sqrt (f32.div (local.get $y) (f32.const 1.0001))) (f32.const 1.5)))
      (br $l))))
