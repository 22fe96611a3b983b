#include "crypto/hash/keccak.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace dusk::crypto {

namespace {

// The step-mapping constants are derived at compile time from their definitions in
// FIPS 202 rather than typed in, and spot-checked against the published tables.

// FIPS 202 Algorithm 5: the output bit rc(t) of an LFSR over GF(2)[x]/(x^8+x^6+x^5+x^4+1).
constexpr u64 rc_bit(unsigned t) {
  unsigned r = 1;  // bit i holds R[i]
  for (unsigned i = 0; i < t % 255; ++i) {
    r <<= 1;
    if (r & 0x100) r ^= 0x171;  // R[0,4,5,6] ^= R[8], then truncate to 8 bits
  }
  return r & 1;
}

// FIPS 202 Algorithm 6: the iota constant of round ir sets bit 2^j - 1 to rc(j + 7 ir).
constexpr std::array<u64, 24> make_round_constants() {
  std::array<u64, 24> rc{};
  for (unsigned ir = 0; ir < 24; ++ir)
    for (unsigned j = 0; j <= 6; ++j) rc[ir] |= rc_bit(j + 7 * ir) << ((1u << j) - 1);
  return rc;
}

// FIPS 202 Algorithm 2: rho offsets, walking (x, y) <- (y, 2x + 3y) from (1, 0).
constexpr std::array<unsigned, 25> make_rho_offsets() {
  std::array<unsigned, 25> r{};
  unsigned x = 1, y = 0;
  for (unsigned t = 0; t < 24; ++t) {
    r[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
    unsigned nx = y, ny = (2 * x + 3 * y) % 5;
    x = nx;
    y = ny;
  }
  return r;
}

// FIPS 202 section 3.2.3: pi moves lane (x, y) to (y, 2x + 3y).
constexpr std::array<unsigned, 25> make_pi_destinations() {
  std::array<unsigned, 25> d{};
  for (unsigned x = 0; x < 5; ++x)
    for (unsigned y = 0; y < 5; ++y) d[x + 5 * y] = y + 5 * ((2 * x + 3 * y) % 5);
  return d;
}

constexpr auto kRoundConstants = make_round_constants();
constexpr auto kRho = make_rho_offsets();
constexpr auto kPi = make_pi_destinations();

static_assert(kRoundConstants[0] == 0x0000000000000001);
static_assert(kRoundConstants[1] == 0x0000000000008082);
static_assert(kRoundConstants[2] == 0x800000000000808a);
static_assert(kRoundConstants[23] == 0x8000000080008008);
static_assert(kRho[0] == 0 && kRho[1] == 1 && kRho[2] == 62 && kRho[5] == 36 && kRho[24] == 14);

}  // namespace

// The loops have constant trip counts and are unrolled completely, so every index below
// is a compile-time constant and the arrays live in registers (or fixed stack slots).
void keccak_f1600(std::array<u64, 25>& state) {
  u64 a[25];
  for (unsigned i = 0; i < 25; ++i) a[i] = state[i];

  for (unsigned round = 0; round < 24; ++round) {
    // theta: XOR each lane with the parities of two neighbouring columns.
    u64 c[5], d[5];
#pragma GCC unroll 5
    for (unsigned x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
#pragma GCC unroll 5
    for (unsigned x = 0; x < 5; ++x) d[x] = c[(x + 4) % 5] ^ std::rotl(c[(x + 1) % 5], 1);

    // rho and pi together: rotate each lane and move it to its new position.
    u64 b[25];
#pragma GCC unroll 25
    for (unsigned i = 0; i < 25; ++i) b[kPi[i]] = std::rotl(a[i] ^ d[i % 5], static_cast<int>(kRho[i]));

    // chi: the only non-linear step, along rows.
#pragma GCC unroll 5
    for (unsigned y = 0; y < 25; y += 5) {
#pragma GCC unroll 5
      for (unsigned x = 0; x < 5; ++x) a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
    }

    // iota
    a[0] ^= kRoundConstants[round];
  }

  for (unsigned i = 0; i < 25; ++i) state[i] = a[i];
}

namespace detail {

void KeccakSponge256::init() {
  state_.fill(0);
  pos_ = 0;
}

// XORs bytes into the state viewed as bytes: the host is little-endian (base/int.hpp),
// so byte i of the state is byte i % 8 of lane i / 8, as FIPS 202 orders them.
void KeccakSponge256::absorb(ByteView data) {
  const u8* p = data.data();
  size_t n = data.size();
  u8* bytes = reinterpret_cast<u8*>(state_.data());

  if (pos_ != 0) {  // top up a partial block first
    size_t take = std::min(n, kRate - pos_);
    for (size_t i = 0; i < take; ++i) bytes[pos_ + i] ^= p[i];
    pos_ += take;
    p += take;
    n -= take;
    if (pos_ < kRate) return;
    keccak_f1600(state_);
    pos_ = 0;
  }
  for (; n >= kRate; p += kRate, n -= kRate) {
    for (size_t i = 0; i < kRate / 8; ++i) state_[i] ^= load_le<u64>(p + 8 * i);
    keccak_f1600(state_);
  }
  for (size_t i = 0; i < n; ++i) bytes[i] ^= p[i];
  pos_ = n;
}

std::array<u8, 32> KeccakSponge256::finish(u8 pad) {
  u8* bytes = reinterpret_cast<u8*>(state_.data());
  bytes[pos_] ^= pad;
  bytes[kRate - 1] ^= 0x80;
  keccak_f1600(state_);
  std::array<u8, 32> out;
  std::memcpy(out.data(), state_.data(), out.size());
  return out;
}

}  // namespace detail

std::array<u8, 32> keccak256(ByteView data) {
  Keccak256 h;
  h.update(data);
  return h.final();
}

std::array<u8, 32> sha3_256(ByteView data) {
  Sha3_256 h;
  h.update(data);
  return h.final();
}

}  // namespace dusk::crypto
