// A small subset of WASI preview 1 (module "wasi_snapshot_preview1") as host functions,
// enough for command-line programs built with wasi-libc:
//
//   args_get, args_sizes_get, environ_get, environ_sizes_get
//   fd_write (fd 1 and 2), fd_read (fd 0, the real stdin), fd_close, fd_fdstat_get,
//   fd_seek and fd_tell (ESPIPE on stdio), fd_prestat_get and fd_prestat_dir_name
//   (EBADF: there are no preopened directories, which is how wasi-libc learns it)
//   clock_time_get (realtime, monotonic, process and thread CPU time, from the host)
//   random_get (host randomness), proc_exit (Trap::kExit with the exit code)
//
// Every other function the module imports from wasi_snapshot_preview1 is defined as a
// stub returning ENOSYS, so programs link and fail only if they call it. Other file
// descriptors get EBADF. Guest pointers are checked through Memory::ptr; a bad one
// gives EFAULT. Every call pays kWasiCallGas (1,000) and the bulk rate for the bytes it
// copies (wasi.cpp), so that gas bounds the host's work too. This is a tool for running
// programs, not consensus code: clocks and randomness come from the host.
#pragma once

#include <string>
#include <vector>

#include "duskvm/engine/linker.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"

namespace dusk::wasm_cli {

inline constexpr const char* kWasiModule = "wasi_snapshot_preview1";

struct WasiOptions {
  std::vector<std::string> args;  // argv, program name first
  std::vector<std::string> env;   // "KEY=VALUE" entries; none by default
};

class Wasi {
 public:
  explicit Wasi(WasiOptions options) : options_(std::move(options)) {}
  Wasi(const Wasi&) = delete;
  Wasi& operator=(const Wasi&) = delete;

  // Creates the host functions in `store` and defines them on `linker`, plus ENOSYS
  // stubs for the other WASI functions `module` imports. The host functions refer to
  // this object: it must outlive every call into the store.
  void define(wasm::Store& store, wasm::Linker& linker, const wasm::Module& module);

 private:
  using Args = std::span<const wasm::Value>;
  wasm::Trap args_get(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap args_sizes_get(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap environ_get(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap environ_sizes_get(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap fd_write(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap fd_read(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap fd_close(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap fd_fdstat_get(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap fd_seek(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap fd_prestat_get(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap clock_time_get(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap random_get(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);
  wasm::Trap proc_exit(wasm::HostContext& ctx, Args a, std::span<wasm::Value> r);

  WasiOptions options_;
  bool closed_[3] = {false, false, false};  // fd_close on stdio only marks it closed
};

}  // namespace dusk::wasm_cli
