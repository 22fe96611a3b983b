// Precompiles 0x01-0x05 and 0x09 against the shared vectors in
// ../shared/testdata/crypto/precompiles (go-ethereum's {Input, Expected, Gas, Name}
// files: ecRecover, modexp with EIP-2565 pricing, blake2F and fail-blake2f), plus FIPS
// 180-2 and the RIPEMD-160 authors' known answers for the hash precompiles.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "duskevm/precompiles/registry.hpp"
#include "precompile_vectors.hpp"

namespace dusk::evm {
namespace {

using test::check_vectors;
const auto& load = test::load_vectors;

TEST(Precompiles, Registry) {
  EXPECT_EQ(find_precompile(address_from_u8(1), Fork::kCancun), &kEcrecover);
  EXPECT_EQ(find_precompile(address_from_u8(9), Fork::kPrague), &kBlake2f);
  EXPECT_EQ(find_precompile(address_from_u8(0x0b), Fork::kCancun), nullptr);  // BLS is Prague's
  EXPECT_NE(find_precompile(address_from_u8(0x11), Fork::kPrague), nullptr);
  EXPECT_EQ(find_precompile(address_from_u8(0x12), Fork::kPrague), nullptr);
  EXPECT_EQ(find_precompile(address_from_u8(0), Fork::kPrague), nullptr);
  Address high = address_from_u8(1);
  high[0] = 1;
  EXPECT_EQ(find_precompile(high, Fork::kPrague), nullptr);
  // Every address of both forks is implemented.
  for (u8 a = 1; a <= 0x11; ++a) EXPECT_NE(find_precompile(address_from_u8(a), Fork::kPrague), nullptr) << int(a);
  EXPECT_EQ(find_precompile(address_from_u8(6), Fork::kCancun), &kBn254Add);
}

TEST(Precompiles, Ecrecover) { check_vectors(kEcrecover, "ecRecover.json", true); }
TEST(Precompiles, ModexpEip2565) { check_vectors(kModexp, "modexp_eip2565.json", true); }
TEST(Precompiles, ModexpOutputs) { check_vectors(kModexp, "modexp.json", false); }
// EIP-7951's vectors (Wycheproof-derived): 567 valid signatures, 215 that must give the
// empty output. 0x100 belongs to no fork selectable today.
TEST(Precompiles, P256Verify) {
  EXPECT_EQ(check_vectors(kP256Verify, "p256Verify.json", true), 782u);
  // At 0x100 only when the chain asks for it (RIP-7212's address).
  EXPECT_EQ(find_precompile(kP256VerifyAddress, Fork::kPrague), nullptr);
  EXPECT_EQ(find_precompile(kP256VerifyAddress, Fork::kPrague, true), &kP256Verify);
  EXPECT_EQ(find_precompile(kP256VerifyAddress, Fork::kCancun, true), &kP256Verify);
  Address near = kP256VerifyAddress;
  near[0] = 1;
  EXPECT_EQ(find_precompile(near, Fork::kPrague, true), nullptr);
  EXPECT_EQ(find_precompile(address_from_u8(1), Fork::kPrague, true), &kEcrecover);
  // The warm set at a transaction's start: exactly what find_precompile maps.
  for (const Fork f : {Fork::kCancun, Fork::kPrague}) {
    for (const bool p256 : {false, true}) {
      const std::vector<Address> all = precompile_addresses(f, p256);
      EXPECT_EQ(all.size(), size_t{last_precompile(f)} + (p256 ? 1 : 0));
      for (const Address& a : all) EXPECT_NE(find_precompile(a, f, p256), nullptr) << address_hex(a);
    }
  }
  EXPECT_EQ(precompile_addresses(Fork::kPrague, true).back(), kP256VerifyAddress);
  EXPECT_EQ(find_precompile(address_from_u8(0), Fork::kPrague), nullptr);
  EXPECT_TRUE(kP256Verify.run(Bytes(159, 1))->empty());  // wrong length: empty, not an error
  EXPECT_TRUE(kP256Verify.run(Bytes(160, 0))->empty());  // r = s = 0, key (0, 0)
}
TEST(Precompiles, Blake2f) { check_vectors(kBlake2f, "blake2F.json", true); }

TEST(Precompiles, Blake2fFailures) { test::check_failures(kBlake2f, "fail-blake2f.json"); }

TEST(Precompiles, EcrecoverRejectsBadV) {
  // A valid vector with v changed to 29, and to 27 with a nonzero high byte: empty output.
  const auto cases = load("ecRecover.json");
  for (const auto& c : cases) {
    Bytes input = *from_hex(c.at("Input").get<std::string>());
    if (c.at("Expected").get<std::string>().empty() || input.size() < 128) continue;
    input[63] = 29;
    EXPECT_TRUE(kEcrecover.run(input)->empty());
    input[63] = 27;
    input[40] = 1;
    EXPECT_TRUE(kEcrecover.run(input)->empty());
    return;
  }
  FAIL() << "no valid ecrecover vector";
}

TEST(Precompiles, HashesAndIdentity) {
  const Bytes abc = {'a', 'b', 'c'};
  // FIPS 180-2 appendix B.1.
  EXPECT_EQ(to_hex(*kSha256.run(abc)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(kSha256.gas(abc), 72u);                       // 60 + 12 * 1 word
  EXPECT_EQ(kSha256.gas(Bytes(33, 0)), 84u);              // 60 + 12 * 2 words
  // RIPEMD-160 authors' page: "abc", left-padded to 32 bytes.
  EXPECT_EQ(to_hex(*kRipemd160.run(abc)),
            "0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  EXPECT_EQ(kRipemd160.gas({}), 600u);
  EXPECT_EQ(*kIdentity.run(abc), abc);
  EXPECT_EQ(kIdentity.gas(Bytes(64, 1)), 21u);            // 15 + 3 * 2 words
}

TEST(Precompiles, ModexpEdgeCases) {
  // Zero-length modulus: empty output, even with an absurd exponent length (EIP-198).
  Bytes in(96, 0);
  in[63] = 0xff;  // exp_len = 255, no base, no modulus
  EXPECT_TRUE(kModexp.run(in)->empty());
  EXPECT_EQ(kModexp.gas(in), 200u);  // EIP-2565 minimum
  // Lengths beyond any gas limit price at the maximum instead of overflowing.
  Bytes huge(96, 0xff);
  EXPECT_EQ(kModexp.gas(huge), ~u64{0});
  // 3^2 mod 0 = 0 over a 2-byte modulus.
  Bytes z(96, 0);
  z[31] = 1;
  z[63] = 1;
  z[95] = 2;
  z.push_back(3);
  z.push_back(2);
  EXPECT_EQ(*kModexp.run(z), Bytes(2, 0));
}

}  // namespace
}  // namespace dusk::evm
