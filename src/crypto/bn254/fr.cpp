#include "crypto/bn254/fr.hpp"

#include "crypto/ff/detail/field_impl.hpp"

namespace dusk::crypto::bn254 {
namespace {

// Derived constants against values computed independently with Python's integers:
// pow(r, -1, 2**64), 2**512 % r, the 2-adicity of r - 1, the least non-residue (5) and
// pow(5, (r - 1) >> 28, r).
using C = Fr::Constants;
static_assert(C::kBits == 254 && C::kBytes == 32);
static_assert(C::kInv == 0xc2e1f593efffffffull);
static_assert(C::kR2 ==
              ff::from_hex<4>("0216d0b17f4e44a58c49833d53bb808553fe3ab1e35c59e31bb8e645ae216da7"));
static_assert(C::kTwoAdicity == 28 && C::kNonResidue == 5);
static_assert(Fr::from_mont(C::kRootOfUnity).to_canonical() ==
              ff::from_hex<4>("2a3c09f0a58a7e8500e0a7eb8ef62abc402d111e41112ed49bd61b6e725b19f0"));

}  // namespace
}  // namespace dusk::crypto::bn254

template class dusk::crypto::ff::Field<dusk::crypto::bn254::FrParams>;
