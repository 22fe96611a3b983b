// The optimal ate pairing of BLS12-381: bilinearity, non-degeneracy, the order of the
// values, multi-pairing against products of pairings, cyclotomic squaring against the
// general squaring, and the fast final exponentiation against the definition: it
// computes f^(3 (p^12 - 1) / r), the cube of the textbook value, as zkcrypto's chain
// does (the chain of Hayashida, Hayasaka and Teruya has exponent 3 (p^4 - p^2 + 1) / r;
// 3 is prime to r, so the pairing stays bilinear and non-degenerate).
#include <gtest/gtest.h>

#include <vector>

#include "crypto/bls12_381/pairing.hpp"
#include "crypto/ec/detail/cyclotomic.hpp"
#include "crypto/ec/detail/signed_digits.hpp"
#include "field_test_util.hpp"

namespace dusk::crypto {
namespace {

using namespace bls12_381;
using test::random_element;
using test::Rng;

// (p^12 - 1) / r, computed with Python's integers.
constexpr auto kFinalExponent = ff::from_hex<68>(
    "2ee1db5dcc825b7e1bda9c0496a1c0a89ee0193d4977b3f7d4507d07363baa13f8d14a917848517badc3a43d1073776ab353f2c30698e8cc7deada9c0aadff5e9cfee9a074e43b9a660835cc872ee83ff3a0f0f1c0ad0d6106feaf4e347aa68ad49466fa927e7bb9375331807a0dce2630d9aa4b113f414386b0e8819328148978e2b0dd39099b86e1ab656d2670d93e4d7acdd350da5359bc73ab61a0c5bf24c374693c49f570bcd2b01f3077ffb10bf24dde41064837f27611212596bc293c8d4c01f25118790f4684d0b9c40a68eb74bb22a40ee7169cdc1041296532fef459f12438dfc8e2886ef965e61a474c5c85b0129127a1b5ad0463434724538411d1676a53b5a62eb34c05739334f46c02c3f0bd0c55d3109cd15948d0a1fad20044ce6ad4c6bec3ec03ef19592004cedd556952c6d8823b19dadd7c2498345c6e5308f1c511291097db60b1749bf9b71a9f9e0100418a3ef0bc627751bbd81367066bca6a4c1b6dcfc5cceb73fc56947a403577dfa9e13c24ea820b09c1d9f7c31759c3635de3f7a3639991708e88adce88177456c49637fd7961be1a4c7e79fb02faa732e2f3ec2bea83d196283313492caa9d4aff1c910e9622d2a73f62537f2701aaef6539314043f7bbce5b78c7869aeb2181a67e49eeed2161daf3f881bd88592d767f67c4717489119226c2f011d4cab803e9d71650a6f80698e2f8491d12191a04406fbc8fbd5f48925f98630e68bfb24c0bcb9b55df57510");

Fp12 random_fp12(Rng& rng) {
  auto f2 = [&] { return Fp2(random_element<Fp>(rng), random_element<Fp>(rng)); };
  return Fp12(Fp6(f2(), f2(), f2()), Fp6(f2(), f2(), f2()));
}

// The digits the Miller loops and the exponentiations by the curve parameters walk: they
// sum to the value, lead with a 1, and in NAF no two neighbours are both non-zero.
TEST(PairingTest, SignedDigitsRepresentTheirValue) {
  const u128 values[] = {1, 2, 3, 7, kAbsX, static_cast<u128>(4965661367192848881ull) * 6 + 2,
                         (static_cast<u128>(0x5a5a5a5a5a5a5a5aull) << 60) | 0xfff0fff, ~u128{0} >> 2};
  for (const u128 n : values) {
    for (const bool naf : {false, true}) {
      const ec::SignedDigits e = naf ? ec::naf_digits(n) : ec::binary_digits(n);
      ASSERT_GT(e.len, 0u);
      EXPECT_EQ(e.d[e.len - 1], 1);
      u128 sum = 0;
      for (size_t i = e.len; i-- > 0;) sum = 2 * sum + static_cast<u128>(static_cast<i64>(e.d[i]));
      EXPECT_TRUE(sum == n) << "naf " << naf;
      for (size_t i = 0; i + 1 < e.len; ++i) {
        if (naf) {
          EXPECT_FALSE(e.d[i] != 0 && e.d[i + 1] != 0) << i;
        } else {
          EXPECT_GE(e.d[i], 0);
        }
      }
    }
  }
  EXPECT_EQ(ec::binary_digits(kAbsX).nonzero(), 6u);
  EXPECT_FALSE(ec::binary_digits(kAbsX).has_negative());
  EXPECT_TRUE(ec::naf_digits(7).has_negative());  // 8 - 1
}

TEST(PairingTest, FinalExponentiationMatchesDefinition) {
  Rng rng(31);
  for (int i = 0; i < 3; ++i) {
    Fp12 f = random_fp12(rng);
    Fp12 d = f.pow(std::span<const u64>(kFinalExponent));
    EXPECT_EQ(final_exponentiation(f), d * d * d) << i;
  }
  Fp12 m = miller_loop(G1Affine::generator(), G2Affine::generator());
  Fp12 dm = m.pow(std::span<const u64>(kFinalExponent));
  EXPECT_EQ(final_exponentiation(m), dm * dm * dm);
  EXPECT_NE(final_exponentiation(m), dm);
}

TEST(PairingTest, CyclotomicSquare) {
  Rng rng(32);
  for (int i = 0; i < 20; ++i) {
    Fp12 f = random_fp12(rng);
    // Into the cyclotomic subgroup by the easy part of the final exponentiation.
    Fp12 g = f.conjugate() * f.inverse();
    g = g.frobenius_map(2) * g;
    ASSERT_EQ(cyclotomic_square(g), g.square());
  }
}

Fp12 random_cyclotomic(Rng& rng) {
  // Into the cyclotomic subgroup by the easy part of the final exponentiation.
  Fp12 f = random_fp12(rng);
  Fp12 g = f.conjugate() * f.inverse();
  return g.frobenius_map(2) * g;
}

// Karabina's compressed squaring tracks four coefficients of the Granger-Scott square,
// and decompression recovers the other two: k squarings then decompression equal k
// ordinary squarings. A non-cyclotomic input must not come back right (the formulas use
// the norm-1 conditions), which shows the test can fail.
TEST(PairingTest, CompressedCyclotomicSquare) {
  using C = ec::CompressedCyclotomic<TowerParams>;
  Rng rng(33);
  for (int i = 0; i < 10; ++i) {
    const Fp12 g = random_cyclotomic(rng);
    C c = C::compress(g);
    Fp12 expect = g;
    for (int k = 1; k <= 5; ++k) {
      c = c.square();
      expect = expect.square();
      ASSERT_FALSE(c.denominator().is_zero());
      const Fp12 got = c.decompress(c.numerator() * c.denominator().inverse());
      ASSERT_EQ(got, expect) << i << " " << k;
      ASSERT_EQ(cyclotomic_square(got), got.square());
    }
  }
  const Fp12 f = random_fp12(rng);
  C c = C::compress(f).square();
  EXPECT_NE(c.decompress(c.numerator() * c.denominator().inverse()), f.square());
}

// The compressed exponentiation against square-and-multiply with ordinary Fp12
// arithmetic, for |x| (the final exponentiation's exponent) and an exponent with its low
// bit set.
TEST(PairingTest, CompressedCyclotomicPow) {
  constexpr ec::SignedDigits kX = ec::binary_digits(kAbsX);
  constexpr ec::SignedDigits kOdd = ec::binary_digits(0x8000000000c00005ull);
  Rng rng(34);
  for (int i = 0; i < 3; ++i) {
    const Fp12 g = random_cyclotomic(rng);
    EXPECT_EQ(ec::cyclotomic_pow_compressed<kX>(g), g.pow(std::span<const u64>(&kAbsX, 1)));
    const u64 odd = 0x8000000000c00005ull;
    EXPECT_EQ(ec::cyclotomic_pow_compressed<kOdd>(g), g.pow(std::span<const u64>(&odd, 1)));
    EXPECT_EQ(ec::cyclotomic_pow_compressed<kX>(g), ec::cyclotomic_pow<kX>(g));
  }
  // 1 (z2 = 0 at every power) takes the plain path.
  EXPECT_TRUE(ec::cyclotomic_pow_compressed<kX>(Fp12::one()).is_one());
  EXPECT_TRUE(ec::cyclotomic_pow_compressed<kOdd>(Fp12::one()).is_one());
}

TEST(PairingTest, NonDegenerateAndOfOrderR) {
  Fp12 e = pairing(G1Affine::generator(), G2Affine::generator());
  EXPECT_FALSE(e.is_one());
  EXPECT_FALSE(e.is_zero());
  EXPECT_TRUE(e.pow(std::span<const u64>(FrParams::kModulus)).is_one());
  // The identity on either side.
  EXPECT_TRUE(pairing(G1Affine::identity(), G2Affine::generator()).is_one());
  EXPECT_TRUE(pairing(G1Affine::generator(), G2Affine::identity()).is_one());
  EXPECT_TRUE(multi_pairing(std::span<const PairingInput>()).is_one());
  EXPECT_TRUE(multi_pairing(std::span<const PreparedPairingInput>()).is_one());
}

// Prepared Q (the lines computed once) give the same Miller loop as the plain form, with
// the identity on either side contributing 1.
TEST(PairingTest, PreparedLinesMatchThePlainLoop) {
  Rng rng(212);
  const G1 g1 = G1::generator();
  const G2 g2 = G2::generator();
  std::vector<PairingInput> pairs;
  for (int i = 0; i < 4; ++i) {
    pairs.push_back({g1.mul(random_element<Fr>(rng)).to_affine(),
                     g2.mul(random_element<Fr>(rng)).to_affine()});
  }
  pairs.push_back({G1Affine::identity(), g2.to_affine()});
  pairs.push_back({g1.to_affine(), G2Affine::identity()});
  std::vector<G2Prepared> prepared;
  for (const auto& pq : pairs) prepared.push_back(prepare_g2(pq.second));
  EXPECT_TRUE(prepared.back().lines.empty());
  std::vector<PreparedPairingInput> inputs;
  for (size_t i = 0; i < pairs.size(); ++i) inputs.push_back({pairs[i].first, &prepared[i]});
  EXPECT_EQ(miller_loop(std::span<const PreparedPairingInput>(inputs)),
            miller_loop(std::span<const PairingInput>(pairs)));
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(multi_pairing(std::span(inputs).subspan(i, 1)),
              pairing(pairs[i].first, pairs[i].second));
  }
  // One prepared Q reused with many P: e(aP, Q) e(-aP, Q) = 1.
  const G1Affine p = g1.mul(random_element<Fr>(rng)).to_affine();
  const PreparedPairingInput twice[2] = {{p, &prepared[0]}, {-p, &prepared[0]}};
  EXPECT_TRUE(multi_pairing(twice).is_one());
}

TEST(PairingTest, Bilinearity) {
  Rng rng(33);
  const G1 g1 = G1::generator();
  const G2 g2 = G2::generator();
  Fp12 e = pairing(g1.to_affine(), g2.to_affine());
  for (int i = 0; i < 4; ++i) {
    Fr a = random_element<Fr>(rng), b = random_element<Fr>(rng);
    Fp12 lhs = pairing(g1.mul(a).to_affine(), g2.mul(b).to_affine());
    auto ab = (a * b).to_canonical();
    ASSERT_EQ(lhs, e.pow(std::span<const u64>(ab))) << i;
    // e([a]P, Q) = e(P, [a]Q).
    ASSERT_EQ(pairing(g1.mul(a).to_affine(), g2.to_affine()),
              pairing(g1.to_affine(), g2.mul(a).to_affine()));
    // Linearity in each argument.
    G1 p = g1.mul(a), p2 = g1.mul(b);
    G2 q = g2.mul(b);
    ASSERT_EQ(pairing((p + p2).to_affine(), q.to_affine()),
              pairing(p.to_affine(), q.to_affine()) * pairing(p2.to_affine(), q.to_affine()));
  }
}

TEST(PairingTest, NegationAndMultiPairing) {
  Rng rng(34);
  G1Affine p = G1::generator().mul(random_element<Fr>(rng)).to_affine();
  G2Affine q = G2::generator().mul(random_element<Fr>(rng)).to_affine();
  Fp12 e = pairing(p, q);
  EXPECT_TRUE((pairing(-p, q) * e).is_one());
  EXPECT_TRUE((pairing(p, -q) * e).is_one());
  EXPECT_EQ(pairing(-p, q), e.conjugate());  // inverse in GT is the conjugate
  std::vector<PairingInput> pairs{{p, q}, {-p, q}};
  EXPECT_TRUE(multi_pairing(pairs).is_one());
  // Three random pairs, with an identity among them.
  std::vector<PairingInput> three;
  Fp12 product = Fp12::one();
  for (int i = 0; i < 3; ++i) {
    G1Affine a = G1::generator().mul(random_element<Fr>(rng)).to_affine();
    G2Affine b = G2::generator().mul(random_element<Fr>(rng)).to_affine();
    three.push_back({a, b});
    product *= pairing(a, b);
  }
  three.push_back({G1Affine::identity(), q});
  EXPECT_EQ(multi_pairing(three), product);
  // e([a]P, Q) e(-P, [a]Q) = 1: the shape of a signature check.
  Fr a = random_element<Fr>(rng);
  std::vector<PairingInput> check{
      {G1::from_affine(p).mul(a).to_affine(), q},
      {-p, G2::from_affine(q).mul(a).to_affine()}};
  EXPECT_TRUE(multi_pairing(check).is_one());
}

// e(G1, G2), the value zkcrypto's bls12_381 hard-codes as Gt::generator()
// (src/pairings.rs, there as Montgomery limbs; converted to canonical values with
// Python's integers), in the order c0.c0.c0, c0.c0.c1, c0.c1.c0, ..., c1.c2.c1.
TEST(PairingTest, KnownAnswerGeneratorPairing) {
  constexpr const char* kHex[12] = {
      "1250ebd871fc0a92a7b2d83168d0d727272d441befa15c503dd8e90ce98db3e7b6d194f60839c508a84305aaca1789b6",
      "089a1c5b46e5110b86750ec6a532348868a84045483c92b7af5af689452eafabf1a8943e50439f1d59882a98eaa0170f",
      "1368bb445c7c2d209703f239689ce34c0378a68e72a6b3b216da0e22a5031b54ddff57309396b38c881c4c849ec23e87",
      "193502b86edb8857c273fa075a50512937e0794e1e65a7617c90d8bd66065b1fffe51d7a579973b1315021ec3c19934f",
      "01b2f522473d171391125ba84dc4007cfbf2f8da752f7c74185203fcca589ac719c34dffbbaad8431dad1c1fb597aaa5",
      "018107154f25a764bd3c79937a45b84546da634b8f6be14a8061e55cceba478b23f7dacaa35c8ca78beae9624045b4b6",
      "19f26337d205fb469cd6bd15c3d5a04dc88784fbb3d0b2dbdea54d43b2b73f2cbb12d58386a8703e0f948226e47ee89d",
      "06fba23eb7c5af0d9f80940ca771b6ffd5857baaf222eb95a7d2809d61bfe02e1bfd1b68ff02f0b8102ae1c2d5d5ab1a",
      "11b8b424cd48bf38fcef68083b0b0ec5c81a93b330ee1a677d0d15ff7b984e8978ef48881e32fac91b93b47333e2ba57",
      "03350f55a7aefcd3c31b4fcb6ce5771cc6a0e9786ab5973320c806ad360829107ba810c5a09ffdd9be2291a0c25a99a2",
      "04c581234d086a9902249b64728ffd21a189e87935a954051c7cdba7b3872629a4fafc05066245cb9108f0242d0fe3ef",
      "0f41e58663bf08cf068672cbd01a7ec73baca4d72ca93544deff686bfd6df543d48eaa24afe47e1efde449383b676631",
  };
  Fp c[12];
  for (int i = 0; i < 12; ++i) c[i] = *Fp::from_canonical(ff::from_hex<6>(kHex[i]));
  Fp12 expected(Fp6(Fp2(c[0], c[1]), Fp2(c[2], c[3]), Fp2(c[4], c[5])),
                Fp6(Fp2(c[6], c[7]), Fp2(c[8], c[9]), Fp2(c[10], c[11])));
  EXPECT_EQ(pairing(G1Affine::generator(), G2Affine::generator()), expected);
}

}  // namespace
}  // namespace dusk::crypto
