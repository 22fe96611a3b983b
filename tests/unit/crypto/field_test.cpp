// Prime fields: BLS12-381 Fp and Fr, BN254 Fp and Fr, all through ff::Field.
#include <gtest/gtest.h>

#include <string>

#include "crypto/bls12_381/fp.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/bn254/fp.hpp"
#include "crypto/bn254/fr.hpp"
#include "crypto/ff/decimal.hpp"
#include "field_test_util.hpp"

namespace dusk::crypto {
namespace {

using test::random_element;
using test::Rng;

constexpr int kSamples = 2000;

template <typename F>
class FieldTest : public ::testing::Test {};

using Fields = ::testing::Types<bls12_381::Fp, bls12_381::Fr, bn254::Fp, bn254::Fr>;
TYPED_TEST_SUITE(FieldTest, Fields);

TYPED_TEST(FieldTest, RingAxioms) {
  using F = TypeParam;
  Rng rng(1);
  for (int i = 0; i < kSamples; ++i) {
    F a = random_element<F>(rng), b = random_element<F>(rng), c = random_element<F>(rng);
    ASSERT_EQ(a + b, b + a);
    ASSERT_EQ(a * b, b * a);
    ASSERT_EQ((a + b) + c, a + (b + c));
    ASSERT_EQ((a * b) * c, a * (b * c));
    ASSERT_EQ(a * (b + c), a * b + a * c);
    ASSERT_EQ(a - b, a + (-b));
    ASSERT_EQ(a - a, F::zero());
    ASSERT_EQ(a + F::zero(), a);
    ASSERT_EQ(a * F::one(), a);
    ASSERT_EQ(a * F::zero(), F::zero());
    ASSERT_EQ(a.dbl(), a + a);
    ASSERT_EQ(a.square(), a * a);
    ASSERT_EQ(-(-a), a);
  }
  EXPECT_EQ(-F::zero(), F::zero());
  EXPECT_TRUE(F::zero().is_zero());
  EXPECT_TRUE(F::one().is_one());
  EXPECT_FALSE(F::one().is_zero());
}

// Products, sums and differences against the naive reference, on random and edge values.
template <typename F>
void check_against_naive_reference(u64 seed) {
  test::NaiveModP<F::kLimbs> ref{F::Constants::kP};
  Rng rng(seed);
  std::vector<F> xs = test::edge_elements<F>();
  for (int i = 0; i < kSamples; ++i) xs.push_back(random_element<F>(rng));
  for (size_t i = 0; i < xs.size(); ++i) {
    const F& a = xs[i];
    const F& b = xs[(i * 7 + 3) % xs.size()];
    auto ca = a.to_canonical(), cb = b.to_canonical();
    ASSERT_EQ((a * b).to_canonical(), ref.mul(ca, cb)) << i;
    ASSERT_EQ(a.square().to_canonical(), ref.mul(ca, ca)) << i;
    ASSERT_EQ((a + b).to_canonical(), ref.add(ca, cb)) << i;
    ASSERT_EQ((a - b).to_canonical(), ref.sub(ca, cb)) << i;
  }
  // Every pair of edge values.
  auto edges = test::edge_elements<F>();
  for (const F& a : edges) {
    for (const F& b : edges) {
      ASSERT_EQ((a * b).to_canonical(), ref.mul(a.to_canonical(), b.to_canonical()));
    }
  }
}

TYPED_TEST(FieldTest, MatchesNaiveReference) { check_against_naive_reference<TypeParam>(2); }

// The same with the portable C++ kernels forced, where the default is assembly.
TYPED_TEST(FieldTest, PortableKernelsMatchNaiveReference) {
  test::PortableKernels portable;
  check_against_naive_reference<TypeParam>(12);
}

TYPED_TEST(FieldTest, FromU64) {
  using F = TypeParam;
  EXPECT_EQ(F::from_u64(0), F::zero());
  EXPECT_EQ(F::from_u64(1), F::one());
  EXPECT_EQ(F::from_u64(5), F::one() + F::one() + F::one() + F::one() + F::one());
  EXPECT_EQ(F::from_u64(~u64{0}).to_canonical()[0], ~u64{0});
  EXPECT_EQ(F::from_u64(1ull << 32) * F::from_u64(1ull << 32),
            F::from_u64(1ull << 63) + F::from_u64(1ull << 63));
}

TYPED_TEST(FieldTest, Inverse) {
  using F = TypeParam;
  Rng rng(3);
  EXPECT_EQ(F::zero().inverse(), F::zero());
  EXPECT_EQ(F::zero().inverse_vartime(), F::zero());
  for (const F& a : test::edge_elements<F>()) {
    if (a.is_zero()) continue;
    EXPECT_EQ(a * a.inverse(), F::one());
    EXPECT_EQ(a.inverse_vartime(), a.inverse());
  }
  for (int i = 0; i < kSamples; ++i) {
    F a = random_element<F>(rng);
    F inv = a.inverse();
    ASSERT_EQ(a * inv, F::one());
    ASSERT_EQ(a.inverse_vartime(), inv);
    ASSERT_EQ(inv.inverse(), a);
  }
  // Powers of two and small values: long runs of zero bits in the divsteps.
  F x = F::one();
  for (int i = 0; i < 400; ++i, x = x.dbl()) {
    ASSERT_EQ(x * x.inverse(), F::one()) << i;
    ASSERT_EQ(x * x.inverse_vartime(), F::one()) << i;
  }
}

TYPED_TEST(FieldTest, Pow) {
  using F = TypeParam;
  Rng rng(4);
  auto p_minus_1 = F::Constants::kP;
  p_minus_1[0] -= 1;
  for (int i = 0; i < 200; ++i) {
    F a = random_element<F>(rng);
    ASSERT_EQ(a.pow(0), F::one());
    ASSERT_EQ(a.pow(1), a);
    ASSERT_EQ(a.pow(2), a.square());
    ASSERT_EQ(a.pow(17), a.square_n(4) * a);
    ASSERT_EQ(a.pow(p_minus_1), F::one());              // Fermat
    ASSERT_EQ(a.pow(F::Constants::kPMinus2), a.inverse());
    u64 e = rng.next();
    ASSERT_EQ(a.pow(e), a.pow(e >> 1).square() * (e & 1 ? a : F::one())) << e;
    ASSERT_EQ(a.pow(ff::Limbs<2>{e, 1}), a.pow(e) * a.pow(1ull << 63).square());
  }
}

TYPED_TEST(FieldTest, SqrtAndLegendre) {
  using F = TypeParam;
  Rng rng(5);
  EXPECT_EQ(F::zero().legendre(), 0);
  EXPECT_EQ(F::one().legendre(), 1);
  EXPECT_EQ(F::from_u64(F::Constants::kNonResidue).legendre(), -1);
  ASSERT_TRUE(F::zero().sqrt().has_value());
  EXPECT_EQ(*F::zero().sqrt(), F::zero());
  EXPECT_EQ(*F::zero().sqrt_vartime(), F::zero());
  // Six exponentiations per sample: fewer samples than elsewhere.
  constexpr int kSqrtSamples = kSamples / 2;
  int squares = 0;
  for (int i = 0; i < kSqrtSamples; ++i) {
    F a = random_element<F>(rng);
    F sq = a.square();
    auto r = sq.sqrt();
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(*r == a || *r == -a);
    auto rv = sq.sqrt_vartime();
    ASSERT_TRUE(rv.has_value());
    ASSERT_TRUE(*rv == a || *rv == -a);
    ASSERT_EQ(sq.legendre(), a.is_zero() ? 0 : 1);
    // A random element: the root exists exactly when the symbol says so.
    int leg = a.legendre();
    auto ra = a.sqrt();
    ASSERT_EQ(ra.has_value(), leg >= 0);
    ASSERT_EQ(a.sqrt_vartime().has_value(), leg >= 0);
    if (ra) {
      ASSERT_EQ(ra->square(), a);
    }
    squares += leg == 1;
    // The non-residue times a square is a non-square.
    if (!a.is_zero()) {
      ASSERT_EQ((sq * F::from_u64(F::Constants::kNonResidue)).legendre(), -1);
    }
  }
  EXPECT_GT(squares, kSqrtSamples / 2 - 100);  // about half the elements are squares
  EXPECT_LT(squares, kSqrtSamples / 2 + 100);
}

TYPED_TEST(FieldTest, RootOfUnityHasExactOrder) {
  using F = TypeParam;
  F w = F::from_mont(F::Constants::kRootOfUnity);
  unsigned s = F::Constants::kTwoAdicity;
  EXPECT_EQ(w.square_n(s), F::one());
  EXPECT_EQ(w.square_n(s - 1), -F::one());
}

TYPED_TEST(FieldTest, ByteRoundTrips) {
  using F = TypeParam;
  Rng rng(6);
  for (int i = 0; i < kSamples; ++i) {
    F a = random_element<F>(rng);
    auto be = a.to_bytes_be();
    auto le = a.to_bytes_le();
    for (size_t j = 0; j < F::kBytes; ++j) ASSERT_EQ(be[j], le[F::kBytes - 1 - j]);
    auto a1 = F::from_bytes_be(be);
    auto a2 = F::from_bytes_le(le);
    ASSERT_TRUE(a1.ok());
    ASSERT_TRUE(a2.ok());
    ASSERT_EQ(*a1, a);
    ASSERT_EQ(*a2, a);
  }
  // p - 1 is the largest canonical value.
  auto max = (-F::one()).to_bytes_be();
  EXPECT_TRUE(F::from_bytes_be(max).ok());
}

// Big-endian bytes of p + k (k small), as the encoder would write them.
template <typename F>
Bytes modulus_plus(u64 k) {
  auto p = F::Constants::kP;
  u64 c = k;
  for (auto& limb : p) {
    u128 t = static_cast<u128>(limb) + c;
    limb = static_cast<u64>(t);
    c = static_cast<u64>(t >> 64);
  }
  Bytes out(F::kBytes);
  for (size_t i = 0; i < F::kBytes; ++i) out[F::kBytes - 1 - i] = static_cast<u8>(p[i / 8] >> (8 * (i % 8)));
  return out;
}

TYPED_TEST(FieldTest, RejectsNonCanonicalEncodings) {
  using F = TypeParam;
  for (u64 k : {0, 1, 2, 1000}) {
    Bytes be = modulus_plus<F>(k);
    auto r = F::from_bytes_be(be);
    ASSERT_FALSE(r.ok()) << k;
    EXPECT_EQ(r.error().code, EncodingError::kNotCanonical);
    Bytes le(be.rbegin(), be.rend());
    EXPECT_FALSE(F::from_bytes_le(le).ok()) << k;
  }
  // All ones: 2^(8 kBytes) - 1 (2^381-1-style values are covered by the top-bit checks).
  Bytes ones(F::kBytes, 0xff);
  EXPECT_FALSE(F::from_bytes_be(ones).ok());
  EXPECT_FALSE(F::from_bytes_le(ones).ok());
  // 2^kBits - 1: only the bits of the modulus set.
  Bytes top(F::kBytes, 0xff);
  top[0] = static_cast<u8>((1u << (F::kBits - 8 * (F::kBytes - 1))) - 1);
  EXPECT_FALSE(F::from_bytes_be(top).ok());
  // Wrong lengths.
  Bytes shorter(F::kBytes - 1, 0), longer(F::kBytes + 1, 0);
  auto r1 = F::from_bytes_be(shorter);
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.error().code, EncodingError::kBadLength);
  EXPECT_FALSE(F::from_bytes_be(longer).ok());
  EXPECT_FALSE(F::from_bytes_le(Bytes{}).ok());
}

TYPED_TEST(FieldTest, SelectAndParity) {
  using F = TypeParam;
  Rng rng(7);
  F a = random_element<F>(rng), b = random_element<F>(rng);
  EXPECT_EQ(F::select(false, a, b), a);
  EXPECT_EQ(F::select(true, a, b), b);
  EXPECT_EQ(a.conditional_negate(true), -a);
  EXPECT_EQ(a.conditional_negate(false), a);
  EXPECT_FALSE(F::zero().is_odd());
  EXPECT_TRUE(F::one().is_odd());
  EXPECT_TRUE((-F::one()).is_odd() == false);  // p - 1 is even
}

// Wide (lazy-reduction) helpers agree with the reduced operations.
TYPED_TEST(FieldTest, LazyReductionHelpers) {
  using F = TypeParam;
  Rng rng(8);
  for (int i = 0; i < kSamples; ++i) {
    F a = random_element<F>(rng), b = random_element<F>(rng), c = random_element<F>(rng),
      d = random_element<F>(rng);
    auto ab = F::mul_wide(a.mont(), b.mont());
    auto cd = F::mul_wide(c.mont(), d.mont());
    ASSERT_EQ(F::reduce(ab), a * b);
    ASSERT_EQ(F::reduce(F::sub_wide(ab, cd)), a * b - c * d);
    auto s = F::mul_wide(F::add_unreduced(a, c), F::add_unreduced(b, d));
    ASSERT_EQ(F::reduce(F::sub_wide_nonneg(F::sub_wide_nonneg(s, ab), cd)), a * d + c * b);
  }
}

// --- Known answers. ---
//
// Computed with Python 3's integers, independently of this code:
//   seed_a = bytes(range(64)); seed_b = bytes((7 * i + 3) % 256 for i in range(64))
//   a = int.from_bytes(seed_a, 'big') % p;  b = int.from_bytes(seed_b, 'big') % p
//   (a + b) % p, (a - b) % p, a * b % p, pow(a, -1, p), pow(a, 0xdeadbeefcafef00d, p),
//   pow(x, (p - 1) // 2, p) == 1 for x in (a, b); printed with x.to_bytes(nbytes, 'big').hex()
struct Kat {
  const char *a, *b, *sum, *diff, *prod, *inv, *pow;
  bool a_square, b_square;
};

template <typename F>
void check_kat(const Kat& k) {
  std::array<u8, 64> sa{}, sb{};
  for (int i = 0; i < 64; ++i) {
    sa[i] = static_cast<u8>(i);
    sb[i] = static_cast<u8>((7 * i + 3) % 256);
  }
  F a = F::from_uniform_bytes(sa), b = F::from_uniform_bytes(sb);
  EXPECT_EQ(test::hex_of(a.to_bytes_be()), k.a);
  EXPECT_EQ(test::hex_of(b.to_bytes_be()), k.b);
  EXPECT_EQ(test::hex_of((a + b).to_bytes_be()), k.sum);
  EXPECT_EQ(test::hex_of((a - b).to_bytes_be()), k.diff);
  EXPECT_EQ(test::hex_of((a * b).to_bytes_be()), k.prod);
  EXPECT_EQ(test::hex_of(a.inverse().to_bytes_be()), k.inv);
  EXPECT_EQ(test::hex_of(a.pow(0xdeadbeefcafef00dull).to_bytes_be()), k.pow);
  EXPECT_EQ(a.legendre(), k.a_square ? 1 : -1);
  EXPECT_EQ(b.legendre(), k.b_square ? 1 : -1);
  EXPECT_EQ(test::from_hex_be<F>(k.prod), a * b);
}

TEST(FieldKat, Bls12381Fp) {
  check_kat<bls12_381::Fp>(
      {"151d85679bddf3e1f5d1b024fe97d765932dfb506e7444055353ec6f517ab977d834e9cfe08ed301f7d5fc5ffd22a99c",
       "16687db16e91901da2b713df32d8e79c2af333719a344703f2b0f115785c6813fdf819128e4b51998ebe10765c57240a",
       "1184f12ed0ef9d654d6d1c4dee25122a59a9e33d15237849ded40ae3d3262b67b78102e3bd86249bcc950cd6597a22fb",
       "18b619a066cc4a5e9e3643fc0f0a9ca0ccb21363c7c50fc0c7d3cdfacfcf4787f8e8d0bc039781682316ebe9a0cb303d",
       "0b78c15b77f0b814a0aae96ec12d2eddfc614000d066845302c092e7d1eee0fbd4d5158f709f2f8e3c9a101014eb5e52",
       "0ed2cbd9d1f7f19a90a22c80b114f61a7ddf1a1bbc5a017478cec5c919179f058b500ef9563f5f3b3d1b7c50c2f61fe7",
       "16af231116b664b59661024a3202ba6ee59abad2385c360f3b771337809a8b6b16598e290975cf56b492693cd5f4173f",
       false, true});
}

TEST(FieldKat, Bls12381Fr) {
  check_kat<bls12_381::Fr>({"6d31d8684aab1a3910d9770d3affb7e74ac05cee3b11e7ca194c48de6e4f23ec",
                            "126a6d55fcbb4b0c558584118f891d5b9b8a78e425a6bb4a490ac09aa5a75099",
                            "0bae9e6b1dc8e7fd33252316c0e6fd3d928d31cf60ba47156257097a13f67484",
                            "5ac76b124defcf2cbb53f2fbab769a8baf35e40a156b2c7fd0418843c8a7d353",
                            "33b7234cd7f3da079ad0f8c17a2f861a452ebdf5c78a12aed33f39b6d073eed0",
                            "7037c6520096aa1eb8012ba6fc684332dd2aba0095cd771d3a0cd49740edaf0a",
                            "57784bd6e09c262c83e8c16f3c81341ae4386d650a1751707401a0dabb4ec58b",
                            false, true});
}

TEST(FieldKat, Bn254Fp) {
  check_kat<bn254::Fp>({"1a72c6ea43222823d46267d63adafc9e0838c2502f469f36e561ebfacd835c4d",
                        "2d2ad7861b63a66f5bbd7be581aa79a5a254b7acccd50646d8c43dc0b994d231",
                        "17394ffd7d542e6977cf9e053b041de6130c0f6b93a9daf082059da4ae9b3137",
                        "1dac3dd708f021de30f531a73ab1db55fd657534cae3637d48be3a50ec6b8763",
                        "1abc05422d7dc215af5f39e08465a32fcb57a5ebc947e98a39bd3e5f7bfa5e1f",
                        "1a11846f9c37aa2f2cdd8d04ee619a29f6ba767385659f66366a4bdcfd3544cd",
                        "046657931dfa693a78861582a8c2cb02d1b13bbbe26f246e09b2f4786d494cfb",
                        true, false});
}

TEST(FieldKat, Bn254Fr) {
  check_kat<bn254::Fr>({"12ee8bcf6d74bdaf77a7d50b3770109871eebda1fafdc6440ee56a7ac9131b45",
                        "010912006a8012ec666b3785665accd125b6d5f84b8618ddd64464c03c9d3aa6",
                        "13f79dcfd7f4d09bde130c909dcadd6997a5939a4683df21e529cf3b05b055eb",
                        "11e579cf02f4aac3113c9d85d11543c74c37e7a9af77ad6638a105ba8c75e09f",
                        "1c6f30cbea029169a3f55f71f5d7f906a607c9e32f6740077ce443e90bb952db",
                        "2b57286971c2c8093b5faf4251ff0b2a0b2d664290bb0b258329011ab8bf4286",
                        "0d6aa3e5e350e2381afd207555d2f72ca3ae4a7fb7dcb79ced144a4a29a15588",
                        true, true});
}

// The 2^381 - 1 and p, p + 1 encodings of the BLS12-381 base field, spelled out.
TEST(FieldKat, Bls12381FpRejectsSpelledOutEncodings) {
  using bls12_381::Fp;
  const char* bad[] = {
      // p
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
      // p + 1
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaac",
      // 2^381 - 1
      "1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
  };
  for (const char* h : bad) {
    auto bytes = from_hex(h);
    ASSERT_TRUE(bytes.ok());
    auto r = Fp::from_bytes_be(*bytes);
    ASSERT_FALSE(r.ok()) << h;
    EXPECT_EQ(r.error().code, EncodingError::kNotCanonical);
  }
  // p - 1 is accepted and is -1.
  EXPECT_EQ(test::from_hex_be<Fp>("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f624"
                                  "1eabfffeb153ffffb9feffffffffaaaa"),
            -Fp::one());
}

// Strict decimals (how snarkjs writes field elements): the BN254 scalar modulus r spelled
// in decimal is FrParams::kModulus, 2^256 - 1 fits four limbs and 2^256 does not.
TEST(Decimal, ParsesCanonicalDecimals) {
  EXPECT_EQ(ff::parse_decimal<4>("0"), (ff::Limbs<4>{}));
  EXPECT_EQ(ff::parse_decimal<4>("18446744073709551617"), (ff::Limbs<4>{1, 1, 0, 0}));
  EXPECT_EQ(ff::parse_decimal<4>(
                "21888242871839275222246405745257275088548364400416034343698204186575808495617"),
            bn254::FrParams::kModulus);
  const auto max = ff::parse_decimal<4>(
      "115792089237316195423570985008687907853269984665640564039457584007913129639935");
  ASSERT_TRUE(max.has_value());
  for (u64 limb : *max) EXPECT_EQ(limb, ~u64{0});
  EXPECT_FALSE(ff::parse_decimal<4>(
      "115792089237316195423570985008687907853269984665640564039457584007913129639936"));
}

TEST(Decimal, RejectsNonCanonicalSpellings) {
  for (const char* s : {"", "00", "01", "-1", "+1", " 1", "1 ", "1.0", "0x10", "1e3", "١"}) {
    EXPECT_FALSE(ff::parse_decimal<4>(s).has_value()) << s;
  }
  // Too many digits, even for a width that would hold the value; then overflow alone.
  EXPECT_TRUE(ff::parse_decimal<10>(std::string(ff::kMaxDecimalDigits, '9')).has_value());
  EXPECT_FALSE(ff::parse_decimal<10>(std::string(ff::kMaxDecimalDigits + 1, '9')));
  EXPECT_FALSE(ff::parse_decimal<8>(std::string(ff::kMaxDecimalDigits, '9')));
}

}  // namespace
}  // namespace dusk::crypto
