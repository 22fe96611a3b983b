// Schnorr verification as a circuit gadget (crypto/schnorr/gadget.hpp): signatures made by
// the native signer satisfy the circuit, single and double; a wrong message, response,
// nonce or key violates it; the truncation equals the native one, also at the edges.
#include <gtest/gtest.h>

#include "crypto/poseidon/hash.hpp"
#include "crypto/schnorr/gadget.hpp"
#include "crypto/schnorr/schnorr.hpp"

namespace dusk::crypto::schnorr {
namespace {

namespace jg = jubjub::gadget;
using plonk::Composer;
using plonk::Witness;
using Fr = bls12_381::Fr;

Fr as_fr(const Scalar& s) { return *Fr::from_bytes_le(s.to_bytes_le()); }

SecretKey key() {
  std::array<u8, 64> wide{};
  wide[7] = 3;
  return SecretKey(Scalar::from_uniform_bytes(wide));
}
const std::array<u8, 32> kEntropy{9};

TEST(SchnorrGadget, TruncationIsTheNatives) {
  for (const Fr& x : {Fr::zero(), Fr::one(), -Fr::one(), Fr::from_u64(1) + -Fr::one().halve(),
                      poseidon::hash(std::array{Fr::from_u64(5)})}) {
    Composer cs;
    const Witness t = gadget::truncate(cs, cs.append_witness(x));
    EXPECT_EQ(*Scalar::from_bytes_le(cs.value(t).to_bytes_le()), poseidon::truncate_to_scalar(x));
    EXPECT_EQ(cs.first_violation(), std::nullopt);
  }
}

TEST(SchnorrGadget, OnlyTheCanonicalDecompositionPasses) {
  // x = 5 also reads as x + r below 2^255: both bit strings sum to 5 mod r, only the
  // first is canonical, and only it passes.
  auto bits_of = [](Composer& cs, std::array<u64, 4> limbs) {
    std::vector<Witness> bits;
    for (unsigned i = 0; i < 255; ++i) {
      bits.push_back(cs.append_witness(Fr::from_u64((limbs[i / 64] >> (i % 64)) & 1)));
      cs.component_boolean(bits.back());
    }
    return bits;
  };
  Composer honest, alias;
  gadget::assert_canonical(honest, bits_of(honest, {5, 0, 0, 0}));
  EXPECT_EQ(honest.first_violation(), std::nullopt);
  auto r = bls12_381::FrParams::kModulus;
  r[0] += 5;  // r + 5: no carry out of the low limb (r's is 1)
  gadget::assert_canonical(alias, bits_of(alias, {r[0], r[1], r[2], r[3]}));
  EXPECT_NE(alias.first_violation(), std::nullopt);
  // r - 1 itself is the largest canonical value.
  Composer top;
  auto m = bls12_381::FrParams::kModulus;
  m[0] -= 1;
  gadget::assert_canonical(top, bits_of(top, {m[0], m[1], m[2], m[3]}));
  EXPECT_EQ(top.first_violation(), std::nullopt);
}

struct Single {
  Scalar u;
  Point r, pk;
  Fr m;
};

bool single_holds(const Single& s) {
  Composer cs;
  gadget::verify(cs, cs.append_witness(as_fr(s.u)), jg::append_point(cs, s.r), jg::append_point(cs, s.pk),
                 cs.append_witness(s.m));
  return !cs.first_violation().has_value();
}

TEST(SchnorrGadget, SingleSignatures) {
  const SecretKey sk = key();
  const Fr m = Fr::from_u64(77);
  const Signature sig = sk.sign(m, kEntropy);
  ASSERT_TRUE(sk.public_key().verify(sig, m));
  const Single good{sig.u, sig.r, sk.public_key().point, m};
  EXPECT_TRUE(single_holds(good));
  Single bad = good;
  bad.m = m + Fr::one();
  EXPECT_FALSE(single_holds(bad));
  bad = good;
  bad.u = good.u + Scalar::one();
  EXPECT_FALSE(single_holds(bad));
  bad = good;
  bad.r = good.r + jubjub::generator();
  EXPECT_FALSE(single_holds(bad));
  bad = good;
  bad.pk = good.pk + jubjub::generator();
  EXPECT_FALSE(single_holds(bad));
}

TEST(SchnorrGadget, DoubleSignatures) {
  const SecretKey sk = key();
  const Fr m = Fr::from_u64(78);
  const SignatureDouble sig = sk.sign_double(m, kEntropy);
  const PublicKeyDouble pk = sk.public_key_double();
  ASSERT_TRUE(pk.verify(sig, m));
  auto holds = [&](const Scalar& u, const Point& r, const Point& rp, const Point& a, const Point& b, const Fr& msg) {
    Composer cs;
    gadget::verify_double(cs, cs.append_witness(as_fr(u)), jg::append_point(cs, r), jg::append_point(cs, rp),
                          jg::append_point(cs, a), jg::append_point(cs, b), cs.append_witness(msg));
    return !cs.first_violation().has_value();
  };
  EXPECT_TRUE(holds(sig.u, sig.r, sig.r_prime, pk.point, pk.point_prime, m));
  EXPECT_FALSE(holds(sig.u, sig.r, sig.r_prime, pk.point, pk.point_prime, m + Fr::one()));
  EXPECT_FALSE(holds(sig.u, sig.r_prime, sig.r, pk.point, pk.point_prime, m));
  EXPECT_FALSE(holds(sig.u, sig.r, sig.r_prime, pk.point, pk.point, m));
  EXPECT_FALSE(holds(sig.u + Scalar::one(), sig.r, sig.r_prime, pk.point, pk.point_prime, m));
}

}  // namespace
}  // namespace dusk::crypto::schnorr
