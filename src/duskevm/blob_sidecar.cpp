#include "duskevm/blob_sidecar.hpp"

#include <string>

#include "base/rlp.hpp"
#include "crypto/kzg/blob.hpp"
#include "crypto/kzg/kzg.hpp"
#include "duskevm/precompiles/point_evaluation.hpp"

namespace dusk::evm {
namespace {

namespace kzg = crypto::kzg;

// A list of byte strings, each of `size` bytes.
Result<std::vector<Bytes>> fixed_strings(const rlp::Item& item, size_t size, const char* what) {
  if (!item.is_list) return Error(std::string("blob sidecar: the ") + what + " are not a list");
  auto items = rlp::decode_list(item);
  if (!items) return Error(std::string("blob sidecar: ") + what + ": " + items.error().message);
  std::vector<Bytes> out;
  out.reserve(items->size());
  for (const rlp::Item& i : *items) {
    auto b = rlp::decode_bytes(i);
    if (!b || b->size() != size)
      return Error(std::string("blob sidecar: one of the ") + what + " is not " + std::to_string(size) + " bytes");
    out.emplace_back(b->begin(), b->end());
  }
  return out;
}

std::string hex0x(ByteView b) { return "0x" + to_hex(b); }

}  // namespace

size_t BlobSidecar::byte_size() const {
  size_t n = 0;
  for (const Bytes& b : blobs) n += b.size();
  for (const Bytes& c : commitments) n += c.size();
  for (const Bytes& p : proofs) n += p.size();
  return n;
}

Result<std::optional<BlobTxNetworkForm>> split_network_form(ByteView raw) {
  if (raw.empty() || raw[0] != 0x03) return std::optional<BlobTxNetworkForm>{};
  auto top = rlp::decode_single(raw.subspan(1));
  if (!top || !top->is_list) return std::optional<BlobTxNetworkForm>{};  // the decoder says why
  ByteView rest = top->payload;
  const u8* body_begin = rest.data();
  auto body = rlp::decode_item(rest);
  // The bare form's first field is the chain id, a byte string; the wrapper's a list.
  if (!body || !body->is_list) return std::optional<BlobTxNetworkForm>{};
  const ByteView body_bytes(body_begin, static_cast<size_t>(rest.data() - body_begin));
  std::vector<rlp::Item> parts;
  while (!rest.empty()) {
    auto item = rlp::decode_item(rest);
    if (!item) return Error("blob sidecar: " + item.error().message);
    parts.push_back(*item);
  }
  if (parts.size() == 4 && !parts[0].is_list) {
    auto version = rlp::decode_u64(parts[0]);
    if (version && *version == 1)
      return Error("blob sidecar: the EIP-7594 form (wrapper version 1, cell proofs) is not supported; send the "
                   "EIP-4844 form rlp([tx, blobs, commitments, proofs])");
    return Error("blob sidecar: an unknown wrapper version");
  }
  if (parts.size() != 3) return Error("blob sidecar: expected rlp([tx, blobs, commitments, proofs])");
  BlobTxNetworkForm out;
  out.transaction.reserve(1 + body_bytes.size());
  out.transaction.push_back(0x03);
  out.transaction.insert(out.transaction.end(), body_bytes.begin(), body_bytes.end());
  DUSK_ASSIGN(out.sidecar.blobs, fixed_strings(parts[0], kzg::kBytesPerBlob, "blobs"));
  DUSK_ASSIGN(out.sidecar.commitments, fixed_strings(parts[1], kzg::kBytesPerCommitment, "commitments"));
  DUSK_ASSIGN(out.sidecar.proofs, fixed_strings(parts[2], kzg::kBytesPerProof, "proofs"));
  return std::optional<BlobTxNetworkForm>{std::move(out)};
}

Status verify_sidecar(std::span<const Bytes32> versioned_hashes, const BlobSidecar& s,
                      const crypto::kzg::TrustedSetup& setup) {
  const size_t n = versioned_hashes.size();
  if (n == 0) return Error("blobless blob transaction");
  if (s.blobs.size() != n)
    return Error("invalid number of " + std::to_string(s.blobs.size()) + " blobs compared to " + std::to_string(n) +
                 " blob hashes");
  if (s.commitments.size() != n)
    return Error("invalid number of " + std::to_string(s.commitments.size()) + " blob commitments compared to " +
                 std::to_string(n) + " blob hashes");
  if (s.proofs.size() != n)
    return Error("invalid number of " + std::to_string(s.proofs.size()) + " blob proofs compared to " +
                 std::to_string(n) + " blob hashes");
  for (size_t i = 0; i < n; ++i) {
    const Hash256 computed = kzg_to_versioned_hash(s.commitments[i]);
    if (computed != versioned_hashes[i])
      return Error("blob " + std::to_string(i) + ": computed hash " + hex0x(computed) + " mismatches transaction one " +
                   hex0x(versioned_hashes[i]));
  }
  std::vector<kzg::Blob> blobs;
  blobs.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    auto b = kzg::Blob::from_bytes(s.blobs[i]);
    if (!b) return Error("invalid blob " + std::to_string(i) + ": " + b.error().message);
    blobs.push_back(std::move(*b));
  }
  auto ok = kzg::verify_blob_kzg_proof_batch(blobs, s.commitments, s.proofs, setup);
  if (!ok) return Error("invalid blob proof: " + ok.error().message);
  if (!*ok) return Error("invalid blob proof");
  return {};
}

Bytes encode_blob_record(const BlobRecord& r) {
  Bytes p;
  rlp::encode_uint(p, Uint256{r.block_number});
  rlp::encode_bytes(p, r.transaction_hash);
  rlp::encode_uint(p, Uint256{r.index});
  rlp::encode_bytes(p, r.blob);
  rlp::encode_bytes(p, r.commitment);
  rlp::encode_bytes(p, r.proof);
  Bytes out;
  rlp::encode_list_payload(out, p);
  return out;
}

Result<BlobRecord> decode_blob_record(const Hash256& versioned_hash, ByteView bytes) {
  auto item = rlp::decode_single(bytes);
  if (!item) return Error("blob record: " + item.error().message);
  auto f = rlp::decode_list(*item);
  if (!f || f->size() != 6) return Error("blob record: not a list of six items");
  BlobRecord r;
  r.versioned_hash = versioned_hash;
  auto number = rlp::decode_u64((*f)[0]);
  auto tx = rlp::decode_bytes((*f)[1]);
  auto index = rlp::decode_u64((*f)[2]);
  auto blob = rlp::decode_bytes((*f)[3]);
  auto commitment = rlp::decode_bytes((*f)[4]);
  auto proof = rlp::decode_bytes((*f)[5]);
  if (!number || !tx || tx->size() != 32 || !index || *index > 0xffffffffu || !blob ||
      blob->size() != kzg::kBytesPerBlob || !commitment || commitment->size() != kzg::kBytesPerCommitment || !proof ||
      proof->size() != kzg::kBytesPerProof)
    return Error("blob record: a bad field");
  r.block_number = *number;
  std::copy(tx->begin(), tx->end(), r.transaction_hash.begin());
  r.index = static_cast<u32>(*index);
  r.blob.assign(blob->begin(), blob->end());
  r.commitment.assign(commitment->begin(), commitment->end());
  r.proof.assign(proof->begin(), proof->end());
  return r;
}

}  // namespace dusk::evm
