// Phoenix in the DuskVM lane (duskvm/lane/vm_lane.hpp) with real proofs (the 1-input
// circuit, an INSECURE seeded setup): a shield from an account, a private payment with an
// unshielding deposit, what the pool refuses (a repeat, a forged proof, another chain's
// transaction, a spent note), a second node re-executing the blocks to the same roots
// (verifying the proof itself) and refusing a block with a forged proof, a dropped block
// leaving no trace, a reopened lane resuming the same ledger, and a revert that brings
// the spent note back.
#include <gtest/gtest.h>

#include <filesystem>

#include "crypto/bls/scheme.hpp"
#include "duskvm/lane/vm_lane.hpp"
#include "unit/lane/lane_node.hpp"
#include "duskvm/phoenix/spend.hpp"

namespace dusk::vm {
namespace {

using crypto::bls::BlsMinSig;
namespace fs = std::filesystem;
namespace ph = duskvm::phoenix;

constexpr u64 kChain = 9;
constexpr std::string_view kSrs = "INSECURE-SEED:vm lane phoenix test";

using test::Signer;

Signer signer(u8 i) { return test::signer(i, "vm_lane_phoenix_test"); }

ph::SecretKey phoenix_key(u8 i) {
  const std::array<u8, 2> seed{i, 77};
  return ph::SecretKey::derive(seed, 0);
}

VmLaneConfig lane_config() {
  VmLaneConfig c;
  c.chain_id = kChain;
  c.phoenix = *ph::Setup::parse(std::string(kSrs), 1);
  return c;
}

struct Node : test::LaneNode {
  Node(fs::path d, std::vector<std::pair<VmAddress, u64>> g) : LaneNode(std::move(d), lane_config(), std::move(g)) {}
};

Bytes body_of(std::initializer_list<ByteView> txs) {
  Bytes b;
  append_le<u32>(b, static_cast<u32>(txs.size()));
  for (ByteView t : txs) {
    append_le<u32>(b, static_cast<u32>(t.size()));
    b.insert(b.end(), t.begin(), t.end());
  }
  return b;
}

class VmLanePhoenix : public test::LaneTest {
 protected:
  lane::BlockContext ctx(u64 height) const { return test::block_context(kChain, height, generator_.key); }
  Bytes shield(const Signer& from, u64 nonce, const ph::PublicKey& to, u64 amount, u64 r) const {
    VmTransaction t;
    t.kind = VmTxKind::kShield;
    t.chain_id = kChain;
    t.sender = from.key;
    t.nonce = nonce;
    t.gas_limit = kVmShieldGas;
    t.gas_price = 1;
    t.stealth = to.stealth_address(ph::Scalar::from_u64(r)).encode();
    t.amount = amount;
    sign_vm_transaction(t, from.sk);
    return encode_vm_transaction(t);
  }
  static Bytes phoenix_tx(const ph::Transaction& tx) {
    VmTransaction t;
    t.kind = VmTxKind::kPhoenix;
    t.chain_id = tx.chain_id;
    t.phoenix = tx.encode();
    return encode_vm_transaction(t);
  }

  Signer alice_ = signer(1), bob_ = signer(2), generator_ = signer(3);
};

TEST_F(VmLanePhoenix, ShieldPayUnshieldReexecuteDiscardReopenRevert) {
  const std::vector<std::pair<VmAddress, u64>> genesis{{alice_.address, 50'000'000'000}};
  Node a(root_ / "a", genesis);
  const ph::SecretKey alice = phoenix_key(1), bob = phoenix_key(2);
  EXPECT_TRUE(a.lane->phoenix_enabled());
  const u128 genesis_holdings = a.lane->holdings();

  // Block 1: Alice shields 10,000,000 LUX from her account.
  const Bytes s1 = shield(alice_, 0, alice.public_key(), 10'000'000, 5);
  ASSERT_TRUE(a.lane->submit(s1).ok());
  auto p1 = a.lane->build(ctx(1), {});
  ASSERT_TRUE(p1.ok()) << p1.error().message;
  EXPECT_EQ(p1->transactions, 1u);
  a.commit();
  EXPECT_EQ(a.lane->phoenix().pool(), 10'000'000u);
  EXPECT_EQ(a.lane->phoenix().notes().size(), 1u);
  EXPECT_EQ(a.lane->account(alice_.address).balance, 50'000'000'000 - 10'000'000 - kVmShieldGas);
  EXPECT_EQ(a.lane->holdings(), genesis_holdings - u128{kVmShieldGas} * lane::kWeiPerLux);  // only the fee left
  const Hash256 root_after_1 = a.lane->state_root();

  // Alice pays Bob 400,000, 100,000 of it unshielded to Bob's account, fee the minimum.
  auto srs = ph::load_srs(*ph::Setup::parse(std::string(kSrs), 1), ph::srs_powers(1));
  ASSERT_TRUE(srs.ok());
  auto keys = ph::circuit_keys(*srs, 1);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  const u64 fee = phoenix_gas(1);
  std::array<u8, 32> bob_account;
  std::copy(bob_.address.begin(), bob_.address.end(), bob_account.begin());
  ph::SpendRequest req{ph::scan(alice.view_key(), a.lane->phoenix().notes()), bob.public_key(), 300'000, fee,
                       100'000, bob_account, kChain};
  auto spend = ph::prepare_spend(alice, req, a.lane->phoenix().tree(), ph::SpendRandomness::fresh());
  ASSERT_TRUE(spend.ok()) << spend.error().message;
  ASSERT_TRUE(ph::prove_spend(*keys->prover, *spend).ok());
  const ph::Transaction& ptx = spend->transaction;
  const Bytes pay = phoenix_tx(ptx);

  // Refused on entry, nothing pooled: a forged proof, a fee under the minimum (the proof
  // is for another fee anyway), another chain's transaction.
  ph::Transaction forged = ptx;
  forged.proof[200] ^= 1;
  EXPECT_FALSE(a.lane->submit(phoenix_tx(forged)).ok());
  ph::Transaction cheap = ptx;
  cheap.max_fee = fee - 1;
  auto cheap_r = a.lane->submit(phoenix_tx(cheap));
  ASSERT_FALSE(cheap_r.ok());
  EXPECT_NE(cheap_r.error().message.find("max_fee too low"), std::string::npos);
  ph::Transaction elsewhere = ptx;
  elsewhere.chain_id = kChain + 1;
  EXPECT_FALSE(a.lane->submit(phoenix_tx(elsewhere)).ok());
  EXPECT_EQ(a.lane->pool_size(), 0u);

  // The node's path: the proof verified first (off the chain's lock), then admitted.
  EXPECT_FALSE(a.lane->verify_phoenix(phoenix_tx(forged)).ok());
  EXPECT_FALSE(a.lane->verify_phoenix(s1).ok());  // not a Phoenix transaction
  ASSERT_TRUE(a.lane->verify_phoenix(pay).ok());

  auto id = a.lane->submit(pay);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_TRUE(a.lane->pooled(*id));
  EXPECT_EQ(a.lane->phoenix_pool_size(), 1u);
  EXPECT_FALSE(a.lane->submit(pay).ok());  // already pooled

  // Block 2.
  auto p2 = a.lane->build(ctx(2), {});
  ASSERT_TRUE(p2.ok()) << p2.error().message;
  EXPECT_EQ(p2->transactions, 1u);
  ASSERT_EQ(p2->withdrawals.size(), 1u);  // the fee, to the generator
  EXPECT_EQ(p2->withdrawals[0].amount, fee);
  a.commit();
  EXPECT_EQ(a.lane->pool_size(), 0u);
  EXPECT_EQ(a.lane->account(bob_.address).balance, 100'000u);
  EXPECT_EQ(a.lane->phoenix().pool(), 10'000'000u - fee - 100'000);
  EXPECT_TRUE(a.lane->phoenix().is_spent(ptx.nullifiers[0]));
  const auto bobs = ph::scan(bob.view_key(), a.lane->phoenix().notes());
  ASSERT_EQ(bobs.size(), 1u);
  EXPECT_EQ(bobs[0].opening.value, 300'000u);
  auto receipt = a.lane->receipt(*id);
  ASSERT_TRUE(receipt.ok() && *receipt);
  EXPECT_NE((*receipt)->find("\"kind\":\"phoenix\""), std::string::npos);
  EXPECT_EQ(a.lane->holdings(), genesis_holdings - u128{kVmShieldGas + fee} * lane::kWeiPerLux);
  // The spent note cannot be spent again.
  auto again = a.lane->submit(pay);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already spent"), std::string::npos);
  const Hash256 root_after_2 = a.lane->state_root();

  // A second node executes both bodies, verifying the proof itself, to the same roots;
  // a body with the forged proof instead is refused.
  {
    Node b(root_ / "b", genesis);
    auto e1 = b.lane->execute(ctx(1), {}, p1->body);
    ASSERT_TRUE(e1.ok()) << e1.error().message;
    EXPECT_EQ(lane::commitment(*e1), lane::commitment(*p1));
    b.commit();
    auto bad = b.lane->execute(ctx(2), {}, body_of({phoenix_tx(forged)}));
    EXPECT_FALSE(bad.ok());
    auto e2 = b.lane->execute(ctx(2), {}, p2->body);
    ASSERT_TRUE(e2.ok()) << e2.error().message;
    EXPECT_EQ(lane::commitment(*e2), lane::commitment(*p2));
    b.commit();
    EXPECT_EQ(b.lane->state_root(), root_after_2);
  }

  // A dropped block leaves no trace in the ledger.
  ASSERT_TRUE(a.lane->submit(shield(alice_, 1, bob.public_key(), 7, 9)).ok());
  EXPECT_EQ(a.lane->pool_size(), 1u);  // a shield is signed: it waits in the nonce-ordered pool
  EXPECT_EQ(a.lane->phoenix_pool_size(), 0u);
  const Hash256 digest = a.lane->phoenix().digest();
  ASSERT_TRUE(a.lane->build(ctx(3), {}).ok());
  EXPECT_NE(a.lane->phoenix().digest(), digest);
  a.lane->discard();
  EXPECT_EQ(a.lane->phoenix().digest(), digest);
  EXPECT_EQ(a.lane->phoenix().notes().size(), 3u);

  // Reopened: the same state, the same refusals.
  a.open();
  EXPECT_EQ(a.lane->state_root(), root_after_2);
  EXPECT_EQ(a.lane->phoenix().digest(), digest);
  EXPECT_TRUE(a.lane->phoenix().is_spent(ptx.nullifiers[0]));
  EXPECT_FALSE(a.lane->submit(pay).ok());

  // Reverted to block 1: the note is unspent again, the pool and Bob's account as they
  // were; and so it stays after reopening.
  storage::WriteBatch batch;
  ASSERT_TRUE(a.lane->revert_to(1, batch).ok());
  ASSERT_TRUE(a.db->write(batch).ok());
  a.lane->committed();
  EXPECT_EQ(a.lane->state_root(), root_after_1);
  EXPECT_FALSE(a.lane->phoenix().is_spent(ptx.nullifiers[0]));
  EXPECT_EQ(a.lane->phoenix().pool(), 10'000'000u);
  EXPECT_EQ(a.lane->account(bob_.address).balance, 0u);
  a.open();
  EXPECT_EQ(a.lane->state_root(), root_after_1);
  EXPECT_EQ(a.lane->phoenix().notes().size(), 1u);
  auto resubmitted = a.lane->submit(pay);  // its root is still a recent one
  EXPECT_TRUE(resubmitted.ok()) << resubmitted.error().message;
}

TEST(PhoenixPool, ConflictsFeesAndAge) {
  auto entry = [](u8 id, u64 fee, std::vector<u8> nullifiers, u64 height = 0) {
    PhoenixPool::Entry e;
    e.id[0] = id;
    e.fee = fee;
    for (u8 n : nullifiers) {
      ph::NullifierKey k{};
      k[0] = n;
      e.nullifiers.push_back(k);
    }
    e.height = height;
    return e;
  };
  PhoenixPool pool({3, 10});
  ASSERT_TRUE(pool.add(entry(1, 100, {1})).ok());
  EXPECT_FALSE(pool.add(entry(1, 100, {9})).ok());      // the same transaction
  EXPECT_FALSE(pool.add(entry(2, 500, {7, 1})).ok());   // spends a note entry 1 spends
  ASSERT_TRUE(pool.add(entry(3, 300, {2})).ok());
  ASSERT_TRUE(pool.add(entry(4, 300, {3}, 5)).ok());
  EXPECT_FALSE(pool.add(entry(5, 100, {4})).ok());      // full, and no higher fee
  ASSERT_TRUE(pool.add(entry(6, 200, {5})).ok());       // full: takes the place of entry 1
  EXPECT_FALSE(pool.contains(entry(1, 0, {}).id));
  ASSERT_TRUE(pool.add(entry(7, 900, {1})).ok());      // entry 1's note is free again; entry 6 makes room...
  auto order = pool.select(10);
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(order[0]->fee, 900u);  // ...and the highest fee goes first
  EXPECT_FALSE(pool.contains(entry(6, 0, {}).id));
  EXPECT_EQ(order[1]->id[0], 3);   // equal fees: the earlier arrival first
  EXPECT_EQ(order[2]->id[0], 4);
  pool.remove(order[0]->id);
  pool.prune(12);  // entry 3 (height 0) is too old; entry 4 (height 5) is not
  EXPECT_FALSE(pool.contains(entry(3, 0, {}).id));
  EXPECT_TRUE(pool.contains(entry(4, 0, {}).id));
  EXPECT_EQ(pool.size(), 1u);
  ASSERT_TRUE(pool.add(entry(8, 1, {2})).ok());  // entry 3's note, free after its prune
}

}  // namespace
}  // namespace dusk::vm
