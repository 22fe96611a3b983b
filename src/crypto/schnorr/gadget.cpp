#include "crypto/schnorr/gadget.hpp"

#include <array>
#include <cstdlib>

#include "crypto/poseidon/gadget.hpp"

namespace dusk::crypto::schnorr::gadget {

namespace {

namespace jg = jubjub::gadget;
using Fr = bls12_381::Fr;

// "JJSCHDBL" as a big-endian u64 (schnorr.cpp).
constexpr u64 kDoubleChallengeDomain = 0x4A4A'5343'4844'424Cull;

}  // namespace

// The bits (least significant first) spell a value below r: scanning from the top, the
// first bit that differs from r's must be a 0 where r has a 1. `eq` tracks "equal to r
// so far"; where r has a 0, eq * b = 0 (one gate) and eq stays; where r has a 1,
// eq' = eq * b (one gate). At the end eq = 0: the value is not r itself.
void assert_canonical(Composer& cs, const std::vector<Witness>& bits) {
  if (bits.size() != 255) std::abort();  // the comparison starts at r's top bit: a caller's shape bug
  const auto r = bls12_381::FrParams::kModulus;  // little-endian limbs
  Witness eq = cs.append_constant(Fr::one());
  for (size_t i = bits.size(); i-- > 0;) {
    const bool r_bit = (r[i / 64] >> (i % 64)) & 1;
    if (r_bit) {
      eq = cs.gate_mul(eq, bits[i]);
    } else {
      cs.append_gate({.a = eq, .b = bits[i], .q_m = Fr::one()});
    }
  }
  cs.assert_equal_constant(eq, Fr::zero());
}

namespace {

// u G + c pk = R, from the bits of u and c.
void check(Composer& cs, const jubjub::Point& generator, std::span<const Witness> u_bits, const WitnessPoint& r,
           const WitnessPoint& pk, std::span<const Witness> c_bits) {
  const WitnessPoint lhs = jg::add(cs, jg::mul_fixed(cs, u_bits, generator), jg::mul_variable(cs, c_bits, pk));
  jg::assert_equal_point(cs, lhs, r);
}

}  // namespace

std::vector<Witness> truncated_bits(Composer& cs, Witness x) {
  std::vector<Witness> bits = jg::decompose(cs, x, 255);
  assert_canonical(cs, bits);
  bits.resize(250);
  return bits;
}

Witness truncate(Composer& cs, Witness x) {
  const std::vector<Witness> bits = truncated_bits(cs, x);
  // The low 250 bits summed again (their decomposition gates already tie them to x).
  Witness acc = Composer::zero();
  Fr acc_value = Fr::zero();
  Fr weight = Fr::one();
  for (unsigned i = 0; i < 250; i += 2) {
    const Fr w_lo = weight, w_hi = weight.dbl();
    acc_value = acc_value + w_lo * cs.value(bits[i]) + w_hi * cs.value(bits[i + 1]);
    const Witness next = cs.append_witness(acc_value);
    cs.append_gate({.a = acc, .b = bits[i], .c = next, .d = bits[i + 1], .q_l = Fr::one(), .q_r = w_lo,
                    .q_o = -Fr::one(), .q_4 = w_hi});
    acc = next;
    weight = w_hi.dbl();
  }
  return acc;
}

void verify(Composer& cs, Witness u, const WitnessPoint& r, const WitnessPoint& pk, Witness message) {
  jg::assert_on_curve(cs, r);
  jg::assert_on_curve(cs, pk);
  const std::array<Witness, 5> inputs{r.u, r.v, pk.u, pk.v, message};
  const std::vector<Witness> c = truncated_bits(cs, poseidon::gadget::hash(cs, inputs));
  check(cs, jubjub::generator(), jg::decompose(cs, u, jg::kScalarBits), r, pk, c);
}

void verify_double(Composer& cs, Witness u, const WitnessPoint& r, const WitnessPoint& r_prime,
                   const WitnessPoint& pk, const WitnessPoint& pk_prime, Witness message) {
  for (const WitnessPoint* p : {&r, &r_prime, &pk, &pk_prime}) jg::assert_on_curve(cs, *p);
  const std::array<Witness, 10> inputs{cs.append_constant(Fr::from_u64(kDoubleChallengeDomain)),
                                       r.u, r.v, r_prime.u, r_prime.v, pk.u, pk.v, pk_prime.u, pk_prime.v,
                                       message};
  const std::vector<Witness> c = truncated_bits(cs, poseidon::gadget::hash(cs, inputs));
  const std::vector<Witness> u_bits = jg::decompose(cs, u, jg::kScalarBits);  // once for both equations
  check(cs, jubjub::generator(), u_bits, r, pk, c);
  check(cs, jubjub::generator_nums(), u_bits, r_prime, pk_prime, c);
}

}  // namespace dusk::crypto::schnorr::gadget
