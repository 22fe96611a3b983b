// write_file_atomically (src/storage/atomic_file.hpp): writes, replaces, leaves no
// temporary file behind, and fails cleanly where it cannot write. Its behaviour under
// SIGKILL is in crash_test.cpp.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "storage/atomic_file.hpp"

namespace dusk::storage {
namespace {

namespace fs = std::filesystem;

Bytes read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(AtomicFile, WritesAndReplaces) {
  const fs::path dir = fs::temp_directory_path() / ("dusk-atomic-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "f.bin";
  ASSERT_TRUE(write_file_atomically(file.string(), Bytes{1, 2, 3}).ok());
  EXPECT_EQ(read_all(file), (Bytes{1, 2, 3}));
  ASSERT_TRUE(write_file_atomically(file.string(), Bytes(100000, 7)).ok());
  EXPECT_EQ(read_all(file), Bytes(100000, 7));
  ASSERT_TRUE(write_file_atomically(file.string(), {}).ok());
  EXPECT_TRUE(read_all(file).empty());
  // Nothing but the file is left in the directory.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
  fs::remove_all(dir);
}

TEST(AtomicFile, FailsCleanly) {
  const fs::path dir = fs::temp_directory_path() / ("dusk-atomic-missing-" + std::to_string(getpid()));
  fs::remove_all(dir);
  auto r = write_file_atomically((dir / "f.bin").string(), Bytes{1});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, StorageError::kCannotOpen);
  EXPECT_NE(r.error().message.find("cannot create"), std::string::npos) << r.error().message;
  // A directory where the file should be: the rename fails and the directory stays.
  fs::create_directories(dir / "f.bin");
  r = write_file_atomically((dir / "f.bin").string(), Bytes{1});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, StorageError::kIo);
  EXPECT_TRUE(fs::is_directory(dir / "f.bin"));
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dusk::storage
