// DuskEVM's state in the database (src/duskevm/db_state_backend.hpp): what one block
// costs against the size of the state, beside the in-memory State's whole-state root.
//
//   build/release/bench/evm_state_db [--accounts N] [--slots N] [--blocks N] [--changes N]
//
// Setup (not timed): a database in a temporary directory holding --accounts accounts
// (default 20,000) with --slots storage slots each (default 8), written as block 0; the
// same state in an in-memory State. Then --blocks blocks (default 50), each changing
// --changes random accounts (default 200): a balance, and one slot written (every
// fourth one zeroed). Timed per block, on the backed State: the changes (accounts and
// slots loaded as they are reached), take_changes, apply (storage tries and the account
// trie updated, new nodes, flat records) and the synced write of the batch. Beside it,
// the same changes on the in-memory State followed by State::root(), which rebuilds the
// whole trie. Printed: the median block of each, their ratio, and the batch's size.
// Every block's two roots are compared; a mismatch aborts.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "duskevm/db_state_backend.hpp"
#include "duskevm/state.hpp"

namespace {

using namespace dusk;
using evm::State;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

Address addr(u64 i) {
  Address a{};
  a[0] = 0xbe;
  for (int b = 0; b < 8; ++b) a[19 - b] = static_cast<u8>(i >> (8 * b));
  return a;
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void change(State& s, u64 account, u64 block, u64 j) {
  const Address a = addr(account);
  s.begin_transaction();
  s.set_balance(a, s.balance(a) + Uint256{block});
  s.set_storage(a, Uint256{(block + j) % 12}, j % 4 == 0 ? Uint256{} : Uint256{block * 1000 + j});
  s.finalize_transaction();
}

}  // namespace

int main(int argc, char** argv) {
  u64 accounts = 20000, slots = 8, blocks = 50, changes = 200;
  for (int i = 1; i + 1 < argc; i += 2) {
    const u64 v = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--accounts")) accounts = v;
    else if (!std::strcmp(argv[i], "--slots")) slots = v;
    else if (!std::strcmp(argv[i], "--blocks")) blocks = v;
    else if (!std::strcmp(argv[i], "--changes")) changes = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (accounts == 0 || blocks == 0) {
    std::fprintf(stderr, "--accounts and --blocks must be positive\n");
    return 2;
  }
  const fs::path dir = fs::temp_directory_path() / ("dusk-evm-state-bench-" + std::to_string(getpid()));
  fs::remove_all(dir);
  auto opened = storage::Database::open({.path = dir.string(), .column_families = evm::DbStateBackend::families()});
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.error().message.c_str());
    return 1;
  }
  auto db = std::move(opened).value();
  evm::DbStateBackend backend(*db);

  State mem;
  {
    State genesis;
    genesis.set_backend(&backend);
    for (u64 i = 0; i < accounts; ++i) {
      evm::Account acc;
      acc.nonce = 1;
      acc.balance = Uint256{1000000 + i};
      for (u64 k = 0; k < slots; ++k) acc.storage[Uint256{k}] = {Uint256{i + k + 1}, Uint256{i + k + 1}};
      mem.put(addr(i), acc);
      genesis.put(addr(i), std::move(acc));
    }
    storage::WriteBatch batch;
    auto root = backend.apply(genesis.take_changes(), 0, batch);
    if (!root.ok() || !db->write(batch).ok() || *root != mem.root()) {
      std::fprintf(stderr, "genesis failed\n");
      return 1;
    }
  }

  std::mt19937_64 rng(1);
  std::vector<double> backed_ms, memory_ms;
  std::vector<double> batch_entries, batch_kib;
  for (u64 b = 1; b <= blocks; ++b) {
    std::vector<u64> who(changes);
    for (auto& w : who) w = rng() % accounts;

    auto t = Clock::now();
    State s;
    s.set_backend(&backend);
    for (u64 j = 0; j < changes; ++j) change(s, who[j], b, j);
    storage::WriteBatch batch;
    auto root = backend.apply(s.take_changes(), b, batch);
    if (!root.ok() || s.backend_failure() || !db->write(batch).ok()) {
      std::fprintf(stderr, "block %llu failed\n", static_cast<unsigned long long>(b));
      return 1;
    }
    backed_ms.push_back(ms_since(t));
    batch_entries.push_back(static_cast<double>(batch.count()));
    batch_kib.push_back(static_cast<double>(batch.bytes()) / 1024);

    t = Clock::now();
    for (u64 j = 0; j < changes; ++j) change(mem, who[j], b, j);
    const Hash256 want = mem.root();
    memory_ms.push_back(ms_since(t));
    if (want != *root) {
      std::fprintf(stderr, "block %llu: the roots differ\n", static_cast<unsigned long long>(b));
      return 1;
    }
  }
  const double backed = median(backed_ms), memory = median(memory_ms);
  std::printf("state: %llu accounts x %llu slots; %llu blocks of %llu changed accounts\n",
              static_cast<unsigned long long>(accounts), static_cast<unsigned long long>(slots),
              static_cast<unsigned long long>(blocks), static_cast<unsigned long long>(changes));
  std::printf("database block (load, apply, synced write): %8.2f ms median\n", backed);
  std::printf("in-memory block + State::root() rebuild:   %8.2f ms median\n", memory);
  std::printf("ratio in-memory / database: %.1f\n", memory / backed);
  std::printf("batch: %.0f entries, %.0f KiB median\n", median(batch_entries), median(batch_kib));
  db.reset();
  fs::remove_all(dir);
  return 0;
}
