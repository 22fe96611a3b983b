// The node's database: RocksDB with named column families, atomic write batches and
// snapshots. Every write of the project goes through it.
//
//   auto db = Database::open({.path = dir, .column_families = {"pages", "commits"}});
//   WriteBatch batch;
//   batch.put(db->family("pages"), key, value);
//   batch.del(db->family("commits"), old);
//   DUSK_TRY(db->write(batch));   // all of it or none of it, durable when it returns
//
// Crash safety: a batch is one entry of RocksDB's write-ahead log, applied whole or not
// at all when the database is opened again, and write() syncs the log before returning
// (Options::sync), so a batch that was acknowledged survives a crash or a SIGKILL
// (tests/unit/storage/crash_test.cpp kills a writer at random moments).
//
// Thread safety: a Database may be read and written from several threads; a WriteBatch
// and a Snapshot belong to one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "storage/storage_error.hpp"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class Snapshot;
class WriteBatch;
}  // namespace rocksdb

namespace dusk::storage {

// A column family of an open database (valid while the database is open).
class Family {
 public:
  const std::string& name() const { return name_; }
  // A family of counters (Options::counter_families): WriteBatch::add works on it.
  bool counts() const { return counts_; }

 private:
  friend class Database;
  friend class WriteBatch;
  friend class Snapshot;
  Family(std::string name, rocksdb::ColumnFamilyHandle* handle, bool counts)
      : name_(std::move(name)), handle_(handle), counts_(counts) {}
  std::string name_;
  rocksdb::ColumnFamilyHandle* handle_;
  bool counts_;
};

// Changes applied together by Database::write.
class WriteBatch {
 public:
  WriteBatch();
  ~WriteBatch();
  WriteBatch(WriteBatch&&) noexcept;
  WriteBatch& operator=(WriteBatch&&) noexcept;

  void put(const Family& family, ByteView key, ByteView value);
  void del(const Family& family, ByteView key);
  // Adds `delta` to the u64 counter at `key` (8 bytes, little-endian; absent is 0) without
  // reading it: the database adds it when the key is next read or compacted. Only for a
  // family opened as a counter family; wraps modulo 2^64 like unsigned arithmetic.
  void add(const Family& family, ByteView key, i64 delta);
  size_t count() const;
  // Bytes of the batch's encoding (keys, values and headers).
  size_t bytes() const;
  void clear();

 private:
  friend class Database;
  std::unique_ptr<rocksdb::WriteBatch> batch_;
};

// A consistent view of the database as of its creation, for reads that must not see
// later writes. Released when destroyed; must not outlive its Database.
class Snapshot {
 public:
  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  StorageResult<std::optional<Bytes>> get(const Family& family, ByteView key) const;

 private:
  friend class Database;
  Snapshot(rocksdb::DB* db, const rocksdb::Snapshot* snapshot) : db_(db), snapshot_(snapshot) {}
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
};

struct Options {
  std::string path;                          // a directory; created when missing
  std::vector<std::string> column_families;  // created when missing ("default" always exists)
  std::vector<std::string> counter_families = {};  // of those, the ones holding u64 counters
                                             // (WriteBatch::add); a family must be opened
                                             // as a counter family every time once added to
  bool create_if_missing = true;
  bool sync = true;                          // write() returns once the log is on disk
  bool read_only = false;
};

class Database {
 public:
  static StorageResult<std::unique_ptr<Database>> open(const Options& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // A family the database was opened with; nullptr for any other name.
  const Family* find_family(std::string_view name) const;
  // The family of that name (it must be one the database was opened with).
  const Family& family(std::string_view name) const;
  const Family& default_family() const { return *families_.front(); }

  StorageResult<std::optional<Bytes>> get(const Family& family, ByteView key) const;
  StorageStatus write(const WriteBatch& batch);
  std::unique_ptr<Snapshot> snapshot() const;

  // Calls `visit(key, value)` for every key of `family` that starts with `prefix`, in
  // key order, until it returns false.
  template <typename Visit>
  StorageStatus scan(const Family& family, ByteView prefix, Visit&& visit) const;

  const std::string& path() const { return path_; }

  class Iterator;

 private:
  std::unique_ptr<Iterator> iterate(const Family& family, ByteView prefix) const;
  Database() = default;
  std::string path_;
  bool sync_ = true;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<std::unique_ptr<Family>> families_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

// A forward cursor over one family's keys with a prefix (Database::scan).
class Database::Iterator {
 public:
  virtual ~Iterator() = default;
  virtual bool valid() const = 0;
  virtual ByteView key() const = 0;
  virtual ByteView value() const = 0;
  virtual void next() = 0;
  virtual StorageStatus status() const = 0;
};

template <typename Visit>
StorageStatus Database::scan(const Family& family, ByteView prefix, Visit&& visit) const {
  auto it = iterate(family, prefix);
  for (; it->valid(); it->next())
    if (!visit(it->key(), it->value())) break;
  return it->status();
}

}  // namespace dusk::storage
