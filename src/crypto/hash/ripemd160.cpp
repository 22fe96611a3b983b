#include "crypto/hash/ripemd160.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace dusk::crypto {

namespace {

// The tables of the RIPEMD-160 specification, one row per round of 16 steps.
// kR / kRp: which message word the left / right line reads at step j.
constexpr u8 kR[80] = {
    0, 1, 2,  3,  4,  5,  6,  7,  8, 9, 10, 11, 12, 13, 14, 15,  //
    7, 4, 13, 1,  10, 6,  15, 3,  12, 0, 9,  5,  2,  14, 11, 8,  //
    3, 10, 14, 4, 9,  15, 8,  1,  2, 7, 0,  6,  13, 11, 5,  12,  //
    1, 9, 11, 10, 0,  8,  12, 4,  13, 3, 7, 15, 14, 5,  6,  2,   //
    4, 0, 5,  9,  7,  12, 2,  10, 14, 1, 3, 8,  11, 6,  15, 13,  //
};
constexpr u8 kRp[80] = {
    5,  14, 7,  0, 9, 2,  11, 4,  13, 6,  15, 8,  1,  10, 3,  12,  //
    6,  11, 3,  7, 0, 13, 5,  10, 14, 15, 8,  12, 4,  9,  1,  2,   //
    15, 5,  1,  3, 7, 14, 6,  9,  11, 8,  12, 2,  10, 0,  4,  13,  //
    8,  6,  4,  1, 3, 11, 15, 0,  5,  12, 2,  13, 9,  7,  10, 14,  //
    12, 15, 10, 4, 1, 5,  8,  7,  6,  2,  13, 14, 0,  3,  9,  11,  //
};
// kS / kSp: the left / right rotation at step j.
constexpr u8 kS[80] = {
    11, 14, 15, 12, 5,  8,  7,  9,  11, 13, 14, 15, 6,  7,  9,  8,   //
    7,  6,  8,  13, 11, 9,  7,  15, 7,  12, 15, 9,  11, 7,  13, 12,  //
    11, 13, 6,  7,  14, 9,  13, 15, 14, 8,  13, 6,  5,  12, 7,  5,   //
    11, 12, 14, 15, 14, 15, 9,  8,  9,  14, 5,  6,  8,  6,  5,  12,  //
    9,  15, 5,  11, 6,  8,  13, 12, 5,  12, 13, 14, 11, 8,  5,  6,   //
};
constexpr u8 kSp[80] = {
    8,  9,  9,  11, 13, 15, 15, 5,  7,  7,  8,  11, 14, 14, 12, 6,   //
    9,  13, 15, 7,  12, 8,  9,  11, 7,  7,  12, 7,  6,  15, 13, 11,  //
    9,  7,  15, 11, 8,  6,  6,  14, 12, 13, 5,  14, 13, 13, 7,  5,   //
    15, 5,  8,  11, 14, 14, 6,  14, 6,  9,  12, 9,  12, 5,  15, 8,   //
    8,  5,  12, 9,  12, 5,  14, 6,  8,  13, 6,  5,  15, 13, 11, 11,  //
};
// Round constants: floor(2^30 * sqrt(n)) on the left and floor(2^30 * cbrt(n)) on the
// right, for n = 2, 3, 5, 7.
constexpr u32 kK[5] = {0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e};
constexpr u32 kKp[5] = {0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0x00000000};

constexpr std::array<u32, 5> kInitialHash = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};

// The boolean function of round `Round` (0..4); the right line uses them in reverse order.
template <unsigned Round>
inline u32 f(u32 x, u32 y, u32 z) {
  if constexpr (Round == 0) return x ^ y ^ z;
  else if constexpr (Round == 1) return (x & y) | (~x & z);
  else if constexpr (Round == 2) return (x | ~y) ^ z;
  else if constexpr (Round == 3) return (x & z) | (y & ~z);
  else return x ^ (y | ~z);
}

struct Line {
  u32 a, b, c, d, e;
};

// One round of 16 steps on both lines. Unrolled, so the five-way variable shuffle of
// each step costs nothing: the compiler renames registers instead.
template <unsigned Round>
inline void round16(Line& l, Line& r, const u32* x) {
#pragma GCC unroll 16
  for (unsigned i = 0; i < 16; ++i) {
    const unsigned j = Round * 16 + i;
    u32 t = std::rotl(l.a + f<Round>(l.b, l.c, l.d) + x[kR[j]] + kK[Round], kS[j]) + l.e;
    l.a = l.e;
    l.e = l.d;
    l.d = std::rotl(l.c, 10);
    l.c = l.b;
    l.b = t;

    t = std::rotl(r.a + f<4 - Round>(r.b, r.c, r.d) + x[kRp[j]] + kKp[Round], kSp[j]) + r.e;
    r.a = r.e;
    r.e = r.d;
    r.d = std::rotl(r.c, 10);
    r.c = r.b;
    r.b = t;
  }
}

void compress(std::array<u32, 5>& h, const u8* block) {
  u32 x[16];
  for (size_t i = 0; i < 16; ++i) x[i] = load_le<u32>(block + 4 * i);

  Line l{h[0], h[1], h[2], h[3], h[4]};
  Line r = l;
  round16<0>(l, r, x);
  round16<1>(l, r, x);
  round16<2>(l, r, x);
  round16<3>(l, r, x);
  round16<4>(l, r, x);

  u32 t = h[1] + l.c + r.d;
  h[1] = h[2] + l.d + r.e;
  h[2] = h[3] + l.e + r.a;
  h[3] = h[4] + l.a + r.b;
  h[4] = h[0] + l.b + r.c;
  h[0] = t;
}

}  // namespace

void Ripemd160::init() {
  h_ = kInitialHash;
  buf_.reset();
}

void Ripemd160::update(ByteView data) {
  buf_.update(data, [this](const u8* block) { compress(h_, block); });
}

std::array<u8, 20> Ripemd160::final() {
  buf_.finish(false, [this](const u8* block) { compress(h_, block); });
  std::array<u8, 20> out;
  for (size_t i = 0; i < 5; ++i) store_le<u32>(out.data() + 4 * i, h_[i]);
  return out;
}

std::array<u8, 20> ripemd160(ByteView data) {
  Ripemd160 h;
  h.update(data);
  return h.final();
}

}  // namespace dusk::crypto
