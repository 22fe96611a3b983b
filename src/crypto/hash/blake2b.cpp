#include "crypto/hash/blake2b.hpp"

#include <bit>
#include <cstring>
#include <string>

namespace dusk::crypto {

namespace {

// RFC 7693 section 2.6: the SHA-512 initial hash values.
constexpr std::array<u64, 8> kIv = {
    0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
    0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
};

// RFC 7693 section 2.7: the message word schedule of each round (round i uses row i mod 10).
constexpr u8 kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

// Every row must be a permutation of 0..15; a typo in the table would break that.
constexpr bool sigma_rows_are_permutations() {
  for (const auto& row : kSigma) {
    unsigned seen = 0;
    for (u8 i : row) seen |= 1u << i;
    if (seen != 0xffff) return false;
  }
  return true;
}
static_assert(sigma_rows_are_permutations());

// RFC 7693 section 3.1, the mixing function G with rotations 32, 24, 16, 63.
inline void mix(u64& a, u64& b, u64& c, u64& d, u64 x, u64 y) {
  a = a + b + x;
  d = std::rotr(d ^ a, 32);
  c = c + d;
  b = std::rotr(b ^ c, 24);
  a = a + b + y;
  d = std::rotr(d ^ a, 16);
  c = c + d;
  b = std::rotr(b ^ c, 63);
}

// One round: columns, then diagonals, reading the message in the order of row `s` of sigma.
inline void mix_round(u64 (&v)[16], const std::array<u64, 16>& m, const u8* s) {
  mix(v[0], v[4], v[8], v[12], m[s[0]], m[s[1]]);
  mix(v[1], v[5], v[9], v[13], m[s[2]], m[s[3]]);
  mix(v[2], v[6], v[10], v[14], m[s[4]], m[s[5]]);
  mix(v[3], v[7], v[11], v[15], m[s[6]], m[s[7]]);
  mix(v[0], v[5], v[10], v[15], m[s[8]], m[s[9]]);
  mix(v[1], v[6], v[11], v[12], m[s[10]], m[s[11]]);
  mix(v[2], v[7], v[8], v[13], m[s[12]], m[s[13]]);
  mix(v[3], v[4], v[9], v[14], m[s[14]], m[s[15]]);
}

// kStandard: exactly the 12 rounds of BLAKE2b, unrolled so every message index is a
// constant and the indexed loads go away; otherwise `rounds` rounds in a loop (EIP-152).
template <bool kStandard>
inline void compress(std::array<u64, 8>& h, const std::array<u64, 16>& m, u64 t0, u64 t1, bool last,
                     u32 rounds) {
  u64 v[16] = {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], kIv[0], kIv[1], kIv[2], kIv[3],
               kIv[4] ^ t0, kIv[5] ^ t1, last ? ~kIv[6] : kIv[6], kIv[7]};
  if constexpr (kStandard) {
#pragma GCC unroll 12
    for (unsigned i = 0; i < Blake2b::kRounds; ++i) mix_round(v, m, kSigma[i % 10]);
  } else {
    unsigned row = 0;  // i mod 10, kept incrementally: rounds may be up to 2^32 - 1
    for (u32 i = 0; i < rounds; ++i) {
      mix_round(v, m, kSigma[row]);
      row = row == 9 ? 0 : row + 1;
    }
  }
#pragma GCC unroll 8
  for (size_t i = 0; i < 8; ++i) h[i] ^= v[i] ^ v[i + 8];
}

void compress_bytes(std::array<u64, 8>& h, const u8* block, u128 counter, bool last) {
  std::array<u64, 16> m;
  for (size_t i = 0; i < 16; ++i) m[i] = load_le<u64>(block + 8 * i);
  compress<true>(h, m, static_cast<u64>(counter), static_cast<u64>(counter >> 64), last, Blake2b::kRounds);
}

}  // namespace

void blake2b_compress(std::array<u64, 8>& h, const std::array<u64, 16>& m, u64 t0, u64 t1, bool last,
                      u32 rounds) {
  compress<false>(h, m, t0, t1, last, rounds);
}

// RFC 7693 section 3.3: the parameter block's first word carries the digest length, the
// key length and fanout = depth = 1; a key is processed as a whole zero-padded first block.
void Blake2b::reset(size_t digest_size, ByteView key) {
  h_ = kIv;
  h_[0] ^= 0x01010000 ^ (static_cast<u64>(key.size()) << 8) ^ static_cast<u64>(digest_size);
  digest_size_ = digest_size;
  counter_ = 0;
  buf_.fill(0);
  buf_len_ = 0;
  if (!key.empty()) {
    std::memcpy(buf_.data(), key.data(), key.size());
    buf_len_ = kBlockSize;
  }
}

Status Blake2b::init(size_t digest_size, ByteView key) {
  if (digest_size < 1 || digest_size > kMaxDigestSize) {
    reset(kMaxDigestSize, {});
    return Error("BLAKE2b digest size must be 1..64 bytes, got " + std::to_string(digest_size));
  }
  if (key.size() > kMaxKeySize) {
    reset(kMaxDigestSize, {});
    return Error("BLAKE2b key must be at most 64 bytes, got " + std::to_string(key.size()));
  }
  reset(digest_size, key);
  return {};
}

void Blake2b::update(ByteView data) {
  const u8* p = data.data();
  size_t n = data.size();
  // The last block is compressed differently, so a block is compressed only once some
  // input is known to follow it.
  if (n > kBlockSize - buf_len_) {
    size_t take = kBlockSize - buf_len_;
    std::memcpy(buf_.data() + buf_len_, p, take);
    p += take;
    n -= take;
    counter_ += kBlockSize;
    compress_bytes(h_, buf_.data(), counter_, false);
    buf_len_ = 0;
    for (; n > kBlockSize; p += kBlockSize, n -= kBlockSize) {
      counter_ += kBlockSize;
      compress_bytes(h_, p, counter_, false);
    }
  }
  if (n != 0) std::memcpy(buf_.data() + buf_len_, p, n);
  buf_len_ += n;
}

std::array<u8, Blake2b::kMaxDigestSize> Blake2b::final() {
  counter_ += buf_len_;
  std::memset(buf_.data() + buf_len_, 0, kBlockSize - buf_len_);
  compress_bytes(h_, buf_.data(), counter_, true);

  std::array<u8, kMaxDigestSize> full;
  for (size_t i = 0; i < 8; ++i) store_le<u64>(full.data() + 8 * i, h_[i]);
  std::array<u8, kMaxDigestSize> out{};
  std::memcpy(out.data(), full.data(), digest_size_);
  return out;
}

}  // namespace dusk::crypto
