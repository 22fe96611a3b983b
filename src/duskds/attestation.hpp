// Votes and attestations. A block's committee is the provisioners eligible at its
// height, ordered by key (Ledger::provisioners), at most kMaxCommittee of them; a member
// votes by signing vote_message(height, hash) with key weighting (crypto/bls scheme.hpp:
// sign_weighted), which makes the plain sum of votes safe without proofs of possession.
// An attestation is the bitset of voters and the sum of their votes; it holds when the
// voters' stake is at least two thirds of the committee's (kQuorumNumerator /
// kQuorumDenominator), compared in 128 bits.
//
// One validator is a committee of one: its own vote attests its block. The committee
// rule is the simplest that makes attestations checkable by anyone with the ledger; the
// stake-weighted sortition of Dusk's Succinct Attestation (committees drawn per round
// and step) replaces it with the multi-validator network.
#pragma once
#include <span>
#include <utility>
#include <vector>

#include "crypto/bls/scheme.hpp"
#include "duskds/block.hpp"
#include "duskds/ledger_error.hpp"

namespace dusk::ds {

inline constexpr size_t kMaxCommittee = 64;
inline constexpr u64 kQuorumNumerator = 2;
inline constexpr u64 kQuorumDenominator = 3;

using Committee = std::vector<std::pair<AccountKey, u64>>;  // key, stake; ordered by key

// The first kMaxCommittee provisioners by key (`provisioners` as Ledger::provisioners).
Committee committee_of(std::vector<std::pair<AccountKey, u64>> provisioners);

// One member's vote.
Result<std::array<u8, 48>> vote(const crypto::bls::SecretKey& sk, u64 height, const Hash256& hash);
// The attestation of `votes` (committee index, vote), each index at most once.
Result<Attestation> aggregate_votes(std::span<const std::pair<size_t, std::array<u8, 48>>> votes);
// Ok iff the attestation's voters are committee members holding a quorum and its
// signature is their aggregate vote for (height, hash).
Status verify_attestation(const Attestation& a, const Committee& committee, u64 height, const Hash256& hash);
// The keys of the voters, in committee order (who shares the voters' reward).
std::vector<AccountKey> voters_of(const Attestation& a, const Committee& committee);

// The generator of the block at `height`: one provisioner drawn with probability
// proportional to its stake, from BLAKE2b-256(seed of the parent || height). Nullopt
// when nobody is eligible.
std::optional<AccountKey> select_generator(const Seed& parent_seed, u64 height, const Committee& committee);

}  // namespace dusk::ds
