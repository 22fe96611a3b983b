// BLAKE2b (RFC 7693): digests of 1..64 bytes, optionally keyed (MAC) with a key of up to
// 64 bytes, and its compression function F with a caller-chosen number of rounds, which
// the EVM's BLAKE2F precompile (EIP-152) exposes directly.
//
// Constant time in the content of the input and key. Objects are not thread safe;
// distinct objects can be used from distinct threads.
#pragma once

#include <array>
#include <initializer_list>
#include <cstddef>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::crypto {

// The compression function F of RFC 7693 section 3.2, generalised as in EIP-152: `rounds`
// rounds instead of 12, round i using the message permutation sigma[i mod 10].
// h: the state vector, updated in place; m: the message block as 16 little-endian words;
// t0, t1: the low and high words of the byte counter; last: the final-block flag.
// Takes time linear in `rounds` (up to 2^32 - 1; callers bound it, EIP-152 by gas).
void blake2b_compress(std::array<u64, 8>& h, const std::array<u64, 16>& m, u64 t0, u64 t1, bool last,
                      u32 rounds);

// Incremental BLAKE2b. Usage: init() (or construct), update() any number of times, then
// final(). After final(), call init() before hashing another message.
class Blake2b {
 public:
  static constexpr size_t kMaxDigestSize = 64;
  static constexpr size_t kMaxKeySize = 64;
  static constexpr size_t kBlockSize = 128;
  static constexpr u32 kRounds = 12;

  // Unkeyed BLAKE2b-512.
  Blake2b() { init(); }

  // Starts unkeyed BLAKE2b-512.
  void init() { reset(kMaxDigestSize, {}); }
  // Starts BLAKE2b with a digest of `digest_size` bytes under `key` (empty: unkeyed).
  // Fails, leaving the object as after init(), unless 1 <= digest_size <= 64 and
  // key.size() <= 64.
  Status init(size_t digest_size, ByteView key = {});

  void update(ByteView data);
  // The first digest_size() bytes are the digest; the remaining bytes are zero.
  std::array<u8, kMaxDigestSize> final();

  size_t digest_size() const { return digest_size_; }

 private:
  void reset(size_t digest_size, ByteView key);

  std::array<u64, 8> h_;
  std::array<u8, kBlockSize> buf_;
  size_t buf_len_;  // bytes in buf_, 0..kBlockSize: a full block stays buffered until
                    // more input shows it is not the last one
  u128 counter_;    // bytes compressed so far (RFC 7693's t)
  size_t digest_size_;
};

// One-shot unkeyed BLAKE2b with an N-byte digest (BLAKE2b-512 by default).
template <size_t N = Blake2b::kMaxDigestSize>
std::array<u8, N> blake2b(ByteView data) {
  static_assert(N >= 1 && N <= Blake2b::kMaxDigestSize, "BLAKE2b digests are 1..64 bytes");
  Blake2b h;
  if constexpr (N != Blake2b::kMaxDigestSize) (void)h.init(N);  // cannot fail: N is checked above
  h.update(data);
  auto full = h.final();
  std::array<u8, N> out;
  for (size_t i = 0; i < N; ++i) out[i] = full[i];
  return out;
}

// One-shot unkeyed BLAKE2b with an N-byte digest over several parts, as if concatenated
// (domain tags, fixed fields, then data, without building the message first).
template <size_t N = Blake2b::kMaxDigestSize>
std::array<u8, N> blake2b(std::initializer_list<ByteView> parts) {
  static_assert(N >= 1 && N <= Blake2b::kMaxDigestSize, "BLAKE2b digests are 1..64 bytes");
  Blake2b h;
  if constexpr (N != Blake2b::kMaxDigestSize) (void)h.init(N);  // cannot fail: N is checked above
  for (ByteView p : parts) h.update(p);
  auto full = h.final();
  std::array<u8, N> out;
  for (size_t i = 0; i < N; ++i) out[i] = full[i];
  return out;
}

// One-shot keyed BLAKE2b with an N-byte digest; fails if the key is longer than 64 bytes.
template <size_t N = Blake2b::kMaxDigestSize>
Result<std::array<u8, N>> blake2b(ByteView data, ByteView key) {
  static_assert(N >= 1 && N <= Blake2b::kMaxDigestSize, "BLAKE2b digests are 1..64 bytes");
  Blake2b h;
  if (auto s = h.init(N, key); !s.ok()) return s.take_error();
  h.update(data);
  auto full = h.final();
  std::array<u8, N> out;
  for (size_t i = 0; i < N; ++i) out[i] = full[i];
  return out;
}

}  // namespace dusk::crypto
