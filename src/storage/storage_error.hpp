// Why a storage operation failed. The message says what RocksDB said, and where.
#pragma once

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::storage {

enum class StorageError : u8 {
  kInUse = 1,          // another process holds the database's lock
  kCannotOpen,         // the path cannot be created or read (permissions, not a directory)
  kCorruption,         // a file of the database does not read back as written
  kIo,                 // the disk failed (full, read-only, I/O error)
  kUnknownColumnFamily,  // a column family the database was not opened with
  kInvalid,            // anything else RocksDB refused (options, arguments)
};

using StorageFailure = Failure<StorageError>;
template <typename T>
using StorageResult = Result<T, StorageFailure>;
using StorageStatus = Result<void, StorageFailure>;

}  // namespace dusk::storage
