// Jubjub as circuit gadgets (crypto/jubjub/gadget.hpp): addition, decomposition, and both
// scalar multiplications agree with the native curve (jubjub.hpp) on the same inputs;
// honest values satisfy the circuit; a point off the curve, a wrong sum, a scalar that
// does not fit its bits and a wrong product each violate it; a fixed-base multiplication
// proves and verifies with our PLONK (a public key from a private scalar).
#include <gtest/gtest.h>

#include "crypto/jubjub/gadget.hpp"
#include "crypto/plonk/prover.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "crypto/plonk/verifier.hpp"

namespace dusk::crypto::jubjub {
namespace {

using plonk::Composer;
using plonk::Witness;
using gadget::WitnessPoint;

Scalar scalar(u64 i) {
  std::array<u8, 64> wide{};
  for (size_t j = 0; j < wide.size(); ++j) wide[j] = static_cast<u8>(i * 13 + j * 7);
  return Scalar::from_uniform_bytes(wide);
}
Fq as_fq(const Scalar& k) { return *Fq::from_bytes_le(k.to_bytes_le()); }

TEST(JubjubGadget, AdditionIsTheCurvesIncludingEdgeCases) {
  const Point g = generator(), h = generator_nums() * scalar(1);
  const Point torsion = *Point::from_affine(Fq::zero(), -Fq::one());
  for (const auto& [a, b] : std::vector<std::pair<Point, Point>>{
           {g, h}, {g, g}, {g, -g}, {Point{}, h}, {Point{}, Point{}}, {g, torsion}}) {
    Composer cs;
    const WitnessPoint wa = gadget::append_point(cs, a), wb = gadget::append_point(cs, b);
    const WitnessPoint sum = gadget::add(cs, wa, wb);
    EXPECT_EQ(gadget::value(cs, sum), a + b);
    EXPECT_EQ(cs.first_violation(), std::nullopt);
  }
  // The dedicated doubling agrees, the identity and a point of order 2 included.
  for (const Point& p : {g, h, Point{}, torsion, g + torsion}) {
    Composer cs;
    const WitnessPoint d = gadget::dbl(cs, gadget::append_point(cs, p));
    EXPECT_EQ(gadget::value(cs, d), p.dbl());
    EXPECT_EQ(cs.first_violation(), std::nullopt);
  }
  // A wrong sum and a point off the curve violate the circuit.
  Composer wrong;
  const WitnessPoint s = gadget::add(wrong, gadget::append_point(wrong, g), gadget::append_point(wrong, h));
  gadget::assert_equal_point(wrong, s, gadget::append_constant_point(wrong, g + g));
  EXPECT_NE(wrong.first_violation(), std::nullopt);
  Composer off;
  const WitnessPoint p{off.append_witness(Fq::one()), off.append_witness(Fq::one())};
  gadget::assert_on_curve(off, p);
  EXPECT_NE(off.first_violation(), std::nullopt);
  // A wrong doubling too.
  Composer wrong_dbl;
  const WitnessPoint d = gadget::dbl(wrong_dbl, gadget::append_point(wrong_dbl, g));
  gadget::assert_equal_point(wrong_dbl, d, gadget::append_constant_point(wrong_dbl, g));
  EXPECT_NE(wrong_dbl.first_violation(), std::nullopt);
}

TEST(JubjubGadget, PrimeOrderPointsAreProvedSo) {
  const Point p = generator_nums() * scalar(5);
  Composer good;
  EXPECT_EQ(gadget::value(good, gadget::append_prime_order_point(good, p)), p);
  EXPECT_EQ(good.first_violation(), std::nullopt);
  // With a torsion component no q has 8 q = p: the circuit cannot be satisfied.
  const Point torsion = *Point::from_affine(Fq::zero(), -Fq::one());
  Composer bad;
  const WitnessPoint w = gadget::append_prime_order_point(bad, p + torsion);
  gadget::assert_equal_point(bad, w, gadget::append_constant_point(bad, p + torsion));
  EXPECT_NE(bad.first_violation(), std::nullopt);
}

TEST(JubjubGadget, DecompositionBoundsTheScalar) {
  Composer cs;
  const Witness x = cs.append_witness(Fq::from_u64(0b1011'0110));
  const auto bits = gadget::decompose(cs, x, 8);
  ASSERT_EQ(bits.size(), 8u);
  EXPECT_EQ(cs.value(bits[1]), Fq::one());
  EXPECT_EQ(cs.value(bits[0]), Fq::zero());
  EXPECT_EQ(cs.first_violation(), std::nullopt);
  Composer too_big;
  (void)gadget::decompose(too_big, too_big.append_witness(Fq::from_u64(256)), 8);
  EXPECT_NE(too_big.first_violation(), std::nullopt);
  Composer odd;  // an odd bit count
  (void)gadget::decompose(odd, odd.append_witness(Fq::from_u64(100)), 7);
  EXPECT_EQ(odd.first_violation(), std::nullopt);
}

TEST(JubjubGadget, MultiplicationsAreTheCurves) {
  for (u64 i : {0u, 1u, 2u}) {
    const Scalar k = i == 0 ? -Scalar::one() : scalar(i);
    const Point p = generator_nums() * scalar(10 + i);
    Composer cs;
    const Witness wk = cs.append_witness(as_fq(k));
    EXPECT_EQ(gadget::value(cs, gadget::mul_variable(cs, wk, gadget::append_point(cs, p))), p * k) << i;
    EXPECT_EQ(gadget::value(cs, gadget::mul_fixed(cs, wk, generator())), generator() * k) << i;
    EXPECT_EQ(cs.first_violation(), std::nullopt) << i;
  }
  Composer zero;
  const Witness wz = zero.append_witness(Fq::zero());
  EXPECT_EQ(gadget::value(zero, gadget::mul_fixed(zero, wz, generator())), Point{});
  EXPECT_EQ(gadget::value(zero, gadget::mul_variable(zero, wz, gadget::append_point(zero, generator()))), Point{});
  EXPECT_EQ(zero.first_violation(), std::nullopt);
}

// pk = k G with k private and pk public.
void public_key_circuit(Composer& cs, const Scalar& k, const Point& pk) {
  const Witness wk = cs.append_witness(as_fq(k));
  const WitnessPoint p = gadget::mul_fixed(cs, wk, generator());
  cs.assert_equal(p.u, cs.append_public(pk.u()));
  cs.assert_equal(p.v, cs.append_public(pk.v()));
}

TEST(JubjubGadget, FixedBaseMultiplicationProves) {
  const Scalar k = scalar(42);
  const Point pk = generator() * k;
  Composer shape, honest, lying;
  public_key_circuit(shape, Scalar::zero(), Point{});
  public_key_circuit(honest, k, pk);
  public_key_circuit(lying, k + Scalar::one(), pk);
  EXPECT_NE(lying.first_violation(), std::nullopt);
  const auto srs = plonk::Srs::insecure_from_seed(as_bytes("jubjub gadget test"), 2048 + plonk::kSrsBlindingPowers);
  auto keys = plonk::preprocess(srs, shape);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  std::array<u8, 64> seed{};
  auto proof = plonk::prove(*keys->prover, honest, seed);
  ASSERT_TRUE(proof.ok()) << proof.error().message;
  EXPECT_TRUE(*plonk::verify(*keys->verifier, *proof, honest.public_inputs()));
  const std::vector<Fq> other{(pk + generator()).u(), (pk + generator()).v()};
  EXPECT_FALSE(*plonk::verify(*keys->verifier, *proof, other));
  auto forced = plonk::detail::prove_unchecked(*keys->prover, lying, seed);
  ASSERT_TRUE(forced.ok());
  EXPECT_FALSE(*plonk::verify(*keys->verifier, *forced, lying.public_inputs()));
}

}  // namespace
}  // namespace dusk::crypto::jubjub
