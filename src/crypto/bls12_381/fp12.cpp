#include "crypto/bls12_381/fp12.hpp"

#include "crypto/ff/detail/fp12_impl.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

// xi^((p^k - 1) // 6) for k = 1, 2, 3, computed with Python's integers (zkcrypto's
// FROBENIUS_COEFF_FP12_C1 has the same values).
using Frob = ff::detail::Fp12Frobenius<TowerParams>;
static_assert(Frob::kW[1].c0.to_canonical() ==
              ff::from_hex<6>("1904d3bf02bb0667c231beb4202c0d1f0fd603fd3cbd5f4f"
                              "7b2443d784bab9c4f67ea53d63e7813d8d0775ed92235fb8"));
static_assert(Frob::kW[1].c1.to_canonical() ==
              ff::from_hex<6>("00fc3e2b36c4e03288e9e902231f9fb854a14787b6c7b36f"
                              "ec0c8ec971f63c5f282d5ac14d6c7ec22cf78a126ddc4af3"));
static_assert(Frob::kW[2].c1.is_zero());
static_assert(Frob::kW[2].c0.to_canonical() ==
              ff::from_hex<6>("5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688"
                              "de17d813620a00022e01fffffffeffff"));
static_assert(Frob::kW[3].c0.to_canonical() ==
              ff::from_hex<6>("135203e60180a68ee2e9c448d77a2cd91c3dedd930b1cf60"
                              "ef396489f61eb45e304466cf3e67fa0af1ee7b04121bdea2"));
static_assert(Frob::kW[3].c1.to_canonical() ==
              ff::from_hex<6>("06af0e0437ff400b6831e36d6bd17ffe48395dabc2d3435e"
                              "77f76e17009241c5ee67992f72ec05f4c81084fbede3cc09"));

}  // namespace
}  // namespace dusk::crypto::bls12_381

template class dusk::crypto::ff::Fp12T<dusk::crypto::bls12_381::TowerParams>;
