#include "crypto/bls12_381/fr.hpp"

#include "crypto/ff/detail/field_impl.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

// Derived constants against values computed independently with Python's integers:
// pow(r, -1, 2**64), 2**512 % r, the 2-adicity of r - 1, the least non-residue (5) and
// pow(5, (r - 1) >> 32, r).
using C = Fr::Constants;
static_assert(C::kBits == 255 && C::kBytes == 32);
static_assert(C::kInv == 0xfffffffeffffffffull);
static_assert(C::kR2 ==
              ff::from_hex<4>("0748d9d99f59ff1105d314967254398f2b6cedcb87925c23c999e990f3f29c6d"));
static_assert(C::kTwoAdicity == 32 && C::kNonResidue == 5);
static_assert(Fr::from_mont(C::kRootOfUnity).to_canonical() ==
              ff::from_hex<4>("0212d79e5b416b6f0fd56dc8d168d6c0c4024ff270b3e0941b788f500b912f1f"));

}  // namespace
}  // namespace dusk::crypto::bls12_381

template class dusk::crypto::ff::Field<dusk::crypto::bls12_381::FrParams>;
