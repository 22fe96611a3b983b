// Keys, signed transactions and a seeded random source for the DuskDS tests.
#pragma once

#include <gtest/gtest.h>

#include "crypto/bls/scheme.hpp"
#include "duskds/gas_schedule.hpp"
#include "duskds/transaction.hpp"
#include "duskds/transaction_codec.hpp"

namespace dusk::ds::test {

using crypto::bls::BlsMinSig;
using crypto::bls::SecretKey;

struct Signer {
  SecretKey sk;
  AccountKey key;
};

// A deterministic key pair from a counter.
inline Signer signer(u32 i) {
  Bytes ikm(32, 0x5a);
  for (int b = 0; b < 4; ++b) ikm[b] = static_cast<u8>(i >> (8 * b));
  auto sk = SecretKey::key_gen(ikm, as_bytes("duskds_test"));
  EXPECT_TRUE(sk.ok());
  return Signer{*sk, BlsMinSig::sk_to_pk(*sk).to_bytes()};
}

struct TxSpec {
  TxKind kind = TxKind::kTransfer;
  u64 chain_id = 7;
  u64 nonce = 0;
  u64 amount = 0;
  u64 gas_price = 1;
  u64 gas_limit = 0;  // 0: exactly the transaction's gas
  AccountKey receiver{};
  Bytes memo;
};

// A transaction from `from` as `spec` says, signed.
inline Transaction make_tx(const Signer& from, const TxSpec& spec) {
  Transaction tx;
  tx.kind = spec.kind;
  tx.chain_id = spec.chain_id;
  tx.sender = from.key;
  tx.nonce = spec.nonce;
  tx.gas_price = spec.gas_price;
  tx.amount = spec.amount;
  if (spec.kind == TxKind::kTransfer) {
    tx.receiver = spec.receiver;
    tx.memo = spec.memo;
  }
  tx.gas_limit = spec.gas_limit != 0 ? spec.gas_limit : transaction_gas(tx);
  sign_transaction(tx, from.sk);
  return tx;
}

// A deposit of `amount` from `from` to `target` in `lane`, signed.
inline Transaction make_deposit(const Signer& from, u64 chain_id, u64 nonce, u64 amount, u64 gas_price, u8 lane,
                               Bytes target) {
  Transaction tx;
  tx.kind = TxKind::kDeposit;
  tx.chain_id = chain_id;
  tx.sender = from.key;
  tx.nonce = nonce;
  tx.gas_price = gas_price;
  tx.amount = amount;
  tx.lane = lane;
  tx.target = std::move(target);
  tx.gas_limit = transaction_gas(tx);
  sign_transaction(tx, from.sk);
  return tx;
}
// xorshift64: reproducible randomness for tests (never for production batches).
struct Rng {
  u64 state;
  explicit Rng(u64 seed) : state(seed | 1) {}
  u64 next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  u64 below(u64 n) { return next() % n; }
};

inline crypto::bls::RandomSource seeded_source(u64 seed) {
  return [rng = Rng(seed)](std::span<u8> out) mutable {
    for (auto& b : out) b = static_cast<u8>(rng.next());
    return true;
  };
}

}  // namespace dusk::ds::test
