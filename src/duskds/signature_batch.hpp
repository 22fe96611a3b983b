// Verifies the signatures of many Moonlight transactions at once with BLS batch
// verification (crypto/bls/scheme.hpp, batch_verify: one multi-pairing of n + 1 pairs
// instead of n verifications of two pairs each). When the batch fails, each transaction
// is verified on its own to find the bad ones, so one bad signature costs its sender's
// batch-mates nothing but time.
//
// The random scalars of the batch come from `rng` (the OS by default) and must be unknown
// to whoever assembled the batch; with k64 a batch holding a bad signature passes with
// probability 2^-64 at most (k128 for anything checked offline).
#pragma once

#include <span>
#include <vector>

#include "crypto/bls/scheme.hpp"
#include "duskds/ledger_error.hpp"
#include "duskds/transaction.hpp"

namespace dusk::ds {

// One status per transaction, in order: ok, or kBadPublicKey / kBadSignature /
// kInvalidSignature as verify_transaction_signature would say.
std::vector<LedgerStatus> verify_signatures(std::span<const Transaction* const> txs,
                                            crypto::bls::BatchSecurity security = crypto::bls::BatchSecurity::k64,
                                            const crypto::bls::RandomSource& rng = crypto::bls::os_random_bytes);

// The same over keys and signatures already decoded (decode_checked_transaction): one
// status per check, ok or kInvalidSignature.
std::vector<LedgerStatus> verify_signature_checks(
    std::span<const SignatureCheck> checks, crypto::bls::BatchSecurity security = crypto::bls::BatchSecurity::k64,
    const crypto::bls::RandomSource& rng = crypto::bls::os_random_bytes);

}  // namespace dusk::ds
