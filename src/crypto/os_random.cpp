#include "crypto/os_random.hpp"

#include <sys/random.h>

#include <cerrno>

namespace dusk::crypto {

bool os_random_bytes(std::span<u8> out) {
  size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = getrandom(out.data() + done, out.size() - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace dusk::crypto
