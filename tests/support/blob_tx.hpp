// EIP-4844 blob transactions for tests: a fixed set of valid blobs with commitments and
// proofs made by our KZG (crypto/kzg, the process's trusted setup), type-3 transactions
// signed through the codec's own signing hash, and their network form
// 0x03 || rlp([tx_payload_body, blobs, commitments, proofs]).
#pragma once

#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "base/rlp.hpp"
#include "crypto/kzg/default_setup.hpp"
#include "crypto/kzg/kzg.hpp"
#include "crypto/secp256k1.hpp"
#include "duskevm/blob_sidecar.hpp"
#include "duskevm/precompiles/point_evaluation.hpp"
#include "duskevm/transaction_codec.hpp"

namespace dusk::test {

inline const crypto::kzg::TrustedSetup& kzg_setup() {
  const auto& s = crypto::kzg::default_trusted_setup();
  EXPECT_TRUE(s.ok()) << s.error().message;
  return *s;
}

// Blob `i` of a fixed set: element j = 7 + (i + 1) * j (small: canonical), with its
// commitment, proof and versioned hash. Made once each (two multi-scalar products).
struct TestBlob {
  Bytes blob, commitment, proof;
  Hash256 versioned_hash{};
};
inline const TestBlob& test_blob(size_t i) {
  namespace kzg = crypto::kzg;
  static std::vector<TestBlob> made;
  while (made.size() <= i) {
    const u64 n = made.size();
    Bytes bytes(kzg::kBytesPerBlob, 0);
    for (u64 j = 0; j < kzg::kFieldElementsPerBlob; ++j) store_be<u64>(bytes.data() + 32 * j + 24, 7 + (n + 1) * j);
    auto blob = kzg::Blob::from_bytes(bytes);
    EXPECT_TRUE(blob.ok());
    const kzg::KzgCommitment c = kzg::blob_to_kzg_commitment(*blob, kzg_setup());
    auto proof = kzg::compute_blob_kzg_proof(*blob, c, kzg_setup());
    EXPECT_TRUE(proof.ok());
    TestBlob t{bytes, Bytes(c.begin(), c.end()), Bytes(proof->begin(), proof->end()), {}};
    t.versioned_hash = evm::kzg_to_versioned_hash(t.commitment);
    made.push_back(std::move(t));
  }
  return made[i];
}

inline evm::BlobSidecar sidecar_of(const std::vector<size_t>& blobs) {
  evm::BlobSidecar s;
  for (size_t i : blobs) {
    s.blobs.push_back(test_blob(i).blob);
    s.commitments.push_back(test_blob(i).commitment);
    s.proofs.push_back(test_blob(i).proof);
  }
  return s;
}
inline std::vector<Hash256> hashes_of(const std::vector<size_t>& blobs) {
  std::vector<Hash256> h;
  for (size_t i : blobs) h.push_back(test_blob(i).versioned_hash);
  return h;
}

struct BlobTx {
  u64 chain_id = 0;
  u64 nonce = 0;
  Uint256 tip{2'000'000'000};
  Uint256 fee_cap{100'000'000'000};
  u64 gas = 21000;
  Address to{};
  Uint256 blob_fee_cap{1'000'000'000};
  std::vector<Hash256> hashes = {};
};

// rlp([chain_id, nonce, tip, fee cap, gas, to, value 0, data "", access list [],
// max_fee_per_blob_gas, blob_versioned_hashes, y, r, s]) (without the type byte).
inline Bytes blob_tx_payload(const BlobTx& t, const Uint256& v, const Uint256& r, const Uint256& s) {
  Bytes p;
  rlp::encode_uint(p, Uint256{t.chain_id});
  rlp::encode_uint(p, Uint256{t.nonce});
  rlp::encode_uint(p, t.tip);
  rlp::encode_uint(p, t.fee_cap);
  rlp::encode_uint(p, Uint256{t.gas});
  rlp::encode_bytes(p, t.to);
  rlp::encode_uint(p, Uint256{});
  rlp::encode_bytes(p, ByteView{});
  rlp::encode_list_payload(p, ByteView{});
  rlp::encode_uint(p, t.blob_fee_cap);
  Bytes hashes;
  for (const Hash256& h : t.hashes) rlp::encode_bytes(hashes, h);
  rlp::encode_list_payload(p, hashes);
  rlp::encode_uint(p, v);
  rlp::encode_uint(p, r);
  rlp::encode_uint(p, s);
  Bytes out;
  rlp::encode_list_payload(out, p);
  return out;
}

// The signed bare form 0x03 || rlp(...), what blocks carry.
inline Bytes sign_blob_tx(const std::array<u8, 32>& secret, const BlobTx& t) {
  Bytes unsigned_tx{0x03};
  const Bytes body = blob_tx_payload(t, Uint256{}, Uint256{1}, Uint256{1});
  unsigned_tx.insert(unsigned_tx.end(), body.begin(), body.end());
  auto h = evm::signing_hash(unsigned_tx);
  EXPECT_TRUE(h.ok());
  auto sig = crypto::secp256k1_sign(*h, secret);
  Bytes out{0x03};
  const Bytes signed_body = blob_tx_payload(t, Uint256{static_cast<u64>(sig->recid)}, Uint256::from_be(sig->r.data()),
                                            Uint256::from_be(sig->s.data()));
  out.insert(out.end(), signed_body.begin(), signed_body.end());
  return out;
}

// 0x03 || rlp([tx_payload_body, blobs, commitments, proofs]) around a signed bare form;
// with a wrapper version, EIP-7594's rlp([tx_payload_body, version, blobs, ...]).
inline Bytes network_form(const Bytes& bare, const evm::BlobSidecar& s,
                          std::optional<u8> wrapper_version = std::nullopt) {
  Bytes p(bare.begin() + 1, bare.end());
  if (wrapper_version) rlp::encode_uint(p, Uint256{*wrapper_version});
  for (const auto* list : {&s.blobs, &s.commitments, &s.proofs}) {
    Bytes items;
    for (const Bytes& b : *list) rlp::encode_bytes(items, b);
    rlp::encode_list_payload(p, items);
  }
  Bytes out{0x03};
  rlp::encode_list_payload(out, p);
  return out;
}

}  // namespace dusk::test
