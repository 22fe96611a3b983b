// BLS signatures (crypto/bls/scheme.hpp), every case run on both variants (min-sig,
// min-pk): the behaviour draft-irtf-cfrg-bls-signature-05 specifies for Sign, Verify,
// Aggregate, AggregateVerify, FastAggregateVerify, PopProve and PopVerify, strict input
// validation, rogue-key attacks against naive aggregation and the two defences, and batch
// verification. Expected outcomes come from the algebra (a forged signature computed
// here must fail or pass as the theory says), not from stored answers.
#include "crypto/bls/scheme.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dusk::crypto::bls {
namespace {

using bls12_381::Fr;

BlsError code(BlsError e) { return e; }

// Deterministic "IKM" for test keys: 32 bytes from a counter.
SecretKey test_key(u32 i) {
  Bytes ikm(32, 0);
  for (int b = 0; b < 4; ++b) ikm[b] = static_cast<u8>(i >> (8 * b));
  auto sk = SecretKey::key_gen(ikm, as_bytes("bls_scheme_test"));
  EXPECT_TRUE(sk.ok());
  return *sk;
}

// A seeded random source for batches (tests only; production uses the OS).
RandomSource seeded_source(u64 seed) {
  return [state = seed | 1](std::span<u8> out) mutable {
    for (auto& b : out) {
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      b = static_cast<u8>(state);
    }
    return true;
  };
}

template <typename V>
class BlsSchemeTest : public ::testing::Test {
 protected:
  using S = Scheme<V>;
  using Pk = typename S::PublicKey;
  using Sig = typename S::Signature;

  static std::vector<SecretKey> keys(size_t n, u32 first = 0) {
    std::vector<SecretKey> out;
    for (size_t i = 0; i < n; ++i) out.push_back(test_key(first + static_cast<u32>(i)));
    return out;
  }
  static std::vector<Pk> public_keys(const std::vector<SecretKey>& sks) {
    std::vector<Pk> out;
    for (const auto& sk : sks) out.push_back(S::sk_to_pk(sk));
    return out;
  }
  // [k] g of the key group as a public key, through its encoding.
  static Pk key_point(const typename V::KeyPoint& p) {
    auto pk = Pk::from_bytes(V::encode_key(p.to_affine()));
    EXPECT_TRUE(pk.ok());
    return *pk;
  }
  static Sig sig_point(const typename V::SigPoint& p) {
    auto s = Sig::from_bytes(V::encode_sig(p.to_affine()));
    EXPECT_TRUE(s.ok());
    return *s;
  }
  static typename V::SigPoint hash(std::string_view m) {
    return V::hash_to_sig_group(as_bytes(m), as_bytes(V::kSignatureDst));
  }
};

using Variants = ::testing::Types<MinSig, MinPk>;
struct VariantName {
  template <typename V>
  static std::string GetName(int) {
    return std::string(V::kName) == "min-sig" ? "MinSig" : "MinPk";
  }
};
TYPED_TEST_SUITE(BlsSchemeTest, Variants, VariantName);

TYPED_TEST(BlsSchemeTest, Sizes) {
  using V = TypeParam;
  const auto sk = test_key(1);
  EXPECT_EQ(TestFixture::S::sk_to_pk(sk).to_bytes().size(), V::kPublicKeySize);
  EXPECT_EQ(TestFixture::S::sign(sk, as_bytes("m")).to_bytes().size(), V::kSignatureSize);
  EXPECT_EQ(V::kPublicKeySize + V::kSignatureSize, 144u);
}

TYPED_TEST(BlsSchemeTest, SignVerifyRoundTrip) {
  using S = typename TestFixture::S;
  const auto sk = test_key(1);
  const auto pk = S::sk_to_pk(sk);
  for (std::string_view m : {"", "a", "a vote for block 42", "\x00\x01\x02"}) {
    const auto sig = S::sign(sk, as_bytes(m));
    EXPECT_TRUE(S::verify(pk, as_bytes(m), sig).ok()) << m;
    EXPECT_TRUE(S::verify(pk.to_bytes(), as_bytes(m), sig.to_bytes()).ok()) << m;
    // The signature is [sk] H(m) (the definition, checked with the variable-time
    // multiplication against the constant-time one used by sign).
    EXPECT_TRUE(sig == TestFixture::sig_point(TestFixture::hash(m).mul_vartime(sk.scalar())));
  }
  // sk_to_pk is [sk] g.
  EXPECT_TRUE(pk == TestFixture::key_point(
                        TypeParam::KeyPoint::generator().mul_vartime(sk.scalar())));
  // Deterministic.
  EXPECT_TRUE(S::sign(sk, as_bytes("m")) == S::sign(sk, as_bytes("m")));
}

TYPED_TEST(BlsSchemeTest, WrongMessageKeyOrSignatureFails) {
  using S = typename TestFixture::S;
  const auto sk = test_key(1), other = test_key(2);
  const auto pk = S::sk_to_pk(sk);
  const auto sig = S::sign(sk, as_bytes("message"));
  const auto st1 = S::verify(pk, as_bytes("massage"), sig);
  ASSERT_FALSE(st1.ok());
  EXPECT_EQ(st1.error().code, code(BlsError::kInvalidSignature));
  EXPECT_FALSE(S::verify(S::sk_to_pk(other), as_bytes("message"), sig).ok());
  EXPECT_FALSE(S::verify(pk, as_bytes("message"), S::sign(other, as_bytes("message"))).ok());
  EXPECT_FALSE(S::verify(pk, as_bytes("message"), S::sign(sk, as_bytes("other"))).ok());
  // A signature under the proof-of-possession tag is not a message signature.
  EXPECT_FALSE(S::verify(pk, pk.to_bytes(), S::pop_prove(sk)).ok());
}

// Flipping any single bit of the encoded signature or key never yields an accepted
// signature: either decoding rejects it or the equation fails.
TYPED_TEST(BlsSchemeTest, TamperedBytesFail) {
  using S = typename TestFixture::S;
  const auto sk = test_key(3);
  const auto pk = S::sk_to_pk(sk).to_bytes();
  const auto msg = as_bytes("tamper with me");
  const auto sig = S::sign(sk, msg).to_bytes();
  ASSERT_TRUE(S::verify(pk, msg, sig).ok());
  for (size_t i = 0; i < sig.size(); ++i) {
    auto bad = sig;
    bad[i] ^= static_cast<u8>(1u << (i % 8));
    EXPECT_FALSE(S::verify(pk, msg, bad).ok()) << "signature byte " << i;
  }
  for (size_t i = 0; i < pk.size(); i += 3) {
    auto bad = pk;
    bad[i] ^= static_cast<u8>(0x80u >> (i % 8));
    const auto st = S::verify(bad, msg, sig);
    ASSERT_FALSE(st.ok()) << "key byte " << i;
  }
  // Wrong lengths.
  const auto short_sig = S::verify(pk, msg, ByteView(sig).first(sig.size() - 1));
  ASSERT_FALSE(short_sig.ok());
  EXPECT_EQ(short_sig.error().code, code(BlsError::kBadSignature));
  const auto long_pk = S::verify(Bytes(pk.size() + 1, 0), msg, sig);
  ASSERT_FALSE(long_pk.ok());
  EXPECT_EQ(long_pk.error().code, code(BlsError::kBadPublicKey));
}

// Arbitrary bytes (of the right lengths, with the compression flag set so decoding
// gets past the flags often) never make a verifying (key, message, signature), and
// decoding them never crashes.
TYPED_TEST(BlsSchemeTest, RandomBytesNeverVerify) {
  using S = typename TestFixture::S;
  u64 state = 0x9e3779b97f4a7c15ull;
  const auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const auto random_encoding = [&](size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<u8>(next());
    b[0] = static_cast<u8>((b[0] & 0x3f) | 0x80);  // compressed, sort flag random below
    if (next() & 1) b[0] |= 0x20;
    return b;
  };
  const auto pk = S::sk_to_pk(test_key(11)).to_bytes();
  size_t keys_decoded = 0, sigs_decoded = 0;
  for (int i = 0; i < 300; ++i) {
    const Bytes k = random_encoding(TypeParam::kPublicKeySize);
    const Bytes s = random_encoding(TypeParam::kSignatureSize);
    keys_decoded += TestFixture::Pk::from_bytes(k).ok();
    sigs_decoded += TestFixture::Sig::from_bytes(s).ok();
    EXPECT_FALSE(S::verify(k, as_bytes("m"), s).ok());
    EXPECT_FALSE(S::verify(pk, as_bytes("m"), s).ok());
  }
  // Random x coordinates are almost never in the subgroup (the cofactors are large).
  EXPECT_EQ(keys_decoded, 0u);
  EXPECT_EQ(sigs_decoded, 0u);
}

TYPED_TEST(BlsSchemeTest, IdentityPublicKeyRejected) {
  using S = typename TestFixture::S;
  using Pk = typename TestFixture::Pk;
  const auto identity = TypeParam::encode_key(TypeParam::KeyPoint::AffinePoint::identity());
  EXPECT_EQ(identity[0], 0xc0);  // compressed | infinity
  auto pk = Pk::from_bytes(identity);
  ASSERT_FALSE(pk.ok());
  EXPECT_EQ(pk.error().code, code(BlsError::kIdentityPublicKey));
  // With the identity key, the identity signature would satisfy e(O, H(m)) == e(g, O)
  // for every message: exactly why KeyValidate rejects it.
  const auto inf_sig = TypeParam::encode_sig(TypeParam::SigPoint::AffinePoint::identity());
  const auto st = S::verify(identity, as_bytes("anything"), inf_sig);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kIdentityPublicKey));
}

TYPED_TEST(BlsSchemeTest, InfinitySignatureDecodesButNeverVerifies) {
  using S = typename TestFixture::S;
  using Sig = typename TestFixture::Sig;
  const auto inf = TypeParam::encode_sig(TypeParam::SigPoint::AffinePoint::identity());
  auto sig = Sig::from_bytes(inf);
  ASSERT_TRUE(sig.ok());
  const auto pk = S::sk_to_pk(test_key(4));
  const auto st = S::verify(pk, as_bytes("m"), *sig);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kInvalidSignature));
  // Infinity with a stray bit is not an encoding.
  auto bad = inf;
  bad[bad.size() - 1] = 1;
  auto r = Sig::from_bytes(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, code(BlsError::kBadSignature));
}

// A G1 point on the curve but outside the order-r subgroup (any point of E(Fp) almost
// surely is, the cofactor being 2^126-ish): found by trying x = 1, 2, ...
std::array<u8, 48> g1_point_outside_subgroup() {
  using namespace bls12_381;
  for (u64 x = 1;; ++x) {
    const Fp fx = Fp::from_u64(x);
    auto y = (fx.square() * fx + Fp::from_u64(4)).sqrt();
    if (!y) continue;
    G1Affine p{fx, *y, false};
    if (g1_in_subgroup(G1::from_affine(p))) continue;
    return g1_to_compressed(p);
  }
}

// The same on the twist E'(Fp2), x = 1 + i u for i = 0, 1, ...
std::array<u8, 96> g2_point_outside_subgroup() {
  using namespace bls12_381;
  for (u64 i = 0;; ++i) {
    const Fp2 x(Fp::one(), Fp::from_u64(i));
    auto y = (x.square() * x + G2Curve::b()).sqrt();
    if (!y) continue;
    G2Affine p{x, *y, false};
    if (!p.is_on_curve() || g2_in_subgroup(G2::from_affine(p))) continue;
    return g2_to_compressed(p);
  }
}

TYPED_TEST(BlsSchemeTest, PointsOutsideTheSubgroupRejected) {
  using Pk = typename TestFixture::Pk;
  using Sig = typename TestFixture::Sig;
  const auto g1 = g1_point_outside_subgroup();
  const auto g2 = g2_point_outside_subgroup();
  const ByteView key_enc = std::is_same_v<TypeParam, MinPk> ? ByteView(g1) : ByteView(g2);
  const ByteView sig_enc = std::is_same_v<TypeParam, MinPk> ? ByteView(g2) : ByteView(g1);
  auto pk = Pk::from_bytes(key_enc);
  ASSERT_FALSE(pk.ok());
  EXPECT_EQ(pk.error().code, code(BlsError::kBadPublicKey));
  EXPECT_NE(pk.error().message.find("subgroup"), std::string::npos) << pk.error().message;
  auto sig = Sig::from_bytes(sig_enc);
  ASSERT_FALSE(sig.ok());
  EXPECT_EQ(sig.error().code, code(BlsError::kBadSignature));
  EXPECT_NE(sig.error().message.find("subgroup"), std::string::npos) << sig.error().message;
}

TYPED_TEST(BlsSchemeTest, AggregateVerifyDistinctMessages) {
  using S = typename TestFixture::S;
  using Sig = typename TestFixture::Sig;
  const auto sks = TestFixture::keys(8);
  const auto pks = TestFixture::public_keys(sks);
  std::vector<std::string> texts;
  for (size_t i = 0; i < sks.size(); ++i) texts.push_back("message " + std::to_string(i));
  std::vector<ByteView> msgs;
  std::vector<Sig> sigs;
  for (size_t i = 0; i < sks.size(); ++i) {
    msgs.push_back(as_bytes(texts[i]));
    sigs.push_back(S::sign(sks[i], msgs[i]));
  }
  auto agg = S::aggregate(sigs);
  ASSERT_TRUE(agg.ok());
  EXPECT_TRUE(S::aggregate_verify(pks, msgs, *agg).ok());

  // Swapping two messages breaks it.
  auto swapped = msgs;
  std::swap(swapped[0], swapped[1]);
  auto st = S::aggregate_verify(pks, swapped, *agg);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kInvalidSignature));
  // Leaving a signer out breaks it.
  auto partial = S::aggregate(std::span<const Sig>(sigs).first(7));
  ASSERT_TRUE(partial.ok());
  EXPECT_FALSE(S::aggregate_verify(pks, msgs, *partial).ok());
  // Aggregation is order independent.
  std::vector<Sig> reversed(sigs.rbegin(), sigs.rend());
  EXPECT_TRUE(*S::aggregate(reversed) == *agg);

  // Duplicate messages are rejected before any pairing (draft, section 3.1.1).
  auto dup = msgs;
  dup[5] = dup[2];
  st = S::aggregate_verify(pks, dup, *agg);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kDuplicateMessage));
  EXPECT_NE(st.error().message.find("2 and 5"), std::string::npos) << st.error().message;

  // Count mismatch and empty inputs.
  st = S::aggregate_verify(pks, std::span<const ByteView>(msgs).first(7), *agg);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kLengthMismatch));
  st = S::aggregate_verify({}, {}, *agg);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kEmptyAggregate));
  auto empty = S::aggregate({});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, code(BlsError::kEmptyAggregate));
}

// With one signer, AggregateVerify is Verify (the draft's definition).
TYPED_TEST(BlsSchemeTest, AggregateVerifyOfOneIsVerify) {
  using S = typename TestFixture::S;
  const auto sk = test_key(9);
  const auto pk = S::sk_to_pk(sk);
  const ByteView m = as_bytes("single");
  const auto sig = S::sign(sk, m);
  EXPECT_TRUE(S::aggregate_verify({&pk, 1}, {&m, 1}, sig).ok());
}

TYPED_TEST(BlsSchemeTest, ProofOfPossessionAndFastAggregateVerify) {
  using S = typename TestFixture::S;
  using Sig = typename TestFixture::Sig;
  const auto sks = TestFixture::keys(10, 100);
  const auto pks = TestFixture::public_keys(sks);
  for (size_t i = 0; i < sks.size(); ++i) {
    EXPECT_TRUE(S::pop_verify(pks[i], S::pop_prove(sks[i])).ok()) << i;
  }
  // A proof for another key, or a message signature on the key bytes, is no proof.
  auto st = S::pop_verify(pks[0], S::pop_prove(sks[1]));
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kInvalidSignature));
  EXPECT_FALSE(S::pop_verify(pks[0], S::sign(sks[0], pks[0].to_bytes())).ok());

  const ByteView m = as_bytes("block hash");
  std::vector<Sig> sigs;
  for (const auto& sk : sks) sigs.push_back(S::sign(sk, m));
  auto agg = S::aggregate(sigs);
  ASSERT_TRUE(agg.ok());
  EXPECT_TRUE(S::fast_aggregate_verify(pks, m, *agg).ok());
  EXPECT_FALSE(S::fast_aggregate_verify(pks, as_bytes("other block"), *agg).ok());
  EXPECT_FALSE(
      S::fast_aggregate_verify(std::span(pks).first(pks.size() - 1), m, *agg).ok());
  // The aggregate key is the plain sum.
  auto apk = S::aggregate_public_keys(pks);
  ASSERT_TRUE(apk.ok());
  EXPECT_TRUE(S::verify(*apk, m, *agg).ok());

  st = S::fast_aggregate_verify({}, m, *agg);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kEmptyAggregate));
}

// Keys that cancel give the identity as aggregate, which is rejected.
TYPED_TEST(BlsSchemeTest, CancellingKeysRejected) {
  using S = typename TestFixture::S;
  const auto pk = S::sk_to_pk(test_key(5));
  const auto neg = TestFixture::key_point(-TypeParam::KeyPoint::from_affine(pk.point()));
  const typename TestFixture::Pk both[] = {pk, neg};
  auto apk = S::aggregate_public_keys(both);
  ASSERT_FALSE(apk.ok());
  EXPECT_EQ(apk.error().code, code(BlsError::kIdentityPublicKey));
  const auto inf = TestFixture::sig_point(TypeParam::SigPoint::identity());
  const auto st = S::fast_aggregate_verify(both, as_bytes("m"), inf);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kIdentityPublicKey));
}

// The rogue-key attack: the attacker publishes pk' = [a] g - pk_victim, knowing a but
// not the victim's key, and forges [a] H(m) as "both signed m". Plain aggregation accepts
// it; the attacker cannot prove possession of pk', and key weighting rejects the forgery.
TYPED_TEST(BlsSchemeTest, RogueKeyAttackAndDefences) {
  using S = typename TestFixture::S;
  using KeyPoint = typename TypeParam::KeyPoint;
  const auto victim = S::sk_to_pk(test_key(6));
  const Fr a = Fr::from_u64(0x5eed5eed);
  const auto rogue = TestFixture::key_point(KeyPoint::generator().mul_vartime(a) -
                                            KeyPoint::from_affine(victim.point()));
  const ByteView m = as_bytes("transfer everything");
  const auto forged = TestFixture::sig_point(TestFixture::hash("transfer everything").mul_vartime(a));
  const typename TestFixture::Pk pair[] = {victim, rogue};
  // Naive: accepted. This is why fast_aggregate_verify demands proofs of possession.
  EXPECT_TRUE(S::fast_aggregate_verify(pair, m, forged).ok());
  // The attacker's best "proof" for pk' (it knows a, not pk''s key) fails.
  const auto fake_pop = TestFixture::sig_point(
      TypeParam::hash_to_sig_group(rogue.to_bytes(), as_bytes(TypeParam::kPopDst)).mul_vartime(a));
  EXPECT_FALSE(S::pop_verify(rogue, fake_pop).ok());
  // Key weighting: the same forgery against the weighted aggregate fails.
  const auto st = S::fast_aggregate_verify_weighted(pair, m, forged);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kInvalidSignature));
}

TYPED_TEST(BlsSchemeTest, KeyWeighting) {
  using S = typename TestFixture::S;
  using Sig = typename TestFixture::Sig;
  const auto sks = TestFixture::keys(7, 200);
  const auto pks = TestFixture::public_keys(sks);
  const ByteView m = as_bytes("ratification step 2, round 17");
  std::vector<Sig> weighted, plain;
  for (const auto& sk : sks) {
    auto s = S::sign_weighted(sk, m);
    ASSERT_TRUE(s.ok());
    weighted.push_back(*s);
    plain.push_back(S::sign(sk, m));
  }
  // Weights differ between keys and are what sign_weighted applies.
  EXPECT_FALSE(S::key_weight(pks[0]) == S::key_weight(pks[1]));
  const Fr t0 = S::key_weight(pks[0]);
  EXPECT_TRUE(weighted[0] == TestFixture::sig_point(
                                 TestFixture::hash("ratification step 2, round 17")
                                     .mul_vartime(t0 * sks[0].scalar())));
  // A single weighted signature verifies under the weighted key [t] pk.
  const auto wpk = TestFixture::key_point(
      TypeParam::KeyPoint::from_affine(pks[0].point()).mul_vartime(t0));
  EXPECT_TRUE(*S::weighted_public_key(pks[0]) == wpk);
  EXPECT_TRUE(S::verify(wpk, m, weighted[0]).ok());
  // Cached weighted keys summed plainly give the weighted aggregate.
  std::vector<typename TestFixture::Pk> cached;
  for (const auto& pk : pks) cached.push_back(*S::weighted_public_key(pk));
  EXPECT_TRUE(*S::aggregate_public_keys(cached) == *S::aggregate_weighted_public_keys(pks));

  auto agg = S::aggregate(weighted);
  ASSERT_TRUE(agg.ok());
  EXPECT_TRUE(S::fast_aggregate_verify_weighted(pks, m, *agg).ok());
  auto apk = S::aggregate_weighted_public_keys(pks);
  ASSERT_TRUE(apk.ok());
  EXPECT_TRUE(S::verify(*apk, m, *agg).ok());
  // Unweighted signatures do not verify under the weighted aggregate, nor weighted ones
  // under the plain sum.
  EXPECT_FALSE(S::fast_aggregate_verify_weighted(pks, m, *S::aggregate(plain)).ok());
  EXPECT_FALSE(S::fast_aggregate_verify(pks, m, *agg).ok());
  // A missing signer or another message fails.
  EXPECT_FALSE(S::fast_aggregate_verify_weighted(std::span(pks).first(6), m, *agg).ok());
  EXPECT_FALSE(S::fast_aggregate_verify_weighted(pks, as_bytes("x"), *agg).ok());
  auto empty = S::aggregate_weighted_public_keys({});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, code(BlsError::kEmptyAggregate));
}

TYPED_TEST(BlsSchemeTest, BatchVerify) {
  using S = typename TestFixture::S;
  using Item = typename S::BatchItem;
  const auto sks = TestFixture::keys(12, 300);
  std::vector<std::string> texts;
  for (size_t i = 0; i < sks.size(); ++i) texts.push_back("tx " + std::to_string(i % 5));
  std::vector<Item> items;
  for (size_t i = 0; i < sks.size(); ++i)
    items.push_back({S::sk_to_pk(sks[i]), as_bytes(texts[i]), S::sign(sks[i], as_bytes(texts[i]))});

  // Repeated messages (i % 5) are fine in a batch.
  EXPECT_TRUE(S::batch_verify(items, BatchSecurity::k64, seeded_source(1)).ok());
  EXPECT_TRUE(S::batch_verify(items, BatchSecurity::k128, seeded_source(2)).ok());
  EXPECT_TRUE(S::batch_verify(items).ok());  // OS randomness, 128 bits
  EXPECT_TRUE(S::batch_verify(std::span(items).first(1), BatchSecurity::k64, seeded_source(3)).ok());

  // One bad signature (valid, but for another message) fails the batch.
  auto bad = items;
  bad[7].signature = S::sign(sks[7], as_bytes("not what was claimed"));
  for (auto sec : {BatchSecurity::k64, BatchSecurity::k128}) {
    const auto st = S::batch_verify(bad, sec, seeded_source(4));
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, code(BlsError::kInvalidSignature));
  }
  // Two signatures swapped between items: their sum is still right, so plain
  // aggregation of the batch would accept; the random scalars do not.
  auto swapped = items;
  swapped[2].signature = items[8].signature;
  swapped[8].signature = items[2].signature;
  EXPECT_FALSE(S::batch_verify(swapped, BatchSecurity::k64, seeded_source(5)).ok());
  // An infinity signature in the batch.
  auto inf = items;
  inf[0].signature = TestFixture::sig_point(TypeParam::SigPoint::identity());
  EXPECT_FALSE(S::batch_verify(inf, BatchSecurity::k64, seeded_source(6)).ok());

  // The largest scalars (2^64 - 1, 2^128 - 1: every NAF carry taken) still give the
  // right answer both ways.
  const auto all_ones = [](std::span<u8> out) {
    std::fill(out.begin(), out.end(), u8{0xff});
    return true;
  };
  for (auto sec : {BatchSecurity::k64, BatchSecurity::k128}) {
    EXPECT_TRUE(S::batch_verify(items, sec, all_ones).ok());
    EXPECT_FALSE(S::batch_verify(bad, sec, all_ones).ok());
  }

  // Empty batch, failing and all-zero random sources.
  auto st = S::batch_verify({}, BatchSecurity::k64, seeded_source(7));
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kEmptyAggregate));
  st = S::batch_verify(items, BatchSecurity::k64, [](std::span<u8>) { return false; });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kRandomness));
  st = S::batch_verify(items, BatchSecurity::k64, [](std::span<u8> out) {
    std::fill(out.begin(), out.end(), u8{0});
    return true;
  });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, code(BlsError::kRandomness));
  // A source whose first draw is all zeros is redrawn and the batch still verifies.
  int calls = 0;
  auto rng = seeded_source(8);
  st = S::batch_verify(items, BatchSecurity::k64, [&](std::span<u8> out) {
    if (calls++ == 0) {
      std::fill(out.begin(), out.end(), u8{0});
      return true;
    }
    return rng(out);
  });
  EXPECT_TRUE(st.ok()) << st.error().message;
  EXPECT_GT(calls, 1);
}

}  // namespace
}  // namespace dusk::crypto::bls

namespace dusk::crypto::bls {
namespace {

// batch_verify_prepared (min-sig): keys' Miller-loop lines given by the caller for some
// items and computed for the others; the same verdicts as batch_verify.
TEST(BlsPreparedBatch, MatchesBatchVerify) {
  using S = BlsMinSig;
  std::vector<SecretKey> sks;
  for (u8 i = 0; i < 9; ++i) sks.push_back(*SecretKey::key_gen(Bytes(32, static_cast<u8>(i + 1))));
  std::vector<std::string> texts;
  std::vector<S::BatchItem> items;
  for (size_t i = 0; i < sks.size(); ++i) texts.push_back("prepared " + std::to_string(i));
  for (size_t i = 0; i < sks.size(); ++i)
    items.push_back({S::sk_to_pk(sks[i]), as_bytes(texts[i]), S::sign(sks[i], as_bytes(texts[i]))});
  std::vector<bls12_381::G2Prepared> prepared;
  for (const auto& it : items) prepared.push_back(bls12_381::prepare_g2(it.public_key.point()));
  std::vector<const bls12_381::G2Prepared*> lines;
  for (size_t i = 0; i < items.size(); ++i) lines.push_back(i % 3 == 0 ? nullptr : &prepared[i]);

  EXPECT_TRUE(batch_verify_prepared(items, lines, BatchSecurity::k64).ok());
  EXPECT_TRUE(batch_verify_prepared(items, {}, BatchSecurity::k128).ok());  // none prepared
  // A bad signature fails it; so do lines of the wrong key.
  auto bad = items;
  bad[4].signature = S::sign(sks[4], as_bytes("something else"));
  auto st = batch_verify_prepared(bad, lines, BatchSecurity::k64);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, BlsError::kInvalidSignature);
  auto wrong_lines = lines;
  wrong_lines[5] = &prepared[6];
  EXPECT_FALSE(batch_verify_prepared(items, wrong_lines, BatchSecurity::k64).ok());
  // One set of lines per item, or none.
  st = batch_verify_prepared(items, std::span(lines).first(3), BatchSecurity::k64);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, BlsError::kLengthMismatch);
  EXPECT_FALSE(batch_verify_prepared({}, {}, BatchSecurity::k64).ok());
}

}  // namespace
}  // namespace dusk::crypto::bls
