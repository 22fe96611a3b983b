// BLS signatures over BLS12-381 (draft-irtf-cfrg-bls-signature-05), one implementation
// for both variants: Scheme<MinSig> (DuskDS consensus) and Scheme<MinPk> (Ethereum); see
// variant.hpp for what differs. Short names: BlsMinSig, BlsMinPk.
//
// With g the generator of the key group, H the hash to the signature group and
// e(key-group point, signature-group point) the pairing in the variant's order:
//   sk_to_pk(sk)    = [sk] g
//   sign(sk, m)     = [sk] H(m)
//   verify(pk, m, s): e(pk, H(m)) == e(g, s), checked as one multi-pairing
//                     e(pk, H(m)) * e(-g, s) == 1 (two Miller loops, one final
//                     exponentiation).
//
// ROGUE KEYS. Aggregating public keys naively is unsafe: whoever registers
// pk' = [a] g - pk_victim makes pk' + pk_victim = [a] g and can sign for both. Two
// defences are implemented; each aggregated-key check states which one it relies on:
//
//  * Proof of possession (draft, section 3.3; Ethereum's way). Every key is registered
//    together with pop_prove(sk) = [sk] H_pop(pk), a signature on the key itself under a
//    separate tag, which shows the registrant knows sk. Once pop_verify() has accepted a
//    key, fast_aggregate_verify() may add it to others as they are. Ethereum checks the
//    proof once, in the deposit, so aggregation in the protocol is a plain sum.
//
//  * Key weighting (the modified BLS multi-signature of Boneh, Drijvers and Neven,
//    "Compact multi-signatures for smaller blockchains", 2018, in the form Dusk's
//    bls12_381-sign crate uses). Each key gets a weight t = H_t(pk) in Fr, hashed from
//    its own encoding (expand_message_xmd with SHA-256 under kKeyWeightDst, 64 bytes
//    reduced mod r); the aggregate key is apk = sum [t_i] pk_i and each signer signs with
//    [t_i sk_i], so the sum of the weighted signatures verifies under apk. A rogue key
//    would have to satisfy [t'] pk' = target with t' depending on pk' itself, which a
//    random-oracle H_t prevents without any registration step. This is what DuskDS
//    consensus is meant to use for committee votes (as Dusk's crate does): a stake
//    transaction then needs no proof, and votes are aggregated per step. Caveat: BDN
//    hash each weight from the whole key set, H(pk_i, {pk_1..pk_n}); a weight from the
//    key alone (as Dusk does) stops a single rogue key, but an adversary who can place
//    2^l keys of its choosing in one aggregate faces a k-sum problem (Wagner, CRYPTO
//    2002) costing about 2^l * 2^(255 / (l + 1)) hash evaluations, far below 2^128 for
//    l >= 2. Where registration can demand a proof of possession, prefer it.
//
// A batch of independent (pk, m, s) triples needs neither: each triple is checked on its
// own merits, combined with random scalars (batch_verify).
//
// Validation: PublicKey and Signature objects exist only after strict decoding
// (compressed ZCash form: canonical, on the curve, in the subgroup) or construction from
// a secret key; a PublicKey is never the identity (the draft's KeyValidate), and neither
// is an aggregate of keys (it is rejected when keys cancel). A Signature may be the
// identity (the draft decodes it); it never verifies against a valid key. Errors are
// BlsError codes (error.hpp).
//
// Constant time: sk_to_pk, sign, sign_weighted, pop_prove (the constant-time GLV/GLS scalar
// multiplication, constant-time hash to curve). Everything that only sees public data
// (decoding, verification, aggregation) is variable time. Thread safety: pure functions
// and plain values; batch_verify calls the random source from the calling thread.
#pragma once

#include <array>
#include <functional>
#include <span>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/os_random.hpp"
#include "crypto/bls/error.hpp"
#include "crypto/bls/secret_key.hpp"
#include "crypto/bls/variant.hpp"
#include "crypto/bls12_381/pairing.hpp"

namespace dusk::crypto::bls {

template <typename V>
class Scheme;

// A validated public key: in the key group's order-r subgroup and not the identity.
template <typename V>
class PublicKey {
 public:
  using Point = typename V::KeyPoint::AffinePoint;
  static constexpr size_t kSize = V::kPublicKeySize;

  // Strict decoding of the compressed form. Errors: kBadPublicKey, kIdentityPublicKey.
  static BlsResult<PublicKey> from_bytes(ByteView bytes);
  std::array<u8, kSize> to_bytes() const { return V::encode_key(point_); }
  const Point& point() const { return point_; }
  friend bool operator==(const PublicKey& a, const PublicKey& b) { return a.point_ == b.point_; }

 private:
  friend class Scheme<V>;
  explicit PublicKey(const Point& p) : point_(p) {}
  Point point_;
};

// A decoded signature: in the signature group's order-r subgroup (possibly the identity).
template <typename V>
class Signature {
 public:
  using Point = typename V::SigPoint::AffinePoint;
  static constexpr size_t kSize = V::kSignatureSize;

  // Strict decoding of the compressed form. Errors: kBadSignature.
  static BlsResult<Signature> from_bytes(ByteView bytes);
  std::array<u8, kSize> to_bytes() const { return V::encode_sig(point_); }
  const Point& point() const { return point_; }
  friend bool operator==(const Signature& a, const Signature& b) { return a.point_ == b.point_; }

 private:
  friend class Scheme<V>;
  explicit Signature(const Point& p) : point_(p) {}
  Point point_;
};

// Strength of the random scalars of batch_verify: a batch holding an invalid signature
// passes with probability at most 2^-bits over the verifier's randomness (the small
// exponents test of Bellare, Garay and Rabin, 1998, which holds because every point is in
// a group of prime order r > 2^bits). 64 bits suits online checks, where each attempt
// costs the attacker a submission (Ethereum clients use 64); 128 bits matches the
// curve's security level for anything checked offline or cached.
enum class BatchSecurity : int { k64 = 64, k128 = 128 };

// Fills the span with unpredictable bytes, or returns false. The values must be
// unknown to whoever chose the batch (a seeded generator is fine for tests only).
using RandomSource = std::function<bool(std::span<u8>)>;
// getrandom(2): the operating system's generator (crypto/os_random.hpp).
using crypto::os_random_bytes;

template <typename V>
class Scheme {
 public:
  using PublicKey = bls::PublicKey<V>;
  using Signature = bls::Signature<V>;

  // Tag of the key-weight hash H_t (key weighting, above). Not part of any standard:
  // fixed here, and part of consensus once DuskDS uses it.
  static constexpr std::string_view kKeyWeightDst = "DUSK_BLS_KEY_WEIGHT_BLS12381_XMD:SHA-256_";

  // One (public key, message, signature) of a batch. The message view must stay valid
  // during batch_verify.
  struct BatchItem {
    PublicKey public_key;
    ByteView message;
    Signature signature;
  };

  static PublicKey sk_to_pk(const SecretKey& sk);
  static Signature sign(const SecretKey& sk, ByteView message);
  // Ok iff e(pk, H(m)) == e(g, s). Errors: kInvalidSignature.
  static BlsStatus verify(const PublicKey& pk, ByteView message, const Signature& sig);
  // The same from encodings. Errors: kBadPublicKey, kIdentityPublicKey, kBadSignature,
  // kInvalidSignature.
  static BlsStatus verify(ByteView pk, ByteView message, ByteView sig);

  // The sum of the signatures. Errors: kEmptyAggregate.
  static BlsResult<Signature> aggregate(std::span<const Signature> sigs);
  // The plain sum of the keys: safe only for keys with a verified proof of possession.
  // Errors: kEmptyAggregate, kIdentityPublicKey (the keys cancel).
  static BlsResult<PublicKey> aggregate_public_keys(std::span<const PublicKey> pks);

  // AggregateVerify (draft, section 3.1.1): n signers, n distinct messages, one aggregate
  // signature: prod e(pk_i, H(m_i)) == e(g, s) in one multi-pairing of n + 1 pairs.
  // Distinct messages are what makes this safe without proofs of possession. Errors:
  // kEmptyAggregate, kLengthMismatch, kDuplicateMessage, kInvalidSignature.
  static BlsStatus aggregate_verify(std::span<const PublicKey> pks, std::span<const ByteView> messages,
                                 const Signature& sig);

  // FastAggregateVerify (draft, section 3.3.4): n signers of one message. Precondition
  // (the caller's): every key passed pop_verify. Errors: kEmptyAggregate,
  // kIdentityPublicKey, kInvalidSignature.
  static BlsStatus fast_aggregate_verify(std::span<const PublicKey> pks, ByteView message,
                                      const Signature& sig);

  // PopProve / PopVerify (draft, section 3.3.2-3): a signature on the encoded key under
  // V::kPopDst. Errors of pop_verify: kInvalidSignature.
  static Signature pop_prove(const SecretKey& sk);
  static BlsStatus pop_verify(const PublicKey& pk, const Signature& proof);

  // Key weighting (above). key_weight(pk) = t. sign_weighted(sk, m) = [t sk] H(m) with
  // t = key_weight(sk_to_pk(sk)); the plain sum of weighted signatures on one message
  // verifies with verify(aggregate_weighted_public_keys(pks), m, sum).
  // Errors: kZeroWeight (t = 0, probability 2^-255), kEmptyAggregate, kIdentityPublicKey.
  static bls12_381::Fr key_weight(const PublicKey& pk);
  // [t] pk. A verifier that sees the same keys often (a committee drawn from known
  // provisioners) computes this once per key and sums the cached results with
  // aggregate_public_keys, which gives the same apk as aggregate_weighted_public_keys
  // without its n scalar multiplications. Errors: kZeroWeight.
  static BlsResult<PublicKey> weighted_public_key(const PublicKey& pk);
  static BlsResult<Signature> sign_weighted(const SecretKey& sk, ByteView message);
  static BlsResult<PublicKey> aggregate_weighted_public_keys(std::span<const PublicKey> pks);
  // aggregate_weighted_public_keys followed by verify.
  static BlsStatus fast_aggregate_verify_weighted(std::span<const PublicKey> pks, ByteView message,
                                               const Signature& sig);

  // Checks n independent triples at once: with random nonzero scalars r_i of `security`
  // bits, prod e([r_i] pk_i, H(m_i)) == e(g, sum [r_i] s_i) as one multi-pairing of n + 1
  // pairs (the scalars multiply the G1 side of each pair, the cheaper group). Ok implies
  // every triple verifies, except with probability 2^-bits; a failure says only that at
  // least one does not (verify them one by one to find which). Messages may repeat.
  // `rng` defaults to os_random_bytes. Errors: kEmptyAggregate, kRandomness,
  // kInvalidSignature.
  static BlsStatus batch_verify(std::span<const BatchItem> items,
                             BatchSecurity security = BatchSecurity::k128,
                             const RandomSource& rng = os_random_bytes);
};

using BlsMinSig = Scheme<MinSig>;
using BlsMinPk = Scheme<MinPk>;

// Min-sig batch verification with each public key's Miller-loop lines computed
// beforehand (bls12_381::prepare_g2 of the key's point, `key_lines[i]` for items[i]):
// the same check as Scheme<MinSig>::batch_verify, without recomputing a key's lines in
// every batch, for a verifier that sees the same keys again and again (a node's senders).
// A null entry has its lines computed here. Same errors as batch_verify.
BlsStatus batch_verify_prepared(std::span<const Scheme<MinSig>::BatchItem> items,
                                std::span<const bls12_381::G2Prepared* const> key_lines,
                                BatchSecurity security = BatchSecurity::k128,
                                const RandomSource& rng = os_random_bytes);

}  // namespace dusk::crypto::bls

extern template class dusk::crypto::bls::PublicKey<dusk::crypto::bls::MinSig>;
extern template class dusk::crypto::bls::PublicKey<dusk::crypto::bls::MinPk>;
extern template class dusk::crypto::bls::Signature<dusk::crypto::bls::MinSig>;
extern template class dusk::crypto::bls::Signature<dusk::crypto::bls::MinPk>;
extern template class dusk::crypto::bls::Scheme<dusk::crypto::bls::MinSig>;
extern template class dusk::crypto::bls::Scheme<dusk::crypto::bls::MinPk>;
