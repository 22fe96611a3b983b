// The SRS file format and KZG commitments of our PLONK (crypto/plonk/srs.hpp,
// commitment/kzg.hpp): the INSECURE seeded setup, its file round trip and every
// rejection of the loader, and openings verified one by one and in a batch.
#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "crypto/bls12_381/msm.hpp"
#include "crypto/bls12_381/serialization.hpp"
#include "crypto/kzg/trusted_setup.hpp"
#include "crypto/plonk/commitment/kzg.hpp"
#include "crypto/plonk/srs.hpp"
#include "unit/crypto/plonk/test_util.hpp"

namespace dusk::crypto::plonk {
namespace {

const Srs& srs64() {
  static const Srs s = Srs::insecure_from_seed(as_bytes("kzg test"), 64);
  return s;
}

TEST(PlonkSrs, InsecureSetupHasSuccessivePowers) {
  const Srs& s = srs64();
  ASSERT_EQ(s.size(), 64u);
  EXPECT_EQ(s.powers_g1()[0], G1Affine::generator());
  EXPECT_EQ(s.g2(), G2Affine::generator());
  // Same seed, same setup; another seed, another x.
  const Srs again = Srs::insecure_from_seed(as_bytes("kzg test"), 8);
  EXPECT_EQ(again.powers_g1()[7], s.powers_g1()[7]);
  EXPECT_EQ(again.x_g2(), s.x_g2());
  EXPECT_FALSE(Srs::insecure_from_seed(as_bytes("other"), 2).x_g2() == s.x_g2());
}

TEST(PlonkSrs, FileRoundTrip) {
  const Bytes bytes = srs64().to_bytes();
  ASSERT_EQ(bytes.size(), 208u + 48u * 64u);
  EXPECT_EQ(Bytes(bytes.begin(), bytes.begin() + 16),
            (Bytes{'D', 'U', 'S', 'K', '-', 'S', 'R', 'S', 0, 0, 0, 1, 0, 0, 0, 64}));
  auto back = Srs::from_bytes(bytes);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->to_bytes(), bytes);
  auto small = srs64().truncated(10);
  ASSERT_TRUE(small.ok());
  auto small_back = Srs::from_bytes(small->to_bytes());
  ASSERT_TRUE(small_back.ok()) << small_back.error().message;
  EXPECT_EQ(small_back->size(), 10u);
  EXPECT_EQ(srs64().truncated(65).error().code, PlonkError::kSrsTooSmall);
  // Through a file.
  const std::string path = ::testing::TempDir() + "plonk_srs_test.bin";
  {
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(small->to_bytes().data()), static_cast<std::streamsize>(small->to_bytes().size()));
  }
  auto loaded = Srs::load_file(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->to_bytes(), small->to_bytes());
  std::remove(path.c_str());
  EXPECT_EQ(srs64().truncated(1).error().code, PlonkError::kBadSrs);
}

PlonkError load_error(const Bytes& b) {
  auto r = Srs::from_bytes(b);
  EXPECT_FALSE(r.ok());
  return r.ok() ? PlonkError{} : r.error().code;
}

TEST(PlonkSrs, LoaderRejectsEveryMalformedFile) {
  const Bytes good = srs64().truncated(8)->to_bytes();
  ASSERT_TRUE(Srs::from_bytes(good).ok());
  auto with = [&](auto edit) {
    Bytes b = good;
    edit(b);
    return b;
  };
  EXPECT_EQ(load_error(Bytes(good.begin(), good.begin() + 15)), PlonkError::kBadSrs);
  EXPECT_EQ(load_error(with([](Bytes& b) { b[0] ^= 1; })), PlonkError::kBadSrs);          // magic
  EXPECT_EQ(load_error(with([](Bytes& b) { b[11] = 2; })), PlonkError::kBadSrs);          // version
  EXPECT_EQ(load_error(with([](Bytes& b) { b[15] = 9; })), PlonkError::kBadSrs);          // count vs length
  EXPECT_EQ(load_error(with([](Bytes& b) { b[15] = 1; })), PlonkError::kBadSrs);          // count < 2
  EXPECT_EQ(load_error(with([](Bytes& b) { b.pop_back(); })), PlonkError::kBadSrs);       // truncated
  EXPECT_EQ(load_error(with([](Bytes& b) { b.push_back(0); })), PlonkError::kBadSrs);     // trailing byte
  // A G1 power not on the curve / not canonical (x = p - 1 + flags, all ones).
  EXPECT_EQ(load_error(with([](Bytes& b) {
              for (size_t i = 16 + 48; i < 16 + 96; ++i) b[i] = 0xff;
              b[16 + 48] = 0x9f;
            })),
            PlonkError::kNotCanonical);
  // Two powers swapped: every point valid, the chain broken.
  EXPECT_EQ(load_error(with([](Bytes& b) {
              std::swap_ranges(b.begin() + 16 + 48 * 2, b.begin() + 16 + 48 * 3, b.begin() + 16 + 48 * 3);
            })),
            PlonkError::kBadSrs);
  // [x^0]_1 not the generator (the [x^1]_1 point in its place).
  EXPECT_EQ(load_error(with([](Bytes& b) { std::copy(b.begin() + 64, b.begin() + 112, b.begin() + 16); })),
            PlonkError::kBadSrs);
  // [x]_2 of another setup.
  const Bytes other = Srs::insecure_from_seed(as_bytes("other"), 8).to_bytes();
  EXPECT_EQ(load_error(with([&](Bytes& b) { std::copy(other.end() - 96, other.end(), b.end() - 96); })),
            PlonkError::kBadSrs);
  // [1]_2 replaced by [x]_2.
  EXPECT_EQ(load_error(with([&](Bytes& b) { std::copy(b.end() - 96, b.end(), b.end() - 192); })),
            PlonkError::kBadSrs);
  EXPECT_EQ(Srs::load_file("/nonexistent/srs.bin").error().code, PlonkError::kBadSrs);
}

// The KZG ceremony of EIP-4844 (../shared/testdata/crypto/kzg/trusted_setup.txt, as
// c-kzg-4844 ships it) holds [s^i]_1 for i < 4096 and [s^i]_2 for i < 65: written in our
// SRS format it is a real ceremony's setup for circuits of up to 2^11 rows, and the
// loader accepts it.
TEST(PlonkSrs, TheEip4844CeremonyInOurFormatLoads) {
  auto setup = kzg::TrustedSetup::load_file(std::string(DUSK_TESTDATA) + "/crypto/kzg/trusted_setup.txt");
  ASSERT_TRUE(setup.ok()) << setup.error().message;
  Bytes file(kSrsMagic.begin(), kSrsMagic.end());
  const u32 n = static_cast<u32>(setup->g1_monomial().size());
  for (u32 v : {kSrsVersion, n}) {
    for (int s = 24; s >= 0; s -= 8) file.push_back(static_cast<u8>(v >> s));
  }
  for (const auto& p : setup->g1_monomial()) {
    const auto b = bls12_381::g1_to_compressed(p);
    file.insert(file.end(), b.begin(), b.end());
  }
  for (size_t i = 0; i < 2; ++i) {
    const auto b = bls12_381::g2_to_compressed(setup->g2_monomial()[i]);
    file.insert(file.end(), b.begin(), b.end());
  }
  auto srs = Srs::from_bytes(file);
  ASSERT_TRUE(srs.ok()) << srs.error().message;
  EXPECT_EQ(srs->size(), 4096u);
  EXPECT_EQ(srs->x_g2(), setup->s_g2());
  // And KZG over it.
  test::FrRng rng(9);
  const auto p = rng.vec(100);
  auto o = open(*srs, p, *commit(*srs, p), rng.next());
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(verify_opening(OpeningKey(*srs), *o));
}

TEST(PlonkKzg, CommitOpenVerify) {
  const Srs& s = srs64();
  const OpeningKey key(s);
  test::FrRng rng(7);
  const auto p = rng.vec(64);
  const auto c = commit(s, p);
  ASSERT_TRUE(c.ok());
  const Fr z = rng.next();
  auto o = open(s, p, *c, z);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->value, evaluate(p, z));
  EXPECT_TRUE(verify_opening(key, *o));

  Opening wrong = *o;
  wrong.value += Fr::one();
  EXPECT_FALSE(verify_opening(key, wrong));
  wrong = *o;
  wrong.point += Fr::one();
  EXPECT_FALSE(verify_opening(key, wrong));
  wrong = *o;
  wrong.witness = G1Affine::generator();
  EXPECT_FALSE(verify_opening(key, wrong));

  EXPECT_EQ(commit(s, rng.vec(65)).error().code, PlonkError::kSrsTooSmall);
}

TEST(PlonkKzg, BatchVerification) {
  const Srs& s = srs64();
  const OpeningKey key(s);
  test::FrRng rng(8);
  std::vector<Opening> os;
  for (size_t i = 0; i < 5; ++i) {
    const auto p = rng.vec(3 + 11 * i);
    auto o = open(s, p, *commit(s, p), rng.next());
    ASSERT_TRUE(o.ok());
    os.push_back(*o);
  }
  const Fr rho = rng.next();
  EXPECT_TRUE(batch_verify_openings(key, os, rho));
  EXPECT_TRUE(batch_verify_openings(key, {}, rho));
  for (size_t i = 0; i < os.size(); ++i) {
    auto bad = os;
    bad[i].value += Fr::one();
    EXPECT_FALSE(batch_verify_openings(key, bad, rho)) << i;
  }
  // The MSM split over both cores gives the single-core sum.
  std::vector<G1Affine> points;
  while (points.size() < kParallelMsmMin + 3) points.insert(points.end(), s.powers_g1().begin(), s.powers_g1().end());
  const auto scalars = rng.vec(points.size());
  EXPECT_EQ(msm(points, scalars), bls12_381::g1_msm(points, scalars));
}

}  // namespace
}  // namespace dusk::crypto::plonk
