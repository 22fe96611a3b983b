// Poseidon (crypto/poseidon): the constants this library generates are exactly the ones
// dusk-poseidon ships (../shared/testdata/crypto/dusk-poseidon: arc.bin and mds.bin,
// 32-byte little-endian integers), and the sponge gives the known answer recorded there;
// the SAFE layer (tags from IO patterns, pattern enforcement), domain hashing, Merkle
// nodes, truncation to Jubjub scalars and sponge encryption. The tagged hashes have no
// external known answer in ../shared/testdata; they are checked against the sponge and
// the tag definition (dusk-safe's) here.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

#include <gtest/gtest.h>

#include "base/bytes.hpp"
#include "crypto/hash/blake2b.hpp"
#include "crypto/poseidon/encryption.hpp"
#include "crypto/poseidon/hash.hpp"
#include "crypto/poseidon/poseidon.hpp"
#include "crypto/poseidon/safe.hpp"
#include "crypto/jubjub/jubjub.hpp"

namespace dusk::crypto::poseidon {
namespace {

const std::string kDir = std::string(DUSK_TESTDATA) + "/crypto/dusk-poseidon";

std::vector<u8> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// A 32-byte little-endian integer below r.
Fr le(ByteView b) {
  auto r = Fr::from_bytes_le(b.subspan(0, 32));
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : Fr::zero();
}

Fr le_hex(std::string_view hex) {
  auto bytes = from_hex(hex);
  EXPECT_TRUE(bytes.ok());
  return le(*bytes);
}

TEST(Poseidon, GeneratedConstantsAreDusks) {
  const std::vector<u8> arc = read_file(kDir + "/arc.bin");
  const std::vector<u8> mds = read_file(kDir + "/mds.bin");
  ASSERT_EQ(arc.size(), kRounds * kWidth * 32) << kDir;
  ASSERT_EQ(mds.size(), kWidth * kWidth * 32);
  const Parameters& p = parameters();
  for (size_t r = 0; r < kRounds; ++r)
    for (size_t i = 0; i < kWidth; ++i)
      ASSERT_EQ(p.round_constants[r][i], le(ByteView(arc).subspan((r * kWidth + i) * 32))) << "round " << r << " " << i;
  for (size_t i = 0; i < kWidth; ++i)
    for (size_t j = 0; j < kWidth; ++j)
      ASSERT_EQ(p.mds[i][j], le(ByteView(mds).subspan((i * kWidth + j) * 32))) << i << " " << j;
}

TEST(Poseidon, SpongeKnownAnswer) {
  Sponge s(Fr::zero());
  s.absorb(le_hex("bb67ed265bf1db490ded2e1ede55c0d14c55521509dc73f9c354e98ab76c9625"));
  s.absorb(le_hex("7e74220084d75e10c89e9435d47bb5b8075991b2e29be3b84421dac3b1ee6007"));
  s.absorb(le_hex("5ce5481a4d78cca03498f72761da1b9f1d2aa8fb300be39f0e4fe2534f9d4308"));
  s.absorb(Fr::one());
  const Fr out = s.squeeze();
  const auto be = out.to_bytes_be();
  EXPECT_EQ(to_hex(be), "26abf2d0476f154e69bf19740092fe36265680c294462b8e759ad73a99567dd5");
}

TEST(Poseidon, OptimizedPermutationIsTheReference) {
  // Random-looking states and the edge states 0 and -1 everywhere.
  for (u64 k = 0; k < 20; ++k) {
    std::array<Fr, kWidth> a{}, b{};
    for (size_t i = 0; i < kWidth; ++i) {
      const Fr x = k == 0 ? Fr::zero() : k == 1 ? -Fr::one() : Fr::from_u64(k * 1'000'003 + i * 7919).square().square();
      a[i] = b[i] = x;
    }
    permute(a);
    detail::permute_reference(b);
    EXPECT_EQ(a, b) << k;
  }
  // Partial rounds keep one constant each, on the S-box element.
  const auto& o = optimized_parameters();
  for (size_t r = kFullRounds / 2; r < kFullRounds / 2 + kPartialRounds; ++r)
    for (size_t i = 0; i + 1 < kWidth; ++i) EXPECT_TRUE(o.round_constants[r][i].is_zero()) << r << " " << i;
}

TEST(Poseidon, SpongeFollowsSafesPositions) {
  // Absorbing after a squeeze adds to the squeezed state without a permutation first;
  // a squeeze after absorbing permutes; five squeezes cross a rate boundary.
  const Fr a = Fr::from_u64(7), b = Fr::from_u64(9);
  Sponge s(Fr::from_u64(3));
  s.absorb(a);
  const Fr first = s.squeeze();
  s.absorb(b);
  const Fr second = s.squeeze();

  std::array<Fr, kWidth> state{Fr::from_u64(3), a, Fr::zero(), Fr::zero(), Fr::zero()};
  permute(state);
  EXPECT_EQ(first, state[1]);
  state[1] = state[1] + b;
  permute(state);
  EXPECT_EQ(second, state[1]);

  Sponge t(Fr::zero());
  t.absorb(a);
  std::array<Fr, kWidth> u{Fr::zero(), a, Fr::zero(), Fr::zero(), Fr::zero()};
  permute(u);
  for (size_t i = 1; i <= 4; ++i) EXPECT_EQ(t.squeeze(), u[i]);
  permute(u);
  EXPECT_EQ(t.squeeze(), u[1]);
}

TEST(Poseidon, TagInputEncodesTheAggregatedPattern) {
  // [absorb 4, squeeze 1] under domain 0xF: 0x80000004, 0x00000001, then the domain.
  const std::vector<Call> merkle{Call::absorb(4), Call::squeeze(1)};
  auto in = tag_input(merkle, 0xF);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(to_hex(*in), "8000000400000001000000000000000f");
  // Runs of one kind aggregate; different splits of one pattern share a tag.
  const std::vector<Call> split{Call::absorb(1), Call::absorb(3), Call::squeeze(1)};
  EXPECT_EQ(*tag_input(split, 0xF), *in);
  const std::vector<Call> a{Call::absorb(2), Call::absorb(2), Call::squeeze(1), Call::squeeze(1),
                            Call::squeeze(1), Call::absorb(2), Call::absorb(2), Call::squeeze(1),
                            Call::squeeze(8)};
  const std::vector<Call> b{Call::absorb(3), Call::absorb(1), Call::squeeze(2), Call::squeeze(1),
                            Call::absorb(1), Call::absorb(3), Call::squeeze(5), Call::squeeze(4)};
  EXPECT_EQ(*tag_input(a, 42), *tag_input(b, 42));
  EXPECT_NE(*tag(std::vector<Call>{Call::absorb(2), Call::squeeze(10)}, 42),
            *tag(std::vector<Call>{Call::absorb(2), Call::squeeze(1)}, 42));
  // The tag is BLAKE2b-512 of that input, read as a little-endian integer mod r.
  const auto digest = blake2b(ByteView(*in));
  std::array<u8, 64> be{};
  std::reverse_copy(digest.begin(), digest.end(), be.begin());
  EXPECT_EQ(*tag(merkle, 0xF), Fr::from_uniform_bytes(be));
}

TEST(Poseidon, NonsensicalPatternsAreRefused) {
  using P = std::vector<Call>;
  for (const P& p : {P{}, P{Call::absorb(2)}, P{Call::squeeze(2)}, P{Call::absorb(0), Call::squeeze(2)},
                     P{Call::absorb(42), Call::squeeze(0)}, P{Call::squeeze(42), Call::absorb(3), Call::squeeze(4)},
                     P{Call::absorb(3), Call::squeeze(4), Call::absorb(3)},
                     P{Call::absorb(3), Call::absorb(size_t{1} << 31), Call::squeeze(1)}})
    EXPECT_FALSE(Safe::start(p, 0).ok()) << p.size();
}

TEST(Poseidon, SafeEnforcesItsPattern) {
  const std::array<Fr, 2> two{Fr::from_u64(1), Fr::from_u64(2)};
  auto s = Safe::start({Call::absorb(2), Call::squeeze(1)}, 0);
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->squeeze(1).ok());      // out of order
  EXPECT_FALSE(s->absorb(two).ok());     // spent after a violation
  EXPECT_FALSE(s->finish().ok());

  auto t = Safe::start({Call::absorb(2), Call::squeeze(1)}, 0);
  ASSERT_TRUE(t->absorb(two).ok());
  EXPECT_FALSE(t->finish().ok());        // before the squeeze

  auto u = Safe::start({Call::absorb(2), Call::squeeze(1)}, 0);
  EXPECT_FALSE(u->absorb(std::span<const Fr>(two).first(1)).ok());  // wrong length
}

TEST(Poseidon, DomainHashIsTheTaggedSponge) {
  const std::array<Fr, 3> in{Fr::from_u64(1), Fr::from_u64(2), Fr::from_u64(3)};
  Sponge s(*tag(std::vector<Call>{Call::absorb(3), Call::squeeze(1)}, 0));
  for (const Fr& x : in) s.absorb(x);
  EXPECT_EQ(hash(in), s.squeeze());
  // Lengths are in the tag: [a] and [a, 0] no longer collide, nor do domains.
  const Fr a = Fr::from_u64(5);
  EXPECT_NE(hash(std::array{a}), hash(std::array{a, Fr::zero()}));
  const std::array<Fr, 4> four{a, a, a, a};
  EXPECT_NE(merkle4(four), hash(four));
  EXPECT_NE(merkle2({a, a}), hash(std::array{a, a}));
  EXPECT_EQ(merkle4(four), digest(Domain::kMerkle4, four)->front());
  // Merkle domains take exactly their arity and one output.
  EXPECT_FALSE(digest(Domain::kMerkle4, std::span<const Fr>(four).first(3)).ok());
  EXPECT_FALSE(digest(Domain::kMerkle2, four).ok());
  EXPECT_FALSE(digest(Domain::kMerkle4, four, 2).ok());
  EXPECT_FALSE(digest(Domain::kOther, {}).ok());
  // Several outputs: the first is not the one-output hash (the tag differs).
  auto two = digest(Domain::kOther, in, 2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->size(), 2u);
  EXPECT_NE(two->front(), hash(in));
}

TEST(Poseidon, TruncationKeepsTheLow250Bits) {
  const Fr minus_one = -Fr::one();  // r - 1: bits 250..254 partly set
  const jubjub::Scalar t = truncate_to_scalar(minus_one);
  auto bytes = minus_one.to_bytes_le();
  bytes[31] &= 0x03;
  EXPECT_EQ(t.to_bytes_le(), bytes);
  EXPECT_EQ(truncate_to_scalar(Fr::from_u64(12345)), jubjub::Scalar::from_u64(12345));
}

TEST(Poseidon, EncryptionRoundTripsAndAuthenticates) {
  const jubjub::Point secret = jubjub::generator() * jubjub::Scalar::from_u64(77);
  const Fr nonce = Fr::from_u64(9);
  const std::vector<Fr> message{Fr::from_u64(1'000), Fr::from_u64(424242)};
  auto cipher = encrypt(message, secret, nonce);
  ASSERT_TRUE(cipher.ok());
  ASSERT_EQ(cipher->size(), 3u);
  EXPECT_NE((*cipher)[0], message[0]);
  auto plain = decrypt(*cipher, secret, nonce);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, message);
  // Any change to the ciphertext, the secret or the nonce fails authentication.
  for (size_t i = 0; i < cipher->size(); ++i) {
    auto bad = *cipher;
    bad[i] = bad[i] + Fr::one();
    EXPECT_FALSE(decrypt(bad, secret, nonce).ok()) << i;
  }
  EXPECT_FALSE(decrypt(*cipher, secret + jubjub::generator(), nonce).ok());
  EXPECT_FALSE(decrypt(*cipher, secret, nonce + Fr::one()).ok());
  EXPECT_FALSE(decrypt(std::span<const Fr>(*cipher).first(1), secret, nonce).ok());
  EXPECT_FALSE(encrypt({}, secret, nonce).ok());
}

}  // namespace
}  // namespace dusk::crypto::poseidon
