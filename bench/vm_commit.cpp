// What a DuskVM commit costs against the pages a block dirtied, persisting at the
// engine's 4 KiB granularity (what the runtime does) and at Piecrust's 64 KiB, and what
// a deploy costs against the size of the code.
//
//   build/release/bench/vm_commit [--runs N] [--dir DIR]
//
// Commit: a contract memory of M bytes, every page non-zero, and k dirty 4 KiB pages at
// random places. Both granularities do the same work through the same code: hash the
// dirty units (4 KiB pages, or the 64 KiB pages that hold them), update the page table,
// its Merkle root and the contract's leaf, and write one synced RocksDB batch
// (StateStore::write). "session" is the runtime's own path at 4 KiB: a contract
// (tests/unit/duskvm/contracts/scatter.wasm) writes the k pages and Session::commit
// persists them. Median of N commits (default 15), milliseconds, and the bytes of pages
// written per commit.
//
// Deploy: modules of n functions (generated, about 40 bytes each), median time of
// Session::deploy (validation, translation, instantiation), then of the commit.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "base/leb128.hpp"
#include "duskvm/runtime/session.hpp"

namespace {

using namespace dusk;
using namespace dusk::vm;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int runs = 15;
fs::path root_dir = fs::temp_directory_path() / "dusk-bench-vm-commit";

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }
double median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}
Bytes u32_bytes(u32 v) {
  Bytes b(4);
  store_le<u32>(b.data(), v);
  return b;
}

[[noreturn]] void fail(const std::string& why) {
  std::fprintf(stderr, "vm_commit: %s\n", why.c_str());
  std::exit(1);
}

std::unique_ptr<StateStore> fresh_store(const std::string& name) {
  const fs::path dir = root_dir / name;
  fs::remove_all(dir);
  auto s = StateStore::open(dir.string());
  if (!s.ok()) {
    std::fprintf(stderr, "vm_commit: %s\n", s.error().message.c_str());
    std::exit(1);
  }
  return std::move(s).value();
}

struct CommitFigures {
  double ms = 0;
  u64 page_bytes = 0;
};

// One contract's memory persisted in units of `unit` bytes.
CommitFigures commit_at(u64 unit, u64 memory_bytes, u32 dirty, std::mt19937_64& rng) {
  auto store = fresh_store("unit" + std::to_string(unit));
  Bytes memory(memory_bytes);
  for (u64 i = 0; i < memory_bytes; i += 8) store_le<u64>(memory.data() + i, rng() | 1);
  const u64 units = memory_bytes / unit;
  ContractId id{};
  id[0] = 7;
  PageTable table(units);
  StateStore::NewCommit base;
  std::vector<PageTable::Change> all;
  for (u64 i = 0; i < units; ++i) {
    const ByteView u(memory.data() + i * unit, unit);
    const Hash256 h = *page_hash(u);
    all.emplace_back(static_cast<u32>(i), h);
    base.pages.emplace_back(h, Bytes(u.begin(), u.end()));
  }
  base.groups = table.update(all);
  ContractState state{Hash256{}, Bytes{1}, units, table.root()};  // sized in its own units
  base.contracts[id] = state;
  base.page_tables.push_back(table);
  base.code = {{Hash256{}, Bytes{0, 'a', 's', 'm'}}};  // the contract's code, named by its leaf
  auto base_root = store->write(base);
  if (!base_root.ok()) fail("cannot write the base commit: " + base_root.error().message);
  Hash256 previous = *base_root;

  std::vector<double> times;
  u64 bytes = 0;
  for (int r = 0; r < runs; ++r) {
    // The block: k random 4 KiB pages written.
    std::set<u64> touched_units;
    for (u32 k = 0; k < dirty; ++k) {
      const u64 page = rng() % (memory_bytes / kPageBytes);
      store_le<u64>(memory.data() + page * kPageBytes, rng());
      touched_units.insert(page * kPageBytes / unit);
    }
    const auto t0 = Clock::now();
    StateStore::NewCommit c;
    c.base = previous;  // what the commit does not provide, the previous one holds
    std::vector<PageTable::Change> changes;
    for (u64 i : touched_units) {
      const ByteView u(memory.data() + i * unit, unit);
      const Hash256 h = *page_hash(u);
      changes.emplace_back(static_cast<u32>(i), h);
      c.pages.emplace_back(h, Bytes(u.begin(), u.end()));
    }
    c.groups = table.update(changes);
    state.memory_root = table.root();
    c.contracts[id] = state;
    c.page_tables.push_back(table);
    auto w = store->write(c);
    if (!w.ok()) fail("cannot write a commit: " + w.error().message);
    previous = *w;
    times.push_back(ms_since(t0));
    bytes = touched_units.size() * unit;
  }
  return {median(times), bytes};
}

Bytes read_contract(const char* name) {
  std::ifstream in(std::string(DUSK_CONTRACTS_DIR) + "/" + name + ".wasm", std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "vm_commit: build the test contracts first (%s)\n", name);
    std::exit(1);
  }
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The runtime's own path at 4 KiB, through the scatter contract.
CommitFigures commit_in_session(u64 memory_bytes, u32 dirty, std::mt19937_64& rng) {
  auto store = fresh_store("session");
  auto s = Session::open(*store, Hash256{});
  const Receipt d = (*s)->deploy(read_contract("scatter"), {}, 0, u32_bytes(static_cast<u32>(memory_bytes >> 16)), ~u64{0} >> 1);
  if (!d.ok || !(*s)->commit().ok()) {
    std::fprintf(stderr, "vm_commit: scatter: %s\n", d.error.c_str());
    std::exit(1);
  }
  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    Bytes arg = u32_bytes(static_cast<u32>(rng()) | 1);
    for (u32 k = 0; k < dirty; ++k) {
      const Bytes p = u32_bytes(static_cast<u32>(16 + rng() % (memory_bytes / kPageBytes - 16)));
      arg.insert(arg.end(), p.begin(), p.end());
    }
    if (!(*s)->call(*d.deployed, "touch", arg, 1'000'000'000).ok) std::exit(1);
    const auto t0 = Clock::now();
    if (!(*s)->commit().ok()) std::exit(1);
    times.push_back(ms_since(t0));
  }
  return {median(times), 0};
}

// A contract of `n` functions, each (i32) -> i32 adding constants, exported as f0..fn-1.
Bytes generated_module(u32 n) {
  auto leb = [](Bytes& out, u64 v) {
    u8 b[10];
    out.insert(out.end(), b, b + leb128::write_unsigned(v, b));
  };
  auto section = [&](Bytes& out, u8 id, const Bytes& body) {
    out.push_back(id);
    leb(out, body.size());
    out.insert(out.end(), body.begin(), body.end());
  };
  Bytes m = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  section(m, 1, {1, 0x60, 1, 0x7f, 1, 0x7f});  // type 0: (i32) -> i32
  Bytes funcs;
  leb(funcs, n);
  for (u32 i = 0; i < n; ++i) funcs.push_back(0);
  section(m, 3, funcs);
  section(m, 5, {1, 0, 2});                                          // memory, 2 pages
  section(m, 6, {1, 0x7f, 0, 0x41, 0x80, 0x80, 0x04, 0x0b});        // argbuf = 65536
  Bytes exports;
  leb(exports, n + 2);
  auto name = [&](const std::string& s) {
    leb(exports, s.size());
    exports.insert(exports.end(), s.begin(), s.end());
  };
  name("memory");
  exports.insert(exports.end(), {2, 0});
  name("argbuf");
  exports.insert(exports.end(), {3, 0});
  for (u32 i = 0; i < n; ++i) {
    name("f" + std::to_string(i));
    exports.push_back(0);
    leb(exports, i);
  }
  section(m, 7, exports);
  Bytes code;
  leb(code, n);
  for (u32 i = 0; i < n; ++i) {
    // local.get 0; (i32.const c; i32.add) x 4; i32.const 0; i32.store; i32.const 4
    Bytes body = {0, 0x20, 0};
    for (int k = 0; k < 4; ++k) {
      body.push_back(0x41);
      leb(body, (i * 4 + k) & 0x3f);
      body.push_back(0x6a);
    }
    body.insert(body.end(), {0x21, 0, 0x41, 0, 0x20, 0, 0x36, 2, 0, 0x41, 4, 0x0b});
    leb(code, body.size());
    code.insert(code.end(), body.begin(), body.end());
  }
  section(m, 10, code);
  return m;
}

void deploys() {
  std::printf("\n| code size | functions | deploy (ms) | commit (ms) | deploy us/KiB |\n");
  std::printf("|---|---|---|---|---|\n");
  for (u32 n : {16u, 256u, 4096u, 32768u}) {
    const Bytes code = generated_module(n);
    std::vector<double> deploy_ms, commit_ms;
    for (int r = 0; r < runs; ++r) {
      auto store = fresh_store("deploy");
      auto s = Session::open(*store, Hash256{});
      auto t0 = Clock::now();
      const Receipt d = (*s)->deploy(code, Bytes{1}, static_cast<u64>(r), {}, ~u64{0} >> 1);
      deploy_ms.push_back(ms_since(t0));
      if (!d.ok) {
        std::fprintf(stderr, "vm_commit: the generated module does not deploy: %s\n", d.error.c_str());
        std::exit(1);
      }
      t0 = Clock::now();
      if (!(*s)->commit().ok()) std::exit(1);
      commit_ms.push_back(ms_since(t0));
    }
    const double dm = median(deploy_ms);
    std::printf("| %.1f KiB | %u | %.3f | %.3f | %.1f |\n", code.size() / 1024.0, n, dm, median(commit_ms),
                dm * 1000.0 / (code.size() / 1024.0));
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
      root_dir = argv[++i];
    } else {
      std::fprintf(stderr, "usage: vm_commit [--runs N] [--dir DIR]\n");
      return 2;
    }
  }
  std::mt19937_64 rng(42);
  std::printf("| memory | dirty 4 KiB pages | 4 KiB units (ms) | bytes | 64 KiB units (ms) | bytes | session, 4 KiB (ms) |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (u64 memory : {u64{1} << 20, u64{16} << 20}) {
    for (u32 dirty : {1u, 16u, 256u}) {
      const CommitFigures small = commit_at(kPageBytes, memory, dirty, rng);
      const CommitFigures large = commit_at(64 * 1024, memory, dirty, rng);
      const CommitFigures session = commit_in_session(memory, dirty, rng);
      std::printf("| %llu MiB | %u | %.3f | %llu | %.3f | %llu | %.3f |\n", static_cast<unsigned long long>(memory >> 20),
                  dirty, small.ms, static_cast<unsigned long long>(small.page_bytes), large.ms,
                  static_cast<unsigned long long>(large.page_bytes), session.ms);
      std::fflush(stdout);
    }
  }
  deploys();
  fs::remove_all(root_dir);
  return 0;
}
