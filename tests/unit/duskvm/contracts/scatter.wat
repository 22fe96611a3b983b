;; A test and benchmark contract for the DuskVM runtime: a large memory whose pages are
;; written where the caller says, to measure and check commits of scattered pages.
(module
  (memory (export "memory") 2)
  (global (export "argbuf") i32 (i32.const 0))
  ;; init(u32 wasm pages): grows the memory to that size and fills every 4 KiB page's
  ;; first word with its index + 1, so that no page is all zeros.
  (func (export "init") (param $len i32) (result i32) (local $n i32) (local $p i32)
    (local.set $n (i32.load (i32.const 0)))
    (if (i32.gt_u (local.get $n) (memory.size))
      (then (drop (memory.grow (i32.sub (local.get $n) (memory.size))))))
    (local.set $p (i32.const 16))  ;; page 0 and 1 hold the argument buffer
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (i32.mul (memory.size) (i32.const 16))))
        (i32.store (i32.shl (local.get $p) (i32.const 12)) (i32.add (local.get $p) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.const 0))
  ;; touch(u32 value, u32 page...): stores the value at the start of each listed 4 KiB
  ;; page (page 16 and up); returns nothing.
  (func (export "touch") (param $len i32) (result i32) (local $i i32) (local $v i32)
    (local.set $v (i32.load (i32.const 0)))
    (local.set $i (i32.const 4))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store (i32.shl (i32.load (local.get $i)) (i32.const 12)) (local.get $v))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $next)))
    (i32.const 0))
  ;; read(u32 page) -> u32: the first word of that page.
  (func (export "read") (param $len i32) (result i32)
    (i32.store (i32.const 0) (i32.load (i32.shl (i32.load (i32.const 0)) (i32.const 12))))
    (i32.const 4)))
