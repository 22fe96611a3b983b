#include "wasi.hpp"

#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <set>

namespace dusk::wasm_cli {

using wasm::FuncType;
using wasm::HostContext;
using wasm::Trap;
using wasm::Value;
using wasm::ValType;

namespace {

// WASI errno values (wasi/api.h, __WASI_ERRNO_*).
enum class Errno : u32 {
  kSuccess = 0,
  kBadf = 8,
  kFault = 21,
  kInval = 28,
  kIo = 29,
  kNosys = 52,
  kSpipe = 70,
};

constexpr u8 kFiletypeCharacterDevice = 2;
constexpr u64 kRightsFdRead = 1u << 1;
constexpr u64 kRightsFdWrite = 1u << 6;
constexpr u64 kRightsPollFdReadwrite = 1u << 27;

constexpr ValType I32 = ValType::kI32;
constexpr ValType I64 = ValType::kI64;

Trap ret(std::span<Value> results, Errno err) {
  results[0] = Value::i32(static_cast<u32>(err));
  return Trap::kNone;
}

u8* guest(HostContext& ctx, u64 addr, u64 len) { return ctx.memory ? ctx.memory->ptr(addr, len) : nullptr; }

// One iovec of the guest ({u32 buf, u32 len}) resolved to host memory.
struct IoVec {
  u8* data;
  u32 len;
};

// Resolves every iovec before any byte moves, so a bad pointer changes nothing.
bool resolve_iovecs(HostContext& ctx, u32 iovs, u32 count, std::vector<IoVec>* out) {
  const u8* table = guest(ctx, iovs, u64{count} * 8);
  if (table == nullptr) return false;
  out->reserve(count);
  for (u32 i = 0; i < count; ++i) {
    const u32 buf = load_le<u32>(table + 8 * i);
    const u32 len = load_le<u32>(table + 8 * i + 4);
    u8* p = guest(ctx, buf, len);
    if (p == nullptr) return false;
    out->push_back({p, len});
  }
  return true;
}

// Lays out strings as argv/environ: pointers at `ptrs`, NUL-terminated bytes at `buf`.
Errno copy_strings(HostContext& ctx, const std::vector<std::string>& strings, u32 ptrs, u32 buf) {
  u64 total = 0;
  for (const std::string& s : strings) total += s.size() + 1;
  u8* ptr_area = guest(ctx, ptrs, u64{strings.size()} * 4);
  u8* buf_area = guest(ctx, buf, total);
  if (ptr_area == nullptr || buf_area == nullptr) return Errno::kFault;
  u64 offset = 0;
  for (size_t i = 0; i < strings.size(); ++i) {
    store_le<u32>(ptr_area + 4 * i, static_cast<u32>(buf + offset));
    std::memcpy(buf_area + offset, strings[i].data(), strings[i].size());
    buf_area[offset + strings[i].size()] = 0;
    offset += strings[i].size() + 1;
  }
  return Errno::kSuccess;
}

Errno string_sizes(HostContext& ctx, const std::vector<std::string>& strings, u32 count_ptr, u32 size_ptr) {
  u64 total = 0;
  for (const std::string& s : strings) total += s.size() + 1;
  u8* count = guest(ctx, count_ptr, 4);
  u8* size = guest(ctx, size_ptr, 4);
  if (count == nullptr || size == nullptr) return Errno::kFault;
  if (total > 0xffffffffu) return Errno::kInval;
  store_le<u32>(count, static_cast<u32>(strings.size()));
  store_le<u32>(size, static_cast<u32>(total));
  return Errno::kSuccess;
}

// What a WASI call costs on top of the call instruction: a system call's worth, plus
// the bulk rate (GasSchedule::bulk_cost) for every byte it copies in or out of the
// guest. Charged before the work; too little gas traps with kOutOfGas.
constexpr u64 kWasiCallGas = 1000;

bool charge_bytes(HostContext& ctx, u64 bytes) { return ctx.consume_gas(ctx.store->config().gas.bulk_cost(bytes)); }

u64 total_length(const std::vector<std::string>& strings) {
  u64 total = 0;
  for (const std::string& s : strings) total += s.size() + 1 + 4;  // bytes, NUL, pointer
  return total;
}

bool write_all(int fd, const u8* data, size_t len) {
  while (len > 0) {
    const ssize_t n = ::write(fd, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    len -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

Trap Wasi::args_get(HostContext& ctx, Args a, std::span<Value> r) {
  if (!charge_bytes(ctx, total_length(options_.args))) return Trap::kOutOfGas;
  return ret(r, copy_strings(ctx, options_.args, a[0].as_u32(), a[1].as_u32()));
}

Trap Wasi::args_sizes_get(HostContext& ctx, Args a, std::span<Value> r) {
  return ret(r, string_sizes(ctx, options_.args, a[0].as_u32(), a[1].as_u32()));
}

Trap Wasi::environ_get(HostContext& ctx, Args a, std::span<Value> r) {
  if (!charge_bytes(ctx, total_length(options_.env))) return Trap::kOutOfGas;
  return ret(r, copy_strings(ctx, options_.env, a[0].as_u32(), a[1].as_u32()));
}

Trap Wasi::environ_sizes_get(HostContext& ctx, Args a, std::span<Value> r) {
  return ret(r, string_sizes(ctx, options_.env, a[0].as_u32(), a[1].as_u32()));
}

// fd_write(fd, iovs, iovs_len, nwritten_ptr) -> errno
Trap Wasi::fd_write(HostContext& ctx, Args a, std::span<Value> r) {
  const u32 fd = a[0].as_u32();
  if ((fd != 1 && fd != 2) || closed_[fd]) return ret(r, Errno::kBadf);
  std::vector<IoVec> iovs;
  u8* nwritten = guest(ctx, a[3].as_u32(), 4);
  if (!charge_bytes(ctx, u64{a[2].as_u32()} * 8)) return Trap::kOutOfGas;  // the iovec table
  if (nwritten == nullptr || !resolve_iovecs(ctx, a[1].as_u32(), a[2].as_u32(), &iovs)) return ret(r, Errno::kFault);
  u64 bytes = 0;
  for (const IoVec& v : iovs) bytes += v.len;
  if (!charge_bytes(ctx, bytes)) return Trap::kOutOfGas;
  u64 total = 0;
  for (const IoVec& v : iovs) {
    if (total + v.len > 0xffffffffu) break;  // the count must fit the u32 result
    if (!write_all(static_cast<int>(fd), v.data, v.len)) return ret(r, Errno::kIo);
    total += v.len;
  }
  store_le<u32>(nwritten, static_cast<u32>(total));
  return ret(r, Errno::kSuccess);
}

// fd_read(fd, iovs, iovs_len, nread_ptr) -> errno; only stdin, read from the real one.
Trap Wasi::fd_read(HostContext& ctx, Args a, std::span<Value> r) {
  const u32 fd = a[0].as_u32();
  if (fd != 0 || closed_[0]) return ret(r, Errno::kBadf);
  std::vector<IoVec> iovs;
  u8* nread = guest(ctx, a[3].as_u32(), 4);
  if (!charge_bytes(ctx, u64{a[2].as_u32()} * 8)) return Trap::kOutOfGas;  // the iovec table
  if (nread == nullptr || !resolve_iovecs(ctx, a[1].as_u32(), a[2].as_u32(), &iovs)) return ret(r, Errno::kFault);
  u64 bytes = 0;
  for (const IoVec& v : iovs) bytes += v.len;
  if (!charge_bytes(ctx, bytes)) return Trap::kOutOfGas;  // the most it can read
  u64 total = 0;
  for (const IoVec& v : iovs) {
    if (total + v.len > 0xffffffffu) break;
    ssize_t n;
    do {
      n = ::read(0, v.data, v.len);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return ret(r, Errno::kIo);
    total += static_cast<u64>(n);
    if (static_cast<u32>(n) < v.len) break;  // short read: return what we have (0 = EOF)
  }
  store_le<u32>(nread, static_cast<u32>(total));
  return ret(r, Errno::kSuccess);
}

Trap Wasi::fd_close(HostContext&, Args a, std::span<Value> r) {
  const u32 fd = a[0].as_u32();
  if (fd > 2 || closed_[fd]) return ret(r, Errno::kBadf);
  closed_[fd] = true;  // the host's descriptor stays open for our own messages
  return ret(r, Errno::kSuccess);
}

// fd_fdstat_get(fd, fdstat_ptr): the 24-byte fdstat {u8 filetype, u16 flags,
// u64 rights_base, u64 rights_inheriting}. Stdio is a character device without
// seek/tell rights, which wasi-libc's isatty() takes for a terminal.
Trap Wasi::fd_fdstat_get(HostContext& ctx, Args a, std::span<Value> r) {
  const u32 fd = a[0].as_u32();
  if (fd > 2 || closed_[fd]) return ret(r, Errno::kBadf);
  u8* p = guest(ctx, a[1].as_u32(), 24);
  if (p == nullptr) return ret(r, Errno::kFault);
  std::memset(p, 0, 24);
  p[0] = kFiletypeCharacterDevice;
  store_le<u64>(p + 8, (fd == 0 ? kRightsFdRead : kRightsFdWrite) | kRightsPollFdReadwrite);
  return ret(r, Errno::kSuccess);
}

// fd_seek(fd, offset, whence, newoffset_ptr) and fd_tell(fd, offset_ptr): stdio cannot
// seek (wasi-libc's lseek(fd, 0, SEEK_CUR) calls fd_tell).
Trap Wasi::fd_seek(HostContext&, Args a, std::span<Value> r) {
  const u32 fd = a[0].as_u32();
  return ret(r, fd <= 2 && !closed_[fd] ? Errno::kSpipe : Errno::kBadf);
}

// fd_prestat_get / fd_prestat_dir_name: no descriptor is a preopened directory.
Trap Wasi::fd_prestat_get(HostContext&, Args, std::span<Value> r) { return ret(r, Errno::kBadf); }

// clock_time_get(clock_id, precision, time_ptr) -> errno
Trap Wasi::clock_time_get(HostContext& ctx, Args a, std::span<Value> r) {
  static constexpr clockid_t kClocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
                                          CLOCK_THREAD_CPUTIME_ID};
  const u32 id = a[0].as_u32();
  if (id >= std::size(kClocks)) return ret(r, Errno::kInval);
  u8* out = guest(ctx, a[2].as_u32(), 8);
  if (out == nullptr) return ret(r, Errno::kFault);
  timespec ts{};
  if (clock_gettime(kClocks[id], &ts) != 0) return ret(r, Errno::kIo);
  store_le<u64>(out, static_cast<u64>(ts.tv_sec) * 1'000'000'000u + static_cast<u64>(ts.tv_nsec));
  return ret(r, Errno::kSuccess);
}

// random_get(buf, len) -> errno
Trap Wasi::random_get(HostContext& ctx, Args a, std::span<Value> r) {
  const u32 len = a[1].as_u32();
  if (!charge_bytes(ctx, len)) return Trap::kOutOfGas;
  u8* p = guest(ctx, a[0].as_u32(), len);
  if (p == nullptr) return ret(r, Errno::kFault);
  for (u32 done = 0; done < len;) {
    const ssize_t n = ::getrandom(p + done, len - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ret(r, Errno::kIo);
    }
    done += static_cast<u32>(n);
  }
  return ret(r, Errno::kSuccess);
}

Trap Wasi::proc_exit(HostContext& ctx, Args a, std::span<Value>) {
  ctx.exit_code = static_cast<int>(a[0].as_u32());
  return Trap::kExit;
}

void Wasi::define(wasm::Store& store, wasm::Linker& linker, const wasm::Module& module) {
  using Method = Trap (Wasi::*)(HostContext&, Args, std::span<Value>);
  std::set<std::string> defined;
  auto add = [&](const char* name, FuncType type, Method method) {
    wasm::FuncInst* f = store.add_host_function(
        type, [this, method](HostContext& ctx, Args args, std::span<Value> results) {
          if (!ctx.consume_gas(kWasiCallGas)) return Trap::kOutOfGas;
          return (this->*method)(ctx, args, results);
        });
    linker.define(kWasiModule, name, wasm::Extern::func(f));
    defined.insert(name);
  };
  add("args_get", {{I32, I32}, {I32}}, &Wasi::args_get);
  add("args_sizes_get", {{I32, I32}, {I32}}, &Wasi::args_sizes_get);
  add("environ_get", {{I32, I32}, {I32}}, &Wasi::environ_get);
  add("environ_sizes_get", {{I32, I32}, {I32}}, &Wasi::environ_sizes_get);
  add("fd_write", {{I32, I32, I32, I32}, {I32}}, &Wasi::fd_write);
  add("fd_read", {{I32, I32, I32, I32}, {I32}}, &Wasi::fd_read);
  add("fd_close", {{I32}, {I32}}, &Wasi::fd_close);
  add("fd_fdstat_get", {{I32, I32}, {I32}}, &Wasi::fd_fdstat_get);
  add("fd_seek", {{I32, I64, I32, I32}, {I32}}, &Wasi::fd_seek);
  add("fd_tell", {{I32, I32}, {I32}}, &Wasi::fd_seek);
  add("fd_prestat_get", {{I32, I32}, {I32}}, &Wasi::fd_prestat_get);
  add("fd_prestat_dir_name", {{I32, I32, I32}, {I32}}, &Wasi::fd_prestat_get);
  add("clock_time_get", {{I32, I64, I32}, {I32}}, &Wasi::clock_time_get);
  add("random_get", {{I32, I32}, {I32}}, &Wasi::random_get);
  add("proc_exit", {{I32}, {}}, &Wasi::proc_exit);

  // Whatever else the module imports from WASI links to a stub: ENOSYS if it returns an
  // errno (every preview 1 function does), zeros otherwise.
  for (const wasm::Import& imp : module.imports()) {
    if (imp.module != kWasiModule || imp.kind != wasm::ExternKind::kFunc) continue;
    if (imp.func_type >= module.types().size() || !defined.insert(imp.name).second) continue;
    const FuncType& type = module.types()[imp.func_type];
    wasm::FuncInst* f = store.add_host_function(
        type, [result_types = type.results](HostContext&, Args, std::span<Value> results) {
          for (size_t i = 0; i < result_types.size(); ++i) results[i] = Value::zero(result_types[i]);
          if (!result_types.empty() && result_types[0] == I32) results[0] = Value::i32(static_cast<u32>(Errno::kNosys));
          return Trap::kNone;
        });
    linker.define(kWasiModule, imp.name, wasm::Extern::func(f));
  }
}

}  // namespace dusk::wasm_cli
