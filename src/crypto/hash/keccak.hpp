// Keccak-f[1600] and the two 256-bit hashes built on it:
//  - Keccak-256, Ethereum's hash: the original Keccak submission with pad byte 0x01.
//  - SHA3-256 (FIPS 202): the same sponge with the domain-separation pad byte 0x06.
// Both use rate 136 bytes (capacity 512 bits) and output 32 bytes.
//
// Not constant time with respect to the input *length*; constant time in the content.
// Objects are not thread safe; distinct objects can be used from distinct threads.
#pragma once

#include <array>
#include <cstddef>

#include "base/bytes.hpp"
#include "base/int.hpp"

namespace dusk::crypto {

// The Keccak-f[1600] permutation (FIPS 202, section 3.3, 24 rounds). Lane (x, y) is
// state[x + 5 * y]; lanes are read from and written to bytes little-endian.
void keccak_f1600(std::array<u64, 25>& state);

namespace detail {

// A sponge over Keccak-f[1600] with a 136-byte rate that squeezes 32 bytes. Only the pad
// byte differs between Keccak-256 and SHA3-256, so it is a parameter of finish().
class KeccakSponge256 {
 public:
  static constexpr size_t kRate = 136;

  void init();
  void absorb(ByteView data);
  // Pads with `pad` ... 0x80 (the multi-rate padding; pad and 0x80 share a byte when
  // only one byte of the block is left), permutes and returns the first 32 bytes.
  std::array<u8, 32> finish(u8 pad);

 private:
  std::array<u64, 25> state_;
  size_t pos_;  // bytes absorbed into the current block, 0..kRate-1
};

}  // namespace detail

// Incremental Keccak-256 (pad 0x01). Usage: update() any number of times, then final().
// After final(), call init() before hashing another message.
class Keccak256 {
 public:
  static constexpr size_t kDigestSize = 32;
  static constexpr size_t kBlockSize = detail::KeccakSponge256::kRate;

  Keccak256() { init(); }
  void init() { sponge_.init(); }
  void update(ByteView data) { sponge_.absorb(data); }
  std::array<u8, kDigestSize> final() { return sponge_.finish(0x01); }

 private:
  detail::KeccakSponge256 sponge_;
};

// Incremental SHA3-256 (FIPS 202, pad 0x06). Same contract as Keccak256.
class Sha3_256 {
 public:
  static constexpr size_t kDigestSize = 32;
  static constexpr size_t kBlockSize = detail::KeccakSponge256::kRate;

  Sha3_256() { init(); }
  void init() { sponge_.init(); }
  void update(ByteView data) { sponge_.absorb(data); }
  std::array<u8, kDigestSize> final() { return sponge_.finish(0x06); }

 private:
  detail::KeccakSponge256 sponge_;
};

// One-shot forms.
std::array<u8, 32> keccak256(ByteView data);
std::array<u8, 32> sha3_256(ByteView data);

}  // namespace dusk::crypto
