#include "crypto/bn254/fp6.hpp"

#include "crypto/ff/detail/fp6_impl.hpp"

namespace dusk::crypto::bn254 {
namespace {

// xi^((p - 1) / 3), the v-Frobenius coefficient, computed with Python's integers.
using Frob = ff::detail::Fp6Frobenius<TowerParams>;
static_assert(Frob::kV[0] == Fp2::one());
static_assert(Frob::kV[1].c0.to_canonical() ==
              ff::from_hex<4>("2fb347984f7911f74c0bec3cf559b143b78cc310c2c3330c99e39557176f553d"));
static_assert(Frob::kV[1].c1.to_canonical() ==
              ff::from_hex<4>("16c9e55061ebae204ba4cc8bd75a079432ae2a1d0b7c9dce1665d51c640fcba2"));

}  // namespace
}  // namespace dusk::crypto::bn254

template class dusk::crypto::ff::Fp6T<dusk::crypto::bn254::TowerParams>;
