// EIP-4844 blob sidecars: the blobs, KZG commitments and proofs a blob transaction
// carries on the network but not in a block, their checks, and the record the EVM lane
// keeps of each blob for a retention window (evm_lane.hpp).
//
// The network form (EIP-4844 "PooledTransactions" / eth_sendRawTransaction) is
//   0x03 || rlp([tx_payload_body, blobs, commitments, proofs])
// where 0x03 || rlp(tx_payload_body) is the signed transaction itself (the form blocks
// carry, whose keccak256 is the transaction hash). EIP-7594's form
//   0x03 || rlp([tx_payload_body, wrapper_version = 1, blobs, commitments, cell_proofs])
// is recognised and refused: its cell proofs need the cell functions of PeerDAS, which
// our KZG (crypto/kzg, Deneb's functions) does not have.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/result.hpp"
#include "crypto/kzg/trusted_setup.hpp"

namespace dusk::evm {

// The largest network form worth reading under Prague's schedule: nine blobs with their
// commitments and proofs (and RLP headers), around a transaction of at most 128 KiB
// (TxPoolConfig's default). For transports' body limits (twice this in hex).
inline constexpr size_t kMaxBlobTxNetworkBytes = 9 * (131'072 + 2 * 48 + 16) + 128 * 1024 + 64;

struct BlobSidecar {
  std::vector<Bytes> blobs;        // 131,072 bytes each (crypto/kzg/blob.hpp)
  std::vector<Bytes> commitments;  // 48 bytes each
  std::vector<Bytes> proofs;       // 48 bytes each: compute_blob_kzg_proof's
  // What the sidecar occupies in memory (the pool's limit counts blobs).
  size_t byte_size() const;
  bool operator==(const BlobSidecar&) const = default;
};

// Versioned hashes: kzg_to_versioned_hash of precompiles/point_evaluation.hpp.

// A type-3 transaction in its network form, split.
struct BlobTxNetworkForm {
  Bytes transaction;  // 0x03 || rlp(tx_payload_body): the signed transaction
  BlobSidecar sidecar;
};
// The split when `raw` is a network form; nullopt when it is anything else (the bare
// form of a type-3 transaction, or another type), which the transaction decoder then
// judges. Fails for a malformed wrapper and for EIP-7594's (see above). Lengths of
// blobs, commitments and proofs are checked here; their contents by verify_sidecar.
Result<std::optional<BlobTxNetworkForm>> split_network_form(ByteView raw);

// Whether the sidecar belongs to a transaction with these versioned hashes, with
// geth's messages: one blob, commitment and proof per hash ("invalid number of 2 blobs
// compared to 3 blob hashes"), each hash the commitment's ("blob 0: computed hash 0x..
// mismatches transaction one 0x.."), each blob canonical and every proof valid
// (verify_blob_kzg_proof_batch; "invalid blob proof"). The caller checks the count
// against the block's limit first (KZG verification costs about a pairing per call).
Status verify_sidecar(std::span<const Bytes32> versioned_hashes, const BlobSidecar& sidecar,
                      const crypto::kzg::TrustedSetup& setup);

// One blob as the lane keeps it: RLP([block number, transaction hash, index in the
// transaction, blob, commitment, proof]) under its versioned hash.
struct BlobRecord {
  Hash256 versioned_hash{};
  u64 block_number = 0;
  Hash256 transaction_hash{};
  u32 index = 0;  // among the transaction's blobs
  Bytes blob;
  Bytes commitment;
  Bytes proof;
  bool operator==(const BlobRecord&) const = default;
};
Bytes encode_blob_record(const BlobRecord& r);
// The versioned hash is the key's, not in the value: given here.
Result<BlobRecord> decode_blob_record(const Hash256& versioned_hash, ByteView bytes);

}  // namespace dusk::evm
