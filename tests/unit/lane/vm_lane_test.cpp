// The DuskVM lane (duskvm/lane/vm_lane.hpp) through the lane interface: genesis,
// deposits, native transfers, contract deploys and calls, withdrawals and fees, the
// supply identity, a second node re-executing the body to the same commitment, refused
// bodies, discard, reopen, finalization that forgets old contract states, revert.
#include "duskvm/lane/vm_lane.hpp"
#include "unit/lane/lane_node.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "crypto/bls/scheme.hpp"
#include "duskvm/runtime/contract_id.hpp"

namespace dusk::vm {
namespace {

using crypto::bls::BlsMinSig;
using crypto::bls::SecretKey;
namespace fs = std::filesystem;

constexpr u64 kChain = 9;

using test::Signer;

Signer signer(u8 i) { return test::signer(i, "vm_lane_test"); }

Bytes read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(f), {});
}

Bytes counter_wasm() { return read_file(std::string(DUSK_CONTRACTS_DIR) + "/counter.wasm"); }

VmLaneConfig lane_config() {
  VmLaneConfig c;
  c.chain_id = kChain;
  return c;
}

// A lane on its own database, as a node holds it.
struct Node : test::LaneNode {
  Node(const fs::path& d, const std::vector<std::pair<VmAddress, u64>>& genesis) : LaneNode(d, lane_config(), genesis) {}
};

class VmLaneTest : public test::LaneTest {
 protected:
  void SetUp() override {
    LaneTest::SetUp();
    genesis_ = {{alice_.address, 50'000'000'000}};
  }

  lane::BlockContext ctx(u64 height) const { return test::block_context(kChain, height, generator_.key); }
  VmTransaction tx(const Signer& from, VmTxKind kind, u64 nonce, u64 gas_limit) const {
    VmTransaction t;
    t.kind = kind;
    t.chain_id = kChain;
    t.sender = from.key;
    t.nonce = nonce;
    t.gas_limit = gas_limit;
    t.gas_price = 2;
    return t;
  }
  Bytes sign(VmTransaction t, const Signer& from) const {
    sign_vm_transaction(t, from.sk);
    return encode_vm_transaction(t);
  }

  Signer alice_ = signer(1), bob_ = signer(2), generator_ = signer(3);
  std::vector<std::pair<VmAddress, u64>> genesis_;
};

TEST_F(VmLaneTest, BlocksMoveValueAndRunContracts) {
  Node a(root_ / "a", genesis_);
  Node b(root_ / "b", genesis_);
  EXPECT_EQ(a.lane->state_root(), b.lane->state_root());
  const u128 genesis_holdings = a.lane->holdings();
  EXPECT_EQ(genesis_holdings, u128{50'000'000'000} * lane::kWeiPerLux);

  // Block 1: a deposit to bob, alice deploys the counter and sends bob 1,000 LUX.
  VmTransaction deploy = tx(alice_, VmTxKind::kDeploy, 0, 50'000'000);
  deploy.code = counter_wasm();
  ASSERT_FALSE(deploy.code.empty());
  deploy.argument = Bytes{7, 0, 0, 0};
  VmTransaction send = tx(alice_, VmTxKind::kTransfer, 1, kVmTransferGas);
  send.to_address = bob_.address;
  send.amount = 1'000;
  for (const Bytes& t : {sign(deploy, alice_), sign(send, alice_)}) {
    auto id = a.lane->submit(t);
    ASSERT_TRUE(id.ok()) << id.error().message;
  }
  EXPECT_EQ(a.lane->pool_size(), 2u);
  const std::vector<lane::Deposit> deposits{{Hash256{}, Bytes(96, 0), Bytes(bob_.address.begin(), bob_.address.end()), 5'000'000}};
  auto p1 = a.lane->build(ctx(1), deposits);
  ASSERT_TRUE(p1.ok()) << p1.error().message;
  EXPECT_EQ(p1->transactions, 2u);
  ASSERT_EQ(p1->withdrawals.size(), 1u);  // the fees, to the generator
  EXPECT_TRUE(p1->withdrawals[0].from.empty());
  EXPECT_EQ(p1->withdrawals[0].to, Bytes(generator_.key.begin(), generator_.key.end()));
  const u64 fees = p1->withdrawals[0].amount;
  EXPECT_GT(fees, kVmTransferGas * 2);
  EXPECT_EQ(p1->holdings + u128{fees} * lane::kWeiPerLux, genesis_holdings + u128{5'000'000} * lane::kWeiPerLux);

  // The other node re-executes the body to the same commitment.
  auto e1 = b.lane->execute(ctx(1), deposits, p1->body);
  ASSERT_TRUE(e1.ok()) << e1.error().message;
  EXPECT_EQ(lane::commitment(*e1), lane::commitment(*p1));
  a.commit();
  b.commit();
  EXPECT_EQ(a.lane->height(), 1u);
  EXPECT_EQ(a.lane->state_root(), p1->state_root);
  EXPECT_EQ(a.lane->pool_size(), 0u);
  EXPECT_EQ(a.lane->account(bob_.address).balance, 5'001'000u);
  EXPECT_EQ(a.lane->account(alice_.address).nonce, 2u);
  EXPECT_EQ(a.lane->account(alice_.address).balance, 50'000'000'000 - 1'000 - fees);

  const ContractId counter = contract_id(deploy.code, 0, alice_.address);
  EXPECT_TRUE(a.lane->has_contract(counter));
  auto got = a.lane->query(counter, "get", {}, 1'000'000);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got->result, (Bytes{7, 0, 0, 0}));

  // Block 2: bob increments the counter and withdraws 2,000 LUX to alice's DuskDS key.
  VmTransaction inc = tx(bob_, VmTxKind::kCall, 0, 1'000'000);
  inc.contract = counter;
  inc.function = "increment";
  VmTransaction out = tx(bob_, VmTxKind::kWithdraw, 1, kVmWithdrawGas);
  out.to_key = alice_.key;
  out.amount = 2'000;
  for (const Bytes& t : {sign(inc, bob_), sign(out, bob_)}) {
    auto id = a.lane->submit(t);
    ASSERT_TRUE(id.ok()) << id.error().message;
  }
  auto p2 = a.lane->build(ctx(2), {});
  ASSERT_TRUE(p2.ok()) << p2.error().message;
  ASSERT_EQ(p2->withdrawals.size(), 2u);
  EXPECT_EQ(p2->withdrawals[0], (lane::Withdrawal{Bytes(bob_.address.begin(), bob_.address.end()),
                                                  Bytes(alice_.key.begin(), alice_.key.end()), 2'000}));
  EXPECT_EQ(p2->holdings + u128{2'000 + p2->withdrawals[1].amount} * lane::kWeiPerLux, a.lane->holdings());
  auto e2 = b.lane->execute(ctx(2), {}, p2->body);
  ASSERT_TRUE(e2.ok()) << e2.error().message;
  EXPECT_EQ(lane::commitment(*e2), lane::commitment(*p2));
  a.commit();
  b.commit();
  got = a.lane->query(counter, "get", {}, 1'000'000);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->result, (Bytes{8, 0, 0, 0}));
  auto receipt = a.lane->receipt(vm_transaction_id(sign(inc, bob_)));
  ASSERT_TRUE(receipt.ok() && receipt->has_value());
  EXPECT_NE((*receipt)->find("\"ok\":true"), std::string::npos) << **receipt;

  // Reopened, the lane resumes where it was.
  const Hash256 root = a.lane->state_root();
  const u128 holdings = a.lane->holdings();
  a.open();
  EXPECT_EQ(a.lane->height(), 2u);
  EXPECT_EQ(a.lane->state_root(), root);
  EXPECT_EQ(a.lane->holdings(), holdings);
}

TEST_F(VmLaneTest, RefusesBadBodiesAndTransactions) {
  Node a(root_ / "a", genesis_);
  VmTransaction send = tx(alice_, VmTxKind::kTransfer, 0, kVmTransferGas);
  send.to_address = bob_.address;
  send.amount = 10;
  const Bytes good = sign(send, alice_);

  VmTransaction wrong_chain = send;
  wrong_chain.chain_id = kChain + 1;
  EXPECT_FALSE(a.lane->submit(sign(wrong_chain, alice_)).ok());
  VmTransaction low_gas = send;
  low_gas.gas_limit = kVmTransferGas - 1;
  EXPECT_FALSE(a.lane->submit(sign(low_gas, alice_)).ok());
  VmTransaction poor = tx(bob_, VmTxKind::kTransfer, 0, kVmTransferGas);
  EXPECT_FALSE(a.lane->submit(sign(poor, bob_)).ok());  // bob holds nothing
  Bytes forged = good;
  forged[20] ^= 1;  // inside the sender key
  EXPECT_FALSE(a.lane->submit(forged).ok());
  Bytes bad_sig = sign(send, bob_);  // signed by someone else
  EXPECT_FALSE(a.lane->submit(bad_sig).ok());
  EXPECT_EQ(a.lane->pool_size(), 0u);
  ASSERT_TRUE(a.lane->submit(good).ok());
  EXPECT_FALSE(a.lane->submit(good).ok());  // already known
  VmTransaction same_price = send;
  same_price.amount = 11;
  EXPECT_FALSE(a.lane->submit(sign(same_price, alice_)).ok());  // replacement underpriced
  VmTransaction higher = same_price;
  higher.gas_price = 3;
  EXPECT_TRUE(a.lane->submit(sign(higher, alice_)).ok());
  EXPECT_EQ(a.lane->pool_size(), 1u);

  // Bodies that do not decode, or hold a transaction that is not valid there.
  Bytes body{1, 0, 0, 0};
  Bytes len(4);
  store_le<u32>(len.data(), static_cast<u32>(good.size()));
  body.insert(body.end(), len.begin(), len.end());
  body.insert(body.end(), good.begin(), good.end());
  EXPECT_TRUE(a.lane->execute(ctx(1), {}, body).ok());
  a.lane->discard();
  Bytes trailing = body;
  trailing.push_back(0);
  EXPECT_FALSE(a.lane->execute(ctx(1), {}, trailing).ok());
  Bytes twice{2, 0, 0, 0};
  for (int i = 0; i < 2; ++i) {
    twice.insert(twice.end(), len.begin(), len.end());
    twice.insert(twice.end(), good.begin(), good.end());
  }
  EXPECT_FALSE(a.lane->execute(ctx(1), {}, twice).ok());  // the replay has a used nonce
  EXPECT_FALSE(a.lane->execute(ctx(2), {}, body).ok());   // not the next height
  EXPECT_EQ(a.lane->height(), 0u);
}

// A transaction that does not fit the block's gas waits, and so do its sender's later
// nonces: none of them is dropped.
TEST_F(VmLaneTest, TransactionsThatDoNotFitWait) {
  fs::create_directories(root_ / "a");
  storage::Options o;
  o.path = (root_ / "a").string();
  o.column_families = VmLane::families();
  o.counter_families = VmLane::counter_families();
  auto db = storage::Database::open(o);
  ASSERT_TRUE(db.ok());
  VmLaneConfig c;
  c.chain_id = kChain;
  c.block_gas_limit = 3 * kVmTransferGas;
  genesis_.push_back({bob_.address, 50'000'000'000});
  auto lane = VmLane::open(**db, c, genesis_);
  ASSERT_TRUE(lane.ok()) << lane.error().message;
  auto send = [&](const Signer& from, u64 nonce, u64 gas, u64 price) {
    VmTransaction t = tx(from, VmTxKind::kTransfer, nonce, gas);
    t.gas_price = price;
    t.to_address = generator_.address;
    t.amount = 1;
    auto id = (*lane)->submit(sign(t, from));
    ASSERT_TRUE(id.ok()) << id.error().message;
  };
  send(bob_, 0, 2 * kVmTransferGas, 9);  // the best price, two thirds of the block
  send(alice_, 0, 2 * kVmTransferGas, 5);  // does not fit after bob's
  send(alice_, 1, kVmTransferGas, 5);      // would fit, but must follow nonce 0
  auto p = (*lane)->build(ctx(1), {});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->transactions, 1u);
  storage::WriteBatch batch;
  ASSERT_TRUE((*lane)->stage(batch).ok());
  ASSERT_TRUE((*db)->write(batch).ok());
  (*lane)->committed();
  EXPECT_EQ((*lane)->pool_size(), 2u) << "alice's two transactions wait";
  p = (*lane)->build(ctx(2), {});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->transactions, 2u);
  (*lane)->discard();
  lane->reset();
}

TEST_F(VmLaneTest, DiscardFinalizeAndRevert) {
  Node a(root_ / "a", genesis_);
  const Hash256 genesis_root = a.lane->state_root();
  auto block = [&](u64 h, u64 nonce, u32 init) {
    VmTransaction deploy = tx(alice_, VmTxKind::kDeploy, nonce, 50'000'000);
    deploy.code = counter_wasm();
    deploy.argument = Bytes{static_cast<u8>(init), 0, 0, 0};
    ASSERT_TRUE(a.lane->submit(sign(deploy, alice_)).ok());
    auto p = a.lane->build(ctx(h), {});
    ASSERT_TRUE(p.ok()) << p.error().message;
  };
  block(1, 0, 1);
  a.lane->discard();
  EXPECT_EQ(a.lane->state_root(), genesis_root);
  EXPECT_EQ(a.lane->pool_size(), 1u);  // still waiting
  auto p = a.lane->build(ctx(1), {});
  ASSERT_TRUE(p.ok());
  a.commit();
  std::vector<Hash256> roots{genesis_root, a.lane->state_root()};
  std::vector<u128> holdings{0, a.lane->holdings()};
  for (u64 h = 2; h <= 4; ++h) {
    block(h, h - 1, static_cast<u32>(h));
    storage::WriteBatch batch;
    ASSERT_TRUE(a.lane->finalize(h - 1, batch).ok());  // before stage, as the node does
    auto staged = a.lane->stage(batch);
    ASSERT_TRUE(staged.ok()) << staged.error().message;
    ASSERT_TRUE(a.db->write(batch).ok());
    a.lane->committed();
    roots.push_back(a.lane->state_root());
    holdings.push_back(a.lane->holdings());
  }
  EXPECT_EQ(a.lane->final_height(), 3u);
  auto store = StateStore::attach(*a.db, "vm_");
  ASSERT_TRUE(store.ok());
  auto commits = (*store)->commits();
  ASSERT_TRUE(commits.ok());
  EXPECT_EQ(commits->size(), 2u) << "the contract states of blocks 1 and 2 are forgotten once 3 is final";

  storage::WriteBatch below;
  EXPECT_FALSE(a.lane->revert_to(2, below).ok());  // below the final height
  storage::WriteBatch batch;
  ASSERT_TRUE(a.lane->revert_to(3, batch).ok());
  ASSERT_TRUE(a.db->write(batch).ok());
  a.lane->committed();
  EXPECT_EQ(a.lane->height(), 3u);
  EXPECT_EQ(a.lane->state_root(), roots[3]);
  EXPECT_EQ(a.lane->holdings(), holdings[3]);
  EXPECT_EQ(a.lane->account(alice_.address).nonce, 3u);
  // The chain goes on from there.
  block(4, 3, 40);
  a.commit();
  EXPECT_EQ(a.lane->height(), 4u);
  a.open();
  EXPECT_EQ(a.lane->height(), 4u);
}

}  // namespace
}  // namespace dusk::vm

namespace dusk::vm {
namespace {

// The pool's own rules: nonce order per sender, price order across senders, the window,
// replacement, room, pruning by nonce and by age.
TEST(VmPool, OrdersReplacesAndPrunes) {
  VmPoolConfig cfg;
  cfg.max_transactions = 4;
  cfg.max_nonce_gap = 3;
  cfg.max_age_blocks = 10;
  VmPool pool(cfg);
  auto tx = [](u8 who, u64 nonce, u64 price) {
    VmTransaction t;
    t.kind = VmTxKind::kTransfer;
    t.sender[0] = who;
    t.nonce = nonce;
    t.gas_price = price;
    return t;
  };
  auto add = [&](const VmTransaction& t, u64 account_nonce, u64 height) {
    return pool.add(t, encode_vm_transaction(t), account_nonce, height);
  };
  ASSERT_TRUE(add(tx(1, 1, 5), 0, 0).ok());
  ASSERT_TRUE(add(tx(1, 0, 5), 0, 0).ok());
  ASSERT_TRUE(add(tx(2, 0, 9), 0, 5).ok());
  EXPECT_FALSE(add(tx(3, 4, 9), 0, 5).ok());  // beyond the window
  EXPECT_FALSE(add(tx(3, 0, 0), 0, 5).ok());  // below the minimum price
  EXPECT_FALSE(add(tx(2, 0, 9), 0, 5).ok());  // already known
  EXPECT_FALSE(add(tx(2, 0, 9), 1, 5).ok());  // nonce too low
  ASSERT_TRUE(add(tx(3, 0, 1), 0, 5).ok());
  EXPECT_FALSE(add(tx(4, 0, 1), 0, 5).ok());  // full
  EXPECT_FALSE(add(tx(1, 0, 5), 0, 5).ok());  // a replacement must pay 10% more ...
  EXPECT_TRUE(add(tx(1, 0, 6), 0, 5).ok());   // ... and does
  auto nonce0 = [](const DsKey&) { return u64{0}; };
  auto picked = pool.select(nonce0, 10);
  ASSERT_EQ(picked.size(), 4u);
  EXPECT_EQ(picked[0]->tx.sender[0], 2);  // the highest price first
  EXPECT_EQ(picked[1]->tx.sender[0], 1);
  EXPECT_EQ(picked[1]->tx.nonce, 0u);
  EXPECT_EQ(picked[2]->tx.nonce, 1u);     // then sender 1's next nonce (price 5 > 1)
  EXPECT_EQ(picked[3]->tx.sender[0], 3);
  // At height 11, sender 1's nonce 1 (from height 0) is too old and goes; its nonce 0
  // came back at height 5 (the replacement) and stays, as do the others.
  pool.prune(nonce0, 11);
  EXPECT_EQ(pool.size(), 3u);
  pool.prune([](const DsKey& k) { return k[0] == 2 ? u64{1} : u64{0}; }, 11);  // 2's is in a block
  EXPECT_EQ(pool.size(), 2u);
  pool.prune(nonce0, 16);  // everything from height 5 is now too old
  EXPECT_EQ(pool.size(), 0u);
}

}  // namespace
}  // namespace dusk::vm
