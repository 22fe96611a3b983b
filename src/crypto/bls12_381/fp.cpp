#include "crypto/bls12_381/fp.hpp"

#include "crypto/ff/detail/field_impl.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

// Derived constants against values computed independently with Python's integers
// (pow(p, -1, 2**64), 2**768 % p); the inverse also appears in zkcrypto's bls12_381.
using C = Fp::Constants;
static_assert(C::kBits == 381 && C::kBytes == 48);
static_assert(C::kInv == 0x89f3fffcfffcfffdull);
static_assert(C::kR2 == ff::from_hex<6>("11988fe592cae3aa9a793e85b519952d67eb88a9939d83c0"
                                        "8de5476c4c95b6d50a76e6a609d104f1f4df1f341c341746"));
static_assert(C::kTwoAdicity == 1 && C::kNonResidue == 2);
static_assert(C::kNoCarry);

}  // namespace
}  // namespace dusk::crypto::bls12_381

template class dusk::crypto::ff::Field<dusk::crypto::bls12_381::FpParams>;
