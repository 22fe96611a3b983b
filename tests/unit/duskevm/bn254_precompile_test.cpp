// The BN254 precompiles (EIP-196/197, Istanbul gas) against go-ethereum's vectors
// (bn256Add.json, bn256ScalarMul.json, bn256Pairing.json: Input, Expected, Gas), plus
// the input rules the vectors do not cover.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "duskevm/precompiles/bn254.hpp"

namespace dusk::evm {
namespace {

nlohmann::json read_vectors(const std::string& name) {
  std::ifstream f(std::string(DUSK_TESTDATA) + "/crypto/precompiles/" + name);
  return nlohmann::json::parse(f, nullptr, /*allow_exceptions=*/false);
}

void check_file(const Precompile& pc, const std::string& file) {
  const nlohmann::json doc = read_vectors(file);
  ASSERT_TRUE(doc.is_array()) << file;
  ASSERT_GT(doc.size(), 10u);
  for (const auto& v : doc) {
    const std::string name = v.at("Name");
    auto input = from_hex(v.at("Input").get<std::string>());
    ASSERT_TRUE(input.ok()) << name;
    EXPECT_EQ(pc.gas(input.value()), v.at("Gas").get<u64>()) << name;
    auto out = pc.run(input.value());
    ASSERT_TRUE(out.ok()) << name << ": " << out.error().message;
    EXPECT_EQ(to_hex(out.value()), v.at("Expected").get<std::string>()) << name;
  }
}

TEST(Bn254Precompile, AddVectors) { check_file(kBn254Add, "bn256Add.json"); }
TEST(Bn254Precompile, MulVectors) { check_file(kBn254Mul, "bn256ScalarMul.json"); }
TEST(Bn254Precompile, PairingVectors) { check_file(kBn254Pairing, "bn256Pairing.json"); }

Bytes hex(const std::string& s) { return from_hex(s).value(); }

const std::string kG1 =
    "0000000000000000000000000000000000000000000000000000000000000001"
    "0000000000000000000000000000000000000000000000000000000000000002";
const std::string kG2 =
    "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
    "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
    "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
    "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
const std::string kP = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";

TEST(Bn254Precompile, PaddingAndTruncation) {
  // G + O with the second point left out entirely, and with extra trailing bytes.
  auto short_in = kBn254Add.run(hex(kG1));
  ASSERT_TRUE(short_in.ok());
  EXPECT_EQ(to_hex(short_in.value()), kG1);
  auto long_in = kBn254Add.run(hex(kG1 + kG1 + "ff"));
  auto dbl = kBn254Mul.run(hex(kG1 + std::string(63, '0') + "2"));
  ASSERT_TRUE(long_in.ok() && dbl.ok());
  EXPECT_EQ(long_in.value(), dbl.value());
  // A missing scalar is 0; the empty input is O + O and [0]O.
  EXPECT_EQ(to_hex(kBn254Mul.run(hex(kG1)).value()), std::string(128, '0'));
  EXPECT_EQ(to_hex(kBn254Add.run({}).value()), std::string(128, '0'));
  // Scalars >= r are taken mod r: [r + 2]G = [2]G.
  const std::string r_plus_2 =
      "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000003";
  EXPECT_EQ(kBn254Mul.run(hex(kG1 + r_plus_2)).value(), dbl.value());
}

TEST(Bn254Precompile, Rejections) {
  // x = p (non-canonical), a point off the curve.
  EXPECT_FALSE(kBn254Add.run(hex(kP + kG1.substr(64))).ok());
  EXPECT_FALSE(kBn254Mul.run(hex(kG1.substr(0, 64) + std::string(63, '0') + "3")).ok());
  // Pairing: length not a multiple of 192; the G2 generator with a coordinate changed
  // (off the twist); a twist point outside G2 is covered by bn254_test's decoder tests.
  EXPECT_FALSE(kBn254Pairing.run(hex(kG1 + kG2 + "00")).ok());
  std::string bad_g2 = kG2;
  bad_g2[255] = bad_g2[255] == '0' ? '1' : '0';
  EXPECT_FALSE(kBn254Pairing.run(hex(kG1 + bad_g2)).ok());
  // e(G, H) alone is not 1; the empty product is.
  EXPECT_EQ(to_hex(kBn254Pairing.run(hex(kG1 + kG2)).value()), std::string(64, '0'));
  EXPECT_EQ(to_hex(kBn254Pairing.run({}).value()), std::string(63, '0') + "1");
  EXPECT_EQ(kBn254Pairing.gas(hex(kG1 + kG2 + kG1 + kG2)), 45000u + 2 * 34000u);
}

}  // namespace
}  // namespace dusk::evm
