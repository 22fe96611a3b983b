// SHA-256 (FIPS 180-4).
//
// Constant time in the content of the input (no data-dependent branches or table
// lookups). Objects are not thread safe; distinct objects can be used from distinct threads.
#pragma once

#include <array>
#include <cstddef>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "crypto/hash/detail/md_buffer.hpp"

namespace dusk::crypto {

// Incremental SHA-256. Usage: update() any number of times, then final().
// After final(), call init() before hashing another message.
// Messages are limited to 2^64 - 1 bits, as FIPS 180-4 requires.
class Sha256 {
 public:
  static constexpr size_t kDigestSize = 32;
  static constexpr size_t kBlockSize = 64;

  Sha256() { init(); }
  void init();
  void update(ByteView data);
  std::array<u8, kDigestSize> final();

 private:
  std::array<u32, 8> h_;
  MdBuffer buf_;
};

// One-shot form.
std::array<u8, 32> sha256(ByteView data);

}  // namespace dusk::crypto
