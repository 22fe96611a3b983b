// The escrow example (contracts/examples/escrow) with the token through a session:
// opening takes the payer's tokens through the token's transfer_from; release and refund
// by whom and when each is allowed; the token's failures inside a call; atomicity of the
// nested calls at every gas limit short of enough; events of both contracts.
#include "examples/contract_session.hpp"

namespace dusk::vm::test {
namespace {

const Bytes32 kPayer = account(0xa1), kPayee = account(0xb2), kArbiter = account(0xc3), kStranger = account(0xd4);
constexpr u64 kSupply = 10'000;

enum Status : u8 { kOpen = 1, kReleased = 2, kRefunded = 3 };

struct EscrowTest : ContractSession {
  ContractId token{}, escrow{};

  void SetUp() override {
    ContractSession::SetUp();
    token = deploy("token", view(kPayer), Args().u64v(kSupply));
    escrow = deploy("escrow", view(kPayer), Args().fixed(view(token)));
    approve(kPayer, 5'000);
  }
  void approve(const Bytes32& owner, u64 amount) {
    const Receipt r = call(token, "approve", Args().fixed(view(escrow)).u64v(amount), view(owner));
    ASSERT_TRUE(r.ok) << r.error;
  }
  u64 balance(const Bytes32& who) {
    const Receipt r = query(token, "balance_of", Args().fixed(view(who)));
    EXPECT_TRUE(r.ok) << r.error;
    return Fields(r.result).u64v();
  }
  Bytes open_arg(u64 amount, u64 deadline, const Bytes32& arbiter = kArbiter) {
    return Args().fixed(view(kPayee)).fixed(view(arbiter)).u64v(amount).u64v(deadline);
  }
  u64 open(u64 amount, u64 deadline, const Bytes32& arbiter = kArbiter) {
    const Receipt r = call(escrow, "open", open_arg(amount, deadline, arbiter), view(kPayer));
    EXPECT_TRUE(r.ok) << r.error;
    return Fields(r.result).u64v();
  }
  Receipt settle(const char* fn, u64 id, const Bytes32& who) { return call(escrow, fn, Args().u64v(id), view(who)); }
  u8 status(u64 id) {
    const Receipt r = query(escrow, "get", Args().u64v(id));
    EXPECT_TRUE(r.ok) << r.error;
    Fields f(r.result);
    for (int i = 0; i < 3; ++i) f.fixed32();
    f.u64v();
    f.u64v();
    return f.u8v();
  }
  // Fails with `message`, and nothing changes.
  void refused(const char* fn, ByteView arg, const Bytes32& who, const std::string& message) {
    const Hash256 before = session->root();
    const Receipt r = call(escrow, fn, arg, view(who));
    EXPECT_FALSE(r.ok) << fn;
    EXPECT_NE(r.error.find(message), std::string::npos) << fn << ": " << r.error;
    EXPECT_TRUE(r.events.empty());
    EXPECT_EQ(session->root(), before) << fn;
  }
};

TEST_F(EscrowTest, OpenTakesThePayersTokens) {
  const Receipt r = call(escrow, "open", open_arg(1'200, 0), view(kPayer));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(Fields(r.result).u64v(), 1u);
  EXPECT_GT(r.gas_spent, 0u);
  EXPECT_EQ(balance(kPayer), kSupply - 1'200);
  EXPECT_EQ(balance(escrow), 1'200u);
  // The token's event, then the escrow's.
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].source, token);
  EXPECT_EQ(r.events[0].topic, "transfer");
  EXPECT_EQ(r.events[1].source, escrow);
  EXPECT_EQ(r.events[1].topic, "opened");
  Fields e(r.events[1].data);
  EXPECT_EQ(e.u64v(), 1u);
  EXPECT_EQ(e.fixed32(), kPayer);
  EXPECT_EQ(e.fixed32(), kPayee);
  EXPECT_EQ(e.u64v(), 1'200u);
  EXPECT_TRUE(e.done());
  // The record.
  const Receipt g = query(escrow, "get", Args().u64v(1));
  ASSERT_TRUE(g.ok) << g.error;
  Fields f(g.result);
  EXPECT_EQ(f.fixed32(), kPayer);
  EXPECT_EQ(f.fixed32(), kPayee);
  EXPECT_EQ(f.fixed32(), kArbiter);
  EXPECT_EQ(f.u64v(), 1'200u);
  EXPECT_EQ(f.u64v(), 0u);
  EXPECT_EQ(f.u8v(), kOpen);
  EXPECT_TRUE(f.done());
  // The allowance was used.
  const Receipt a = query(token, "allowance", Args().fixed(view(kPayer)).fixed(view(escrow)));
  EXPECT_EQ(Fields(a.result).u64v(), 3'800u);
  EXPECT_EQ(open(100, 0), 2u);  // ids count up
}

TEST_F(EscrowTest, TheTokensRefusalsComeBackAndChangeNothing) {
  refused("open", open_arg(6'000, 0), kPayer, "transfer_from: insufficient allowance");
  approve(kStranger, 100);  // an allowance, but no tokens
  refused("open", open_arg(50, 0), kStranger, "transfer_from: insufficient balance");
  refused("open", open_arg(0, 0), kPayer, "the amount must be positive");
  refused("open", Args().fixed(view(kPayee)).u64v(5), kPayer, "bad argument: too short");
}

TEST_F(EscrowTest, ThePayerOrTheArbiterReleases) {
  const u64 a = open(1'000, 0), b = open(500, 0);
  refused("release", Args().u64v(a), kPayee, "only the payer or the arbiter may release");
  refused("release", Args().u64v(a), kStranger, "only the payer or the arbiter may release");
  Receipt r = settle("release", a, kPayer);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[1].topic, "released");
  EXPECT_EQ(balance(kPayee), 1'000u);
  EXPECT_EQ(status(a), kReleased);
  r = settle("release", b, kArbiter);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(balance(kPayee), 1'500u);
  EXPECT_EQ(balance(escrow), 0u);
  // Settled is settled.
  refused("release", Args().u64v(a), kPayer, "the escrow is not open");
  refused("refund", Args().u64v(b), kArbiter, "the escrow is not open");
  refused("release", Args().u64v(99), kPayer, "no such escrow");
}

TEST_F(EscrowTest, TheArbiterOrThePayeeRefundsAnyTime) {
  const u64 a = open(1'000, 0), b = open(700, 0);
  refused("refund", Args().u64v(a), kPayer, "only the arbiter or the payee may refund before the deadline");
  refused("refund", Args().u64v(a), kStranger, "only the arbiter or the payee may refund before the deadline");
  ASSERT_TRUE(settle("refund", a, kArbiter).ok);
  const Receipt r = settle("refund", b, kPayee);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.events[1].topic, "refunded");
  EXPECT_EQ(balance(kPayer), kSupply);
  EXPECT_EQ(status(a), kRefunded);
  EXPECT_EQ(status(b), kRefunded);
}

TEST_F(EscrowTest, AnyoneRefundsOnceTheDeadlineIsReached) {
  const u64 id = open(900, 100);
  const Hash256 root = commit();
  SessionConfig config;
  config.block_height = 99;
  reopen(root, config);
  refused("refund", Args().u64v(id), kStranger, "only the arbiter or the payee may refund before the deadline");
  config.block_height = 100;
  reopen(root, config);
  ASSERT_TRUE(settle("refund", id, kStranger).ok);
  EXPECT_EQ(balance(kPayer), kSupply);
}

TEST_F(EscrowTest, NoArbiterMeansNobodyIsTheArbiter) {
  const Bytes32 none{};
  const u64 id = open(300, 0, none);
  // Someone whose ID is 32 zero bytes (a 32-byte origin of zeros) is not an arbiter.
  refused("release", Args().u64v(id), none, "only the payer or the arbiter may release");
  refused("refund", Args().u64v(id), none, "only the arbiter or the payee may refund");
}

TEST_F(EscrowTest, NestedCallsAreAtomicAtEveryGasLimit) {
  const Bytes arg = open_arg(1'000, 0);
  const Receipt enough = session->query(escrow, "open", arg, kGas, view(kPayer));
  ASSERT_TRUE(enough.ok) << enough.error;
  EXPECT_EQ(session->query(escrow, "open", arg, kGas, view(kPayer)).gas_spent, enough.gas_spent);
  const Hash256 before = session->root();
  // Short of enough, at many points: in the escrow before the call, inside the token,
  // after it. Whatever fails, the token's transfer is undone too.
  const u64 step = std::max<u64>(1, enough.gas_spent / 60);
  for (u64 gas = 100; gas < enough.gas_spent; gas += step) {
    const Receipt r = session->call(escrow, "open", arg, gas, view(kPayer));
    EXPECT_FALSE(r.ok) << "gas " << gas;
    EXPECT_TRUE(r.events.empty());
    EXPECT_EQ(session->root(), before) << "gas " << gas;
  }
  EXPECT_EQ(balance(kPayer), kSupply);
  EXPECT_EQ(balance(escrow), 0u);
}

}  // namespace
}  // namespace dusk::vm::test
