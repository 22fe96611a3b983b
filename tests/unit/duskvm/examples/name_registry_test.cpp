// The name registry example (contracts/examples/name_registry) through a session:
// register and resolve, only the holder changes a name, release frees it, bad and unknown
// names, events, and many names across a commit.
#include <optional>

#include "examples/contract_session.hpp"

namespace dusk::vm::test {
namespace {

const Bytes32 kAlice = account(0xa1), kBob = account(0xb0), kTarget = account(0x7a), kOther = account(0x7b);

struct NameRegistryTest : ContractSession {
  ContractId registry{};

  void SetUp() override {
    ContractSession::SetUp();
    registry = deploy("name_registry", view(kAlice), {});
  }
  Receipt reg(std::string_view name, const Bytes32& target, const Bytes32& who) {
    return call(registry, "register", Args().str(name).fixed(view(target)), view(who));
  }
  // The holder and target, or nothing when the name is unknown.
  std::optional<std::pair<Bytes32, Bytes32>> resolve(std::string_view name) {
    const Receipt r = query(registry, "resolve", Args().str(name));
    if (!r.ok) {
      EXPECT_NE(r.error.find("unknown name"), std::string::npos) << r.error;
      return std::nullopt;
    }
    Fields f(r.result);
    auto holder = f.fixed32(), target = f.fixed32();
    EXPECT_TRUE(f.done());
    return std::make_pair(holder, target);
  }
  u32 count() { return Fields(query(registry, "count", {}).result).u32v(); }
  void refused(const char* fn, ByteView arg, const Bytes32& who, const std::string& message) {
    const Hash256 before = session->root();
    const Receipt r = call(registry, fn, arg, view(who));
    EXPECT_FALSE(r.ok) << fn;
    EXPECT_NE(r.error.find(message), std::string::npos) << fn << ": " << r.error;
    EXPECT_EQ(session->root(), before) << fn;
  }
};

TEST_F(NameRegistryTest, RegisterAndResolve) {
  const Receipt r = reg("alice.dusk", kTarget, kAlice);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_GT(r.gas_spent, 0u);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].topic, "registered");
  Fields e(r.events[0].data);
  EXPECT_EQ(e.bytes(), Bytes({'a', 'l', 'i', 'c', 'e', '.', 'd', 'u', 's', 'k'}));
  EXPECT_EQ(e.fixed32(), kAlice);
  EXPECT_EQ(e.fixed32(), kTarget);
  EXPECT_TRUE(e.done());
  EXPECT_EQ(resolve("alice.dusk"), std::make_pair(kAlice, kTarget));
  EXPECT_EQ(resolve("alice"), std::nullopt);  // no prefix matching
  EXPECT_EQ(resolve("alice.dusk2"), std::nullopt);
  EXPECT_EQ(count(), 1u);
  refused("register", Args().str("alice.dusk").fixed(view(kOther)), kBob, "the name is taken");
  refused("register", Args().str("alice.dusk").fixed(view(kOther)), kAlice, "the name is taken");
}

TEST_F(NameRegistryTest, OnlyTheHolderChangesAName) {
  ASSERT_TRUE(reg("shop", kTarget, kAlice).ok);
  refused("set_target", Args().str("shop").fixed(view(kOther)), kBob, "only the holder may change a name");
  refused("transfer", Args().str("shop").fixed(view(kBob)), kBob, "only the holder may change a name");
  refused("release", Args().str("shop"), kBob, "only the holder may change a name");
  refused("set_target", Args().str("nowhere").fixed(view(kOther)), kAlice, "unknown name");

  Receipt r = call(registry, "set_target", Args().str("shop").fixed(view(kOther)), view(kAlice));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.events[0].topic, "target_set");
  EXPECT_EQ(resolve("shop"), std::make_pair(kAlice, kOther));

  r = call(registry, "transfer", Args().str("shop").fixed(view(kBob)), view(kAlice));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.events.size(), 1u);
  Fields e(r.events[0].data);
  EXPECT_EQ(e.bytes().size(), 4u);
  EXPECT_EQ(e.fixed32(), kAlice);
  EXPECT_EQ(e.fixed32(), kBob);
  EXPECT_EQ(resolve("shop"), std::make_pair(kBob, kOther));
  // The old holder has lost it; the new one has it.
  refused("set_target", Args().str("shop").fixed(view(kTarget)), kAlice, "only the holder may change a name");
  ASSERT_TRUE(call(registry, "set_target", Args().str("shop").fixed(view(kTarget)), view(kBob)).ok);
}

TEST_F(NameRegistryTest, ReleaseFreesTheName) {
  ASSERT_TRUE(reg("temp", kTarget, kAlice).ok);
  const Receipt r = call(registry, "release", Args().str("temp"), view(kAlice));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.events[0].topic, "released");
  EXPECT_EQ(resolve("temp"), std::nullopt);
  EXPECT_EQ(count(), 0u);
  refused("release", Args().str("temp"), kAlice, "unknown name");
  ASSERT_TRUE(reg("temp", kOther, kBob).ok);
  EXPECT_EQ(resolve("temp"), std::make_pair(kBob, kOther));
}

TEST_F(NameRegistryTest, BadNamesAreRefused) {
  refused("register", Args().str("").fixed(view(kTarget)), kAlice, "bad name: 1 to 64 bytes");
  refused("register", Args().str(std::string(65, 'a')).fixed(view(kTarget)), kAlice, "bad name: 1 to 64 bytes");
  for (const char* bad : {"Alice", "a b", "a_b", "caf\xc3\xa9", "a/b"})
    refused("register", Args().str(bad).fixed(view(kTarget)), kAlice, "bad name: only a-z, 0-9, '-' and '.'");
  refused("register", Args().str("\xff").fixed(view(kTarget)), kAlice, "a string is not UTF-8");
  refused("register", Args().str("ok"), kAlice, "bad argument: too short");
  // The longest name works, and is not confused with its prefix.
  const std::string longest(64, 'z');
  ASSERT_TRUE(reg(longest, kTarget, kAlice).ok);
  EXPECT_EQ(resolve(longest), std::make_pair(kAlice, kTarget));
  EXPECT_EQ(resolve(longest.substr(0, 63)), std::nullopt);
}

TEST_F(NameRegistryTest, ManyNamesAcrossACommit) {
  for (int i = 0; i < 600; ++i) {
    const Bytes32 who = account(static_cast<u8>(i % 7));
    ASSERT_TRUE(reg("name-" + std::to_string(i), account(static_cast<u8>(i)), who).ok) << i;
  }
  for (int i = 0; i < 600; i += 3) ASSERT_TRUE(call(registry, "release", Args().str("name-" + std::to_string(i)),
                                                    view(account(static_cast<u8>(i % 7)))).ok);
  reopen(commit());
  EXPECT_EQ(count(), 400u);
  for (int i = 0; i < 600; ++i) {
    const auto r = resolve("name-" + std::to_string(i));
    if (i % 3 == 0) {
      EXPECT_EQ(r, std::nullopt) << i;
    } else {
      EXPECT_EQ(r, std::make_pair(account(static_cast<u8>(i % 7)), account(static_cast<u8>(i)))) << i;
    }
  }
}

}  // namespace
}  // namespace dusk::vm::test
