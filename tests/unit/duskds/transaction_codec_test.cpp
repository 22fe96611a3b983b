// The Moonlight transaction encoding (duskds/transaction_codec.hpp) and its signature
// (duskds/transaction.hpp): round trips of every kind, every refusal of strict decoding,
// and a signature bound to every byte it covers.
#include "duskds/transaction_codec.hpp"

#include <gtest/gtest.h>

#include "crypto/hash/blake2b.hpp"
#include "ds_test_util.hpp"

namespace dusk::ds {
namespace {

using test::make_tx;
using test::signer;
using test::TxSpec;

LedgerError code_of(const LedgerResult<Transaction>& r) { return r.error().code; }

class CodecTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    alice_ = new test::Signer(signer(1));
    bob_ = new test::Signer(signer(2));
  }
  static void TearDownTestSuite() {
    delete alice_;
    delete bob_;
  }
  static Transaction transfer(size_t memo_size) {
    Bytes memo(memo_size);
    for (size_t i = 0; i < memo_size; ++i) memo[i] = static_cast<u8>(i * 7 + 3);
    return make_tx(*alice_, {TxKind::kTransfer, 7, 42, 1'000'000, 3, 50'000, bob_->key, memo});
  }
  static inline test::Signer* alice_ = nullptr;
  static inline test::Signer* bob_ = nullptr;
};

TEST_F(CodecTest, RoundTripsEveryKind) {
  std::vector<Transaction> txs = {transfer(0), transfer(1), transfer(kMaxMemoSize)};
  for (TxKind k : {TxKind::kStake, TxKind::kUnstake, TxKind::kWithdraw})
    txs.push_back(make_tx(*alice_, {k, 0xfedcba9876543210, ~u64{0}, 5, 2, 0, {}, {}}));
  for (const auto& tx : txs) {
    Bytes enc = encode_transaction(tx);
    EXPECT_EQ(enc.size(), encoded_size(tx));
    EXPECT_EQ(enc.size(), tx.kind == TxKind::kTransfer ? 284 + tx.memo.size() : 186);
    auto back = decode_transaction(enc);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, tx);
    EXPECT_EQ(encode_transaction(*back), enc);
    EXPECT_TRUE(verify_transaction_signature(*back).ok());
    // The checked form carries what a separate signature_check would compute.
    auto checked = decode_checked_transaction(enc);
    ASSERT_TRUE(checked.ok());
    EXPECT_EQ(checked->tx, tx);
    EXPECT_EQ(checked->check.message, signing_hash(tx));
    EXPECT_EQ(checked->check.public_key.to_bytes(), tx.sender);
    EXPECT_EQ(checked->check.signature.to_bytes(), tx.signature);
  }
}

TEST_F(CodecTest, LayoutMatchesTheDocumentedOffsets) {
  Transaction tx = transfer(3);
  Bytes enc = encode_transaction(tx);
  EXPECT_EQ(enc[0], 1);
  EXPECT_EQ(enc[1], static_cast<u8>(TxKind::kTransfer));
  EXPECT_EQ(load_le<u64>(&enc[2]), tx.chain_id);
  EXPECT_TRUE(std::equal(tx.sender.begin(), tx.sender.end(), enc.begin() + 10));
  EXPECT_EQ(load_le<u64>(&enc[106]), tx.nonce);
  EXPECT_EQ(load_le<u64>(&enc[114]), tx.gas_limit);
  EXPECT_EQ(load_le<u64>(&enc[122]), tx.gas_price);
  EXPECT_EQ(load_le<u64>(&enc[130]), tx.amount);
  EXPECT_TRUE(std::equal(tx.receiver.begin(), tx.receiver.end(), enc.begin() + 138));
  EXPECT_EQ(enc[234] | (enc[235] << 8), 3);
  EXPECT_TRUE(std::equal(tx.memo.begin(), tx.memo.end(), enc.begin() + 236));
  EXPECT_TRUE(std::equal(tx.signature.begin(), tx.signature.end(), enc.end() - 48));
  EXPECT_EQ(Bytes(enc.begin(), enc.end() - 48), encode_unsigned(tx));
}

TEST_F(CodecTest, RefusesEveryTruncation) {
  for (const Transaction& tx : {transfer(9), make_tx(*alice_, {TxKind::kStake, 7, 0, 10, 1, 0, {}, {}})}) {
    Bytes enc = encode_transaction(tx);
    for (size_t n = 0; n < enc.size(); ++n) {
      auto r = decode_transaction(ByteView(enc).first(n));
      ASSERT_FALSE(r.ok()) << n;
      EXPECT_EQ(code_of(r), LedgerError::kTruncated) << n << ": " << r.error().message;
    }
  }
}

TEST_F(CodecTest, RefusesTrailingBytes) {
  for (const Transaction& tx : {transfer(0), make_tx(*alice_, {TxKind::kWithdraw, 7, 0, 10, 1, 0, {}, {}})}) {
    Bytes enc = encode_transaction(tx);
    for (size_t extra = 1; extra <= 3; ++extra) {
      enc.push_back(0);
      auto r = decode_transaction(enc);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(code_of(r), LedgerError::kTrailingBytes);
    }
  }
}

TEST_F(CodecTest, RefusesBadVersionsAndKinds) {
  Bytes enc = encode_transaction(transfer(0));
  for (int v : {0, 2, 255}) {
    Bytes bad = enc;
    bad[0] = static_cast<u8>(v);
    EXPECT_EQ(code_of(decode_transaction(bad)), LedgerError::kBadVersion);
  }
  for (int k : {0, 6, 7, 128, 255}) {
    Bytes bad = enc;
    bad[1] = static_cast<u8>(k);
    EXPECT_EQ(code_of(decode_transaction(bad)), LedgerError::kBadKind);
  }
  // A known kind whose layout does not match the bytes: a stake read from a transfer's
  // bytes has 98 + memo bytes too many.
  Bytes as_stake = enc;
  as_stake[1] = static_cast<u8>(TxKind::kStake);
  EXPECT_EQ(code_of(decode_transaction(as_stake)), LedgerError::kTrailingBytes);
}

TEST_F(CodecTest, RefusesOversizedMemos) {
  Transaction tx = transfer(kMaxMemoSize + 1);  // encodes as it is; decoding refuses
  EXPECT_EQ(code_of(decode_transaction(encode_transaction(tx))), LedgerError::kMemoTooLong);
  // A memo length field above the limit is refused whatever follows.
  Bytes enc = encode_transaction(transfer(4));
  for (u16 len : {u16{513}, u16{0xffff}}) {
    enc[234] = static_cast<u8>(len);
    enc[235] = static_cast<u8>(len >> 8);
    EXPECT_EQ(code_of(decode_transaction(enc)), LedgerError::kMemoTooLong);
  }
  // A length within the limit but beyond the bytes present is a truncation, one short of
  // the bytes is trailing.
  enc[234] = 5;
  enc[235] = 0;
  EXPECT_EQ(code_of(decode_transaction(enc)), LedgerError::kTruncated);
  enc[234] = 3;
  EXPECT_EQ(code_of(decode_transaction(enc)), LedgerError::kTrailingBytes);
}

TEST_F(CodecTest, RefusesKeysAndSignaturesThatAreNotPoints) {
  Bytes enc = encode_transaction(transfer(2));
  const size_t sig_at = enc.size() - 48;
  // The identity in compressed form (flags 0xc0), and an x coordinate above p.
  for (size_t at : {size_t{10}, size_t{138}}) {
    Bytes bad = enc;
    std::fill(bad.begin() + static_cast<std::ptrdiff_t>(at),
              bad.begin() + static_cast<std::ptrdiff_t>(at + 96), 0);
    bad[at] = 0xc0;
    EXPECT_EQ(code_of(decode_transaction(bad)), LedgerError::kBadPublicKey) << at;
    std::fill(bad.begin() + static_cast<std::ptrdiff_t>(at),
              bad.begin() + static_cast<std::ptrdiff_t>(at + 96), 0xff);
    bad[at] = 0x9f;  // compressed flag, x >= p
    EXPECT_EQ(code_of(decode_transaction(bad)), LedgerError::kBadPublicKey) << at;
    bad[at] ^= 0x80;  // uncompressed flag in a compressed field
    EXPECT_EQ(code_of(decode_transaction(bad)), LedgerError::kBadPublicKey) << at;
  }
  Bytes bad = enc;
  std::fill(bad.begin() + static_cast<std::ptrdiff_t>(sig_at), bad.end(), 0xff);
  bad[sig_at] = 0x9f;
  EXPECT_EQ(code_of(decode_transaction(bad)), LedgerError::kBadSignature);
}

TEST_F(CodecTest, SignatureCoversEveryBit) {
  const Transaction tx = make_tx(*alice_, {TxKind::kStake, 7, 3, 1'000, 2, 0, {}, {}});
  const Bytes enc = encode_transaction(tx);
  ASSERT_TRUE(verify_transaction_signature(tx).ok());
  size_t verified = 0;  // flips that decoded and reached the signature check
  for (size_t bit = 0; bit < enc.size() * 8; ++bit) {
    Bytes bad = enc;
    bad[bit / 8] ^= static_cast<u8>(1u << (bit % 8));
    auto r = decode_transaction(bad);
    if (!r.ok()) continue;  // the flip broke the encoding: refused before any signature check
    ++verified;
    auto v = verify_transaction_signature(*r);
    ASSERT_FALSE(v.ok()) << "bit " << bit;
    EXPECT_EQ(v.error().code, LedgerError::kInvalidSignature) << "bit " << bit;
  }
  // Every bit outside the two points decodes: version and kind bits aside, that is the
  // five integers (40 bytes) at least.
  EXPECT_GE(verified, size_t{40 * 8});
  // Another signer's signature over the same bytes fails too.
  Transaction forged = tx;
  sign_transaction(forged, bob_->sk);
  EXPECT_EQ(verify_transaction_signature(forged).error().code, LedgerError::kInvalidSignature);
}

// Random damage to valid encodings (byte changes, insertions, deletions, a new memo
// length): decoding either refuses or returns a transaction that encodes to exactly the
// bytes it came from, so no transaction has two encodings (and two ids).
TEST_F(CodecTest, WhatDecodesIsCanonical) {
  test::Rng rng(4242);
  const std::vector<Bytes> seeds = {
      encode_transaction(transfer(0)), encode_transaction(transfer(37)),
      encode_transaction(make_tx(*alice_, {TxKind::kUnstake, 7, 1, 9, 1, 0, {}, {}}))};
  size_t decoded = 0, refused = 0;
  for (int i = 0; i < 3000; ++i) {
    Bytes b = seeds[rng.below(seeds.size())];
    const int edits = 1 + static_cast<int>(rng.below(3));
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng.below(b.size());
      switch (rng.below(5)) {
        case 0: b[at] = static_cast<u8>(rng.next()); break;
        case 1: b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), static_cast<u8>(rng.next())); break;
        case 2: b.erase(b.begin() + static_cast<std::ptrdiff_t>(at)); break;
        case 3:  // a plausible memo length, to get past the length checks now and then
          if (b.size() > 236) {
            const size_t len = b.size() >= 284 ? b.size() - 284 + rng.below(3) - 1 : 0;
            b[234] = static_cast<u8>(len);
            b[235] = static_cast<u8>(len >> 8);
          }
          break;
        default: b[rng.below(2) == 0 ? 0 : 1] = static_cast<u8>(rng.below(6)); break;  // version or kind
      }
      if (b.empty()) break;
    }
    auto r = decode_transaction(b);
    if (!r.ok()) {
      ++refused;
      continue;
    }
    ++decoded;
    ASSERT_EQ(encode_transaction(*r), b) << "a second encoding of one transaction, case " << i;
  }
  EXPECT_GT(decoded, 100u);
  EXPECT_GT(refused, 1000u);
}

TEST_F(CodecTest, SigningHashIsDomainSeparated) {
  const Transaction tx = transfer(1);
  EXPECT_NE(signing_hash(tx), crypto::blake2b<32>(encode_unsigned(tx)));
  Transaction other_chain = tx;
  other_chain.chain_id += 1;
  EXPECT_NE(signing_hash(tx), signing_hash(other_chain));
  EXPECT_NE(transaction_id(tx), signing_hash(tx));
}

}  // namespace
}  // namespace dusk::ds
