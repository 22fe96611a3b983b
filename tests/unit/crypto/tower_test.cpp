// The BLS12-381 extension tower: Fp2, Fp6, Fp12.
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "crypto/bls12_381/fp12.hpp"
#include "crypto/bn254/fp12.hpp"
#include "crypto/ff/detail/fp12_impl.hpp"  // the Frobenius constant tables checked below
#include "crypto/hash/sha256.hpp"
#include "field_test_util.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

using test::random_element;
using test::Rng;

Fp2 random_fp2(Rng& rng) { return {random_element<Fp>(rng), random_element<Fp>(rng)}; }
Fp6 random_fp6(Rng& rng) { return {random_fp2(rng), random_fp2(rng), random_fp2(rng)}; }
Fp12 random_fp12(Rng& rng) { return {random_fp6(rng), random_fp6(rng)}; }

// p as an exponent.
constexpr auto kP = Fp::Constants::kP;

// --- Fp2 ---

TEST(Fp2, RingAxiomsAndSchoolbookProduct) {
  Rng rng(21);
  for (int i = 0; i < 2000; ++i) {
    Fp2 a = random_fp2(rng), b = random_fp2(rng), c = random_fp2(rng);
    ASSERT_EQ(a * b, Fp2(a.c0 * b.c0 - a.c1 * b.c1, a.c0 * b.c1 + a.c1 * b.c0));
    ASSERT_EQ(a * b, b * a);
    ASSERT_EQ((a * b) * c, a * (b * c));
    ASSERT_EQ(a * (b + c), a * b + a * c);
    ASSERT_EQ(a - b, a + (-b));
    ASSERT_EQ(a.square(), a * a);
    ASSERT_EQ(a.dbl(), a + a);
    ASSERT_EQ(a.halve().dbl(), a);
    ASSERT_EQ(a.mul_by_u(), a * Fp2::u());
    ASSERT_EQ(a.mul_by_k_plus_u<1>(), a * Fp2(Fp::one(), Fp::one()));
    ASSERT_EQ(a.mul_by_k_plus_u<9>(), a * Fp2(Fp::from_u64(9), Fp::one()));
    ASSERT_EQ(a * b.c0, a * Fp2(b.c0));
  }
  EXPECT_EQ(Fp2::u().square(), -Fp2::one());
}

TEST(Fp2, Inverse) {
  Rng rng(22);
  EXPECT_EQ(Fp2::zero().inverse(), Fp2::zero());
  EXPECT_EQ(Fp2::one().inverse(), Fp2::one());
  EXPECT_EQ(Fp2::u().inverse(), -Fp2::u());
  for (int i = 0; i < 2000; ++i) {
    Fp2 a = random_fp2(rng);
    Fp2 inv = a.inverse();
    ASSERT_EQ(a * inv, Fp2::one());
    ASSERT_EQ(a.inverse_vartime(), inv);
  }
}

TEST(Fp2, FrobeniusIsPowerP) {
  Rng rng(23);
  for (int i = 0; i < 20; ++i) {
    Fp2 a = random_fp2(rng);
    ASSERT_EQ(a.frobenius_map(1), a.pow(kP));
    ASSERT_EQ(a.frobenius_map(2), a);
    ASSERT_EQ(a.conjugate() * a, Fp2(a.norm()));
  }
}

TEST(Fp2, Sqrt) {
  Rng rng(24);
  int squares = 0;
  for (int i = 0; i < 500; ++i) {
    Fp2 a = random_fp2(rng);
    auto r = a.square().sqrt();
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(*r == a || *r == -a);
    auto ra = a.sqrt();
    ASSERT_EQ(ra.has_value(), a.is_square());
    if (ra) {
      ASSERT_EQ(ra->square(), a);
    }
    squares += ra.has_value();
  }
  EXPECT_GT(squares, 150);
  EXPECT_LT(squares, 350);
  // Elements of Fp: every one is a square in Fp2, as sqrt(a0) or sqrt(-a0) u.
  for (int i = 0; i < 200; ++i) {
    Fp a0 = random_element<Fp>(rng);
    Fp2 a(a0);
    auto r = a.sqrt();
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->square(), a);
    bool in_fp = a0.legendre() >= 0;
    ASSERT_EQ(r->c1.is_zero(), in_fp || a0.is_zero());
    // Purely imaginary elements.
    Fp2 b(Fp::zero(), a0);
    auto rb = b.sqrt();
    ASSERT_TRUE(rb.has_value());
    ASSERT_EQ(rb->square(), b);
  }
  EXPECT_EQ(*Fp2::zero().sqrt(), Fp2::zero());
  auto i = (-Fp2::one()).sqrt();
  ASSERT_TRUE(i.has_value());
  EXPECT_TRUE(*i == Fp2::u() || *i == -Fp2::u());
  // 1 + u is not a square (it is the tower's non-residue).
  EXPECT_FALSE(Fp2(Fp::one(), Fp::one()).sqrt().has_value());
  EXPECT_FALSE(Fp2(Fp::one(), Fp::one()).is_square());
}

// --- Fp6 ---

TEST(Fp6, RingAxiomsAndSparseProducts) {
  Rng rng(31);
  for (int i = 0; i < 1000; ++i) {
    Fp6 a = random_fp6(rng), b = random_fp6(rng), c = random_fp6(rng);
    ASSERT_EQ(a * b, b * a);
    ASSERT_EQ((a * b) * c, a * (b * c));
    ASSERT_EQ(a * (b + c), a * b + a * c);
    ASSERT_EQ(a.square(), a * a);
    ASSERT_EQ(a * Fp6::one(), a);
    Fp6 v(Fp2::zero(), Fp2::one(), Fp2::zero());
    ASSERT_EQ(a.mul_by_v(), a * v);
    ASSERT_EQ(a.mul_by_01(b.c0, b.c1), a * Fp6(b.c0, b.c1, Fp2::zero()));
    ASSERT_EQ(a.mul_by_1(b.c1), a * Fp6(Fp2::zero(), b.c1, Fp2::zero()));
    ASSERT_EQ(a * b.c2, a * Fp6(b.c2));
  }
  // v^3 = xi = 1 + u.
  Fp6 v(Fp2::zero(), Fp2::one(), Fp2::zero());
  EXPECT_EQ(v * v * v, Fp6(Fp2(Fp::one(), Fp::one())));
}

TEST(Fp6, Inverse) {
  Rng rng(32);
  EXPECT_EQ(Fp6::zero().inverse(), Fp6::zero());
  for (int i = 0; i < 1000; ++i) {
    Fp6 a = random_fp6(rng);
    Fp6 inv = a.inverse();
    ASSERT_EQ(a * inv, Fp6::one());
    ASSERT_EQ(a.inverse_vartime(), inv);
  }
}

TEST(Fp6, Frobenius) {
  Rng rng(33);
  for (int i = 0; i < 10; ++i) {
    Fp6 a = random_fp6(rng), b = random_fp6(rng);
    // a^p by square-and-multiply.
    Fp6 ap = Fp6::one();
    for (size_t bit = ff::bit_length(kP); bit-- > 0;) {
      ap = ap.square();
      if (ff::bit(kP, bit)) ap = ap * a;
    }
    ASSERT_EQ(a.frobenius_map(1), ap);
    // Composition, the identity at k = 6, and the ring homomorphism property.
    Fp6 x = a;
    for (unsigned k = 1; k <= 6; ++k) {
      x = x.frobenius_map(1);
      ASSERT_EQ(a.frobenius_map(k), x) << k;
    }
    ASSERT_EQ(x, a);
    ASSERT_EQ((a * b).frobenius_map(2), a.frobenius_map(2) * b.frobenius_map(2));
  }
}

// --- Fp12 ---

TEST(Fp12, RingAxioms) {
  Rng rng(41);
  for (int i = 0; i < 300; ++i) {
    Fp12 a = random_fp12(rng), b = random_fp12(rng), c = random_fp12(rng);
    ASSERT_EQ(a * b, b * a);
    ASSERT_EQ((a * b) * c, a * (b * c));
    ASSERT_EQ(a * (b + c), a * b + a * c);
    ASSERT_EQ(a.square(), a * a);
    ASSERT_EQ(a * Fp12::one(), a);
    ASSERT_EQ(a - a, Fp12::zero());
  }
  // w^2 = v.
  Fp12 w(Fp6::zero(), Fp6::one());
  EXPECT_EQ(w.square(), Fp12(Fp6(Fp2::zero(), Fp2::one(), Fp2::zero())));
}

TEST(Fp12, Inverse) {
  Rng rng(42);
  EXPECT_EQ(Fp12::zero().inverse(), Fp12::zero());
  for (int i = 0; i < 300; ++i) {
    Fp12 a = random_fp12(rng);
    Fp12 inv = a.inverse();
    ASSERT_EQ(a * inv, Fp12::one());
    ASSERT_EQ(a.inverse_vartime(), inv);
  }
}

TEST(Fp12, SparseProductsMatchFullProduct) {
  Rng rng(43);
  for (int i = 0; i < 300; ++i) {
    Fp12 a = random_fp12(rng);
    Fp2 o0 = random_fp2(rng), o1 = random_fp2(rng), o3 = random_fp2(rng), o4 = random_fp2(rng);
    // Basis (1, v, v^2, w, vw, v^2 w): 014 = 1, v, vw; 034 = 1, w, vw.
    Fp12 l014(Fp6(o0, o1, Fp2::zero()), Fp6(Fp2::zero(), o4, Fp2::zero()));
    Fp12 l034(Fp6(o0), Fp6(o3, o4, Fp2::zero()));
    ASSERT_EQ(a.mul_by_014(o0, o1, o4), a * l014);
    ASSERT_EQ(a.mul_by_034(o0, o3, o4), a * l034);
  }
}

TEST(Fp12, FrobeniusIsPowerPk) {
  Rng rng(44);
  for (int i = 0; i < 3; ++i) {
    Fp12 a = random_fp12(rng), b = random_fp12(rng);
    Fp12 ap = a.pow(kP);
    ASSERT_EQ(a.frobenius_map(1), ap);
    ASSERT_EQ(a.frobenius_map(2), ap.pow(kP));
    Fp12 x = a;
    for (unsigned k = 1; k <= 12; ++k) {
      x = x.frobenius_map(1);
      ASSERT_EQ(a.frobenius_map(k), x) << k;
    }
    ASSERT_EQ(x, a);  // p^12 fixes Fp12
    ASSERT_EQ(a.frobenius_map(6), a.conjugate());
    ASSERT_EQ((a * b).frobenius_map(3), a.frobenius_map(3) * b.frobenius_map(3));
  }
}

// --- Known answers. ---
//
// Computed with Python 3's integers by an independent model of the tower: Fp12 as
// Fp2[w] / (w^6 - (1 + u)), schoolbook polynomial products, powers by square-and-multiply
// (a^p, a^(p^2), a^(p^12 - 2) for the inverse, a^(2^64 + 3)). Elements come from 12
// base-field values from_uniform_bytes(bytes((13 j + 29 k + 7 i + 1) % 256 for i in
// range(64))), k = 0..11, in the order c0.c0.c0, c0.c0.c1, c0.c1.c0, ..., c1.c2.c1;
// results are compared as SHA-256 of the 12 big-endian 48-byte coefficients in that
// order.
Fp12 seeded_fp12(int j) {
  std::array<Fp, 12> v;
  for (int k = 0; k < 12; ++k) {
    std::array<u8, 64> seed{};
    for (int i = 0; i < 64; ++i) seed[i] = static_cast<u8>((13 * j + 29 * k + 7 * i + 1) % 256);
    v[k] = Fp::from_uniform_bytes(seed);
  }
  auto f2 = [&](int m) { return Fp2(v[2 * m], v[2 * m + 1]); };
  return {Fp6(f2(0), f2(1), f2(2)), Fp6(f2(3), f2(4), f2(5))};
}

std::string digest(const Fp12& a) {
  Sha256 h;
  for (const Fp6* c6 : {&a.c0, &a.c1}) {
    for (const Fp2* c2 : {&c6->c0, &c6->c1, &c6->c2}) {
      h.update(c2->c0.to_bytes_be());
      h.update(c2->c1.to_bytes_be());
    }
  }
  return to_hex(h.final());
}

TEST(TowerKat, Fp12) {
  Fp12 a = seeded_fp12(1), b = seeded_fp12(2);
  EXPECT_EQ(digest(a), "697b4aca13f241e18fd1463b09a3cc4c53fdf2e7acb079246ed5bec19d377a12");
  EXPECT_EQ(digest(a * b), "4d09b21655bcb116508fc6b3823fdb055361c41b2d852e1ac5160d4dc9cb3d25");
  EXPECT_EQ(digest(a.square()), "218ab28a1d5a32a66f0e91a0367097ad39c648a8debd4ee7e653c23f675221be");
  EXPECT_EQ(digest(a.frobenius_map(1)),
            "c8e8b5bc698276d67debe96a659e05c165c9b86d2a15ed8b278de39656d6974e");
  EXPECT_EQ(digest(a.frobenius_map(2)),
            "0f4658bb989e11e9c19dfc65c145d3f3cbf68718fed398f703012930bab4d9a5");
  EXPECT_EQ(digest(a.inverse()), "d323cb460f27c85ffd611238d3b5f328f354e0e6b6d4c176dd8d53997e92e6ff");
  EXPECT_EQ(digest(a.pow(ff::Limbs<2>{3, 1})),
            "b730deab0813ec0f8a8202b8d77ac72ba2381be4ae9a3b2f0b67334112a39537");
}

TEST(TowerKat, Fp2) {
  Fp2 x = seeded_fp12(3).c0.c0, y = seeded_fp12(4).c0.c0;
  EXPECT_EQ(test::hex_of(x.c0.to_bytes_be()),
            "0165fefa09b51b087428664036195c919f293a96f8641aa7917bce2e0a06fef36435809c5e0e2351dc38762cd2d22bc4");
  Fp2 xy = x * y;
  EXPECT_EQ(test::hex_of(xy.c0.to_bytes_be()),
            "18fdeb083981dda082f42b9784e6e412ab6d3c8b3f0995418bbea5fcc76e477e5e1b0f08e749559d626ced568258ca87");
  EXPECT_EQ(test::hex_of(xy.c1.to_bytes_be()),
            "05615b74beff84c770c56616af95f9acae8428da42c4144eb0a9654d5084b21b4eed91d1cd5279c52ccab471fdc179c8");
  Fp2 xi = x.inverse();
  EXPECT_EQ(test::hex_of(xi.c0.to_bytes_be()),
            "18a0200a60160367ba535ae7e61f1a2d90b5c8775035be74f8326e316864d002670d574389887b31bc25d9352f46dd0b");
  EXPECT_EQ(test::hex_of(xi.c1.to_bytes_be()),
            "04c205c8b69e08b61ef1085636b516f52b9742fa0ed4df00b52c00d1f42d47e0bdf9b340c19272a780837ad94f38f7c4");
  EXPECT_FALSE(x.is_square());
  EXPECT_FALSE(x.sqrt().has_value());
  EXPECT_TRUE(y.is_square());
  auto r = y.sqrt();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->square(), y);
}

// --- The same generic tower with BN254's parameters (xi = 9 + u), as bn254/fp12.hpp
// instantiates it: the k != 1 paths of the generic code. ---
using Bn254Tower = bn254::TowerParams;
using BnFp2 = bn254::Fp2;
using BnFp6 = bn254::Fp6;
using BnFp12 = bn254::Fp12;

// xi^((p - 1) / 6) and xi^((p - 1) / 3), computed with Python's integers; the first is
// the familiar w-Frobenius constant of EIP-197 implementations.
using BnFrob12 = ff::detail::Fp12Frobenius<Bn254Tower>;
using BnFrob6 = ff::detail::Fp6Frobenius<Bn254Tower>;
static_assert(BnFrob12::kW[1].c0.to_canonical() ==
              ff::from_hex<4>("1284b71c2865a7dfe8b99fdd76e68b605c521e08292f2176d60b35dadcc9e470"));
static_assert(BnFrob12::kW[1].c1.to_canonical() ==
              ff::from_hex<4>("246996f3b4fae7e6a6327cfe12150b8e747992778eeec7e5ca5cf05f80f362ac"));
static_assert(BnFrob6::kV[1].c0.to_canonical() ==
              ff::from_hex<4>("2fb347984f7911f74c0bec3cf559b143b78cc310c2c3330c99e39557176f553d"));
static_assert(BnFrob6::kV[1].c1.to_canonical() ==
              ff::from_hex<4>("16c9e55061ebae204ba4cc8bd75a079432ae2a1d0b7c9dce1665d51c640fcba2"));

BnFp2 random_bn_fp2(Rng& rng) {
  return {random_element<bn254::Fp>(rng), random_element<bn254::Fp>(rng)};
}
BnFp6 random_bn_fp6(Rng& rng) {
  return {random_bn_fp2(rng), random_bn_fp2(rng), random_bn_fp2(rng)};
}
BnFp12 random_bn_fp12(Rng& rng) { return {random_bn_fp6(rng), random_bn_fp6(rng)}; }

TEST(Bn254Tower, Axioms) {
  Rng rng(51);
  BnFp6 v(BnFp2::zero(), BnFp2::one(), BnFp2::zero());
  EXPECT_EQ(v * v * v, BnFp6(BnFp2(bn254::Fp::from_u64(9), bn254::Fp::one())));
  for (int i = 0; i < 200; ++i) {
    BnFp12 a = random_bn_fp12(rng), b = random_bn_fp12(rng), c = random_bn_fp12(rng);
    ASSERT_EQ((a * b) * c, a * (b * c));
    ASSERT_EQ(a * (b + c), a * b + a * c);
    ASSERT_EQ(a.square(), a * a);
    ASSERT_EQ(a * a.inverse(), BnFp12::one());
    ASSERT_EQ(a.c0.square(), a.c0 * a.c0);
    ASSERT_EQ(a.c0 * a.c0.inverse_vartime(), BnFp6::one());
    BnFp2 o0 = random_bn_fp2(rng), o3 = random_bn_fp2(rng), o4 = random_bn_fp2(rng);
    ASSERT_EQ(a.mul_by_034(o0, o3, o4), a * BnFp12(BnFp6(o0), BnFp6(o3, o4, BnFp2::zero())));
    BnFp2 x = random_bn_fp2(rng);
    auto r = x.square().sqrt();
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(*r == x || *r == -x);
  }
}

TEST(Bn254Tower, FrobeniusIsPowerPk) {
  Rng rng(52);
  constexpr auto p = bn254::Fp::Constants::kP;
  for (int i = 0; i < 3; ++i) {
    BnFp12 a = random_bn_fp12(rng);
    BnFp12 ap = a.pow(p);
    ASSERT_EQ(a.frobenius_map(1), ap);
    ASSERT_EQ(a.frobenius_map(2), ap.pow(p));
    BnFp12 x = a;
    for (unsigned k = 1; k <= 12; ++k) {
      x = x.frobenius_map(1);
      ASSERT_EQ(a.frobenius_map(k), x) << k;
    }
    ASSERT_EQ(a.frobenius_map(6), a.conjugate());
  }
}

}  // namespace
}  // namespace dusk::crypto::bls12_381
