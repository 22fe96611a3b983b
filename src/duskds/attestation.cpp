#include "duskds/attestation.hpp"

#include <algorithm>
#include <string>

#include "crypto/hash/blake2b.hpp"

namespace dusk::ds {

using crypto::bls::BlsMinSig;

Committee committee_of(std::vector<std::pair<AccountKey, u64>> provisioners) {
  if (provisioners.size() > kMaxCommittee) provisioners.resize(kMaxCommittee);
  return provisioners;
}

Result<std::array<u8, 48>> vote(const crypto::bls::SecretKey& sk, u64 height, const Hash256& hash) {
  const Hash256 m = vote_message(height, hash);
  auto sig = BlsMinSig::sign_weighted(sk, m);
  if (!sig.ok()) return Error("vote: " + sig.error().message);
  return sig->to_bytes();
}

Result<Attestation> aggregate_votes(std::span<const std::pair<size_t, std::array<u8, 48>>> votes) {
  Attestation a;
  std::vector<BlsMinSig::Signature> sigs;
  for (const auto& [index, bytes] : votes) {
    if (index >= kMaxCommittee) return Error("vote from committee index " + std::to_string(index));
    const u64 bit = u64{1} << index;
    if (a.voters & bit) return Error("two votes from committee index " + std::to_string(index));
    a.voters |= bit;
    auto sig = BlsMinSig::Signature::from_bytes(bytes);
    if (!sig.ok()) return Error("vote " + std::to_string(index) + ": " + sig.error().message);
    sigs.push_back(*sig);
  }
  auto sum = BlsMinSig::aggregate(sigs);
  if (!sum.ok()) return Error("attestation: " + sum.error().message);
  a.signature = sum->to_bytes();
  return a;
}

Status verify_attestation(const Attestation& a, const Committee& committee, u64 height, const Hash256& hash) {
  if (a.voters == 0) return Error("attestation without voters");
  if (committee.size() < kMaxCommittee && (a.voters >> committee.size()) != 0)
    return Error("attestation names voters beyond the committee of " + std::to_string(committee.size()));
  u128 total = 0, voted = 0;
  std::vector<BlsMinSig::PublicKey> keys;
  for (size_t i = 0; i < committee.size(); ++i) {
    total += committee[i].second;
    if (!(a.voters >> i & 1)) continue;
    voted += committee[i].second;
    auto pk = BlsMinSig::PublicKey::from_bytes(committee[i].first);
    if (!pk.ok()) return Error("committee key " + std::to_string(i) + ": " + pk.error().message);
    keys.push_back(*pk);
  }
  if (voted * kQuorumDenominator < total * kQuorumNumerator)
    return Error("attestation without quorum: the voters hold less than two thirds of the committee's stake");
  auto sig = BlsMinSig::Signature::from_bytes(a.signature);
  if (!sig.ok()) return Error("attestation signature: " + sig.error().message);
  const Hash256 m = vote_message(height, hash);
  if (auto ok = BlsMinSig::fast_aggregate_verify_weighted(keys, m, *sig); !ok.ok())
    return Error("attestation signature does not verify: " + ok.error().message);
  return {};
}

std::vector<AccountKey> voters_of(const Attestation& a, const Committee& committee) {
  std::vector<AccountKey> out;
  for (size_t i = 0; i < committee.size(); ++i)
    if (a.voters >> i & 1) out.push_back(committee[i].first);
  return out;
}

std::optional<AccountKey> select_generator(const Seed& parent_seed, u64 height, const Committee& committee) {
  u128 total = 0;
  for (const auto& [key, stake] : committee) total += stake;
  if (total == 0) return std::nullopt;
  u8 h[8];
  store_le<u64>(h, height);
  const Hash256 d = crypto::blake2b<32>({ByteView(parent_seed.data(), parent_seed.size()), ByteView(h, 8)});
  u128 draw = (static_cast<u128>(load_le<u64>(d.data() + 8)) << 64 | load_le<u64>(d.data())) % total;
  for (const auto& [key, stake] : committee) {
    if (draw < stake) return key;
    draw -= stake;
  }
  return committee.back().first;  // unreachable: draw < total
}

}  // namespace dusk::ds
