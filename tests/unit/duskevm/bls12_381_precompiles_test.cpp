// The EIP-2537 precompiles (0x0b-0x11) against every shared vector: outputs and gas of
// bls{G1Add,G1MultiExp,G2Add,G2MultiExp,Pairing,MapG1,MapG2}.json, and every fail-*.json
// case failing with its stated reason. blsG1Mul.json and blsG2Mul.json are vectors of
// the draft's single multiplication, which the final EIP folded into MSM: a one-pair MSM
// has the same input layout (point || scalar) and the same price (12000 and 22500 gas,
// the k = 1 discount being 1000), so they run through G1MSM and G2MSM.
#include <gtest/gtest.h>

#include "duskevm/precompiles/registry.hpp"
#include "precompile_vectors.hpp"

namespace dusk::evm {
namespace {

using test::check_failures;
using test::check_vectors;

TEST(Bls12381Precompiles, Addition) {
  EXPECT_GT(check_vectors(kBlsG1Add, "blsG1Add.json", true), 100u);
  EXPECT_GT(check_vectors(kBlsG2Add, "blsG2Add.json", true), 100u);
}
TEST(Bls12381Precompiles, MultiScalarMultiplication) {
  EXPECT_GT(check_vectors(kBlsG1Msm, "blsG1MultiExp.json", true), 100u);
  EXPECT_GT(check_vectors(kBlsG2Msm, "blsG2MultiExp.json", true), 100u);
  EXPECT_GT(check_vectors(kBlsG1Msm, "blsG1Mul.json", true), 10u);
  EXPECT_GT(check_vectors(kBlsG2Msm, "blsG2Mul.json", true), 10u);
}
TEST(Bls12381Precompiles, Pairing) { EXPECT_GT(check_vectors(kBlsPairing, "blsPairing.json", true), 100u); }
TEST(Bls12381Precompiles, MapToCurve) {
  EXPECT_GT(check_vectors(kBlsMapFpToG1, "blsMapG1.json", true), 100u);
  EXPECT_GT(check_vectors(kBlsMapFp2ToG2, "blsMapG2.json", true), 100u);
}
TEST(Bls12381Precompiles, FailuresWithTheirReasons) {
  check_failures(kBlsG1Add, "fail-blsG1Add.json");
  check_failures(kBlsG2Add, "fail-blsG2Add.json");
  check_failures(kBlsG1Msm, "fail-blsG1MultiExp.json");
  check_failures(kBlsG2Msm, "fail-blsG2MultiExp.json");
  check_failures(kBlsG1Msm, "fail-blsG1Mul.json");
  check_failures(kBlsG2Msm, "fail-blsG2Mul.json");
  check_failures(kBlsPairing, "fail-blsPairing.json");
  check_failures(kBlsMapFpToG1, "fail-blsMapG1.json");
  check_failures(kBlsMapFp2ToG2, "fail-blsMapG2.json");
}
TEST(Bls12381Precompiles, GasSchedule) {
  // Empty MSM input costs nothing (and fails); beyond 128 pairs the discount stays at the
  // table's last entry; the pairing's price is linear.
  EXPECT_EQ(kBlsG1Msm.gas({}), 0u);
  EXPECT_FALSE(kBlsG1Msm.run({}).ok());
  EXPECT_EQ(kBlsG1Msm.gas(Bytes(160 * 200, 0)), 200u * 12000 * 519 / 1000);
  EXPECT_EQ(kBlsG2Msm.gas(Bytes(288 * 200, 0)), 200u * 22500 * 524 / 1000);
  EXPECT_EQ(kBlsPairing.gas(Bytes(384 * 3, 0)), 3u * 32600 + 37700);
  // All-zero pairs are identities: the product is one.
  auto r = kBlsPairing.run(Bytes(384 * 2, 0));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[31], 1);
}

}  // namespace
}  // namespace dusk::evm
