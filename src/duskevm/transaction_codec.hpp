// Transactions in their signed byte form: decoding the five types (legacy RLP lists
// with or without EIP-155 replay protection; typed envelopes type || RLP for EIP-2930,
// EIP-1559, EIP-4844 and EIP-7702), the hash each type's signer signs, and sender
// recovery.
//
// The decoder is strict (canonical RLP only, every field of its kind and width:
// addresses 20 bytes, hashes 32, u64 nonces and gas limits), so that one transaction has
// one encoding. EIP-4844 transactions are accepted in their canonical (block) form, not
// the network form that carries the blobs. Errors say which field is wrong.
#pragma once

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "duskevm/transaction.hpp"
#include "trie/trie.hpp"

namespace dusk::evm {

// The decoded transaction; `sender` is left zero (see recover_sender).
Result<Transaction> decode_transaction(ByteView bytes);

// The hash the sender signed: keccak256 of the unsigned fields (legacy: RLP list, plus
// chain_id, 0, 0 under EIP-155; typed: type || RLP list).
Result<Hash256> signing_hash(ByteView bytes);

// Recovers the sender from v, r, s over signing_hash(bytes). Fails for r or s out of
// range, s above n/2 (EIP-2), a y parity other than 0 or 1 (typed) or a legacy v other
// than 27, 28 or 35 + 2 * chain_id + {0, 1}.
Result<Address> recover_sender(ByteView bytes);

}  // namespace dusk::evm
