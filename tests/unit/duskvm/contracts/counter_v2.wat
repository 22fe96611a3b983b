;; The counter's second version, for upgrade tests: the same memory layout (the count at
;; 16), increments by 10, and migrate doubles the count (arg 0xdeadbeef: it traps).
(module
  (import "env" "origin" (func $origin (result i32)))
  (memory (export "memory") 2)
  (global (export "argbuf") i32 (i32.const 65536))
  (data (i32.const 0) "XXXXX")  ;; never applied: the memory is the contract's state
  (func (export "migrate") (param $len i32) (result i32)
    (if (i32.and (i32.eq (local.get $len) (i32.const 4))
                 (i32.eq (i32.load (i32.const 65536)) (i32.const 0xdeadbeef)))
      (then unreachable))
    (i32.store (i32.const 16) (i32.mul (i32.load (i32.const 16)) (i32.const 2)))
    ;; Remembers the migrating origin's length at 20.
    (i32.store (i32.const 20) (call $origin))
    (i32.const 0))
  (func (export "increment") (param $len i32) (result i32)
    (i32.store (i32.const 16) (i32.add (i32.load (i32.const 16)) (i32.const 10)))
    (i32.store (i32.const 65536) (i32.load (i32.const 16)))
    (i32.const 4))
  (func (export "get") (param $len i32) (result i32)
    (i32.store (i32.const 65536) (i32.load (i32.const 16)))
    (i32.const 4))
  ;; The first 5 bytes of memory and the origin length migrate saw.
  (func (export "peek") (param $len i32) (result i32)
    (memory.copy (i32.const 65536) (i32.const 0) (i32.const 5))
    (i32.store (i32.const 65541) (i32.load (i32.const 20)))
    (i32.const 9)))
