// The poll example (contracts/examples/poll, in AssemblyScript) through a session: the
// ABI it exports and imports, init's checks, one vote per account, tallies and the
// winner, only the owner closes, refusals that change nothing, the pages a vote writes,
// a full poll, and many voters against a model across commits.
#include <algorithm>
#include <map>
#include <random>

#include "crypto/hash/blake2b.hpp"
#include "duskvm/engine/module.hpp"
#include "examples/contract_session.hpp"

namespace dusk::vm::test {
namespace {

const Bytes32 kOwner = account(0x0e), kAlice = account(0xa1), kBob = account(0xb0), kCarol = account(0xc0);
constexpr u8 kOptions = 3;

Bytes init_arg(std::string_view question, u8 options) { return Args().str(question).u8v(options); }

struct PollTest : ContractSession {
  ContractId poll{};

  void SetUp() override {
    ContractSession::SetUp();
    poll = deploy("poll", view(kOwner), init_arg("Tea, coffee or water?", kOptions));
  }
  Receipt vote(const Bytes32& who, u8 option) { return call(poll, "vote", Args().u8v(option), view(who)); }
  std::vector<u64> tally() {
    const Receipt r = query(poll, "tally", {});
    EXPECT_TRUE(r.ok) << r.error;
    Fields f(r.result);
    std::vector<u64> votes(f.u32v());
    for (u64& v : votes) v = f.u64v();
    EXPECT_TRUE(f.done());
    return votes;
  }
  // (voted, option)
  std::pair<bool, u8> vote_of(const Bytes32& who) {
    const Receipt r = query(poll, "vote_of", Args().fixed(view(who)));
    EXPECT_TRUE(r.ok) << r.error;
    Fields f(r.result);
    const bool voted = f.u8v() == 1;
    const u8 option = f.u8v();
    EXPECT_TRUE(f.done());
    return {voted, option};
  }
  void refused(const char* fn, ByteView arg, const Bytes32& who, const std::string& message) {
    const Hash256 before = session->root();
    const Receipt r = call(poll, fn, arg, view(who));
    EXPECT_FALSE(r.ok) << fn;
    EXPECT_NE(r.error.find(message), std::string::npos) << fn << ": " << r.error;
    EXPECT_TRUE(r.events.empty()) << fn;
    EXPECT_EQ(session->root(), before) << fn;
  }
};

TEST_F(PollTest, ExportsAndImportsMeetTheContractAbi) {
  const Bytes code = contract_code("poll");
  auto m = wasm::compile(code, SessionConfig::default_engine_config());
  ASSERT_TRUE(m.ok()) << m.error().message;
  std::vector<std::string> exports, imports;
  for (const auto& e : (*m)->exports()) exports.push_back(e.name);
  for (const auto& i : (*m)->imports()) {
    EXPECT_EQ(i.module, "env") << i.name;
    imports.push_back(i.name);
  }
  std::sort(exports.begin(), exports.end());
  std::sort(imports.begin(), imports.end());
  EXPECT_EQ(exports, (std::vector<std::string>{"argbuf", "close", "info", "init", "memory", "tally", "vote", "vote_of"}));
  EXPECT_EQ(imports, (std::vector<std::string>{"caller", "emit", "hq", "origin", "panic"}));
  // The description is in the code (attached by dusk-vm attach-abi at build time).
  auto abi = session->abi(poll);
  ASSERT_TRUE(abi.ok() && abi->has_value());
  ASSERT_NE((*abi)->function("vote"), nullptr);
  EXPECT_NE((*abi)->event("voted"), nullptr);
}

TEST_F(PollTest, InitRecordsTheQuestionAndTheOwner) {
  const Receipt r = query(poll, "info", {});
  ASSERT_TRUE(r.ok) << r.error;
  Fields f(r.result);
  const Bytes q = f.bytes();
  EXPECT_EQ(std::string(q.begin(), q.end()), "Tea, coffee or water?");
  EXPECT_EQ(f.u8v(), kOptions);
  EXPECT_EQ(f.u8v(), 0);   // open
  EXPECT_EQ(f.u32v(), 0u);  // no voters
  EXPECT_EQ(f.fixed32(), kOwner);
  EXPECT_TRUE(f.done());
  EXPECT_EQ(tally(), std::vector<u64>(kOptions, 0));
  EXPECT_FALSE(call(poll, "init", init_arg("again?", 2), view(kOwner)).ok);  // init runs once
}

TEST_F(PollTest, AnOwnerThatIsNot32BytesIsItsHash) {
  const Bytes owner(96, 0x5a);  // e.g. a BLS public key
  const ContractId other = session->deploy(contract_code("poll"), owner, 1, init_arg("yes or no?", 2), kGas).deployed.value_or(ContractId{});
  Fields f(query(other, "info", {}).result);
  f.bytes();
  f.u8v();
  f.u8v();
  f.u32v();
  const auto h = crypto::blake2b<32>(owner);
  EXPECT_EQ(f.fixed32(), Bytes32(h));
  // And that owner closes it.
  EXPECT_TRUE(session->call(other, "close", {}, kGas, owner).ok);
}

TEST_F(PollTest, InitChecksItsArguments) {
  auto refused_deploy = [&](ByteView arg, const std::string& message) {
    const Receipt r = session->deploy(contract_code("poll"), view(kOwner), 7, arg, kGas);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find(message), std::string::npos) << r.error;
  };
  refused_deploy(init_arg("", 2), "the question must be 1 to 256 bytes");
  refused_deploy(init_arg(std::string(257, 'q'), 2), "the question must be 1 to 256 bytes");
  refused_deploy(init_arg("one?", 1), "a poll has 2 to 16 options");
  refused_deploy(init_arg("many?", 17), "a poll has 2 to 16 options");
  refused_deploy(Args().bytes(Bytes{'a', 0xc0, 0x80}).u8v(2), "not UTF-8");  // an overlong '\0'
  refused_deploy(Args().bytes(Bytes{'a', 0xed, 0xa0, 0x80}).u8v(2), "not UTF-8");  // a surrogate
  refused_deploy(Args().str("q?"), "bad argument: too short");
  refused_deploy(Args().u32v(1000).fixed(Bytes{'q'}).u8v(2), "bad argument: too short");
  refused_deploy(Args().str("q?").u8v(2).u8v(0), "bad argument: trailing bytes");
  // The limits themselves pass: 256 bytes (multi-byte UTF-8 included), 2 and 16 options.
  std::string longest;
  while (longest.size() < 256) longest += "\xc3\xa9";  // é, two bytes
  EXPECT_TRUE(session->deploy(contract_code("poll"), view(kOwner), 8, init_arg(longest, 16), kGas).ok);
  EXPECT_TRUE(session->deploy(contract_code("poll"), view(kOwner), 9, init_arg("q", 2), kGas).ok);
}

TEST_F(PollTest, VotesAreCountedAndEmitted) {
  Receipt r = vote(kAlice, 1);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(Fields(r.result).u64v(), 1u);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source, poll);
  EXPECT_EQ(r.events[0].topic, "voted");
  Fields e(r.events[0].data);
  EXPECT_EQ(e.fixed32(), kAlice);
  EXPECT_EQ(e.u8v(), 1);
  EXPECT_TRUE(e.done());

  r = vote(kBob, 1);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(Fields(r.result).u64v(), 2u);
  ASSERT_TRUE(vote(kCarol, 0).ok);
  EXPECT_EQ(tally(), (std::vector<u64>{1, 2, 0}));
  EXPECT_EQ(vote_of(kAlice), std::make_pair(true, u8{1}));
  EXPECT_EQ(vote_of(kCarol), std::make_pair(true, u8{0}));
  EXPECT_EQ(vote_of(kOwner), std::make_pair(false, u8{0}));
  Fields info(query(poll, "info", {}).result);
  info.bytes();
  info.u8v();
  info.u8v();
  EXPECT_EQ(info.u32v(), 3u);
}

TEST_F(PollTest, RefusalsChangeNothing) {
  ASSERT_TRUE(vote(kAlice, 2).ok);
  refused("vote", Args().u8v(0), kAlice, "already voted");
  refused("vote", Args().u8v(kOptions), kBob, "no such option");
  refused("vote", Args().u8v(255), kBob, "no such option");
  refused("vote", {}, kBob, "bad argument: too short");
  refused("vote", Args().u8v(0).u8v(0), kBob, "bad argument: trailing bytes");
  const Hash256 before = session->root();
  const Receipt nobody = call(poll, "vote", Args().u8v(0), {});
  EXPECT_NE(nobody.error.find("no sender"), std::string::npos) << nobody.error;
  refused("close", {}, kAlice, "only the owner may close the poll");
  refused("tally", Args().u8v(0), kAlice, "bad argument: trailing bytes");
  EXPECT_EQ(session->root(), before);
  EXPECT_EQ(tally(), (std::vector<u64>{0, 0, 1}));
  EXPECT_EQ(vote_of(kBob), std::make_pair(false, u8{0}));
}

TEST_F(PollTest, AnAllZeroAccountVotesLikeAnyOther) {
  // A slot is marked used apart from its account's bytes, so 32 zero bytes are an account.
  EXPECT_EQ(vote_of(Bytes32{}), std::make_pair(false, u8{0}));
  ASSERT_TRUE(vote(Bytes32{}, 2).ok);
  EXPECT_EQ(vote_of(Bytes32{}), std::make_pair(true, u8{2}));
  refused("vote", Args().u8v(1), Bytes32{}, "already voted");
}

TEST_F(PollTest, TheOwnerClosesAndTheLowestOfTiedOptionsWins) {
  ASSERT_TRUE(vote(kAlice, 2).ok);
  ASSERT_TRUE(vote(kBob, 1).ok);
  const Receipt r = call(poll, "close", {}, view(kOwner));
  ASSERT_TRUE(r.ok) << r.error;
  Fields f(r.result);
  EXPECT_EQ(f.u8v(), 1);  // 1 and 2 tie with one vote each
  EXPECT_EQ(f.u64v(), 1u);
  EXPECT_TRUE(f.done());
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].topic, "closed");
  EXPECT_EQ(r.events[0].data, r.result);
  refused("vote", Args().u8v(0), kCarol, "the poll is closed");
  refused("close", {}, kOwner, "the poll is closed");
  Fields info(query(poll, "info", {}).result);
  info.bytes();
  info.u8v();
  EXPECT_EQ(info.u8v(), 1);  // closed
  EXPECT_EQ(tally(), (std::vector<u64>{0, 1, 1}));
}

TEST_F(PollTest, AVoteWritesTheHeaderPageAndOneSlot) {
  ASSERT_TRUE(vote(kAlice, 0).ok);  // argbuf's first page holds this call's bytes
  const Hash256 before = commit();
  ASSERT_TRUE(vote(kBob, 1).ok);
  const Hash256 after = commit();
  // The header with argbuf's start, and the page (rarely two) of Bob's slot.
  EXPECT_GE(pages_changed(poll, before, after), 2u);
  EXPECT_LE(pages_changed(poll, before, after), 3u);
}

TEST_F(PollTest, APollHoldsAThousandAndTwentyFourVoters) {
  std::vector<u64> expected(kOptions, 0);
  for (u32 i = 0; i < 1024; ++i) {
    Bytes32 who{};
    store_le<u32>(who.data(), i * 7);  // colliding low bits: the probing is exercised
    const u8 option = static_cast<u8>(i % kOptions);
    const Receipt r = vote(who, option);
    ASSERT_TRUE(r.ok) << i << ": " << r.error;
    ++expected[option];
  }
  EXPECT_EQ(tally(), expected);
  refused("vote", Args().u8v(0), kAlice, "the poll is full");
  // Everyone who voted is still found.
  Bytes32 last{};
  store_le<u32>(last.data(), 1023 * 7);
  EXPECT_EQ(vote_of(last), std::make_pair(true, u8{1023 % kOptions}));
  EXPECT_EQ(vote_of(kAlice), std::make_pair(false, u8{0}));
}

TEST_F(PollTest, ManyVotersAgreeWithAModelAcrossCommits) {
  std::mt19937_64 rng(7);
  std::map<Bytes32, u8> voted;
  std::vector<u64> model(kOptions, 0);
  for (int round = 0; round < 900; ++round) {
    Bytes32 who;
    // Sometimes an account that voted already.
    if (!voted.empty() && rng() % 5 == 0) {
      auto it = voted.begin();
      std::advance(it, static_cast<long>(rng() % voted.size()));
      who = it->first;
    } else {
      for (auto& b : who) b = static_cast<u8>(rng());
    }
    const u8 option = static_cast<u8>(rng() % (kOptions + 1));  // sometimes none
    const Receipt r = vote(who, option);
    const bool accepted = !voted.count(who) && option < kOptions;
    ASSERT_EQ(r.ok, accepted) << r.error;
    if (accepted) {
      voted[who] = option;
      ++model[option];
      EXPECT_EQ(Fields(r.result).u64v(), model[option]);
    }
    if (round % 300 == 299) reopen(commit());
  }
  EXPECT_EQ(tally(), model);
  for (const auto& [who, option] : voted) ASSERT_EQ(vote_of(who), std::make_pair(true, option));
  const Receipt r = call(poll, "close", {}, view(kOwner));
  ASSERT_TRUE(r.ok) << r.error;
  Fields f(r.result);
  const auto best = std::max_element(model.begin(), model.end());  // the first of the largest
  EXPECT_EQ(f.u8v(), static_cast<u8>(best - model.begin()));
  EXPECT_EQ(f.u64v(), *best);
}

}  // namespace
}  // namespace dusk::vm::test
