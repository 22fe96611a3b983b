// The token example (contracts/examples/token) through a session: the mint, transfers,
// allowances, who the sender is, failures that change nothing, events, gas, the pages a
// transfer writes, and many accounts against a model, across a commit and a reopen.
#include <map>
#include <random>

#include "crypto/hash/blake2b.hpp"
#include "examples/contract_session.hpp"

namespace dusk::vm::test {
namespace {

const Bytes32 kAlice = account(0xa1), kBob = account(0xb0), kCarol = account(0xc0);
constexpr u64 kSupply = 1'000'000;

Bytes32 zero32() { return Bytes32{}; }

struct TokenTest : ContractSession {
  ContractId token{};
  Receipt deployed;

  void SetUp() override {
    ContractSession::SetUp();
    token = deploy("token", view(kAlice), Args().u64v(kSupply), 0, &deployed);
  }
  u64 balance(const Bytes32& who) {
    const Receipt r = query(token, "balance_of", Args().fixed(view(who)));
    EXPECT_TRUE(r.ok) << r.error;
    Fields f(r.result);
    const u64 v = f.u64v();
    EXPECT_TRUE(f.done());
    return v;
  }
  u64 allowance(const Bytes32& owner, const Bytes32& spender) {
    const Receipt r = query(token, "allowance", Args().fixed(view(owner)).fixed(view(spender)));
    EXPECT_TRUE(r.ok) << r.error;
    return Fields(r.result).u64v();
  }
  Receipt transfer(const Bytes32& from, const Bytes32& to, u64 amount) {
    return call(token, "transfer", Args().fixed(view(to)).u64v(amount), view(from));
  }
};

// An event's fields: two accounts and an amount.
void expect_event(const Event& e, const ContractId& source, const char* topic, const Bytes32& a, const Bytes32& b,
                  u64 amount) {
  EXPECT_EQ(e.source, source);
  EXPECT_EQ(e.topic, topic);
  Fields f(e.data);
  EXPECT_EQ(f.fixed32(), a);
  EXPECT_EQ(f.fixed32(), b);
  EXPECT_EQ(f.u64v(), amount);
  EXPECT_TRUE(f.done());
}

TEST_F(TokenTest, InitMintsTheSupplyToTheDeployer) {
  ASSERT_EQ(deployed.events.size(), 1u);
  expect_event(deployed.events[0], token, "transfer", zero32(), kAlice, kSupply);
  EXPECT_EQ(balance(kAlice), kSupply);
  EXPECT_EQ(balance(kBob), 0u);
  const Receipt r = query(token, "total_supply", {});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(Fields(r.result).u64v(), kSupply);
}

TEST_F(TokenTest, AnOwnerThatIsNot32BytesMintsToItsHash) {
  const Bytes owner(96, 0x5a);  // e.g. a BLS public key
  const ContractId other = deploy("token", owner, Args().u64v(7), 1);
  const auto h = crypto::blake2b<32>(owner);
  const Receipt r = query(other, "balance_of", Args().fixed(ByteView(h.data(), h.size())));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(Fields(r.result).u64v(), 7u);
  // The same origin spends it: the sender of a 96-byte origin is its hash.
  const Receipt t = call(other, "transfer", Args().fixed(view(kBob)).u64v(3), owner);
  ASSERT_TRUE(t.ok) << t.error;
  const Receipt b = query(other, "balance_of", Args().fixed(view(kBob)));
  EXPECT_EQ(Fields(b.result).u64v(), 3u);
}

TEST_F(TokenTest, TransferMovesBalanceAndEmits) {
  const Receipt r = transfer(kAlice, kBob, 250);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.result.empty());
  ASSERT_EQ(r.events.size(), 1u);
  expect_event(r.events[0], token, "transfer", kAlice, kBob, 250);
  EXPECT_GT(r.gas_spent, 0u);
  EXPECT_EQ(balance(kAlice), kSupply - 250);
  EXPECT_EQ(balance(kBob), 250u);
  ASSERT_TRUE(transfer(kBob, kCarol, 50).ok);
  EXPECT_EQ(balance(kBob), 200u);
  EXPECT_EQ(balance(kCarol), 50u);
}

TEST_F(TokenTest, GasIsRepeatable) {
  ASSERT_TRUE(transfer(kAlice, kBob, 10).ok);
  const Bytes arg = Args().fixed(view(kBob)).u64v(5);
  const Receipt a = session->query(token, "transfer", arg, kGas, view(kAlice));
  const Receipt b = session->query(token, "transfer", arg, kGas, view(kAlice));
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_GT(a.gas_spent, 0u);
  EXPECT_EQ(a.gas_spent, b.gas_spent);
  // And the same in a fresh session over the committed state.
  const Hash256 root = commit();
  reopen(root);
  const Receipt c = session->query(token, "transfer", arg, kGas, view(kAlice));
  ASSERT_TRUE(c.ok) << c.error;
  EXPECT_EQ(c.gas_spent, a.gas_spent);
}

TEST_F(TokenTest, FailuresChangeNothing) {
  ASSERT_TRUE(transfer(kAlice, kBob, 100).ok);
  const Hash256 before = session->root();
  Receipt r = transfer(kBob, kCarol, 101);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("insufficient balance"), std::string::npos) << r.error;
  EXPECT_TRUE(r.events.empty());
  r = transfer(kCarol, kAlice, 1);  // no account at all
  EXPECT_NE(r.error.find("insufficient balance"), std::string::npos) << r.error;
  // Malformed arguments.
  r = call(token, "transfer", Args().fixed(view(kBob)).u32v(1), view(kAlice));
  EXPECT_NE(r.error.find("bad argument: too short"), std::string::npos) << r.error;
  r = call(token, "transfer", Args().fixed(view(kBob)).u64v(1).u8v(0), view(kAlice));
  EXPECT_NE(r.error.find("bad argument: trailing bytes"), std::string::npos) << r.error;
  // Nobody named: no sender.
  r = call(token, "transfer", Args().fixed(view(kBob)).u64v(1), {});
  EXPECT_NE(r.error.find("no sender"), std::string::npos) << r.error;
  EXPECT_FALSE(call(token, "init", Args().u64v(5), view(kAlice)).ok);  // init runs once
  EXPECT_EQ(session->root(), before);
  EXPECT_EQ(balance(kBob), 100u);
}

TEST_F(TokenTest, SelfAndZeroTransfersChangeNoBalance) {
  Receipt r = transfer(kAlice, kAlice, 500);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(balance(kAlice), kSupply);
  r = transfer(kCarol, kBob, 0);  // an empty account may send nothing
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(balance(kBob), 0u);
  EXPECT_FALSE(transfer(kAlice, kAlice, kSupply + 1).ok);
}

TEST_F(TokenTest, AnEmptiedAccountIsRemovedAndCanReceiveAgain) {
  const Hash256 start = commit();
  ASSERT_TRUE(transfer(kAlice, kBob, 40).ok);
  ASSERT_TRUE(transfer(kBob, kAlice, 40).ok);
  EXPECT_EQ(balance(kBob), 0u);
  // Bob's entry is gone without a trace: only the page of argbuf (another argument)
  // differs from the state before he had any tokens.
  EXPECT_EQ(pages_changed(token, start, commit()), 1u);
  ASSERT_TRUE(transfer(kAlice, kBob, 1).ok);
  EXPECT_EQ(balance(kBob), 1u);
  EXPECT_EQ(balance(kAlice), kSupply - 1);
}

TEST_F(TokenTest, AllowancesGateTransferFrom) {
  Receipt r = call(token, "approve", Args().fixed(view(kCarol)).u64v(300), view(kAlice));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.events.size(), 1u);
  expect_event(r.events[0], token, "approval", kAlice, kCarol, 300);
  EXPECT_EQ(allowance(kAlice, kCarol), 300u);
  EXPECT_EQ(allowance(kCarol, kAlice), 0u);

  // Carol moves Alice's tokens to Bob, within the allowance.
  const Bytes move200 = Args().fixed(view(kAlice)).fixed(view(kBob)).u64v(200);
  r = call(token, "transfer_from", move200, view(kCarol));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.events.size(), 1u);
  expect_event(r.events[0], token, "transfer", kAlice, kBob, 200);
  EXPECT_EQ(allowance(kAlice, kCarol), 100u);
  EXPECT_EQ(balance(kBob), 200u);

  // Beyond it, and by someone without one: refused, nothing changes.
  const Hash256 before = session->root();
  r = call(token, "transfer_from", move200, view(kCarol));
  EXPECT_NE(r.error.find("insufficient allowance"), std::string::npos) << r.error;
  r = call(token, "transfer_from", Args().fixed(view(kAlice)).fixed(view(kBob)).u64v(1), view(kBob));
  EXPECT_NE(r.error.find("insufficient allowance"), std::string::npos) << r.error;
  EXPECT_EQ(session->root(), before);

  // An allowance larger than the balance still stops at the balance.
  ASSERT_TRUE(call(token, "approve", Args().fixed(view(kCarol)).u64v(kSupply * 2), view(kAlice)).ok);
  r = call(token, "transfer_from", Args().fixed(view(kAlice)).fixed(view(kCarol)).u64v(kSupply), view(kCarol));
  EXPECT_NE(r.error.find("insufficient balance"), std::string::npos) << r.error;
  // Using it up, or approving zero, removes it.
  ASSERT_TRUE(call(token, "approve", Args().fixed(view(kCarol)).u64v(5), view(kAlice)).ok);
  ASSERT_TRUE(call(token, "transfer_from", Args().fixed(view(kAlice)).fixed(view(kCarol)).u64v(5), view(kCarol)).ok);
  EXPECT_EQ(allowance(kAlice, kCarol), 0u);
  ASSERT_TRUE(call(token, "approve", Args().fixed(view(kBob)).u64v(9), view(kAlice)).ok);
  ASSERT_TRUE(call(token, "approve", Args().fixed(view(kBob)).u64v(0), view(kAlice)).ok);
  EXPECT_EQ(allowance(kAlice, kBob), 0u);
}

TEST_F(TokenTest, ATransferBetweenExistingAccountsWritesAtMostThreePages) {
  // Enough accounts that the balances span many buckets.
  for (u32 i = 0; i < 400; ++i) {
    Bytes32 who{};
    store_le<u32>(who.data(), i + 1);
    ASSERT_TRUE(transfer(kAlice, who, 1).ok);
  }
  Bytes32 x{}, y{};
  store_le<u32>(x.data(), 7);
  store_le<u32>(y.data(), 300);
  ASSERT_TRUE(transfer(kAlice, x, 1).ok);  // argbuf and the stack hold this call's bytes
  const Hash256 before = commit();
  ASSERT_TRUE(transfer(x, y, 1).ok);
  const Hash256 after = commit();
  // The page of the stack top and argbuf's start, and the two accounts' buckets.
  EXPECT_LE(pages_changed(token, before, after), 3u);
  EXPECT_GE(pages_changed(token, before, after), 1u);
}

TEST_F(TokenTest, ManyAccountsAgreeWithAModelAcrossCommits) {
  std::map<Bytes32, u64> model{{kAlice, kSupply}};
  std::mt19937_64 rng(42);
  std::vector<Bytes32> accounts{kAlice};
  for (int i = 0; i < 1500; ++i) {
    Bytes32 a;
    for (auto& byte : a) byte = static_cast<u8>(rng());
    accounts.push_back(a);
  }
  auto pick = [&] { return accounts[rng() % accounts.size()]; };
  Hash256 root{};
  for (int round = 0; round < 3000; ++round) {
    // Mostly from funded accounts, sometimes more than they have.
    Bytes32 from = round % 3 == 0 ? kAlice : pick();
    const Bytes32 to = pick();
    const u64 have = model.count(from) ? model[from] : 0;
    const u64 amount = rng() % 10 == 0 ? have + 1 : (have ? rng() % (have + 1) : 0);
    const Receipt r = transfer(from, to, amount);
    ASSERT_EQ(r.ok, amount <= have) << r.error;
    if (r.ok && amount && from != to) {
      model[from] -= amount;
      model[to] += amount;
      if (model[from] == 0) model.erase(from);
    }
    if (round % 1000 == 999) {
      root = commit();
      reopen(root);
    }
  }
  u64 sum = 0;
  for (const Bytes32& a : accounts) {
    const u64 b = balance(a);
    EXPECT_EQ(b, model.count(a) ? model[a] : 0u);
    sum += b;
  }
  EXPECT_EQ(sum, kSupply);
}

}  // namespace
}  // namespace dusk::vm::test
