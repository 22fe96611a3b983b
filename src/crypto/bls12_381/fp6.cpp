#include "crypto/bls12_381/fp6.hpp"

#include "crypto/ff/detail/fp6_impl.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

// The derived Frobenius coefficients against values computed independently with
// Python's integers (pow of xi = 1 + u in Fp2 to (p^k - 1) // 3); they also appear as
// FROBENIUS_COEFF_FP6_C1 in zkcrypto's bls12_381.
using Frob = ff::detail::Fp6Frobenius<TowerParams>;
static_assert(Frob::kV[0] == Fp2::one());
static_assert(Frob::kV[1].c0.is_zero());
static_assert(Frob::kV[1].c1.to_canonical() ==
              ff::from_hex<6>("1a0111ea397fe699ec02408663d4de85aa0d857d89759ad4"
                              "897d29650fb85f9b409427eb4f49fffd8bfd00000000aaac"));
static_assert(Frob::kV[2].c1.is_zero());
static_assert(Frob::kV[2].c0.to_canonical() ==
              ff::from_hex<6>("5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688"
                              "de17d813620a00022e01fffffffefffe"));

}  // namespace
}  // namespace dusk::crypto::bls12_381

template class dusk::crypto::ff::Fp6T<dusk::crypto::bls12_381::TowerParams>;
