#include "crypto/bls/scheme.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <type_traits>
#include <vector>

#include "crypto/bls12_381/fp12.hpp"

namespace dusk::crypto::bls {

using bls12_381::Fr;
using bls12_381::G1;
using bls12_381::G1Affine;
using bls12_381::PairingInput;

namespace {

ByteView view(std::string_view s) { return as_bytes(s); }

// e(k, h) * e(-g, s) == 1, i.e. e(k, h) == e(g, s), with k and h affine.
template <typename V>
bool pairing_check(const typename V::KeyPoint::AffinePoint& k,
                   const typename V::SigPoint::AffinePoint& h,
                   const typename V::SigPoint::AffinePoint& s) {
  using KeyAffine = typename V::KeyPoint::AffinePoint;
  if constexpr (std::is_same_v<KeyAffine, bls12_381::G2Affine>) {
    // Keys in G2 (min-sig): -G2's lines are prepared once; only the key's are computed.
    const bls12_381::G2Prepared k_lines = bls12_381::prepare_g2(k);
    const bls12_381::PreparedPairingInput pairs[2] = {
        {h, &k_lines}, {s, &bls12_381::neg_g2_generator_lines()}};
    return bls12_381::multi_pairing(pairs).is_one();
  } else {
    const PairingInput pairs[2] = {V::pair(k, h), V::pair(-KeyAffine::generator(), s)};
    return bls12_381::multi_pairing(pairs).is_one();
  }
}

}  // namespace

// --- encodings ---

template <typename V>
BlsResult<PublicKey<V>> PublicKey<V>::from_bytes(ByteView bytes) {
  auto p = V::decode_key(bytes);
  if (!p) return bls_error(BlsError::kBadPublicKey, V::kName, "public key: " + p.error().message);
  if (p->infinity)
    return bls_error(BlsError::kIdentityPublicKey, V::kName, "public key is the identity");
  return PublicKey(*p);
}

template <typename V>
BlsResult<Signature<V>> Signature<V>::from_bytes(ByteView bytes) {
  auto p = V::decode_sig(bytes);
  if (!p) return bls_error(BlsError::kBadSignature, V::kName, "signature: " + p.error().message);
  return Signature(*p);
}

// --- basic operations ---

template <typename V>
PublicKey<V> Scheme<V>::sk_to_pk(const SecretKey& sk) {
  // sk is in [1, r - 1], so the key is never the identity.
  return PublicKey(V::mul_key_secret(V::KeyPoint::generator(), sk.scalar()).to_affine());
}

template <typename V>
Signature<V> Scheme<V>::sign(const SecretKey& sk, ByteView message) {
  return Signature(
      V::mul_sig_secret(V::hash_to_sig_group(message, view(V::kSignatureDst)), sk.scalar()).to_affine());
}

template <typename V>
BlsStatus Scheme<V>::verify(const PublicKey& pk, ByteView message, const Signature& sig) {
  const auto h = V::hash_to_sig_group(message, view(V::kSignatureDst)).to_affine();
  if (!pairing_check<V>(pk.point(), h, sig.point()))
    return bls_error(BlsError::kInvalidSignature, V::kName, "signature does not verify");
  return {};
}

template <typename V>
BlsStatus Scheme<V>::verify(ByteView pk, ByteView message, ByteView sig) {
  DUSK_ASSIGN(const PublicKey key, PublicKey::from_bytes(pk));
  DUSK_ASSIGN(const Signature s, Signature::from_bytes(sig));
  return verify(key, message, s);
}

// --- aggregation ---

template <typename V>
BlsResult<Signature<V>> Scheme<V>::aggregate(std::span<const Signature> sigs) {
  if (sigs.empty())
    return bls_error(BlsError::kEmptyAggregate, V::kName, "no signatures to aggregate");
  typename V::SigPoint acc;
  for (const auto& s : sigs) acc = acc.add_mixed(s.point());
  return Signature(acc.to_affine());
}

template <typename V>
BlsResult<PublicKey<V>> Scheme<V>::aggregate_public_keys(std::span<const PublicKey> pks) {
  if (pks.empty())
    return bls_error(BlsError::kEmptyAggregate, V::kName, "no public keys to aggregate");
  typename V::KeyPoint acc;
  for (const auto& pk : pks) acc = acc.add_mixed(pk.point());
  if (acc.is_identity())
    return bls_error(BlsError::kIdentityPublicKey, V::kName, "aggregate public key is the identity");
  return PublicKey(acc.to_affine());
}

template <typename V>
BlsStatus Scheme<V>::aggregate_verify(std::span<const PublicKey> pks,
                                   std::span<const ByteView> messages, const Signature& sig) {
  if (pks.empty())
    return bls_error(BlsError::kEmptyAggregate, V::kName, "aggregate_verify over no signers");
  if (pks.size() != messages.size())
    return bls_error(BlsError::kLengthMismatch, V::kName,
                 std::to_string(pks.size()) + " public keys but " +
                     std::to_string(messages.size()) + " messages");
  // Distinct messages: sort indices by content and compare neighbours.
  std::vector<size_t> order(messages.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const auto less = [&](size_t a, size_t b) {
    return std::lexicographical_compare(messages[a].begin(), messages[a].end(),
                                        messages[b].begin(), messages[b].end());
  };
  std::sort(order.begin(), order.end(), less);
  for (size_t i = 1; i < order.size(); ++i) {
    if (!less(order[i - 1], order[i]))
      return bls_error(BlsError::kDuplicateMessage, V::kName,
                   "messages " + std::to_string(std::min(order[i - 1], order[i])) + " and " +
                       std::to_string(std::max(order[i - 1], order[i])) + " are equal");
  }

  std::vector<typename V::SigPoint> hashes;
  hashes.reserve(messages.size());
  for (const auto& m : messages) hashes.push_back(V::hash_to_sig_group(m, view(V::kSignatureDst)));
  const auto affine = V::SigPoint::batch_to_affine(hashes);
  std::vector<PairingInput> pairs;
  pairs.reserve(pks.size() + 1);
  for (size_t i = 0; i < pks.size(); ++i) pairs.push_back(V::pair(pks[i].point(), affine[i]));
  pairs.push_back(V::pair(-V::KeyPoint::AffinePoint::generator(), sig.point()));
  if (!bls12_381::multi_pairing(pairs).is_one())
    return bls_error(BlsError::kInvalidSignature, V::kName, "aggregate signature does not verify");
  return {};
}

template <typename V>
BlsStatus Scheme<V>::fast_aggregate_verify(std::span<const PublicKey> pks, ByteView message,
                                        const Signature& sig) {
  DUSK_ASSIGN(const PublicKey apk, aggregate_public_keys(pks));
  return verify(apk, message, sig);
}

// --- proof of possession ---

template <typename V>
Signature<V> Scheme<V>::pop_prove(const SecretKey& sk) {
  const auto pk = sk_to_pk(sk).to_bytes();
  return Signature(V::mul_sig_secret(V::hash_to_sig_group(pk, view(V::kPopDst)), sk.scalar()).to_affine());
}

template <typename V>
BlsStatus Scheme<V>::pop_verify(const PublicKey& pk, const Signature& proof) {
  const auto h = V::hash_to_sig_group(pk.to_bytes(), view(V::kPopDst)).to_affine();
  if (!pairing_check<V>(pk.point(), h, proof.point()))
    return bls_error(BlsError::kInvalidSignature, V::kName, "proof of possession does not verify");
  return {};
}

// --- key weighting ---

template <typename V>
Fr Scheme<V>::key_weight(const PublicKey& pk) {
  std::array<u8, 64> wide{};
  const bool ok = bls12_381::expand_message_xmd(wide, pk.to_bytes(), view(kKeyWeightDst));
  (void)ok;  // 64 bytes: within every limit of expand_message_xmd
  return Fr::from_uniform_bytes(wide);
}

template <typename V>
BlsResult<Signature<V>> Scheme<V>::sign_weighted(const SecretKey& sk, ByteView message) {
  const Fr t = key_weight(sk_to_pk(sk));
  if (t.is_zero()) return bls_error(BlsError::kZeroWeight, V::kName, "key weight is zero");
  const Fr weighted = t * sk.scalar();
  return Signature(
      V::mul_sig_secret(V::hash_to_sig_group(message, view(V::kSignatureDst)), weighted).to_affine());
}

template <typename V>
BlsResult<PublicKey<V>> Scheme<V>::weighted_public_key(const PublicKey& pk) {
  const Fr t = key_weight(pk);
  if (t.is_zero()) return bls_error(BlsError::kZeroWeight, V::kName, "key weight is zero");
  // t != 0 and pk of prime order r: [t] pk is not the identity.
  return PublicKey(V::mul_key_vartime(V::KeyPoint::from_affine(pk.point()), t).to_affine());
}

template <typename V>
BlsResult<PublicKey<V>> Scheme<V>::aggregate_weighted_public_keys(std::span<const PublicKey> pks) {
  if (pks.empty())
    return bls_error(BlsError::kEmptyAggregate, V::kName, "no public keys to aggregate");
  typename V::KeyPoint acc;
  for (const auto& pk : pks) {
    const Fr t = key_weight(pk);
    if (t.is_zero()) return bls_error(BlsError::kZeroWeight, V::kName, "key weight is zero");
    acc += V::mul_key_vartime(V::KeyPoint::from_affine(pk.point()), t);
  }
  if (acc.is_identity())
    return bls_error(BlsError::kIdentityPublicKey, V::kName, "aggregate public key is the identity");
  return PublicKey(acc.to_affine());
}

template <typename V>
BlsStatus Scheme<V>::fast_aggregate_verify_weighted(std::span<const PublicKey> pks, ByteView message,
                                                 const Signature& sig) {
  DUSK_ASSIGN(const PublicKey apk, aggregate_weighted_public_keys(pks));
  return verify(apk, message, sig);
}

template class PublicKey<MinSig>;
template class PublicKey<MinPk>;
template class Signature<MinSig>;
template class Signature<MinPk>;
template class Scheme<MinSig>;
template class Scheme<MinPk>;

}  // namespace dusk::crypto::bls
