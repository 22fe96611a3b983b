;; Runaway code that must end by the gas limit or the call depth limit.
(module
  (memory 1)
  (func $forever (export "forever") (loop $l (br $l)))
  (func $recurse (export "recurse") (param i32) (result i32)
    (call $recurse (i32.add (local.get 0) (i32.const 1))))
  (func $mutual_a (export "mutual") (call $mutual_b))
  (func $mutual_b (call $mutual_a))
  (func (export "grow_all") (result i32)
    (loop $l (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (memory.size))
  (func (export "fill_big")
    (loop $l
      (memory.fill (i32.const 0) (i32.const 1) (i32.mul (memory.size) (i32.const 65536)))
      (br $l))))
