// Known-answer vectors for the min-pk variant from Ethereum's consensus BLS test suite
// (ethereum/bls12-381-tests, published as consensus-spec-tests general/phase0/bls:
// sign_case_* and verify_valid_case_* / verify_tampered_signature_case_*). Three secret
// keys, each signing the three 32-byte messages 0x00.., 0x56.., 0xab..; the public keys
// come from the verify cases. The suite's tampered cases replace the last four bytes of a
// valid signature by ff ff ff ff.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crypto/bls/scheme.hpp"

namespace dusk::crypto::bls {
namespace {

Bytes hex_bytes(std::string_view h) {
  auto r = from_hex(h);
  EXPECT_TRUE(r.ok()) << h;
  return r.ok() ? *r : Bytes{};
}

struct KeyVectors {
  const char* sk;
  const char* pk;
  const char* sig[3];  // over 32 bytes of 0x00, 0x56, 0xab
};

const KeyVectors kKeys[] = {
    {"263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3",
     "a491d1b0ecd9bb917989f0e74f0dea0422eac4a873e5e2644f368dffb9a6e20fd6e10c1b77654d067c0618f6e5a7f79a",
     {"b6ed936746e01f8ecf281f020953fbf1f01debd5657c4a383940b020b26507f6076334f91e2366c96e9ab279fb51580"
      "90352ea1c5b0c9274504f4f0e7053af24802e51e4568d164fe986834f41e55c8e850ce1f98458c0cfc9ab380b55285a55",
      "882730e5d03f6b42c3abc26d3372625034e1d871b65a8a6b900a56dae22da98abbe1b68f85e49fe7652a55ec3d0591c2"
      "0767677e33e5cbb1207315c41a9ac03be39c2e7668edc043d6cb1d9fd93033caa8a1c5b0e84bedaeb6c64972503a43eb",
      "91347bccf740d859038fcdcaf233eeceb2a436bcaaee9b2aa3bfb70efe29dfb2677562ccbea1c8e061fb9971b0753c24"
      "0622fab78489ce96768259fc01360346da5b9f579e5da0d941e4c6ba18a0e64906082375394f337fa1af2b7127b0d121"}},
    {"47b8192d77bf871b62e87859d653922725724a5c031afeabc60bcef5ff665138",
     "b301803f8b5ac4a1133581fc676dfedc60d891dd5fa99028805e5ea5b08d3491af75d0707adab3b70c6a6a580217bf81",
     {"b23c46be3a001c63ca711f87a005c200cc550b9429d5f4eb38d74322144f1b63926da3388979e5321012fb1a0526bcd1"
      "00b5ef5fe72628ce4cd5e904aeaa3279527843fae5ca9ca675f4f51ed8f83bbf7155da9ecc9663100a885d5dc6df96d9",
      "af1390c3c47acdb37131a51216da683c509fce0e954328a59f93aebda7e4ff974ba208d9a4a2a2389f892a9d418d6184"
      "18dd7f7a6bc7aa0da999a9d3a5b815bc085e14fd001f6a1948768a3f4afefc8b8240dda329f984cb345c6363272ba4fe",
      "9674e2228034527f4c083206032b020310face156d4a4685e2fcaec2f6f3665aa635d90347b6ce124eb879266b1e801d"
      "185de36a0a289b85e9039662634f2eea1e02e670bc7ab849d006a70b2f93b84597558a05b879c8d445f387a5d5b653df"}},
    {"328388aff0d4a5b7dc9205abd374e7e98f3cd9f3418edb4eafda5fb16473d216",
     "b53d21a4cfd562c469cc81514d4ce5a6b577d8403d32a394dc265dd190b47fa9f829fdd7963afdf972e5e77854051f6f",
     {"948a7cb99f76d616c2c564ce9bf4a519f1bea6b0a624a02276443c245854219fabb8d4ce061d255af5330b078d538068"
      "1751aa7053da2c98bae898edc218c75f07e24d8802a17cd1f6833b71e58f5eb5b94208b4d0bb3848cecb075ea21be115",
      "a4efa926610b8bd1c8330c918b7a5e9bf374e53435ef8b7ec186abf62e1b1f65aeaaeb365677ac1d1172a1f5b44b4e6d"
      "022c252c58486c0a759fbdc7de15a756acc4d343064035667a594b4c2a6f0b0b421975977f297dba63ee2f63ffe47bb6",
      "ae82747ddeefe4fd64cf9cedb9b04ae3e8a43420cd255e3c7cd06a8d88b7c7f8638543719981c5d16fa3527c468c25f0"
      "026704a6951bde891360c7e8d12ddee0559004ccdbe6046b55bae1b257ee97f7cdb955773d7cf29adf3ccbb9975e4eb9"}},
};
const u8 kMessageBytes[3] = {0x00, 0x56, 0xab};

TEST(BlsEthereumVectors, SignSkToPkVerify) {
  for (const auto& k : kKeys) {
    auto sk = SecretKey::from_bytes(hex_bytes(k.sk));
    ASSERT_TRUE(sk.ok()) << k.sk;
    EXPECT_EQ(to_hex(BlsMinPk::sk_to_pk(*sk).to_bytes()), k.pk);
    for (int m = 0; m < 3; ++m) {
      const Bytes msg(32, kMessageBytes[m]);
      const auto sig = BlsMinPk::sign(*sk, msg);
      EXPECT_EQ(to_hex(sig.to_bytes()), k.sig[m]) << k.sk << " message " << m;
      EXPECT_TRUE(BlsMinPk::verify(hex_bytes(k.pk), msg, hex_bytes(k.sig[m])).ok());
      // The suite's tampered-signature case.
      Bytes tampered = hex_bytes(k.sig[m]);
      std::fill(tampered.end() - 4, tampered.end(), u8{0xff});
      EXPECT_FALSE(BlsMinPk::verify(hex_bytes(k.pk), msg, tampered).ok());
    }
  }
}

// Aggregation of the published signatures: the three keys on one message
// (FastAggregateVerify) and on three distinct messages (AggregateVerify).
TEST(BlsEthereumVectors, AggregatesOfPublishedSignatures) {
  std::vector<BlsMinPk::PublicKey> pks;
  for (const auto& k : kKeys) {
    auto pk = BlsMinPk::PublicKey::from_bytes(hex_bytes(k.pk));
    ASSERT_TRUE(pk.ok());
    pks.push_back(*pk);
  }
  const auto sig = [](const char* h) {
    auto s = BlsMinPk::Signature::from_bytes(hex_bytes(h));
    EXPECT_TRUE(s.ok());
    return *s;
  };
  for (int m = 0; m < 3; ++m) {
    const Bytes msg(32, kMessageBytes[m]);
    const BlsMinPk::Signature sigs[] = {sig(kKeys[0].sig[m]), sig(kKeys[1].sig[m]),
                                        sig(kKeys[2].sig[m])};
    auto agg = BlsMinPk::aggregate(sigs);
    ASSERT_TRUE(agg.ok());
    EXPECT_TRUE(BlsMinPk::fast_aggregate_verify(pks, msg, *agg).ok()) << m;
  }
  const Bytes m0(32, 0x00), m1(32, 0x56), m2(32, 0xab);
  const ByteView msgs[] = {m0, m1, m2};
  const BlsMinPk::Signature diagonal[] = {sig(kKeys[0].sig[0]), sig(kKeys[1].sig[1]),
                                          sig(kKeys[2].sig[2])};
  auto agg = BlsMinPk::aggregate(diagonal);
  ASSERT_TRUE(agg.ok());
  EXPECT_TRUE(BlsMinPk::aggregate_verify(pks, msgs, *agg).ok());
  const ByteView rotated[] = {m1, m2, m0};
  EXPECT_FALSE(BlsMinPk::aggregate_verify(pks, rotated, *agg).ok());
}

}  // namespace
}  // namespace dusk::crypto::bls
