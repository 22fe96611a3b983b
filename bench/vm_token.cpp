// Token transfers per second through the DuskVM session API, on one core: the token
// example (contracts/examples/token) deployed in a fresh state directory, accounts
// funded, then transfers between random funded accounts, committed in blocks.
//
//   build/release/bench/vm_token [--transfers N] [--accounts N] [--block N] [--runs N]
//
// Defaults: 100,000 transfers among 10,000 accounts, a commit every 1,000. Prints, for
// the median of N runs (default 3): transfers per second with and without the commits'
// time, the gas of a transfer, and the pages a block's commit writes.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "duskvm/runtime/session.hpp"

namespace {

using namespace dusk;
using Clock = std::chrono::steady_clock;

constexpr u64 kGas = 10'000'000;

u64 splitmix(u64& s) {
  u64 z = (s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

Bytes32 account_of(u64 i) {
  Bytes32 a{};
  u64 s = i * 7919 + 1;
  for (size_t k = 0; k < 32; k += 8) store_le<u64>(a.data() + k, splitmix(s));
  return a;
}

Bytes transfer_arg(const Bytes32& to, u64 amount) {
  Bytes b(to.begin(), to.end());
  b.resize(40);
  store_le<u64>(b.data() + 32, amount);
  return b;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "vm_token: %s\n", what.c_str());
  std::exit(1);
}

struct Run {
  double seconds_calls = 0, seconds_commits = 0;
  u64 gas = 0;
  size_t pages = 0;
};

Run run_once(const Bytes& code, u64 transfers, u64 accounts, u64 block, const std::string& dir) {
  std::filesystem::remove_all(dir);
  auto store = vm::StateStore::open(dir);
  if (!store.ok()) fail("cannot open the state store");
  auto s = vm::Session::open(**store, Hash256{});
  if (!s.ok()) fail(s.error().message);
  auto& session = **s;
  const Bytes32 treasury = account_of(0);
  Bytes init(8);
  store_le<u64>(init.data(), accounts * 1'000'000);
  const vm::Receipt d = session.deploy(code, treasury, 0, init, kGas);
  if (!d.ok) fail("deploy: " + d.error);
  const vm::ContractId token = *d.deployed;
  for (u64 i = 1; i < accounts; ++i) {
    const vm::Receipt r = session.call(token, "transfer", transfer_arg(account_of(i), 1'000'000), kGas, treasury);
    if (!r.ok) fail("funding: " + r.error);
  }
  if (!session.commit().ok()) fail("commit");

  std::vector<Bytes32> ids(accounts);
  for (u64 i = 0; i < accounts; ++i) ids[i] = account_of(i);
  Run out;
  u64 seed = 1;
  std::vector<std::pair<Bytes, Bytes>> calls;  // argument, origin
  calls.reserve(block);
  for (u64 done = 0; done < transfers; done += block) {
    calls.clear();
    for (u64 k = 0; k < block; ++k) {
      const Bytes32& from = ids[splitmix(seed) % accounts];
      const Bytes32& to = ids[splitmix(seed) % accounts];
      calls.emplace_back(transfer_arg(to, 1 + splitmix(seed) % 100), Bytes(from.begin(), from.end()));
    }
    const auto t0 = Clock::now();
    for (const auto& [arg, origin] : calls) {
      const vm::Receipt r = session.call(token, "transfer", arg, kGas, origin);
      if (!r.ok) fail("transfer: " + r.error);
      out.gas += r.gas_spent;
    }
    const auto t1 = Clock::now();
    auto root = session.commit();
    if (!root.ok()) fail("commit: " + root.error().message);
    const auto t2 = Clock::now();
    out.seconds_calls += std::chrono::duration<double>(t1 - t0).count();
    out.seconds_commits += std::chrono::duration<double>(t2 - t1).count();
  }
  // Pages one more block writes.
  auto before = session.commit();
  for (u64 k = 0; k < block; ++k) {
    const Bytes32& from = ids[splitmix(seed) % accounts];
    (void)session.call(token, "transfer", transfer_arg(ids[splitmix(seed) % accounts], 1), kGas, from);
  }
  auto after = session.commit();
  auto ta = (*store)->contracts(*before), tb = (*store)->contracts(*after);
  auto pa = (*store)->page_table(ta->at(token).memory_root, ta->at(token).memory_pages);
  auto pb = (*store)->page_table(tb->at(token).memory_root, tb->at(token).memory_pages);
  pb->for_each([&](u32 index, const Hash256& hash) {
    if (pa->find(index) != hash) ++out.pages;
  });
  s->reset();
  store->reset();
  std::filesystem::remove_all(dir);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  u64 transfers = 100'000, accounts = 10'000, block = 1'000;
  int runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string opt = argv[i];
    const u64 v = std::strtoull(argv[i + 1], nullptr, 10);
    if (opt == "--transfers") transfers = v;
    else if (opt == "--accounts") accounts = v;
    else if (opt == "--block") block = v;
    else if (opt == "--runs") runs = static_cast<int>(v);
    else fail("unknown option " + opt);
  }
  if (!transfers || accounts < 2 || !block || runs < 1) fail("bad options");
  std::ifstream in(DUSK_CONTRACT_DIR "/token.wasm", std::ios::binary);
  if (!in) fail("cannot read " DUSK_CONTRACT_DIR "/token.wasm (build the target contracts)");
  const Bytes code((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string dir = (std::filesystem::temp_directory_path() / ("dusk-vm-token-" + std::to_string(getpid()))).string();

  std::vector<Run> results;
  for (int r = 0; r < runs; ++r) results.push_back(run_once(code, transfers, accounts, block, dir));
  std::sort(results.begin(), results.end(),
            [](const Run& a, const Run& b) { return a.seconds_calls + a.seconds_commits < b.seconds_calls + b.seconds_commits; });
  const Run& m = results[results.size() / 2];
  const u64 done = (transfers + block - 1) / block * block;
  std::printf("token transfers: %llu among %llu accounts, a commit every %llu (median of %d runs)\n",
              static_cast<unsigned long long>(done), static_cast<unsigned long long>(accounts),
              static_cast<unsigned long long>(block), runs);
  std::printf("  calls only:        %10.0f transfers/s\n", static_cast<double>(done) / m.seconds_calls);
  std::printf("  calls and commits: %10.0f transfers/s\n", static_cast<double>(done) / (m.seconds_calls + m.seconds_commits));
  std::printf("  gas per transfer:  %10.1f\n", static_cast<double>(m.gas) / static_cast<double>(done));
  std::printf("  pages per commit:  %10zu (of %llu transfers)\n", m.pages, static_cast<unsigned long long>(block));
  return 0;
}
