;; Honest mix: growing memory page by page and touching every 4 KiB of each new page
;; (committing memory: the page faults are part of the price of memory.grow).
(module
  (memory 1)
  (func (export "main") (local $base i32) (local $off i32)
    (loop $grow
      (local.set $base (memory.grow (i32.const 1)))
      (if (i32.ge_s (local.get $base) (i32.const 0))
        (then
          (local.set $base (i32.shl (local.get $base) (i32.const 16)))
          (local.set $off (i32.const 0))
          (loop $touch
            (i32.store (i32.add (local.get $base) (local.get $off)) (local.get $off))
            (local.set $off (i32.add (local.get $off) (i32.const 4096)))
            (br_if $touch (i32.lt_u (local.get $off) (i32.const 65536))))
          (br $grow))))))
