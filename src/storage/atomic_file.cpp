#include "storage/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace dusk::storage {

namespace {

StorageFailure io_failure(StorageError code, const std::string& what, const std::string& path) {
  return StorageFailure(code, what + " " + path + ": " + std::strerror(errno));
}

// Writes everything, retrying short writes and interruptions.
bool write_all(int fd, ByteView data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data = data.subspan(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

StorageStatus write_file_atomically(const std::string& path, ByteView contents) {
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return io_failure(StorageError::kCannotOpen, "cannot create", temp);
  if (!write_all(fd, contents) || ::fsync(fd) != 0) {
    auto failure = io_failure(StorageError::kIo, "cannot write", temp);
    ::close(fd);
    ::unlink(temp.c_str());
    return failure;
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    auto failure = io_failure(StorageError::kIo, "cannot replace", path);
    ::unlink(temp.c_str());
    return failure;
  }
  // The rename itself reaches the disk when the directory is synced.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return io_failure(StorageError::kIo, "cannot open the directory of", path);
  const bool synced = ::fsync(dfd) == 0;
  ::close(dfd);
  if (!synced) return io_failure(StorageError::kIo, "cannot sync the directory of", path);
  return {};
}

}  // namespace dusk::storage
