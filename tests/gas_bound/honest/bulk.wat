;; Honest mix: bulk memory, 4 KiB fills and copies.
(module
  (memory 1)
  (func (export "main") (local $i i32)
    (loop $l
      (local.set $i (i32.and (i32.add (local.get $i) (i32.const 4096)) (i32.const 0x7fff)))
      (memory.fill (local.get $i) (i32.const 0x5a) (i32.const 4096))
      (memory.copy (i32.add (local.get $i) (i32.const 0x8000)) (local.get $i) (i32.const 4096))
      (br $l))))
