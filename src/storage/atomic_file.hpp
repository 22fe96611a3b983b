// Whole files written so that a crash leaves the old contents or the new, never a part:
// for what a tool hands the user as a file (dusk-vm attach-abi's output, keys, exports).
// The contents go to a temporary file beside the target, are synced, renamed over it,
// and the directory is synced.
#pragma once

#include <string>

#include "base/bytes.hpp"
#include "storage/storage_error.hpp"

namespace dusk::storage {

// Errors: kCannotOpen (the directory is missing or not writable), kIo (writing, syncing
// or renaming failed; the target is then as it was, and the temporary file is removed).
StorageStatus write_file_atomically(const std::string& path, ByteView contents);

}  // namespace dusk::storage
