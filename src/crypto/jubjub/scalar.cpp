#include "crypto/jubjub/scalar.hpp"

#include "crypto/ff/detail/field_impl.hpp"

namespace dusk::crypto::jubjub {
namespace {

// Derived constants against values computed independently with Python's integers:
// pow(r, -1, 2**64) negated, 2**512 % r and the 2-adicity of r - 1 (r_J - 1 is 2 * odd).
using C = Scalar::Constants;
static_assert(C::kBits == 252 && C::kBytes == 32);
static_assert(C::kInv == 0x1ba3a358ef788ef9ull);
static_assert(C::kR2 ==
              ff::from_hex<4>("04f6547b8d12768869dab7fac026e9a551b0cef09ce3fc2667719aa495e57731"));
static_assert(C::kTwoAdicity == 1);

}  // namespace
}  // namespace dusk::crypto::jubjub

template class dusk::crypto::ff::Field<dusk::crypto::jubjub::ScalarParams>;
