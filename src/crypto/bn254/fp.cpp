#include "crypto/bn254/fp.hpp"

#include "crypto/ff/detail/field_impl.hpp"

namespace dusk::crypto::bn254 {
namespace {

// Derived constants against values computed independently with Python's integers
// (pow(p, -1, 2**64), 2**512 % p, the least non-residue).
using C = Fp::Constants;
static_assert(C::kBits == 254 && C::kBytes == 32);
static_assert(C::kInv == 0x87d20782e4866389ull);
static_assert(C::kR2 ==
              ff::from_hex<4>("06d89f71cab8351f47ab1eff0a417ff6b5e71911d44501fbf32cfc5b538afa89"));
static_assert(C::kTwoAdicity == 1 && C::kNonResidue == 3);

}  // namespace
}  // namespace dusk::crypto::bn254

template class dusk::crypto::ff::Field<dusk::crypto::bn254::FpParams>;
