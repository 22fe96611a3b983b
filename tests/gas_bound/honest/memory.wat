;; Honest mix: loads and stores over one 64 KiB page.
(module
  (memory 1)
  (func (export "main") (local $i i32) (local $v i64)
    (loop $l
      (local.set $i (i32.and (i32.add (local.get $i) (i32.const 4104)) (i32.const 0xfff8)))
      (local.set $v (i64.add (i64.load (local.get $i)) (i64.const 1)))
      (i64.store offset=8 (i32.and (local.get $i) (i32.const 0xffe0)) (local.get $v))
      (i32.store8 (local.get $i) (i32.wrap_i64 (local.get $v)))
      (br $l))))
