// Helpers for the prime-field and tower tests: deterministic random elements and a
// deliberately naive reference for modular arithmetic on canonical integers.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <stdexcept>
#include <vector>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "crypto/ff/detail/cpu.hpp"
#include "hash_test_util.hpp"

namespace dusk::crypto::test {

// Forces the portable C++ Montgomery kernels for its lifetime (on x86-64 CPUs with
// BMI2/ADX the default is the assembly).
class PortableKernels {
 public:
#if defined(DUSK_FF_X86_64_KERNELS)
  PortableKernels() : saved_(ff::cpu::use_x86_64_kernels) { ff::cpu::use_x86_64_kernels = false; }
  ~PortableKernels() { ff::cpu::use_x86_64_kernels = saved_; }

 private:
  bool saved_;
#endif
};

// A uniformly distributed element drawn from the deterministic generator.
template <typename F>
F random_element(Rng& rng) {
  std::array<u8, 64> seed{};
  for (auto& b : seed) b = static_cast<u8>(rng.next() >> 56);
  return F::random(seed);
}

// Elements that stress carries: 0, 1, 2, p-1, p-2, (p-1)/2, (p+1)/2, and a few with
// all-ones limbs below p.
template <typename F>
std::vector<F> edge_elements() {
  std::vector<F> v{F::zero(), F::one(), F::from_u64(2), -F::one(), -F::from_u64(2)};
  F half = F::from_u64(2).inverse();
  v.push_back(half);            // (p+1)/2
  v.push_back(half - F::one()); // (p-1)/2
  v.push_back(F::from_u64(~u64{0}));
  v.push_back(-F::from_u64(~u64{0}));
  return v;
}

// Hex of a big-endian byte array.
template <size_t N>
std::string hex_of(const std::array<u8, N>& a) {
  return to_hex(a);
}

// The element whose big-endian encoding is the given hex; fails the test if invalid.
template <typename F>
F from_hex_be(std::string_view hex) {
  auto bytes = from_hex(hex);
  if (!bytes) throw std::runtime_error("bad hex in test");
  auto f = F::from_bytes_be(*bytes);
  if (!f) throw std::runtime_error("non-canonical element in test: " + f.error().message);
  return *f;
}

// Reference arithmetic on canonical little-endian limbs, written independently of
// src/crypto/ff: plain add-compare-subtract and double-and-add multiplication. Slow and
// obviously correct.
template <size_t N>
struct NaiveModP {
  using Int = std::array<u64, N>;
  Int p;

  // a >= b
  static bool geq(const Int& a, const Int& b) {
    for (size_t i = N; i-- > 0;) {
      if (a[i] != b[i]) return a[i] > b[i];
    }
    return true;
  }
  // (a + b) mod p for a, b < p.
  Int add(const Int& a, const Int& b) const {
    Int s{};
    u128 carry = 0;
    for (size_t i = 0; i < N; ++i) {
      u128 t = static_cast<u128>(a[i]) + b[i] + carry;
      s[i] = static_cast<u64>(t);
      carry = t >> 64;
    }
    if (carry != 0 || geq(s, p)) {
      u128 borrow = 0;
      for (size_t i = 0; i < N; ++i) {
        u128 t = static_cast<u128>(s[i]) - p[i] - borrow;
        s[i] = static_cast<u64>(t);
        borrow = (t >> 64) & 1;
      }
    }
    return s;
  }
  Int sub(const Int& a, const Int& b) const {
    Int nb{};
    bool zero = true;
    for (u64 x : b) zero = zero && x == 0;
    if (zero) return a;
    u128 borrow = 0;
    for (size_t i = 0; i < N; ++i) {
      u128 t = static_cast<u128>(p[i]) - b[i] - borrow;
      nb[i] = static_cast<u64>(t);
      borrow = (t >> 64) & 1;
    }
    return add(a, nb);
  }
  Int mul(const Int& a, const Int& b) const {
    Int acc{};
    for (size_t i = 64 * N; i-- > 0;) {
      acc = add(acc, acc);
      if ((b[i / 64] >> (i % 64)) & 1) acc = add(acc, a);
    }
    return acc;
  }
};

}  // namespace dusk::crypto::test
