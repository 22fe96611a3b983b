// The message buffering and padding shared by Merkle-Damgard hashes with 64-byte blocks
// and a 64-bit message bit length in the last block (SHA-256 stores it big-endian,
// RIPEMD-160 little-endian). The hash supplies its compression function.
#pragma once

#include <algorithm>
#include <array>
#include <cstring>

#include "base/bytes.hpp"
#include "base/int.hpp"

namespace dusk::crypto {

class MdBuffer {
 public:
  static constexpr size_t kBlockSize = 64;

  void reset() {
    len_ = 0;
    total_ = 0;
  }

  // Feeds data; compress(const u8* block) runs on every complete block.
  template <typename Compress>
  void update(ByteView data, Compress&& compress) {
    const u8* p = data.data();
    size_t n = data.size();
    if (n == 0) return;  // data() may be null; memcpy must not see it
    total_ += n;
    if (len_ != 0) {
      const size_t take = std::min(n, kBlockSize - len_);
      std::memcpy(buf_.data() + len_, p, take);
      len_ += take;
      p += take;
      n -= take;
      if (len_ < kBlockSize) return;
      compress(buf_.data());
      len_ = 0;
    }
    for (; n >= kBlockSize; p += kBlockSize, n -= kBlockSize) compress(p);
    if (n != 0) std::memcpy(buf_.data(), p, n);
    len_ = n;
  }

  // Pads (0x80, zeros to 56 mod 64, the bit length) and compresses the last block(s).
  template <typename Compress>
  void finish(bool big_endian_length, Compress&& compress) {
    const u64 bit_length = total_ * 8;
    buf_[len_++] = 0x80;
    if (len_ > kBlockSize - 8) {
      std::memset(buf_.data() + len_, 0, kBlockSize - len_);
      compress(buf_.data());
      len_ = 0;
    }
    std::memset(buf_.data() + len_, 0, kBlockSize - 8 - len_);
    if (big_endian_length) store_be<u64>(buf_.data() + kBlockSize - 8, bit_length);
    else store_le<u64>(buf_.data() + kBlockSize - 8, bit_length);
    compress(buf_.data());
  }

 private:
  std::array<u8, kBlockSize> buf_{};
  size_t len_ = 0;    // bytes waiting in buf_, 0..kBlockSize-1
  u64 total_ = 0;     // message bytes so far
};

}  // namespace dusk::crypto
