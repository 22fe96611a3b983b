;; A test contract for the DuskVM runtime's host queries (hq).
(module
  (import "env" "hq" (func $hq (param i32 i32 i32) (result i32)))
  (memory (export "memory") 3)
  (global (export "argbuf") i32 (i32.const 65536))
  ;; query(u32 name length || name || input) -> i32 hq's code || the result
  (func (export "query") (param $len i32) (result i32) (local $nl i32) (local $dl i32) (local $r i32)
    (local.set $nl (i32.load (i32.const 65536)))
    (memory.copy (i32.const 1024) (i32.const 65540) (local.get $nl))
    (local.set $dl (i32.sub (i32.sub (local.get $len) (i32.const 4)) (local.get $nl)))
    (memory.copy (i32.const 65536) (i32.add (i32.const 65540) (local.get $nl)) (local.get $dl))
    (local.set $r (call $hq (i32.const 1024) (local.get $nl) (local.get $dl)))
    (if (i32.lt_s (local.get $r) (i32.const 0))
      (then (i32.store (i32.const 65536) (local.get $r)) (return (i32.const 4))))
    (memory.copy (i32.const 65540) (i32.const 65536) (local.get $r))
    (i32.store (i32.const 65536) (local.get $r))
    (i32.add (local.get $r) (i32.const 4)))
  ;; A name outside memory: the host refuses it and the call fails.
  (func (export "bad_name") (param i32) (result i32)
    (drop (call $hq (i32.const 0xfffffff0) (i32.const 100) (i32.const 0)))
    (i32.const 0))
  ;; An input longer than the argument buffer.
  (func (export "bad_length") (param i32) (result i32)
    (drop (call $hq (i32.const 1024) (i32.const 6) (i32.const 65537)))
    (i32.const 0)))
