#include "crypto/bn254/g1.hpp"

#include "crypto/bls12_381/point_impl.hpp"

namespace dusk::crypto::bn254 {
namespace {

// p and r from the BN parameter (36u^4 + 36u^3 + 24u^2 + 6u + 1 and the same with
// 18u^2), as a compile-time check of the constants.
constexpr auto poly = [](u64 c2) {
  // 36u^4 + 36u^3 + c2 u^2 + 6u + 1 as 4 little-endian limbs, by schoolbook on limbs.
  ff::Limbs<4> acc{};
  ff::Limbs<4> pw{1, 0, 0, 0};  // u^k
  const u64 coeff[5] = {1, 6, c2, 36, 36};
  for (int k = 0; k < 5; ++k) {
    ff::Limbs<4> term{};
    u64 carry = 0;
    for (size_t i = 0; i < 4; ++i) {
      u128 t = static_cast<u128>(pw[i]) * coeff[k] + carry;
      term[i] = static_cast<u64>(t);
      carry = static_cast<u64>(t >> 64);
    }
    ff::add(acc, acc, term);
    carry = 0;
    ff::Limbs<4> next{};
    for (size_t i = 0; i < 4; ++i) {
      u128 t = static_cast<u128>(pw[i]) * kU + carry;
      next[i] = static_cast<u64>(t);
      carry = static_cast<u64>(t >> 64);
    }
    pw = next;
  }
  return acc;
};
static_assert(poly(24) == FpParams::kModulus);
static_assert(poly(18) == FrParams::kModulus);

}  // namespace
}  // namespace dusk::crypto::bn254

template class dusk::crypto::bls12_381::Projective<dusk::crypto::bn254::G1Curve>;
