// A SIGKILL during a commit leaves the store at the old head or the new one, never a
// mix: a child deploys a counter and then loops (increment, grow a page, commit as
// head, forget the previous head, report the root); the parent kills it at a random
// moment, reopens the store and checks that the head is the last reported root or the
// next one, that every page of it is there, that a session from it reads the counter
// the commit recorded, and that the store holds exactly what its commits need (a
// forget cut short neither leaks nor deletes too much).
//
// DUSK_CRASH_ROUNDS sets the number of kills (default 8).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>

#include "duskvm/runtime/session.hpp"
#include "store_census.hpp"
#include "support/kill_at_random.hpp"

namespace dusk::vm {
namespace {

namespace fs = std::filesystem;

Bytes counter_code() {
  std::ifstream in(std::string(DUSK_CONTRACTS_DIR) + "/counter.wasm", std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

constexpr u64 kGas = 10'000'000;
const Bytes kOwner = {1};

[[noreturn]] void writer(const std::string& dir, int ack) {
  auto store = StateStore::open(dir);
  if (!store.ok()) _exit(3);
  auto head = (*store)->head();
  if (!head.ok()) _exit(4);
  auto session = Session::open(**store, *head);
  if (!session.ok()) _exit(5);
  const ContractId id = contract_id(counter_code(), 0, kOwner);
  if (!(*session)->contracts().count(id) && !(*session)->deploy(counter_code(), kOwner, 0, Bytes(4, 0), kGas).ok) _exit(6);
  Hash256 previous = *head;
  for (;;) {
    if (!(*session)->call(id, "increment", {}, kGas).ok) _exit(7);
    auto root = (*session)->commit(true);
    if (!root.ok()) _exit(8);
    if (previous != *root && !(*store)->forget(previous).ok()) _exit(10);
    previous = *root;
    if (write(ack, root->data(), root->size()) != static_cast<ssize_t>(root->size())) _exit(9);
  }
}

TEST(SessionCrash, KillDuringCommitsLeavesAWholeCommit) {
  const int rounds = dusk::test::crash_rounds(8);
  const fs::path dir = fs::temp_directory_path() / ("dusk-session-crash-" + std::to_string(getpid()));
  fs::remove_all(dir);
  std::mt19937_64 rng(std::random_device{}());
  std::vector<Hash256> acked = {Hash256{}};
  for (int round = 0; round < rounds; ++round) {
    const auto run = dusk::test::kill_at_random<Hash256>([&](int ack) { writer(dir.string(), ack); }, rng, 20, 169);
    ASSERT_TRUE(run.started);
    ASSERT_TRUE(run.killed) << "the writer exited by itself with status " << run.exit_status;
    acked.insert(acked.end(), run.acknowledged.begin(), run.acknowledged.end());

    auto store = StateStore::open(dir.string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto head = (*store)->head();
    ASSERT_TRUE(head.ok()) << head.error().message;
    // The head is the last acknowledged commit, or one written but not yet reported.
    const bool known = *head == acked.back();
    if (!known) acked.push_back(*head);
    // Everything the head needs is there and reads back consistently.
    auto contracts = (*store)->contracts(*head);
    ASSERT_TRUE(contracts.ok()) << "round " << round << ": " << contracts.error().message;
    for (const auto& [id, state] : *contracts) {
      auto pages = (*store)->page_table(state.memory_root, state.memory_pages);
      ASSERT_TRUE(pages.ok()) << pages.error().message;
      pages->for_each([&](u32 index, const Hash256& hash) { ASSERT_TRUE((*store)->page(hash).ok()) << index; });
    }
    test::expect_no_leak(**store, "round " + std::to_string(round));
    auto session = Session::open(**store, *head);
    ASSERT_TRUE(session.ok());
    if (!contracts->empty()) {
      const Receipt r = (*session)->call(contracts->begin()->first, "get", {}, kGas);
      ASSERT_TRUE(r.ok) << r.error;
      EXPECT_EQ((*session)->root(), *head);
    }
  }
  EXPECT_GT(acked.size(), 1u) << "no commit was ever acknowledged";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dusk::vm
