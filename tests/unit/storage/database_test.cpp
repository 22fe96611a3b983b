// The storage wrapper (src/storage/database.hpp): families, atomic batches, snapshots,
// prefix scans, persistence across reopening, and clear failures.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "storage/database.hpp"

namespace dusk::storage {
namespace {

namespace fs = std::filesystem;

Bytes b(std::string_view s) { return Bytes(s.begin(), s.end()); }

// A fresh directory under the test's temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("dusk-storage-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::unique_ptr<Database> open_db(const fs::path& p) {
  auto db = Database::open({.path = p.string(), .column_families = {"pages", "commits"}});
  EXPECT_TRUE(db.ok()) << db.error().message;
  return db.ok() ? std::move(db).value() : nullptr;
}

TEST(Database, BatchesPersistAcrossReopening) {
  TempDir dir;
  {
    auto db = open_db(dir.path);
    ASSERT_NE(db, nullptr);
    WriteBatch batch;
    batch.put(db->family("pages"), b("p1"), b("one"));
    batch.put(db->family("pages"), b("p2"), b("two"));
    batch.put(db->family("commits"), b("c1"), b("root"));
    EXPECT_EQ(batch.count(), 3u);
    ASSERT_TRUE(db->write(batch).ok());
    WriteBatch del;
    del.del(db->family("pages"), b("p1"));
    ASSERT_TRUE(db->write(del).ok());
  }
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(*db->get(db->family("pages"), b("p2")), std::optional<Bytes>(b("two")));
  EXPECT_EQ(*db->get(db->family("pages"), b("p1")), std::nullopt);
  EXPECT_EQ(*db->get(db->family("commits"), b("c1")), std::optional<Bytes>(b("root")));
  // Families are separate key spaces.
  EXPECT_EQ(*db->get(db->family("commits"), b("p2")), std::nullopt);
  EXPECT_EQ(db->find_family("nope"), nullptr);
}

TEST(Database, SnapshotsDoNotSeeLaterWrites) {
  TempDir dir;
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  const Family& pages = db->family("pages");
  WriteBatch first;
  first.put(pages, b("k"), b("old"));
  ASSERT_TRUE(db->write(first).ok());
  auto snap = db->snapshot();
  WriteBatch second;
  second.put(pages, b("k"), b("new"));
  second.put(pages, b("k2"), b("x"));
  ASSERT_TRUE(db->write(second).ok());
  EXPECT_EQ(*snap->get(pages, b("k")), std::optional<Bytes>(b("old")));
  EXPECT_EQ(*snap->get(pages, b("k2")), std::nullopt);
  EXPECT_EQ(*db->get(pages, b("k")), std::optional<Bytes>(b("new")));
}

TEST(Database, ScanVisitsAPrefixInKeyOrder) {
  TempDir dir;
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  const Family& pages = db->family("pages");
  WriteBatch batch;
  for (const char* k : {"a/3", "a/1", "b/1", "a/2", "a"}) batch.put(pages, b(k), b(k));
  ASSERT_TRUE(db->write(batch).ok());
  std::vector<std::string> seen;
  ASSERT_TRUE(db->scan(pages, b("a/"), [&](ByteView key, ByteView value) {
                  EXPECT_TRUE(std::equal(key.begin(), key.end(), value.begin(), value.end()));
                  seen.emplace_back(key.begin(), key.end());
                  return true;
                }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"a/1", "a/2", "a/3"}));
  seen.clear();
  ASSERT_TRUE(db->scan(pages, b("a/"), [&](ByteView key, ByteView) {
                  seen.emplace_back(key.begin(), key.end());
                  return false;  // stop after the first
                }).ok());
  EXPECT_EQ(seen.size(), 1u);
}

TEST(Database, ScanWithAnEmptyPrefixVisitsEveryKey) {
  TempDir dir;
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  const Family& pages = db->family("pages");
  WriteBatch batch;
  for (const char* k : {"b", "a/1", "c/2"}) batch.put(pages, b(k), b(k));
  batch.put(db->family("commits"), b("x"), b("x"));  // another family: not visited
  ASSERT_TRUE(db->write(batch).ok());
  std::vector<std::string> seen;
  ASSERT_TRUE(db->scan(pages, {}, [&](ByteView key, ByteView) {
                  seen.emplace_back(key.begin(), key.end());
                  return true;
                }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"a/1", "b", "c/2"}));
}

TEST(Database, CountersAddWithoutReadingAcrossBatchesAndReopening) {
  TempDir dir;
  const Bytes a = {'a'}, b = {'b'};
  auto read = [](const Database& db, ByteView key) -> std::optional<u64> {
    auto r = db.get(db.family("n"), key);
    EXPECT_TRUE(r.ok());
    if (!r.ok() || !r->has_value()) return std::nullopt;
    EXPECT_EQ((*r)->size(), 8u);
    return load_le<u64>((*r)->data());
  };
  {
    auto db = Database::open({.path = dir.path.string(), .column_families = {"n", "plain"}, .counter_families = {"n"}});
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_TRUE((*db)->family("n").counts());
    EXPECT_FALSE((*db)->family("plain").counts());
    WriteBatch w;
    w.add((*db)->family("n"), a, 5);
    w.add((*db)->family("n"), a, 3);
    w.add((*db)->family("n"), b, 1);
    ASSERT_TRUE((*db)->write(w).ok());
    EXPECT_EQ(read(**db, a), 8u);
    WriteBatch x;
    x.add((*db)->family("n"), a, -2);
    x.del((*db)->family("n"), b);
    x.add((*db)->family("n"), b, 4);  // after a delete, counting starts again from zero
    ASSERT_TRUE((*db)->write(x).ok());
  }
  auto db = Database::open({.path = dir.path.string(), .column_families = {"n", "plain"}, .counter_families = {"n"}});
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(read(**db, a), 6u);
  EXPECT_EQ(read(**db, b), 4u);
  // A put sets the counter outright; adds go on from there.
  WriteBatch y;
  u8 ten[8];
  store_le<u64>(ten, 10);
  y.put((*db)->family("n"), a, ByteView(ten, 8));
  y.add((*db)->family("n"), a, 1);
  ASSERT_TRUE((*db)->write(y).ok());
  EXPECT_EQ(read(**db, a), 11u);
}

TEST(Database, AFileWhereTheDirectoryShouldBeIsRefused) {
  TempDir dir;
  fs::create_directories(dir.path);
  const fs::path file = dir.path / "file";
  std::ofstream(file) << "not a database";
  auto db = Database::open({.path = file.string(), .column_families = {}});
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, StorageError::kCannotOpen);
  EXPECT_NE(db.error().message.find("not a directory"), std::string::npos) << db.error().message;
}

TEST(Database, ASecondOpenerIsToldTheDatabaseIsInUse) {
  TempDir dir;
  auto first = open_db(dir.path);
  ASSERT_NE(first, nullptr);
  auto second = Database::open({.path = dir.path.string(), .column_families = {}});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, StorageError::kInUse) << second.error().message;
  EXPECT_NE(second.error().message.find(dir.path.string()), std::string::npos) << second.error().message;
}

TEST(Database, CorruptedFilesAreReportedAsCorruption) {
  TempDir dir;
  {
    auto db = open_db(dir.path);
    ASSERT_NE(db, nullptr);
    WriteBatch batch;
    for (int i = 0; i < 100; ++i) batch.put(db->family("pages"), b("key" + std::to_string(i)), Bytes(100, u8(i)));
    ASSERT_TRUE(db->write(batch).ok());
  }
  // Overwrite the middle of every file RocksDB wrote (log, manifest, tables).
  for (const auto& e : fs::directory_iterator(dir.path)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name == "LOCK" || name == "CURRENT" || name.starts_with("LOG") ||
        name.starts_with("OPTIONS") || name == "IDENTITY")
      continue;
    const auto size = e.file_size();
    if (size < 64) continue;
    std::fstream f(e.path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    const std::string garbage(32, '\xa5');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  auto db = Database::open({.path = dir.path.string(), .column_families = {"pages", "commits"}});
  if (db.ok()) {
    // Opened (the damage was in data RocksDB reads lazily): the reads must fail, not lie.
    bool failed = false;
    for (int i = 0; i < 100 && !failed; ++i) {
      auto r = (*db)->get((*db)->family("pages"), b("key" + std::to_string(i)));
      if (!r.ok()) {
        EXPECT_EQ(r.error().code, StorageError::kCorruption) << r.error().message;
        failed = true;
      } else {
        ASSERT_TRUE(!r->has_value() || **r == Bytes(100, u8(i))) << i;
      }
    }
  } else {
    EXPECT_EQ(db.error().code, StorageError::kCorruption) << db.error().message;
  }
}

}  // namespace
}  // namespace dusk::storage
