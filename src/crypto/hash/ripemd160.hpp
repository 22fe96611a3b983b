// RIPEMD-160 (Dobbertin, Bosselaers, Preneel, 1996; ISO/IEC 10118-3), used by the EVM's
// RIPEMD160 precompile (address 0x03) and by Bitcoin-style addresses.
//
// Constant time in the content of the input. Objects are not thread safe; distinct
// objects can be used from distinct threads.
#pragma once

#include <array>
#include <cstddef>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "crypto/hash/detail/md_buffer.hpp"

namespace dusk::crypto {

// Incremental RIPEMD-160. Usage: update() any number of times, then final().
// After final(), call init() before hashing another message.
class Ripemd160 {
 public:
  static constexpr size_t kDigestSize = 20;
  static constexpr size_t kBlockSize = 64;

  Ripemd160() { init(); }
  void init();
  void update(ByteView data);
  std::array<u8, kDigestSize> final();

 private:
  std::array<u32, 5> h_;
  MdBuffer buf_;
};

// One-shot form.
std::array<u8, 20> ripemd160(ByteView data);

}  // namespace dusk::crypto
