;; The start function ends the program with proc_exit(9): the exit status must be 9.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func $start (call $exit (i32.const 9)))
  (start $start)
  (func (export "_start") unreachable))
