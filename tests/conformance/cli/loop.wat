;; A WASI-style command that never ends: only the gas limit stops it.
(module
  (func (export "_start")
    (loop $forever
      (br $forever))))
