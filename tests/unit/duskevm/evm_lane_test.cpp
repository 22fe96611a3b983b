// DuskEVM as an execution lane (src/duskevm/evm_lane.hpp), checked against lane.hpp's
// contract and Ethereum's rules: genesis, signed transfers built into blocks and
// committed, re-execution by a second lane to the same commitment, tampered bodies and
// deposits, the bridge's withdrawals and the supply identity, discard, reopening,
// revert_to, the pool's refusals, EIP-1559's base fee and the block gas limit, and
// holdings against a full scan of the accounts after random blocks.
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "base/rlp.hpp"
#include "crypto/bls/scheme.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/secp256k1.hpp"
#include "duskevm/base_fee.hpp"
#include "duskevm/bridge_contract.hpp"
#include "duskevm/evm_call.hpp"
#include "duskevm/evm_lane.hpp"
#include "duskevm/receipt_encoding.hpp"
#include "duskevm/transaction_codec.hpp"

namespace dusk::evm {
namespace {

namespace fs = std::filesystem;

constexpr u64 kChainId = 745;
const Uint256 kGwei{1'000'000'000};
const Uint256 kEther = Uint256{1'000'000'000} * Uint256{1'000'000'000};

struct TempDir {
  fs::path path;
  TempDir() {
    static int count = 0;
    path = fs::temp_directory_path() / ("dusk-evm-lane-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
                                        std::to_string(count++));
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::unique_ptr<storage::Database> open_db(const fs::path& p) {
  auto db = storage::Database::open({.path = p.string(), .column_families = EvmLane::families()});
  EXPECT_TRUE(db.ok()) << db.error().message;
  return db.ok() ? std::move(db).value() : nullptr;
}

struct Key {
  std::array<u8, 32> secret{};
  Address address{};
};

Key key(u8 i) {
  Key k;
  k.secret[31] = i;
  k.secret[0] = 0x11;
  k.address = crypto::public_key_address(*crypto::secp256k1_public_key(k.secret));
  return k;
}

Address addr(u8 i) {
  Address a{};
  a[0] = 0xcc;
  a[19] = i;
  return a;
}

struct TxFields {
  u64 nonce = 0;
  Uint256 tip = kGwei * Uint256{2};
  Uint256 fee_cap = kGwei * Uint256{100};
  u64 gas = 21000;
  std::optional<Address> to = std::nullopt;
  Uint256 value = Uint256{};
  Bytes data = {};
  u64 chain_id = kChainId;
  bool legacy = false;  // EIP-155 legacy with gas price = fee_cap
};

Bytes encode_tx(const TxFields& f, const Uint256& v, const Uint256& r, const Uint256& s) {
  Bytes p;
  if (f.legacy) {
    rlp::encode_uint(p, Uint256{f.nonce});
    rlp::encode_uint(p, f.fee_cap);
  } else {
    rlp::encode_uint(p, Uint256{f.chain_id});
    rlp::encode_uint(p, Uint256{f.nonce});
    rlp::encode_uint(p, f.tip);
    rlp::encode_uint(p, f.fee_cap);
  }
  rlp::encode_uint(p, Uint256{f.gas});
  if (f.to) rlp::encode_bytes(p, *f.to);
  else rlp::encode_bytes(p, ByteView{});
  rlp::encode_uint(p, f.value);
  rlp::encode_bytes(p, f.data);
  if (!f.legacy) rlp::encode_list_payload(p, ByteView{});  // access list
  rlp::encode_uint(p, v);
  rlp::encode_uint(p, r);
  rlp::encode_uint(p, s);
  Bytes out;
  if (!f.legacy) out.push_back(0x02);
  rlp::encode_list_payload(out, p);
  return out;
}

// Signed through the codec's own signing hash (over a placeholder signature).
Bytes sign(const Key& k, const TxFields& f) {
  const Uint256 v0 = f.legacy ? Uint256{35 + 2 * f.chain_id} : Uint256{};
  const Bytes unsigned_tx = encode_tx(f, v0, Uint256{1}, Uint256{1});
  auto h = signing_hash(unsigned_tx);
  EXPECT_TRUE(h.ok());
  auto sig = crypto::secp256k1_sign(*h, k.secret);
  const Uint256 v = f.legacy ? Uint256{35 + 2 * f.chain_id + static_cast<u64>(sig->recid)}
                             : Uint256{static_cast<u64>(sig->recid)};
  return encode_tx(f, v, Uint256::from_be(sig->r.data()), Uint256::from_be(sig->s.data()));
}

Bytes generator() { return Bytes(96, 0x77); }

// A DuskDS key withdrawals can be credited to (a min-sig public key that decodes).
Bytes ds_key_of(u8 seed) {
  auto sk = crypto::bls::SecretKey::key_gen(Bytes(32, seed));
  const auto pk = crypto::bls::BlsMinSig::sk_to_pk(*sk).to_bytes();
  return Bytes(pk.begin(), pk.end());
}
Bytes bytes(const Address& a) { return Bytes(a.begin(), a.end()); }

lane::BlockContext ctx(u64 height) {
  lane::BlockContext c;
  c.chain_id = 1;
  c.height = height;
  c.timestamp_ms = 1'700'000'000'000 + height * 2'500;
  c.seed[0] = static_cast<u8>(height);
  c.seed[31] = 0x5e;
  c.generator = generator();
  return c;
}

EvmLaneConfig config(u64 gas_limit = 30'000'000) {
  EvmLaneConfig c;
  c.chain_id = kChainId;
  c.block_gas_limit = gas_limit;
  return c;
}

std::vector<GenesisAccount> genesis(int keys = 4) {
  std::vector<GenesisAccount> g;
  for (int i = 1; i <= keys; ++i) g.push_back({key(static_cast<u8>(i)).address, kEther * Uint256{100}, {}});
  return g;
}

u128 sum_lux(const std::vector<lane::Withdrawal>& ws) {
  u128 s = 0;
  for (const auto& w : ws) s += w.amount;
  return s;
}
u128 sum_lux(std::span<const lane::Deposit> ds) {
  u128 s = 0;
  for (const auto& d : ds) s += d.amount;
  return s;
}
u128 wide(const Uint256& v) { return (static_cast<u128>(v.w[1]) << 64) | v.w[0]; }

// build -> stage -> write -> committed, checking the supply identity.
lane::Payload commit_block(storage::Database& db, EvmLane& l, u64 height, std::span<const lane::Deposit> deposits = {}) {
  const u128 before = l.holdings();
  auto p = l.build(ctx(height), deposits);
  EXPECT_TRUE(p.ok()) << p.error().message;
  if (!p.ok()) return {};
  storage::WriteBatch batch;
  auto s = l.stage(batch);
  EXPECT_TRUE(s.ok()) << s.error().message;
  EXPECT_TRUE(db.write(batch).ok());
  l.committed();
  EXPECT_EQ(l.height(), height);
  EXPECT_EQ(l.state_root(), p->state_root);
  EXPECT_EQ(before + sum_lux(deposits) * lane::kWeiPerLux, l.holdings() + sum_lux(p->withdrawals) * lane::kWeiPerLux + p->burned)
      << "supply identity at block " << height;
  return std::move(p).value();
}

// Every balance in evm_accounts, summed.
u128 scan_holdings(const storage::Database& db) {
  u128 total = 0;
  auto st = db.scan(db.family("evm_accounts"), ByteView{}, [&](ByteView, ByteView value) {
    auto item = rlp::decode_single(value);
    auto items = rlp::decode_list(*item);
    total += wide(*rlp::decode_uint256((*items)[1]));
    return true;
  });
  EXPECT_TRUE(st.ok());
  return total;
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<EvmLane> lane;
  explicit Fixture(EvmLaneConfig c = config(), std::vector<GenesisAccount> g = genesis()) {
    db = open_db(dir.path);
    auto l = EvmLane::open(*db, c, g);
    EXPECT_TRUE(l.ok()) << l.error().message;
    if (l.ok()) lane = std::move(l).value();
  }
};

TEST(EvmLane, Genesis) {
  Fixture f;
  ASSERT_TRUE(f.lane);
  EXPECT_EQ(f.lane->id(), lane::LaneId::kEvm);
  EXPECT_EQ(f.lane->height(), 0u);
  EXPECT_EQ(*f.lane->balance(key(1).address), kEther * Uint256{100});
  EXPECT_EQ(*f.lane->balance(addr(9)), Uint256{});
  EXPECT_EQ(f.lane->holdings(), wide(kEther) * 400);
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));
  const Bytes code = *f.lane->code(kBridgeAddress);
  EXPECT_EQ(code, Bytes(bridge_runtime_code().begin(), bridge_runtime_code().end()));
  EXPECT_FALSE(code.empty());
  auto b0 = f.lane->block_by_number(0);
  ASSERT_TRUE(b0.ok() && b0->has_value());
  EXPECT_EQ((*b0)->header.state_root, f.lane->state_root());
  EXPECT_EQ(block_hash((*b0)->header), f.lane->head().hash);
  EXPECT_EQ(f.lane->head().base_fee, config().initial_base_fee);
  EXPECT_EQ(f.lane->finalized_height(), 0u);

  // Refused genesis: a repeated address, the bridge's address.
  TempDir d2;
  auto db2 = open_db(d2.path);
  auto g = genesis();
  g.push_back(g[0]);
  EXPECT_FALSE(EvmLane::open(*db2, config(), g).ok());
  EXPECT_FALSE(EvmLane::open(*db2, config(), {{kBridgeAddress, Uint256{1}, {}}}).ok());
  auto zero_chain = config();
  zero_chain.chain_id = 0;
  EXPECT_FALSE(EvmLane::open(*db2, zero_chain, genesis()).ok());
}

TEST(EvmLane, TransferBuiltAndCommitted) {
  Fixture f;
  const Key k = key(1);
  const Uint256 value = kEther * Uint256{3};
  auto id = f.lane->submit(sign(k, {.to = addr(1), .value = value}));
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto legacy = f.lane->submit(sign(key(2), {.to = addr(2), .value = Uint256{5}, .legacy = true}));
  ASSERT_TRUE(legacy.ok()) << legacy.error().message;
  EXPECT_EQ(f.lane->pool_size(), 2u);
  const Uint256 base_fee = f.lane->next_base_fee();
  const Uint256 before = *f.lane->balance(k.address);

  // Nothing of the pending block is visible.
  auto p = f.lane->build(ctx(1), {});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->transactions, 2u);
  EXPECT_EQ(f.lane->height(), 0u);
  EXPECT_EQ(*f.lane->balance(addr(1)), Uint256{});
  EXPECT_FALSE(f.lane->build(ctx(1), {}).ok()) << "one pending block at a time";
  storage::WriteBatch batch;
  ASSERT_TRUE(f.lane->stage(batch).ok());
  ASSERT_TRUE(f.db->write(batch).ok());
  f.lane->committed();

  EXPECT_EQ(f.lane->height(), 1u);
  EXPECT_EQ(f.lane->pool_size(), 0u);
  EXPECT_EQ(*f.lane->balance(addr(1)), value);
  EXPECT_EQ(*f.lane->balance(addr(2)), Uint256{5});
  EXPECT_EQ(*f.lane->nonce(k.address), 1u);
  const Uint256 price = base_fee + kGwei * Uint256{2};
  EXPECT_EQ(*f.lane->balance(k.address), before - value - Uint256{21000} * price);
  EXPECT_EQ(p->burned, wide(base_fee) * 42000);

  auto r = f.lane->receipt(*id);
  ASSERT_TRUE(r.ok() && r->has_value());
  EXPECT_TRUE((*r)->receipt.success);
  EXPECT_EQ((*r)->block_number, 1u);
  EXPECT_EQ((*r)->receipt.gas_used, 21000u);
  EXPECT_EQ((*r)->receipt.effective_gas_price, price);
  EXPECT_EQ((*r)->receipt.from, k.address);
  auto r2 = f.lane->receipt(*legacy);
  ASSERT_TRUE(r2.ok() && r2->has_value());
  // The legacy transaction pays the higher tip (100 gwei less the base fee): it goes first.
  EXPECT_EQ((*r2)->receipt.cumulative_gas_used, 21000u);
  EXPECT_EQ((*r)->receipt.cumulative_gas_used, 42000u);
  EXPECT_EQ((*r2)->receipt.effective_gas_price, kGwei * Uint256{100});

  // The block record: Ethereum's roots, its hash indexed.
  auto b = f.lane->block_by_number(1);
  ASSERT_TRUE(b.ok() && b->has_value());
  const EvmBlockHeader& h = (*b)->header;
  EXPECT_EQ(h.state_root, p->state_root);
  EXPECT_EQ(h.gas_used, 42000u);
  EXPECT_EQ(h.timestamp, ctx(1).timestamp_ms / 1000);
  EXPECT_EQ(h.coinbase, kBridgeAddress);
  EXPECT_EQ(h.parent_hash, block_hash((*f.lane->block_by_number(0))->header));
  EXPECT_EQ(h.transactions_root, transactions_root((*b)->transactions));
  EXPECT_EQ((*r)->block_hash, block_hash(h));
  auto by_hash = f.lane->block_by_hash(block_hash(h));
  ASSERT_TRUE(by_hash.ok() && by_hash->has_value());
  EXPECT_EQ(**by_hash, **b);
  EXPECT_EQ(decode_transaction_list(p->body)->size(), 2u);
  // The fee withdrawal: the tips, in whole LUX, to the generator.
  const u128 tips = wide(Uint256{21000} * (kGwei * Uint256{2} + kGwei * Uint256{100} - base_fee));
  ASSERT_EQ(p->withdrawals.size(), 1u);
  EXPECT_EQ(p->withdrawals[0], (lane::Withdrawal{{}, generator(), static_cast<u64>(tips / lane::kWeiPerLux)}));
  EXPECT_EQ(wide(*f.lane->balance(kBridgeAddress)), tips % lane::kWeiPerLux);
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));
}

TEST(EvmLane, SecondLaneExecutesTheSameBody) {
  Fixture f;
  auto other = EvmLane::open(*f.db, config(), {});
  ASSERT_TRUE(other.ok()) << other.error().message;
  EvmLane& b = **other;
  EXPECT_EQ(b.state_root(), f.lane->state_root());
  for (u8 i = 1; i <= 3; ++i)
    ASSERT_TRUE(f.lane->submit(sign(key(i), {.to = addr(i), .value = Uint256{1000u * i}})).ok());
  ASSERT_TRUE(f.lane->submit(sign(key(4), {.gas = 100000, .to = kBridgeAddress, .value = kEther,
                                           .data = encode_withdraw_call(ds_key_of(4))})).ok());
  const std::vector<lane::Deposit> deposits = {{Hash256{}, generator(), bytes(addr(7)), 12}};
  auto built = f.lane->build(ctx(1), deposits);
  ASSERT_TRUE(built.ok()) << built.error().message;
  auto executed = b.execute(ctx(1), deposits, built->body);
  ASSERT_TRUE(executed.ok()) << executed.error().message;
  EXPECT_EQ(lane::commitment(*executed), lane::commitment(*built));
  EXPECT_EQ(executed->burned, built->burned);
  EXPECT_EQ(executed->transactions, 4u);
  ASSERT_EQ(executed->withdrawals.size(), 2u);  // the withdrawal, then the fees
  EXPECT_EQ(executed->withdrawals, built->withdrawals);
  EXPECT_EQ(executed->withdrawals[0].amount, 1'000'000'000u);
  b.discard();

  // Tampered: a body with a byte changed fails or commits to something else; other
  // deposits give another state.
  Bytes tampered = built->body;
  tampered[tampered.size() / 2] ^= 0x01;
  auto t = b.execute(ctx(1), deposits, tampered);
  if (t.ok()) {
    EXPECT_NE(lane::commitment(*t), lane::commitment(*built));
    b.discard();
  }
  std::vector<lane::Deposit> other_deposits = deposits;
  other_deposits[0].amount = 13;
  auto d = b.execute(ctx(1), other_deposits, built->body);
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->state_root, built->state_root);
  b.discard();
  auto no_deposits = b.execute(ctx(1), {}, built->body);
  ASSERT_TRUE(no_deposits.ok());
  EXPECT_NE(no_deposits->state_root, built->state_root);
  b.discard();
  // Another seed is another PREVRANDAO, but only the header sees it: same state here.
  // A transaction list that does not decode fails.
  EXPECT_FALSE(b.execute(ctx(1), deposits, Bytes{0x01, 0x02}).ok());
  // Transactions in another order: the nonces are per sender, so it is valid, with another body.
  auto raws = *decode_transaction_list(built->body);
  std::swap(raws[0], raws[2]);
  auto reordered = b.execute(ctx(1), deposits, encode_transaction_list(raws));
  ASSERT_TRUE(reordered.ok());
  EXPECT_NE(reordered->state_root, Hash256{});
  EXPECT_NE(lane::commitment(*reordered).payload_hash, lane::commitment(*built).payload_hash);
  b.discard();

  // The builder's block is written; the second lane, reopened, agrees.
  storage::WriteBatch batch;
  ASSERT_TRUE(f.lane->stage(batch).ok());
  ASSERT_TRUE(f.db->write(batch).ok());
  f.lane->committed();
  auto reopened = EvmLane::open(*f.db, config(), {});
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->head(), f.lane->head());
}

TEST(EvmLane, InvalidTransactionFailsExecution) {
  Fixture f;
  // Nonce 1 with the account at 0: invalid in a block.
  const std::vector<Bytes> raws = {sign(key(1), {.nonce = 1, .to = addr(1)})};
  auto r = f.lane->execute(ctx(1), {}, encode_transaction_list(raws));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("transaction 0"), std::string::npos) << r.error().message;
  // Another chain's signature.
  auto other_chain = f.lane->execute(ctx(1), {}, encode_transaction_list({sign(key(1), {.to = addr(1), .chain_id = 1})}));
  EXPECT_FALSE(other_chain.ok());
  // The wrong height.
  EXPECT_FALSE(f.lane->execute(ctx(2), {}, encode_transaction_list({})).ok());
  // A deposit to an address that is not 20 bytes.
  const std::vector<lane::Deposit> bad = {{Hash256{}, generator(), Bytes(32, 1), 5}};
  EXPECT_FALSE(f.lane->execute(ctx(1), bad, encode_transaction_list({})).ok());
  EXPECT_EQ(f.lane->height(), 0u);
}

TEST(EvmLane, DepositsCreditWei) {
  Fixture f;
  const u128 before = f.lane->holdings();
  const std::vector<lane::Deposit> deposits = {
      {Hash256{}, generator(), bytes(addr(1)), 5},
      {Hash256{}, generator(), bytes(addr(2)), 1'000'000'000},
      {Hash256{}, generator(), bytes(addr(1)), 7},
  };
  auto p = commit_block(*f.db, *f.lane, 1, deposits);
  EXPECT_EQ(*f.lane->balance(addr(1)), Uint256{12} * kGwei);
  EXPECT_EQ(*f.lane->balance(addr(2)), kEther);
  EXPECT_EQ(f.lane->holdings(), before + (u128{1'000'000'012} * lane::kWeiPerLux));
  EXPECT_TRUE(p.withdrawals.empty());
  EXPECT_EQ(p.burned, 0u);
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));
}

TEST(EvmLane, BridgeWithdrawals) {
  Fixture f;
  const Key k = key(1);
  const Bytes ds_key = ds_key_of(7);
  const Uint256 amount = Uint256{3'000'000'000u} * kGwei;  // 3 DUSK
  auto ok_id = f.lane->submit(sign(k, {.nonce = 0, .gas = 100000, .to = kBridgeAddress, .value = amount,
                                       .data = encode_withdraw_call(ds_key)}));
  ASSERT_TRUE(ok_id.ok()) << ok_id.error().message;
  // Refused by the contract: a 95-byte key; value not a whole LUX; no value.
  auto short_key = f.lane->submit(sign(k, {.nonce = 1, .gas = 100000, .to = kBridgeAddress, .value = amount,
                                           .data = encode_withdraw_call(Bytes(95, 1))}));
  auto fraction = f.lane->submit(sign(k, {.nonce = 2, .gas = 100000, .to = kBridgeAddress,
                                          .value = amount + Uint256{1}, .data = encode_withdraw_call(ds_key)}));
  auto nothing = f.lane->submit(sign(k, {.nonce = 3, .gas = 100000, .to = kBridgeAddress,
                                         .data = encode_withdraw_call(ds_key)}));
  // A plain transfer to the bridge reverts (no receive function).
  auto plain = f.lane->submit(sign(key(2), {.gas = 100000, .to = kBridgeAddress, .value = amount}));
  // A second withdrawal, from another sender, after the refused ones.
  auto second = f.lane->submit(sign(key(3), {.tip = kGwei, .gas = 100000, .to = kBridgeAddress,
                                             .value = Uint256{5}, .data = encode_withdraw_call(ds_key)}));
  ASSERT_TRUE(short_key.ok() && fraction.ok() && nothing.ok() && plain.ok() && second.ok());
  const u128 before = f.lane->holdings();
  auto p = commit_block(*f.db, *f.lane, 1);
  EXPECT_EQ(p.transactions, 6u);
  for (const auto& id : {*short_key, *fraction, *nothing, *plain}) EXPECT_FALSE((*f.lane->receipt(id))->receipt.success);
  EXPECT_TRUE((*f.lane->receipt(*ok_id))->receipt.success);
  EXPECT_FALSE((*f.lane->receipt(*second))->receipt.success) << "5 wei is not a whole LUX";

  ASSERT_GE(p.withdrawals.size(), 2u);
  EXPECT_EQ(p.withdrawals[0], (lane::Withdrawal{Bytes(k.address.begin(), k.address.end()), ds_key, 3'000'000'000}));
  // The fees: what the bridge earned as the coinbase, in whole LUX, to the generator.
  const lane::Withdrawal& fees = p.withdrawals.back();
  EXPECT_TRUE(fees.from.empty());
  EXPECT_EQ(fees.to, generator());
  u128 tips = 0;
  for (const auto& id : {*ok_id, *short_key, *fraction, *nothing, *plain, *second}) {
    const auto r = *f.lane->receipt(id);
    tips += wide((*r).receipt.effective_gas_price - f.lane->head().base_fee) * (*r).receipt.gas_used;
  }
  EXPECT_EQ(fees.amount, static_cast<u64>(tips / lane::kWeiPerLux));
  // The remainder below 1 LUX stays with the bridge.
  EXPECT_EQ(wide(*f.lane->balance(kBridgeAddress)), tips % lane::kWeiPerLux);
  EXPECT_EQ(before, f.lane->holdings() + sum_lux(p.withdrawals) * lane::kWeiPerLux + p.burned);
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));
  // The event in the receipt is the one withdrawal_of reads.
  const auto r = *f.lane->receipt(*ok_id);
  ASSERT_EQ(r->receipt.logs.size(), 1u);
  EXPECT_EQ(r->receipt.logs[0].topics[0], withdrawal_event_topic());
}

TEST(EvmLane, DiscardChangesNothing) {
  Fixture f;
  ASSERT_TRUE(f.lane->submit(sign(key(1), {.to = addr(1), .value = Uint256{77}})).ok());
  const EvmHead head = f.lane->head();
  auto p = f.lane->build(ctx(1), {});
  ASSERT_TRUE(p.ok());
  storage::WriteBatch batch;
  ASSERT_TRUE(f.lane->stage(batch).ok());
  f.lane->discard();  // the batch is never written
  EXPECT_EQ(f.lane->head(), head);
  EXPECT_EQ(*f.lane->balance(addr(1)), Uint256{});
  EXPECT_EQ(f.lane->pool_size(), 1u);
  EXPECT_EQ(*DbStateBackend(*f.db).root(), head.state_root);
  auto again = f.lane->build(ctx(1), {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(lane::commitment(*again), lane::commitment(*p));
  f.lane->discard();
  // committed() without stage() is a discard.
  ASSERT_TRUE(f.lane->build(ctx(1), {}).ok());
  f.lane->committed();
  EXPECT_EQ(f.lane->head(), head);
}

TEST(EvmLane, ReopenResumesTheHead) {
  TempDir dir;
  EvmHead head;
  Hash256 tx;
  {
    auto db = open_db(dir.path);
    auto l = EvmLane::open(*db, config(), genesis());
    ASSERT_TRUE(l.ok());
    tx = *(*l)->submit(sign(key(1), {.to = addr(1), .value = Uint256{9}}));
    commit_block(*db, **l, 1);
    commit_block(*db, **l, 2);
    head = (*l)->head();
  }
  auto db = open_db(dir.path);
  auto other_chain = config();
  other_chain.chain_id = kChainId + 1;
  auto refused = EvmLane::open(*db, other_chain, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("chain"), std::string::npos);
  // A database written before the chain id was recorded takes the configured one.
  {
    storage::WriteBatch batch;
    batch.del(db->family("evm_chain"), as_bytes(std::string_view("chain_id")));
    ASSERT_TRUE(db->write(batch).ok());
  }
  auto l = EvmLane::open(*db, config(), {});  // genesis is not read again
  ASSERT_TRUE(l.ok()) << l.error().message;
  EXPECT_EQ((*l)->head(), head);
  EXPECT_EQ((*l)->height(), 2u);
  EXPECT_EQ(*(*l)->balance(addr(1)), Uint256{9});
  EXPECT_TRUE((*(*l)->receipt(tx)).has_value());
  EXPECT_EQ((*l)->holdings(), scan_holdings(*db));
  ASSERT_TRUE((*l)->submit(sign(key(1), {.nonce = 1, .to = addr(1), .value = Uint256{1}})).ok());
  commit_block(*db, **l, 3);
  EXPECT_EQ(*(*l)->balance(addr(1)), Uint256{10});
  EXPECT_FALSE(EvmLane::open(*db, other_chain, {}).ok()) << "recorded again";
}

TEST(EvmLane, RevertRestoresExactly) {
  Fixture f;
  ASSERT_TRUE(f.lane->submit(sign(key(1), {.to = addr(1), .value = Uint256{100}})).ok());
  commit_block(*f.db, *f.lane, 1);
  const EvmHead head1 = f.lane->head();
  const Uint256 b1 = *f.lane->balance(key(1).address);

  // Block 2: a contract creation that stores 42 at slot 0 and 7 at slot 1 (init code
  // PUSH1 42 PUSH1 0 SSTORE PUSH1 7 PUSH1 1 SSTORE STOP), and a transfer.
  const Bytes init = *from_hex("602a60005560076001555f5ff3");
  auto create = f.lane->submit(sign(key(2), {.gas = 100000, .data = init}));
  ASSERT_TRUE(create.ok()) << create.error().message;
  ASSERT_TRUE(f.lane->submit(sign(key(1), {.nonce = 1, .to = addr(2), .value = Uint256{5}})).ok());
  commit_block(*f.db, *f.lane, 2, std::vector<lane::Deposit>{{Hash256{}, generator(), bytes(addr(3)), 4}});
  const auto created = (*f.lane->receipt(*create))->receipt.contract_address;
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(*f.lane->storage_at(*created, Uint256{0}), Uint256{42});
  // Block 3: empty.
  commit_block(*f.db, *f.lane, 3);
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));

  storage::WriteBatch batch;
  ASSERT_TRUE(f.lane->revert_to(1, batch).ok());
  EXPECT_EQ(f.lane->height(), 3u) << "pending until committed";
  ASSERT_TRUE(f.db->write(batch).ok());
  f.lane->committed();
  EXPECT_EQ(f.lane->head(), head1);
  EXPECT_EQ(f.lane->state_root(), head1.state_root);
  EXPECT_EQ(*DbStateBackend(*f.db).root(), head1.state_root);
  EXPECT_EQ(*f.lane->balance(key(1).address), b1);
  EXPECT_EQ(*f.lane->balance(addr(2)), Uint256{});
  EXPECT_EQ(*f.lane->balance(addr(3)), Uint256{});
  EXPECT_EQ(*f.lane->storage_at(*created, Uint256{0}), Uint256{});
  EXPECT_TRUE(f.lane->code(*created)->empty());
  EXPECT_EQ(*f.lane->nonce(key(2).address), 0u);
  EXPECT_FALSE(f.lane->block_by_number(2)->has_value());
  EXPECT_FALSE(f.lane->receipt(*create)->has_value());
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));
  EXPECT_EQ(f.lane->pool_size(), 2u) << "the reverted blocks' transactions are back";

  // The same blocks again give the same roots.
  auto p2 = commit_block(*f.db, *f.lane, 2, std::vector<lane::Deposit>{{Hash256{}, generator(), bytes(addr(3)), 4}});
  EXPECT_EQ(*f.lane->storage_at(*created, Uint256{0}), Uint256{42});
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));

  // Finality: no revert below the final height; finalize above the head is refused.
  storage::WriteBatch fin;
  ASSERT_TRUE(f.lane->finalize(1, fin).ok());
  ASSERT_TRUE(f.db->write(fin).ok());
  EXPECT_EQ(f.lane->finalized_height(), 1u);
  storage::WriteBatch no;
  EXPECT_FALSE(f.lane->revert_to(0, no).ok());
  EXPECT_FALSE(f.lane->finalize(5, no).ok());
  EXPECT_FALSE(f.db->get(f.db->family("evm_undo"), Bytes{0, 0, 0, 0, 0, 0, 0, 1})->has_value());
  // Reverting to 1 again is allowed; discard drops it.
  storage::WriteBatch rv;
  ASSERT_TRUE(f.lane->revert_to(1, rv).ok());
  f.lane->discard();
  EXPECT_EQ(f.lane->height(), 2u);
}

TEST(EvmLane, PoolRefusals) {
  EvmLaneConfig c = config();
  c.pool.max_transaction_bytes = 4096;
  c.pool.min_priority_fee = Uint256{1000};
  Fixture f(c);
  const Key k = key(1);
  auto msg = [&](const Bytes& raw) {
    auto r = f.lane->submit(raw);
    return r.ok() ? std::string("accepted") : r.error().message;
  };
  EXPECT_EQ(msg(sign(k, {.to = addr(1), .chain_id = 1})), "invalid chain id");
  EXPECT_EQ(msg(sign(k, {.gas = 20999, .to = addr(1)})), "intrinsic gas too low");
  EXPECT_EQ(msg(sign(k, {.to = addr(1), .value = kEther * Uint256{100}})), "insufficient funds for gas * price + value");
  EXPECT_EQ(msg(sign(key(9), {.to = addr(1), .value = Uint256{1}})), "insufficient funds for gas * price + value");
  EXPECT_EQ(msg(sign(k, {.tip = Uint256{1}, .to = addr(1)})),
            "transaction gas price below minimum: gas tip cap 1, minimum needed 1000");
  EXPECT_EQ(msg(sign(k, {.fee_cap = Uint256{1'000'000}, .to = addr(1)})), "max priority fee per gas higher than max fee per gas");
  EXPECT_EQ(msg(sign(k, {.tip = Uint256{1'000'000}, .fee_cap = Uint256{1'000'000}, .to = addr(1)})),
            "max fee per gas less than block base fee");
  EXPECT_EQ(msg(sign(k, {.gas = 100000, .to = addr(1), .data = Bytes(5000, 1)})), "oversized data");
  EXPECT_EQ(msg(sign(k, {.gas = 30'000'001, .to = addr(1)})), "exceeds block gas limit");
  EXPECT_EQ(msg(Bytes{0x02, 0xc0}), msg(Bytes{0x02, 0xc0}));
  EXPECT_NE(msg(Bytes{0x02, 0xc0}), "accepted");

  // Replacement: the same nonce needs both fees raised by 10%.
  const Bytes first = sign(k, {.tip = kGwei * Uint256{10}, .fee_cap = kGwei * Uint256{100}, .to = addr(1)});
  EXPECT_EQ(msg(first), "accepted");
  EXPECT_EQ(msg(first), "already known");
  EXPECT_EQ(msg(sign(k, {.tip = kGwei * Uint256{10}, .fee_cap = kGwei * Uint256{109}, .to = addr(1)})),
            "replacement transaction underpriced");
  EXPECT_EQ(msg(sign(k, {.tip = kGwei * Uint256{10}, .fee_cap = kGwei * Uint256{200}, .to = addr(1)})),
            "replacement transaction underpriced");
  const Bytes replaced = sign(k, {.tip = kGwei * Uint256{11}, .fee_cap = kGwei * Uint256{110}, .to = addr(2)});
  EXPECT_EQ(msg(replaced), "accepted");
  EXPECT_EQ(f.lane->pool_size(), 1u);
  commit_block(*f.db, *f.lane, 1);
  EXPECT_EQ(*f.lane->balance(addr(2)), Uint256{}) << "the replacement (value 0) went in";
  EXPECT_EQ(*f.lane->nonce(k.address), 1u);
  EXPECT_EQ(msg(sign(k, {.to = addr(1)})), "nonce too low");
}

TEST(EvmLane, PoolLimitsAndOrder) {
  EvmLaneConfig c = config();
  c.pool.max_transactions = 3;
  c.pool.max_per_sender = 2;
  c.pool.max_age_blocks = 2;
  Fixture f(c);
  auto submit = [&](u8 who, u64 nonce, u64 tip_gwei) {
    auto r = f.lane->submit(sign(key(who), {.nonce = nonce, .tip = kGwei * Uint256{tip_gwei}, .to = addr(who)}));
    return r.ok() ? std::string("accepted") : r.error().message;
  };
  EXPECT_EQ(submit(1, 0, 2), "accepted");
  EXPECT_EQ(submit(1, 1, 2), "accepted");
  EXPECT_EQ(submit(1, 2, 2), "account limit exceeded");
  EXPECT_EQ(submit(2, 0, 3), "accepted");
  EXPECT_EQ(submit(3, 0, 2), "txpool is full");
  EXPECT_EQ(submit(3, 0, 5), "accepted") << "evicts key 1's last transaction";
  EXPECT_EQ(f.lane->pool_size(), 3u);
  // Priority by tip: key 3 (5 gwei), key 2 (3), key 1 (2); all fit.
  auto p = commit_block(*f.db, *f.lane, 1);
  const auto raws = *decode_transaction_list(p.body);
  ASSERT_EQ(raws.size(), 3u);
  EXPECT_EQ(recover_sender(raws[0]).value(), key(3).address);
  EXPECT_EQ(recover_sender(raws[1]).value(), key(2).address);
  EXPECT_EQ(recover_sender(raws[2]).value(), key(1).address);
  // Age: a transaction with a nonce gap waits max_age_blocks blocks, then goes.
  EXPECT_EQ(submit(4, 5, 2), "accepted");
  commit_block(*f.db, *f.lane, 2);
  commit_block(*f.db, *f.lane, 3);
  EXPECT_EQ(f.lane->pool_size(), 1u);
  commit_block(*f.db, *f.lane, 4);
  EXPECT_EQ(f.lane->pool_size(), 0u);
}

TEST(EvmLane, InvalidAtBuildIsDropped) {
  Fixture f;
  const Key k = key(1);
  const Uint256 balance = *f.lane->balance(k.address);
  const Uint256 fees = Uint256{21000} * kGwei * Uint256{100};
  // Each alone is affordable; together they are not: the second is invalid at build.
  ASSERT_TRUE(f.lane->submit(sign(k, {.nonce = 0, .to = addr(1), .value = balance - fees})).ok());
  ASSERT_TRUE(f.lane->submit(sign(k, {.nonce = 1, .to = addr(1), .value = balance - fees})).ok());
  auto p = commit_block(*f.db, *f.lane, 1);
  EXPECT_EQ(p.transactions, 1u);
  EXPECT_EQ(f.lane->pool_size(), 0u);
}

TEST(EvmLane, BaseFeeFollowsEip1559) {
  const u64 limit = 100'000;  // target 50,000
  Fixture f(config(limit));
  Uint256 expected = config().initial_base_fee;
  EXPECT_EQ(f.lane->head().base_fee, expected);
  // Independent arithmetic of the execution specs.
  auto next = [&](const Uint256& fee, u64 used) {
    const u64 target = limit / 2;
    if (used == target) return fee;
    if (used > target) {
      Uint256 d = evm_div(fee * Uint256{used - target}, Uint256{target * 8});
      return fee + (d.is_zero() ? Uint256{1} : d);
    }
    return fee - evm_div(fee * Uint256{target - used}, Uint256{target * 8});
  };
  // Block 1 empty: down by 1/8.
  commit_block(*f.db, *f.lane, 1);
  expected = next(expected, 0);
  EXPECT_EQ(f.lane->head().base_fee, expected);
  EXPECT_EQ(expected, config().initial_base_fee - evm_div(config().initial_base_fee, Uint256{8}));
  // Block 2 with four transfers (84,000 gas): up.
  for (u8 i = 1; i <= 4; ++i) ASSERT_TRUE(f.lane->submit(sign(key(i), {.to = addr(i), .value = Uint256{1}})).ok());
  commit_block(*f.db, *f.lane, 2);
  expected = next(expected, 0);
  EXPECT_EQ(f.lane->head().base_fee, expected);
  EXPECT_EQ(f.lane->head().gas_used, 84000u);
  EXPECT_EQ(f.lane->next_base_fee(), next(expected, 84000));
  EXPECT_GT(f.lane->next_base_fee(), expected);
  commit_block(*f.db, *f.lane, 3);
  EXPECT_EQ(f.lane->head().base_fee, next(expected, 84000));
  // The function itself, at the target and for tiny fees.
  EXPECT_EQ(next_base_fee(Uint256{1000}, 50'000, limit), Uint256{1000});
  EXPECT_EQ(next_base_fee(Uint256{7}, 50'001, limit), Uint256{8});
  EXPECT_EQ(next_base_fee(Uint256{7}, 0, limit), Uint256{7});
}

TEST(EvmLane, BlockGasLimitRespected) {
  const u64 limit = 100'000;
  Fixture f(config(limit), genesis(6));
  std::vector<Bytes> raws;
  for (u8 i = 1; i <= 6; ++i) {
    raws.push_back(sign(key(i), {.tip = kGwei * Uint256{10u - i}, .to = addr(i), .value = Uint256{1}}));
    ASSERT_TRUE(f.lane->submit(raws.back()).ok());
  }
  auto p = commit_block(*f.db, *f.lane, 1);
  EXPECT_EQ(p.transactions, 4u) << "a fifth does not fit in 16,000 gas";
  EXPECT_EQ(f.lane->head().gas_used, 84000u);
  EXPECT_EQ(f.lane->pool_size(), 2u);
  auto p2 = commit_block(*f.db, *f.lane, 2);
  EXPECT_EQ(p2.transactions, 2u);
  EXPECT_EQ(f.lane->pool_size(), 0u);

  // A received block whose transactions exceed the gas limit is invalid.
  Fixture g(config(limit), genesis(6));
  std::vector<Bytes> five(raws.begin(), raws.begin() + 5);
  auto r = g.lane->execute(ctx(1), {}, encode_transaction_list(five));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("gas limit"), std::string::npos) << r.error().message;
}

TEST(EvmLane, CallReadsTheLatestState) {
  Fixture f;
  // A contract returning its storage slot 0: PUSH0 SLOAD PUSH0 MSTORE PUSH1 32 PUSH0 RETURN,
  // deployed by init code that stores 0x2a in slot 0 and returns it.
  const Bytes runtime = *from_hex("5f545f5260205ff3");
  Bytes init = *from_hex("602a5f55");  // PUSH1 42 PUSH0 SSTORE
  // PUSH1 len PUSH1 offset PUSH0 CODECOPY PUSH1 len PUSH0 RETURN, then the runtime.
  const u8 len = static_cast<u8>(runtime.size());
  const u8 offset = static_cast<u8>(init.size() + 11);
  for (u8 b : {u8{0x60}, len, u8{0x60}, offset, u8{0x5f}, u8{0x39}, u8{0x60}, len, u8{0x5f}, u8{0xf3}, u8{0x00}}) init.push_back(b);
  init.insert(init.end(), runtime.begin(), runtime.end());
  auto id = f.lane->submit(sign(key(1), {.gas = 200000, .data = init}));
  ASSERT_TRUE(id.ok()) << id.error().message;
  commit_block(*f.db, *f.lane, 1);
  const auto r = *f.lane->receipt(*id);
  ASSERT_TRUE(r->receipt.success);
  const Address contract = *r->receipt.contract_address;
  EXPECT_EQ(*f.lane->code(contract), runtime);
  // eth_call at the head: run_call on the lane's view of its last block.
  auto call = [&](const Address& from, const Address& to, Bytes data, const Uint256& value, u64 gas) {
    auto view = f.lane->state_at(f.lane->height());
    EXPECT_TRUE(view.ok() && view->has_value());
    CallRequest request;
    request.from = from;
    request.to = to;
    request.gas = gas;
    request.value = value;
    request.data = std::move(data);
    return run_call(*(*view)->state, (*view)->env, config().fork, request);
  };
  auto out = call(key(2).address, contract, {}, Uint256{}, 100000);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->status, StatusCode::kSuccess);
  ASSERT_EQ(out->output.size(), 32u);
  EXPECT_EQ(out->output[31], 42);
  EXPECT_GT(out->gas_used, 21000u);
  EXPECT_FALSE(call(key(2).address, contract, {}, Uint256{}, 100).ok());
  EXPECT_FALSE(call(addr(50), contract, {}, Uint256{1}, 100000).ok()) << "cannot pay the value";
  // The bridge refuses a call without value.
  auto bridge = call(key(2).address, kBridgeAddress, encode_withdraw_call(Bytes(96, 1)), Uint256{}, 100000);
  ASSERT_TRUE(bridge.ok());
  EXPECT_EQ(bridge->status, StatusCode::kRevert);
  // Nothing was kept.
  EXPECT_EQ(*f.lane->nonce(key(2).address), 0u);
}

TEST(EvmLane, HoldingsMatchAFullScanAfterRandomBlocks) {
  Fixture f(config(), genesis(6));
  std::mt19937_64 rng(7);
  std::vector<u64> nonces(7, 0);
  Bytes ds_key(96, 0x42);
  for (u64 height = 1; height <= 12; ++height) {
    std::vector<lane::Deposit> deposits;
    for (u64 i = rng() % 3; i > 0; --i) {
      const Address to = addr(static_cast<u8>(rng() % 4));
      deposits.push_back({Hash256{}, generator(), Bytes(to.begin(), to.end()), rng() % 5'000'000'000});
    }
    for (int t = static_cast<int>(rng() % 6); t > 0; --t) {
      const u8 who = static_cast<u8>(1 + rng() % 6);
      TxFields fields{.nonce = nonces[who], .tip = kGwei * Uint256{rng() % 5}, .gas = 100000};
      const u64 kind = rng() % 3;
      if (kind == 0) fields.to = addr(static_cast<u8>(rng() % 4)), fields.value = Uint256{rng() % 1'000'000'000'000};
      else if (kind == 1) fields.to = key(static_cast<u8>(1 + rng() % 6)).address, fields.value = Uint256{rng() % 1'000'000'000'000'000'000};
      else fields.to = kBridgeAddress, fields.value = Uint256{1 + rng() % 1000} * kGwei, fields.data = encode_withdraw_call(ds_key);
      if (fields.tip < kGwei) fields.tip = kGwei;
      if (f.lane->submit(sign(key(who), fields)).ok()) ++nonces[who];
    }
    commit_block(*f.db, *f.lane, height, deposits);
    ASSERT_EQ(f.lane->holdings(), scan_holdings(*f.db)) << "block " << height;
    // Every pool transaction went in (fees and values are small).
    ASSERT_EQ(f.lane->pool_size(), 0u);
  }
}

}  // namespace
}  // namespace dusk::evm

namespace dusk::evm {
namespace {

// 96 bytes that are no DuskDS key could never be credited there: the amount goes back to
// the sender in the same block, and the chain goes on.
TEST(EvmLane, WithdrawalsToBytesThatAreNoKeyAreRefunded) {
  Fixture f;
  const Key k = key(1);
  const Uint256 amount = Uint256{2'000'000'000u} * kGwei;  // 2 DUSK
  const Uint256 before_sender = *f.lane->balance(k.address);
  auto id = f.lane->submit(sign(k, {.nonce = 0, .gas = 100000, .to = kBridgeAddress, .value = amount,
                                    .data = encode_withdraw_call(Bytes(96, 0xff))}));
  ASSERT_TRUE(id.ok()) << id.error().message;
  const u128 before = f.lane->holdings();
  auto p = commit_block(*f.db, *f.lane, 1);
  EXPECT_TRUE((*f.lane->receipt(*id))->receipt.success);  // the contract accepted it
  for (const auto& w : p.withdrawals) EXPECT_TRUE(w.from.empty()) << "only the fees leave";
  const auto r = *f.lane->receipt(*id);
  const Uint256 paid = r->receipt.effective_gas_price * Uint256{r->receipt.gas_used};
  EXPECT_EQ(*f.lane->balance(k.address), before_sender - paid) << "the amount came back";
  EXPECT_EQ(before, f.lane->holdings() + sum_lux(p.withdrawals) * lane::kWeiPerLux + p.burned);
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));
}

}  // namespace
}  // namespace dusk::evm
