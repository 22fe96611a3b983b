;; A WASI command: writes "hello, wasi\n" to stdout with fd_write, then proc_exit(7).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  ;; Not implemented by dusk-wasm: links to a stub returning ENOSYS (52).
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello, wasi\n")
  (func (export "_start")
    ;; iovec at 0: {buf = 16, len = 12}; bytes written stored at 8.
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 12))
    (if (i32.ne (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)) (i32.const 0))
      (then unreachable))
    (if (i32.ne (call $path_open (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
                                 (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 0))
                (i32.const 52))
      (then unreachable))
    ;; A bad iovec pointer gives EFAULT (21), not a crash.
    (if (i32.ne (call $fd_write (i32.const 1) (i32.const 65535) (i32.const 1) (i32.const 8)) (i32.const 21))
      (then unreachable))
    (call $proc_exit (i32.const 7))
    unreachable))
