#include "crypto/bn254/fp12.hpp"

#include "crypto/ff/detail/fp12_impl.hpp"

namespace dusk::crypto::bn254 {
namespace {

// xi^((p - 1) / 6), the w-Frobenius coefficient, computed with Python's integers.
using Frob = ff::detail::Fp12Frobenius<TowerParams>;
static_assert(Frob::kW[1].c0.to_canonical() ==
              ff::from_hex<4>("1284b71c2865a7dfe8b99fdd76e68b605c521e08292f2176d60b35dadcc9e470"));
static_assert(Frob::kW[1].c1.to_canonical() ==
              ff::from_hex<4>("246996f3b4fae7e6a6327cfe12150b8e747992778eeec7e5ca5cf05f80f362ac"));

}  // namespace
}  // namespace dusk::crypto::bn254

template class dusk::crypto::ff::Fp12T<dusk::crypto::bn254::TowerParams>;
