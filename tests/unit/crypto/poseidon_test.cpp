// Poseidon (crypto/poseidon): the constants this library generates are exactly the ones
// dusk-poseidon ships (../shared/testdata/crypto/dusk-poseidon: arc.bin and mds.bin,
// 32-byte little-endian integers), and the sponge gives the known answer recorded there.
#include <fstream>
#include <iterator>
#include <vector>

#include <gtest/gtest.h>

#include "base/bytes.hpp"
#include "crypto/poseidon/poseidon.hpp"

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

TEST(Poseidon, HashIsTheSpongeAndSeparatesInputs) {
  const Fr a = Fr::from_u64(1), b = Fr::from_u64(2);
  Sponge s;
  s.absorb(a);
  s.absorb(b);
  EXPECT_EQ(hash({a, b}), s.squeeze());
  EXPECT_NE(hash({a, b}), hash({b, a}));
  // Absorbing a zero adds nothing: with one tag for every length, [a] and [a, 0] collide,
  // so callers that hash inputs of different lengths put the length in the tag.
  EXPECT_EQ(hash({a}), hash({a, Fr::zero()}));
  Sponge tagged(Fr::from_u64(2));
  tagged.absorb(a);
  tagged.absorb(Fr::zero());
  EXPECT_NE(tagged.squeeze(), hash({a, Fr::zero()}));
  // More than one rate's worth: a permutation in the middle.
  std::vector<Fr> many;
  for (u64 i = 0; i < 9; ++i) many.push_back(Fr::from_u64(i));
  EXPECT_NE(hash(many), hash(std::span<const Fr>(many).first(8)));
}

}  // namespace
}  // namespace dusk::crypto::poseidon
