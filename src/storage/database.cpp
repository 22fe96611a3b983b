#include "storage/database.hpp"

#include <rocksdb/db.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/options.h>
#include <rocksdb/utilities/options_util.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace dusk::storage {

namespace {

// An empty view may have no data pointer; RocksDB compares slices with memcmp, which must
// not see a null pointer even for zero bytes (UBSan).
rocksdb::Slice slice(ByteView b) { return {b.empty() ? "" : reinterpret_cast<const char*>(b.data()), b.size()}; }
ByteView view(const rocksdb::Slice& s) { return {reinterpret_cast<const u8*>(s.data()), s.size()}; }

// RocksDB's status in our vocabulary, its message kept.
StorageFailure failure(const rocksdb::Status& s, const std::string& where) {
  StorageError code = StorageError::kInvalid;
  const std::string what = s.ToString();
  if (s.IsCorruption()) {
    code = StorageError::kCorruption;
  } else if (s.IsIOError()) {
    // A held lock is an I/O error to RocksDB ("lock hold by current process" / "No locks
    // available" / "Resource temporarily unavailable").
    if (what.find("lock") != std::string::npos || what.find("LOCK") != std::string::npos)
      code = StorageError::kInUse;
    else
      code = StorageError::kIo;
  }
  return StorageFailure(code, where + ": " + what);
}

class RocksIterator final : public Database::Iterator {
 public:
  RocksIterator(std::unique_ptr<rocksdb::Iterator> it, Bytes prefix) : it_(std::move(it)), prefix_(std::move(prefix)) {
    it_->Seek(slice(prefix_));
  }
  bool valid() const override { return it_->Valid() && it_->key().starts_with(slice(prefix_)); }
  ByteView key() const override { return view(it_->key()); }
  ByteView value() const override { return view(it_->value()); }
  void next() override { it_->Next(); }
  StorageStatus status() const override {
    const rocksdb::Status s = it_->status();
    if (s.ok()) return {};
    return failure(s, "scan");
  }

 private:
  std::unique_ptr<rocksdb::Iterator> it_;
  Bytes prefix_;
};

}  // namespace

// --- WriteBatch

WriteBatch::WriteBatch() : batch_(std::make_unique<rocksdb::WriteBatch>()) {}
WriteBatch::~WriteBatch() = default;
WriteBatch::WriteBatch(WriteBatch&&) noexcept = default;
WriteBatch& WriteBatch::operator=(WriteBatch&&) noexcept = default;

void WriteBatch::put(const Family& family, ByteView key, ByteView value) {
  (void)batch_->Put(family.handle_, slice(key), slice(value));
}
void WriteBatch::del(const Family& family, ByteView key) { (void)batch_->Delete(family.handle_, slice(key)); }
void WriteBatch::add(const Family& family, ByteView key, i64 delta) {
  if (!family.counts()) {
    // A merge into a family without the counter operator would fail only at write():
    // a programming error, caught here where it is made.
    std::fprintf(stderr, "storage: WriteBatch::add on %s, which is not a counter family\n", family.name().c_str());
    std::abort();
  }
  u8 b[8];
  store_le<u64>(b, static_cast<u64>(delta));
  (void)batch_->Merge(family.handle_, slice(key), slice(ByteView(b, 8)));
}
size_t WriteBatch::count() const { return static_cast<size_t>(batch_->Count()); }
size_t WriteBatch::bytes() const { return batch_->GetDataSize(); }
void WriteBatch::clear() { batch_->Clear(); }

// --- Snapshot

Snapshot::~Snapshot() { db_->ReleaseSnapshot(snapshot_); }

StorageResult<std::optional<Bytes>> Snapshot::get(const Family& family, ByteView key) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  ro.verify_checksums = true;
  rocksdb::PinnableSlice value;
  const rocksdb::Status s = db_->Get(ro, family.handle_, slice(key), &value);
  if (s.IsNotFound()) return std::optional<Bytes>();
  if (!s.ok()) return failure(s, "read from " + family.name());
  return std::optional<Bytes>(Bytes(value.data(), value.data() + value.size()));
}

// --- Counters: a u64 little-endian value plus each delta (two's complement), wrapping.
namespace {
class CounterAdd : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing, const rocksdb::Slice& value, std::string* out,
             rocksdb::Logger*) const override {
    if (value.size() != 8 || (existing && existing->size() != 8)) return false;  // corruption
    u64 sum = load_le<u64>(reinterpret_cast<const u8*>(value.data()));
    if (existing) sum += load_le<u64>(reinterpret_cast<const u8*>(existing->data()));
    u8 b[8];
    store_le<u64>(b, sum);
    out->assign(reinterpret_cast<const char*>(b), 8);
    return true;
  }
  const char* Name() const override { return "dusk.CounterAdd"; }
};
}  // namespace

// --- Database

StorageResult<std::unique_ptr<Database>> Database::open(const Options& options) {
  if (options.path.empty()) return StorageFailure(StorageError::kCannotOpen, "database path is empty");
  std::error_code ec;
  if (std::filesystem::exists(options.path, ec) && !std::filesystem::is_directory(options.path, ec))
    return StorageFailure(StorageError::kCannotOpen, "cannot open the database at " + options.path + ": not a directory");
  if (options.create_if_missing && !options.read_only) {
    std::filesystem::create_directories(options.path, ec);
    if (ec) return StorageFailure(StorageError::kCannotOpen, "cannot create " + options.path + ": " + ec.message());
  }

  rocksdb::Options db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = true;
  db_options.paranoid_checks = true;
  // One process, a handful of threads: no need for RocksDB's default thread pools.
  db_options.IncreaseParallelism(2);
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  db_options.keep_log_file_num = 4;

  std::vector<std::string> names = {rocksdb::kDefaultColumnFamilyName};
  for (const std::string& n : options.column_families)
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  // Families that exist on disk but were not asked for must be opened too.
  std::vector<std::string> existing;
  if (rocksdb::DB::ListColumnFamilies(db_options, options.path, &existing).ok())
    for (const std::string& n : existing)
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);

  auto is_counter = [&](const std::string& n) {
    return std::find(options.counter_families.begin(), options.counter_families.end(), n) != options.counter_families.end();
  };
  const auto counter_add = std::make_shared<CounterAdd>();
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& n : names) {
    rocksdb::ColumnFamilyOptions cf(db_options);
    if (is_counter(n)) cf.merge_operator = counter_add;
    descriptors.emplace_back(n, cf);
  }

  std::unique_ptr<Database> db(new Database());
  db->path_ = options.path;
  db->sync_ = options.sync;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status s = options.read_only
                                ? rocksdb::DB::OpenForReadOnly(db_options, options.path, descriptors, &db->handles_, &raw)
                                : rocksdb::DB::Open(db_options, options.path, descriptors, &db->handles_, &raw);
  if (!s.ok()) return failure(s, "cannot open the database at " + options.path);
  db->db_.reset(raw);
  for (size_t i = 0; i < names.size(); ++i)
    db->families_.push_back(std::unique_ptr<Family>(new Family(names[i], db->handles_[i], is_counter(names[i]))));
  return db;
}

Database::~Database() {
  if (!db_) return;
  for (rocksdb::ColumnFamilyHandle* h : handles_) (void)db_->DestroyColumnFamilyHandle(h);
  (void)db_->Close();
}

const Family* Database::find_family(std::string_view name) const {
  for (const auto& f : families_)
    if (f->name() == name) return f.get();
  return nullptr;
}

const Family& Database::family(std::string_view name) const {
  const Family* f = find_family(name);
  if (!f) std::abort();  // a programming error: the caller names the families it opens
  return *f;
}

StorageResult<std::optional<Bytes>> Database::get(const Family& family, ByteView key) const {
  rocksdb::ReadOptions ro;
  ro.verify_checksums = true;
  rocksdb::PinnableSlice value;
  const rocksdb::Status s = db_->Get(ro, family.handle_, slice(key), &value);
  if (s.IsNotFound()) return std::optional<Bytes>();
  if (!s.ok()) return failure(s, "read from " + family.name());
  return std::optional<Bytes>(Bytes(value.data(), value.data() + value.size()));
}

StorageStatus Database::write(const WriteBatch& batch) {
  rocksdb::WriteOptions wo;
  wo.sync = sync_;
  const rocksdb::Status s = db_->Write(wo, batch.batch_.get());
  if (!s.ok()) return failure(s, "write to " + path_);
  return {};
}

std::unique_ptr<Snapshot> Database::snapshot() const {
  return std::unique_ptr<Snapshot>(new Snapshot(db_.get(), db_->GetSnapshot()));
}

std::unique_ptr<Database::Iterator> Database::iterate(const Family& family, ByteView prefix) const {
  rocksdb::ReadOptions ro;
  ro.verify_checksums = true;
  return std::make_unique<RocksIterator>(std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(ro, family.handle_)),
                                         Bytes(prefix.begin(), prefix.end()));
}

}  // namespace dusk::storage
