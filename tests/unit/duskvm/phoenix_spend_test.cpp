// The wallet's side of Phoenix (duskvm/phoenix/spend.hpp) and the transaction format
// (transaction.hpp): a view key finds exactly its notes and values (what an auditor
// sees); a prepared spend satisfies the transaction circuit, with the public inputs the
// contract would derive from the transaction; receivers find their outputs and the
// sender; bad requests are refused with a reason; the encoding round-trips and refuses
// malformed transactions; the payload hash covers every field but the proof.
#include <gtest/gtest.h>

#include "duskvm/phoenix/spend.hpp"

namespace dusk::duskvm::phoenix {
namespace {

using crypto::plonk::Composer;

SecretKey key(u8 seed) {
  const std::array<u8, 3> s{seed, 7, 7};
  return SecretKey::derive(s, 0);
}

NoteRandomness rnd(u64 i) {
  NoteRandomness r{Scalar::from_u64(40 + i), {Scalar::from_u64(50 + i), Scalar::from_u64(60 + i)}, {}};
  r.nonce[1] = static_cast<u8>(i);
  return r;
}

SpendRandomness spend_rnd() {
  return {{rnd(100), rnd(101)}, {Scalar::from_u64(71), Scalar::from_u64(72)}, {5}};
}

struct World {
  SecretKey alice = key(1), bob = key(2), eve = key(3);
  NoteTree tree;
  std::vector<Note> notes;
  World() {
    // Bob pays Alice 700 and 500 (obfuscated and transparent) and himself 300.
    add(Note::obfuscated(bob.public_key(), alice.public_key(), 700, Scalar::from_u64(1), rnd(1)));
    add(Note::obfuscated(bob.public_key(), bob.public_key(), 300, Scalar::from_u64(2), rnd(2)));
    add(Note::transparent(bob.public_key(), alice.public_key(), 500, rnd(3)));
  }
  void add(Note n) {
    n.set_pos(tree.size());
    (void)tree.append(n.hash());
    notes.push_back(n);
  }
};

TEST(PhoenixSpend, AViewKeySeesExactlyItsNotes) {
  const World w;
  const auto alice = scan(w.alice.view_key(), w.notes);
  ASSERT_EQ(alice.size(), 2u);
  EXPECT_EQ(alice[0].opening.value, 700u);
  EXPECT_EQ(alice[1].opening.value, 500u);
  const auto bob = scan(w.bob.view_key(), w.notes);
  ASSERT_EQ(bob.size(), 1u);
  EXPECT_EQ(bob[0].opening.value, 300u);
  EXPECT_TRUE(scan(w.eve.view_key(), w.notes).empty());
}

TEST(PhoenixSpend, APreparedSpendSatisfiesTheCircuit) {
  World w;
  SpendRequest req{scan(w.alice.view_key(), w.notes), w.bob.public_key(), 800, 20};
  auto spend = prepare_spend(w.alice, req, w.tree, spend_rnd());
  ASSERT_TRUE(spend.ok()) << spend.error().message;
  Composer cs;
  TransactionCircuit(spend->witness).circuit(cs);
  EXPECT_EQ(cs.first_violation(), std::nullopt);
  auto pub = spend->transaction.public_inputs();
  ASSERT_TRUE(pub.has_value());
  EXPECT_EQ(cs.public_inputs(), pub->to_public_inputs());
  EXPECT_EQ(spend->transaction.nullifiers[0], w.notes[0].nullifier(w.alice));

  // Bob finds the 800 and who sent it; Alice finds her change (1,200 - 800 - 20).
  const auto to_bob = scan(w.bob.view_key(), spend->transaction.outputs);
  ASSERT_EQ(to_bob.size(), 1u);
  EXPECT_EQ(to_bob[0].opening.value, 800u);
  auto sender = to_bob[0].note.sender_public_key(w.bob.note_secret_key(to_bob[0].note.stealth_address()));
  ASSERT_TRUE(sender.has_value());
  EXPECT_EQ(*sender, w.alice.public_key());
  const auto change = scan(w.alice.view_key(), spend->transaction.outputs);
  ASSERT_EQ(change.size(), 1u);
  EXPECT_EQ(change[0].opening.value, 380u);
  EXPECT_TRUE(scan(w.eve.view_key(), spend->transaction.outputs).empty());
}

TEST(PhoenixSpend, BadRequestsAreRefused) {
  World w;
  const auto mine = scan(w.alice.view_key(), w.notes);
  auto refused = [&](SpendRequest req, const SecretKey& who) { return !prepare_spend(who, req, w.tree, spend_rnd()).ok(); };
  EXPECT_TRUE(refused({mine, w.bob.public_key(), 1'200, 1}, w.alice));            // too little
  EXPECT_TRUE(refused({mine, w.bob.public_key(), ~u64{0}, ~u64{0}}, w.alice));    // sums overflow 64 bits
  EXPECT_TRUE(refused({{}, w.bob.public_key(), 1, 0}, w.alice));                  // no input
  EXPECT_TRUE(refused({mine, w.bob.public_key(), 1, 0}, w.bob));                  // not Bob's notes
  auto moved = mine;
  moved[0].note.set_pos(2);
  EXPECT_TRUE(refused({moved, w.bob.public_key(), 1, 0}, w.alice));               // not where it says
  SpendRequest stray{mine, w.bob.public_key(), 1, 0};
  stray.deposit_to[0] = 1;
  EXPECT_TRUE(refused(stray, w.alice));                                            // an address without a deposit
  EXPECT_TRUE(refused({{mine[0], mine[0]}, w.bob.public_key(), 1, 0}, w.alice));   // one note twice
  std::vector<OwnedNote> five(5, mine[0]);
  EXPECT_TRUE(refused({five, w.bob.public_key(), 1, 0}, w.alice));                // more than four inputs
  EXPECT_FALSE(refused({mine, w.bob.public_key(), 1'180, 20}, w.alice));          // exactly enough
}

TEST(PhoenixSpend, TransactionsEncodeStrictlyAndThePayloadCoversAllButTheProof) {
  World w;
  SpendRequest req{scan(w.alice.view_key(), w.notes), w.bob.public_key(), 100, 5, 50};
  req.deposit_to[31] = 9;
  auto spend = prepare_spend(w.alice, req, w.tree, spend_rnd());
  ASSERT_TRUE(spend.ok()) << spend.error().message;
  Transaction tx = spend->transaction;
  tx.proof[0] = 0xAB;
  const Bytes bytes = tx.encode();
  auto back = Transaction::decode(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->encode(), bytes);

  const Fr h = tx.payload_hash();
  Transaction t2 = tx;
  t2.proof[1] ^= 1;
  EXPECT_EQ(t2.payload_hash(), h);  // the proof is not signed
  for (auto change : std::vector<void (*)(Transaction&)>{
           [](Transaction& t) { t.max_fee += 1; }, [](Transaction& t) { t.deposit += 1; },
           [](Transaction& t) { t.chain_id += 1; },
           [](Transaction& t) { t.deposit_to[0] ^= 1; }, [](Transaction& t) { t.root = t.root + Fr::one(); },
           [](Transaction& t) { t.nullifiers[0] = t.nullifiers[0] + Fr::one(); },
           [](Transaction& t) { std::swap(t.outputs[0], t.outputs[1]); }}) {
    Transaction t = tx;
    change(t);
    EXPECT_NE(t.payload_hash(), h);
  }

  auto refused = [](Bytes b) { return !Transaction::decode(b).has_value(); };
  Bytes b = bytes;
  b.push_back(0);
  EXPECT_TRUE(refused(b));                                  // a trailing byte
  b = bytes;
  b.pop_back();
  EXPECT_TRUE(refused(b));                                  // short
  b = bytes;
  b[40] = 0;
  EXPECT_TRUE(refused(b));                                  // no nullifier
  b = bytes;
  b[40] = 5;
  EXPECT_TRUE(refused(b));                                  // too many
  b = bytes;
  std::fill(b.begin() + 8, b.begin() + 40, 0xff);
  EXPECT_TRUE(refused(b));                                  // root >= r
  Transaction placed = tx;
  placed.outputs[0].set_pos(3);
  EXPECT_TRUE(refused(placed.encode()));                    // outputs are unplaced
  Transaction stray = tx;
  stray.deposit = 0;
  EXPECT_TRUE(refused(stray.encode()));                     // deposit_to without a deposit
  Transaction contract = tx;
  contract.outputs[1] = Note::transparent_to(tx.outputs[1].stealth_address(), 1, ContractInfo{});
  EXPECT_TRUE(refused(contract.encode()));                  // contract data is no Phoenix output
  EXPECT_FALSE(contract.public_inputs().has_value());
}

}  // namespace
}  // namespace dusk::duskvm::phoenix
