// A SIGKILL at any moment leaves the database at an acknowledged batch or the one after,
// never a mix of two. A child process writes batches that set ten keys (in two families)
// to its batch number and reports each batch once write() returned; the parent kills it
// at a random moment, reopens the database, and checks that every key holds the same
// number, and that it is the last acknowledged batch or the next one.
//
// The same for whole files written by write_file_atomically: after a kill the file holds
// one whole version, the last acknowledged or the next.
//
// DUSK_CRASH_ROUNDS sets the number of kills (default 12; `make bench` runs a long form).
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
#include <string>
#include <thread>

#include "base/int.hpp"
#include "storage/atomic_file.hpp"
#include "storage/database.hpp"
#include "support/kill_at_random.hpp"

namespace dusk::storage {
namespace {

namespace fs = std::filesystem;

constexpr int kKeys = 10;
const std::vector<std::string> kFamilies = {"a", "b"};

Bytes key(int i) { return Bytes{'k', static_cast<u8>(i)}; }
Bytes number(u64 n) {
  Bytes out(8);
  store_be<u64>(out.data(), n);
  return out;
}

// The child: open, then write batch after batch, acknowledging each on `ack`.
[[noreturn]] void writer(const std::string& path, int ack) {
  auto db = Database::open({.path = path, .column_families = kFamilies});
  if (!db.ok()) _exit(3);
  // Continue from what is there.
  u64 n = 0;
  if (auto r = (*db)->get((*db)->family("a"), key(0)); r.ok() && r->has_value()) n = load_be<u64>((*r)->data());
  for (;;) {
    ++n;
    WriteBatch batch;
    for (int i = 0; i < kKeys; ++i) batch.put((*db)->family(kFamilies[i % 2]), key(i), number(n));
    // A large value too, so that batches cross file and memtable boundaries.
    batch.put((*db)->family("b"), Bytes{'b', 'i', 'g'}, Bytes(64 * 1024, static_cast<u8>(n)));
    if (!(*db)->write(batch).ok()) _exit(4);
    if (write(ack, &n, sizeof n) != sizeof n) _exit(5);
  }
}

TEST(StorageCrash, KillAtRandomMomentsLeavesAWholeBatch) {
  const int rounds = test::crash_rounds(12);
  const fs::path dir = fs::temp_directory_path() / ("dusk-crash-" + std::to_string(getpid()));
  fs::remove_all(dir);
  std::mt19937_64 rng(std::random_device{}());
  u64 acknowledged = 0;
  for (int round = 0; round < rounds; ++round) {
    // Let it run between 5 and 80 ms.
    const auto run = test::kill_at_random<u64>([&](int ack) { writer(dir.string(), ack); }, rng, 5, 80);
    ASSERT_TRUE(run.started);
    ASSERT_TRUE(run.killed) << "the writer exited by itself with status " << run.exit_status;
    if (!run.acknowledged.empty()) acknowledged = run.acknowledged.back();

    auto db = Database::open({.path = dir.string(), .column_families = kFamilies});
    ASSERT_TRUE(db.ok()) << "round " << round << ": " << db.error().message;
    u64 found = 0;
    for (int i = 0; i < kKeys; ++i) {
      auto r = (*db)->get((*db)->family(kFamilies[i % 2]), key(i));
      ASSERT_TRUE(r.ok()) << r.error().message;
      const u64 v = r->has_value() ? load_be<u64>((*r)->data()) : 0;
      if (i == 0) found = v;
      ASSERT_EQ(v, found) << "round " << round << ": key " << i << " from another batch";
    }
    auto big = (*db)->get((*db)->family("b"), Bytes{'b', 'i', 'g'});
    ASSERT_TRUE(big.ok());
    if (found > 0) {
      ASSERT_TRUE(big->has_value());
      EXPECT_EQ((**big)[0], static_cast<u8>(found));
      EXPECT_EQ((**big)[64 * 1024 - 1], static_cast<u8>(found));
    }
    // Acknowledged means durable; at most the batch in flight beyond it.
    ASSERT_GE(found, acknowledged) << "round " << round << ": an acknowledged batch was lost";
    ASSERT_LE(found, acknowledged + 1) << "round " << round;
    acknowledged = found;
  }
  fs::remove_all(dir);
}

// A file of version n: 256 KiB of the byte n, after n itself.
Bytes file_version(u64 n) {
  Bytes out = number(n);
  out.resize(8 + 256 * 1024, static_cast<u8>(n));
  return out;
}

[[noreturn]] void file_writer(const std::string& path, int ack) {
  u64 n = 0;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    Bytes b(8);
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f || std::fread(b.data(), 1, 8, f) != 8) _exit(3);
    std::fclose(f);
    n = load_be<u64>(b.data());
  }
  for (;;) {
    ++n;
    if (!write_file_atomically(path, file_version(n)).ok()) _exit(4);
    if (write(ack, &n, sizeof n) != sizeof n) _exit(5);
  }
}

TEST(StorageCrash, KillDuringAtomicFileWritesLeavesAWholeVersion) {
  const int rounds = test::crash_rounds(12);
  const fs::path dir = fs::temp_directory_path() / ("dusk-file-crash-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "out.bin").string();
  std::mt19937_64 rng(std::random_device{}());
  u64 acknowledged = 0;
  for (int round = 0; round < rounds; ++round) {
    const auto run = test::kill_at_random<u64>([&](int ack) { file_writer(path, ack); }, rng, 2, 41);
    ASSERT_TRUE(run.started);
    ASSERT_TRUE(run.killed) << "the writer exited by itself with status " << run.exit_status;
    if (!run.acknowledged.empty()) acknowledged = run.acknowledged.back();
    if (!fs::exists(path)) {
      ASSERT_EQ(acknowledged, 0u) << "round " << round << ": an acknowledged file vanished";
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    const Bytes contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GE(contents.size(), 8u) << "round " << round;
    const u64 found = load_be<u64>(contents.data());
    ASSERT_EQ(contents, file_version(found)) << "round " << round << ": a torn file";
    ASSERT_GE(found, acknowledged) << "round " << round << ": an acknowledged version was lost";
    ASSERT_LE(found, acknowledged + 1) << "round " << round;
    acknowledged = found;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dusk::storage
