// ZCash encodings of G1 and G2 points: the zkcrypto vectors (i * G for i = 0..999, both
// forms, from ../shared/testdata/crypto/zkcrypto-bls12_381, the files of zkcrypto's
// bls12_381 crate, src/tests/*.dat) decoded, compared with our own scalar
// multiplication and re-encoded byte for byte; then malformed encodings built here.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "crypto/bls12_381/serialization.hpp"
#include "field_test_util.hpp"

namespace dusk::crypto {
namespace {

using namespace bls12_381;
using test::random_element;
using test::Rng;

Bytes read_vectors(const std::string& name) {
  std::string path = std::string(DUSK_TESTDATA) + "/crypto/zkcrypto-bls12_381/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "missing " << path;
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

constexpr size_t kVectors = 1000;

// Every vector: decode, compare with i * G (by repeated addition and by the
// constant-time multiplication), re-encode.
template <typename P, size_t kSize, typename Decode, typename Encode>
void check_vector_file(const std::string& name, Decode decode, Encode encode) {
  Bytes data = read_vectors(name);
  ASSERT_EQ(data.size(), kVectors * kSize) << name;
  P expected = P::identity();
  for (size_t i = 0; i < kVectors; ++i) {
    ByteView enc(data.data() + i * kSize, kSize);
    auto p = decode(enc);
    ASSERT_TRUE(p.ok()) << name << " #" << i << ": " << p.error().message;
    ASSERT_EQ(*p, expected.to_affine()) << name << " #" << i;
    ASSERT_EQ(P::generator().mul(Fr::from_u64(i)), expected) << name << " #" << i;
    auto again = encode(*p);
    ASSERT_TRUE(std::equal(again.begin(), again.end(), enc.begin())) << name << " #" << i;
    expected += P::generator();
  }
}

TEST(SerializationTest, ZkcryptoG1Compressed) {
  check_vector_file<G1, kG1CompressedSize>("g1_compressed_valid_test_vectors.dat",
                                           g1_from_compressed, g1_to_compressed);
}
TEST(SerializationTest, ZkcryptoG1Uncompressed) {
  check_vector_file<G1, kG1UncompressedSize>("g1_uncompressed_valid_test_vectors.dat",
                                             g1_from_uncompressed, g1_to_uncompressed);
}
TEST(SerializationTest, ZkcryptoG2Compressed) {
  check_vector_file<G2, kG2CompressedSize>("g2_compressed_valid_test_vectors.dat",
                                           g2_from_compressed, g2_to_compressed);
}
TEST(SerializationTest, ZkcryptoG2Uncompressed) {
  check_vector_file<G2, kG2UncompressedSize>("g2_uncompressed_valid_test_vectors.dat",
                                             g2_from_uncompressed, g2_to_uncompressed);
}

// The failure's code, or the enum's zero (no such code) when r succeeded.
template <typename R>
auto code_of(const R& r) {
  using Code = std::remove_cvref_t<decltype(r.error().code)>;
  return r.ok() ? Code{} : r.error().code;
}

Bytes to_bytes(ByteView v) { return Bytes(v.begin(), v.end()); }

// p as 48 big-endian bytes, and p + k for small k (still below 2^381).
Bytes modulus_plus(u64 k) {
  auto m = FpParams::kModulus;
  u64 carry = k;
  for (auto& limb : m) {
    limb += carry;
    carry = limb < carry;
  }
  Bytes out(48);
  for (size_t i = 0; i < 48; ++i) out[47 - i] = static_cast<u8>(m[i / 8] >> (8 * (i % 8)));
  return out;
}

// An x in Fp with x^3 + 4 a non-square, and a point of E(Fp) outside G1.
Fp g1_x_off_curve() {
  for (u64 x = 1;; ++x) {
    Fp f = Fp::from_u64(x);
    if (!(f.square() * f + G1Curve::b()).sqrt()) return f;
  }
}
G1Affine g1_outside_subgroup() {
  for (u64 x = 1;; ++x) {
    Fp f = Fp::from_u64(x);
    if (auto y = (f.square() * f + G1Curve::b()).sqrt()) {
      G1Affine p{f, *y, false};
      if (!g1_in_subgroup_naive(G1::from_affine(p))) return p;
    }
  }
}
Fp2 g2_x_off_curve() {
  for (u64 x = 1;; ++x) {
    Fp2 f(Fp::from_u64(x), Fp::one());
    if (!(f.square() * f + G2Curve::b()).sqrt()) return f;
  }
}
G2Affine g2_outside_subgroup() {
  for (u64 x = 1;; ++x) {
    Fp2 f(Fp::from_u64(x), Fp::one());
    if (auto y = (f.square() * f + G2Curve::b()).sqrt()) {
      G2Affine p{f, *y, false};
      if (!g2_in_subgroup_naive(G2::from_affine(p))) return p;
    }
  }
}

TEST(SerializationTest, InfinityEncodings) {
  auto c1 = g1_to_compressed(G1Affine::identity());
  auto u1 = g1_to_uncompressed(G1Affine::identity());
  auto c2 = g2_to_compressed(G2Affine::identity());
  auto u2 = g2_to_uncompressed(G2Affine::identity());
  EXPECT_EQ(c1[0], 0xc0);
  EXPECT_EQ(u1[0], 0x40);
  EXPECT_EQ(c2[0], 0xc0);
  EXPECT_EQ(u2[0], 0x40);
  EXPECT_TRUE(g1_from_compressed(c1)->infinity);
  EXPECT_TRUE(g1_from_uncompressed(u1)->infinity);
  EXPECT_TRUE(g2_from_compressed(c2)->infinity);
  EXPECT_TRUE(g2_from_uncompressed(u2)->infinity);
  // Any other bit set alongside the infinity flag: the sort flag, the low bits of the
  // first byte, a coordinate byte.
  for (size_t pos : {size_t{0}, size_t{1}, size_t{47}}) {
    for (u8 bit : {u8{0x20}, u8{0x10}, u8{0x01}}) {
      if (pos != 0 && bit == 0x20) continue;
      Bytes b = to_bytes(c1);
      b[pos] |= bit;
      EXPECT_EQ(code_of(g1_from_compressed(b)), EncodingError::kBadInfinity) << pos;
      b = to_bytes(u1);
      b[pos] |= bit;
      EXPECT_EQ(code_of(g1_from_uncompressed(b)), EncodingError::kBadInfinity) << pos;
      b = to_bytes(c2);
      b[pos] |= bit;
      EXPECT_EQ(code_of(g2_from_compressed(b)), EncodingError::kBadInfinity) << pos;
      b = to_bytes(u2);
      b[pos] |= bit;
      EXPECT_EQ(code_of(g2_from_uncompressed(b)), EncodingError::kBadInfinity) << pos;
    }
  }
  Bytes b = to_bytes(u2);
  b.back() = 1;
  EXPECT_EQ(code_of(g2_from_uncompressed(b)), EncodingError::kBadInfinity);
  // The all-zero string is not infinity in either form (flags missing).
  EXPECT_EQ(code_of(g1_from_compressed(Bytes(48))), EncodingError::kBadFlags);
  EXPECT_EQ(code_of(g2_from_compressed(Bytes(96))), EncodingError::kBadFlags);
}

TEST(SerializationTest, RejectsBadLengthAndFlags) {
  auto g1 = G1Affine::generator();
  auto g2 = G2Affine::generator();
  for (size_t n : {size_t{0}, size_t{47}, size_t{49}, size_t{96}}) {
    EXPECT_EQ(code_of(g1_from_compressed(Bytes(n, 0x80))), EncodingError::kBadLength) << n;
  }
  for (size_t n : {size_t{0}, size_t{48}, size_t{95}, size_t{97}}) {
    EXPECT_EQ(code_of(g1_from_uncompressed(Bytes(n))), EncodingError::kBadLength) << n;
  }
  EXPECT_EQ(code_of(g2_from_compressed(Bytes(48, 0x80))), EncodingError::kBadLength);
  EXPECT_EQ(code_of(g2_from_compressed(Bytes(192, 0x80))), EncodingError::kBadLength);
  EXPECT_EQ(code_of(g2_from_uncompressed(Bytes(96))), EncodingError::kBadLength);
  EXPECT_EQ(code_of(g2_from_uncompressed(Bytes(191))), EncodingError::kBadLength);

  // Compression flag cleared in a compressed encoding, set in an uncompressed one; sort
  // flag set in an uncompressed one.
  Bytes b = to_bytes(g1_to_compressed(g1));
  b[0] &= 0x7f;
  EXPECT_EQ(code_of(g1_from_compressed(b)), EncodingError::kBadFlags);
  b = to_bytes(g1_to_uncompressed(g1));
  b[0] |= 0x80;
  EXPECT_EQ(code_of(g1_from_uncompressed(b)), EncodingError::kBadFlags);
  b = to_bytes(g1_to_uncompressed(g1));
  b[0] |= 0x20;
  EXPECT_EQ(code_of(g1_from_uncompressed(b)), EncodingError::kBadFlags);
  b = to_bytes(g2_to_compressed(g2));
  b[0] &= 0x7f;
  EXPECT_EQ(code_of(g2_from_compressed(b)), EncodingError::kBadFlags);
  b = to_bytes(g2_to_uncompressed(g2));
  b[0] |= 0x80;
  EXPECT_EQ(code_of(g2_from_uncompressed(b)), EncodingError::kBadFlags);
  b = to_bytes(g2_to_uncompressed(g2));
  b[0] |= 0x20;
  EXPECT_EQ(code_of(g2_from_uncompressed(b)), EncodingError::kBadFlags);
}

TEST(SerializationTest, RejectsNonCanonicalCoordinates) {
  for (u64 k : {0ull, 1ull, 5ull}) {
    Bytes x = modulus_plus(k);  // p + k encodes the same residue as k
    ASSERT_EQ(x[0] & 0xe0, 0);
    Bytes c = x;
    c[0] |= 0x80;
    EXPECT_EQ(code_of(g1_from_compressed(c)), EncodingError::kNotCanonical) << k;
    // Uncompressed: x non-canonical; then a valid x with y = p + k.
    Bytes u = x;
    u.resize(96);
    EXPECT_EQ(code_of(g1_from_uncompressed(u)), EncodingError::kNotCanonical) << k;
    auto g = g1_to_uncompressed(G1Affine::generator());
    u.assign(g.begin(), g.begin() + 48);
    u.insert(u.end(), x.begin(), x.end());
    EXPECT_EQ(code_of(g1_from_uncompressed(u)), EncodingError::kNotCanonical) << k;
    // G2: each of c1 (first) and c0 (second) non-canonical in turn.
    auto g2 = g2_to_compressed(G2Affine::generator());
    Bytes c2 = to_bytes(g2);
    std::copy(x.begin(), x.end(), c2.begin());
    c2[0] |= 0x80;
    EXPECT_EQ(code_of(g2_from_compressed(c2)), EncodingError::kNotCanonical) << k;
    c2 = to_bytes(g2);
    std::copy(x.begin(), x.end(), c2.begin() + 48);
    EXPECT_EQ(code_of(g2_from_compressed(c2)), EncodingError::kNotCanonical) << k;
    auto gu2 = g2_to_uncompressed(G2Affine::generator());
    for (size_t off : {size_t{48}, size_t{96}, size_t{144}}) {
      Bytes u2 = to_bytes(gu2);
      std::copy(x.begin(), x.end(), u2.begin() + static_cast<std::ptrdiff_t>(off));
      EXPECT_EQ(code_of(g2_from_uncompressed(u2)), EncodingError::kNotCanonical) << off;
    }
  }
  // The largest 381-bit value: all coordinate bits set.
  Bytes c(48, 0xff);
  c[0] = 0x9f;
  EXPECT_EQ(code_of(g1_from_compressed(c)), EncodingError::kNotCanonical);
}

TEST(SerializationTest, RejectsPointsOffTheCurve) {
  G1Affine p1{g1_x_off_curve(), Fp::one(), false};
  Bytes b = to_bytes(g1_to_compressed(p1));
  b[0] &= static_cast<u8>(~0x20);
  EXPECT_EQ(code_of(g1_from_compressed(b)), EncodingError::kNotOnCurve);
  G2Affine p2{g2_x_off_curve(), Fp2::one(), false};
  b = to_bytes(g2_to_compressed(p2));
  EXPECT_EQ(code_of(g2_from_compressed(b)), EncodingError::kNotOnCurve);
  // Uncompressed: the generator with y changed in its last bit.
  b = to_bytes(g1_to_uncompressed(G1Affine::generator()));
  b.back() ^= 1;
  EXPECT_EQ(code_of(g1_from_uncompressed(b)), EncodingError::kNotOnCurve);
  b = to_bytes(g2_to_uncompressed(G2Affine::generator()));
  b.back() ^= 1;
  EXPECT_EQ(code_of(g2_from_uncompressed(b)), EncodingError::kNotOnCurve);
  // (0, 0) uncompressed, without the infinity flag.
  EXPECT_EQ(code_of(g1_from_uncompressed(Bytes(96))), EncodingError::kNotOnCurve);
  EXPECT_EQ(code_of(g2_from_uncompressed(Bytes(192))), EncodingError::kNotOnCurve);
}

TEST(SerializationTest, RejectsPointsOutsideTheSubgroup) {
  G1Affine q1 = g1_outside_subgroup();
  ASSERT_TRUE(q1.is_on_curve());
  EXPECT_EQ(code_of(g1_from_compressed(g1_to_compressed(q1))),
            EncodingError::kNotInSubgroup);
  EXPECT_EQ(code_of(g1_from_uncompressed(g1_to_uncompressed(q1))),
            EncodingError::kNotInSubgroup);
  G2Affine q2 = g2_outside_subgroup();
  ASSERT_TRUE(q2.is_on_curve());
  EXPECT_EQ(code_of(g2_from_compressed(g2_to_compressed(q2))),
            EncodingError::kNotInSubgroup);
  EXPECT_EQ(code_of(g2_from_uncompressed(g2_to_uncompressed(q2))),
            EncodingError::kNotInSubgroup);
  // x = 0 in G1: (0, +-2) is on the curve, of order 3.
  Bytes b(48);
  b[0] = 0x80;
  EXPECT_EQ(code_of(g1_from_compressed(b)), EncodingError::kNotInSubgroup);
  // Once the cofactor is cleared the same points decode.
  auto c1 = g1_clear_cofactor(G1::from_affine(q1)).to_affine();
  EXPECT_TRUE(g1_from_compressed(g1_to_compressed(c1)).ok());
  auto c2 = g2_clear_cofactor(G2::from_affine(q2)).to_affine();
  EXPECT_TRUE(g2_from_compressed(g2_to_compressed(c2)).ok());
}

TEST(SerializationTest, RandomRoundTripsAndSortFlag) {
  Rng rng(21);
  for (int i = 0; i < 50; ++i) {
    Fr k = random_element<Fr>(rng);
    G1Affine p1 = G1::generator().mul(k).to_affine();
    G2Affine p2 = G2::generator().mul(k).to_affine();
    auto c1 = g1_to_compressed(p1);
    auto n1 = g1_to_compressed(-p1);
    ASSERT_EQ(c1[0] ^ n1[0], 0x20);  // the sort flag tells y from -y
    ASSERT_EQ(*g1_from_compressed(c1), p1);
    ASSERT_EQ(*g1_from_compressed(n1), -p1);
    ASSERT_EQ(*g1_from_uncompressed(g1_to_uncompressed(p1)), p1);
    auto c2 = g2_to_compressed(p2);
    auto n2 = g2_to_compressed(-p2);
    ASSERT_EQ(c2[0] ^ n2[0], 0x20);
    ASSERT_EQ(*g2_from_compressed(c2), p2);
    ASSERT_EQ(*g2_from_compressed(n2), -p2);
    ASSERT_EQ(*g2_from_uncompressed(g2_to_uncompressed(p2)), p2);
  }
  // Fp2 order: c1 decides unless it is zero.
  EXPECT_TRUE(lexicographically_largest(Fp2(Fp::zero(), -Fp::one())));
  EXPECT_FALSE(lexicographically_largest(Fp2(-Fp::one(), Fp::one())));
  EXPECT_TRUE(lexicographically_largest(Fp2(-Fp::one(), Fp::zero())));
  EXPECT_FALSE(lexicographically_largest(Fp2::zero()));
}

}  // namespace
}  // namespace dusk::crypto
