;; proc_exit with the code given: `dusk-wasm run --invoke exit exit.wasm N` shows how a
;; WASI exit code becomes the process status (0-255 as it is, above 255 an error).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (func (export "exit") (param i32)
    (call $proc_exit (local.get 0))
    unreachable))
