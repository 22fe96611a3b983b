// The contract SDK (contracts/sdk) through a C++ test contract (sdk/sdk_probe.cpp): the
// persistent heap and pages against a model of live blocks, maps against std::map
// (splits, overflow chains, removal, iteration) across commits, the argument codec, the
// memory functions against the C library, the host wrappers, and the SDK's codes against
// the runtime's.
#include <cstring>
#include <map>
#include <random>
#include <set>

#include "crypto/hash/blake2b.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/hash/sha256.hpp"
#include "dusk/codes.h"
#include "duskvm/runtime/host_functions.hpp"
#include "duskvm/runtime/host_queries.hpp"
#include "examples/contract_session.hpp"

namespace dusk::vm::test {
namespace {

static_assert(DUSK_CALL_PANICKED == kCallPanicked && DUSK_CALL_OUT_OF_GAS == kCallOutOfGas &&
              DUSK_CALL_NO_SUCH_CONTRACT == kCallNoSuchContract && DUSK_CALL_TOO_DEEP == kCallTooDeep &&
              DUSK_CALL_NO_SUCH_ENTRY == kCallNoSuchEntry && DUSK_CALL_FAILED == kCallFailed &&
              DUSK_NO_SUCH_QUERY == kNoSuchQuery && DUSK_QUERY_BAD_INPUT == kQueryBadInput &&
              DUSK_ARGBUF_SIZE == kArgBufferBytes && DUSK_PAGE_SIZE == kPageBytes);

const Bytes32 kUser = account(0x42);

struct SdkTest : ContractSession {
  ContractId probe{};


  void SetUp() override {
    ContractSession::SetUp();
    probe = deploy("sdk_probe", view(kUser), {});
  }
  // Calls and expects success.
  Bytes ok(std::string_view fn, ByteView arg, ByteView origin = {}) {
    const Receipt r = call(probe, fn, arg, origin.empty() ? view(kUser) : origin);
    EXPECT_TRUE(r.ok) << fn << ": " << r.error;
    return r.result;
  }
  // Calls, expects failure with `message` in the error, and an unchanged state.
  void fails(std::string_view fn, ByteView arg, std::string_view message) {
    const Hash256 before = session->root();
    const Receipt r = call(probe, fn, arg, view(kUser));
    EXPECT_FALSE(r.ok) << fn;
    EXPECT_NE(r.error.find(message), std::string::npos) << fn << ": " << r.error;
    EXPECT_EQ(session->root(), before) << fn;
  }
  u32 alloc(u32 size, u8 pattern) { return Fields(ok("alloc", Args().u32v(size).u8v(pattern))).u32v(); }
  bool check(u32 at, u32 size, u8 pattern) { return Fields(ok("check", Args().u32v(at).u32v(size).u8v(pattern))).u8v() == 1; }
  struct Stats {
    u32 start, top, free_pages, free_runs, memory;
  };
  Stats stats() {
    Fields f(ok("heap_stats", {}));
    return {f.u32v(), f.u32v(), f.u32v(), f.u32v(), f.u32v()};
  }
};

// --- The heap

struct Block {
  u32 size;
  u8 pattern;
};

TEST_F(SdkTest, HeapBlocksNeverOverlapAndPersistAcrossCalls) {
  std::map<u32, Block> live;  // address -> block
  std::mt19937 rng(7);
  auto random_size = [&] {
    switch (rng() % 4) {
      case 0: return static_cast<u32>(rng() % 17);       // tiny (0 included)
      case 1: return static_cast<u32>(rng() % 1025);     // the classes
      case 2: return static_cast<u32>(1025 + rng() % 9000);  // page runs
      default: return static_cast<u32>(rng() % 200);
    }
  };
  for (int step = 0; step < 600; ++step) {
    const u8 pattern = static_cast<u8>(step * 37 + 1);
    const int op = static_cast<int>(rng() % 10);
    if (op < 5 || live.empty()) {
      const u32 size = random_size();
      const u32 at = alloc(size, pattern);
      ASSERT_EQ(at % 16, 0u);
      ASSERT_GE(Fields(ok("block_size", Args().u32v(at))).u32v(), size);
      ASSERT_FALSE(live.count(at)) << "address handed out twice";
      live[at] = {size, pattern};
    } else {
      auto it = std::next(live.begin(), static_cast<long>(rng() % live.size()));
      if (op < 8) {
        ok("free", Args().u32v(it->first));
        live.erase(it);
      } else {
        const u32 size = random_size() + 1;
        const u32 at = Fields(ok("realloc", Args().u32v(it->first).u32v(it->second.size).u32v(size).u8v(it->second.pattern))).u32v();
        const Block kept{size, it->second.pattern};  // the old bytes kept, the rest filled
        live.erase(it);
        ASSERT_FALSE(live.count(at));
        live[at] = kept;
      }
    }
    if (step % 100 == 99) {
      // Every live block still holds its pattern: nothing was handed out twice.
      for (const auto& [at, b] : live) ASSERT_TRUE(check(at, b.size, b.pattern)) << "block at " << at;
      const Hash256 root = commit();
      reopen(root);
    }
  }
  for (const auto& [at, b] : live) ASSERT_TRUE(check(at, b.size, b.pattern)) << "block at " << at;
  for (const auto& [at, b] : live) ok("free", Args().u32v(at));
}

TEST_F(SdkTest, FreedMemoryIsReused) {
  std::vector<u32> blocks;
  for (u32 size : {16u, 100u, 1000u, 5000u, 20000u, 64u}) blocks.push_back(alloc(size, 1));
  const Stats full = stats();
  for (u32 at : blocks) ok("free", Args().u32v(at));
  std::vector<u32> again;
  for (u32 size : {16u, 100u, 1000u, 5000u, 20000u, 64u}) again.push_back(alloc(size, 2));
  EXPECT_EQ(stats().top, full.top);  // no new pages: all from what was freed
  EXPECT_EQ(std::set<u32>(again.begin(), again.end()).size(), again.size());
  // The small blocks come back from their classes' free lists, exactly.
  for (int i : {0, 1, 2, 5}) EXPECT_EQ(again[i], blocks[i]);
  // Freed pages come back zeroed from dusk_pages_alloc, even after a pattern.
  Fields a(ok("pages_alloc", Args().u32v(3).u8v(0xee)));
  const u32 pages = a.u32v();
  EXPECT_EQ(a.u8v(), 1);
  EXPECT_EQ(pages % 4096, 0u);
  ok("pages_free", Args().u32v(pages).u32v(3));
  Fields b(ok("pages_alloc", Args().u32v(3).u8v(0x11)));
  EXPECT_EQ(b.u32v(), pages);
  EXPECT_EQ(b.u8v(), 1) << "reused pages were not zeroed";
  EXPECT_EQ(Fields(ok("libc", Args().u32v(3000))).u8v(), 1);
}

TEST_F(SdkTest, FreePagesCoalesce) {
  const Stats s0 = stats();
  u32 at[4];
  for (u32& a : at) a = Fields(ok("pages_alloc", Args().u32v(1).u8v(9))).u32v();
  for (int i = 1; i < 4; ++i) ASSERT_EQ(at[i], at[i - 1] + 4096) << "fresh pages are taken in order";
  ok("pages_free", Args().u32v(at[0]).u32v(1));
  ok("pages_free", Args().u32v(at[2]).u32v(1));
  EXPECT_EQ(stats().free_runs, s0.free_runs + 2);
  ok("pages_free", Args().u32v(at[1]).u32v(1));  // joins both neighbours
  EXPECT_EQ(stats().free_runs, s0.free_runs + 1);
  EXPECT_EQ(stats().free_pages, s0.free_pages + 3);
  Fields f(ok("pages_alloc", Args().u32v(3).u8v(9)));
  EXPECT_EQ(f.u32v(), at[0]);
  EXPECT_EQ(stats().free_pages, s0.free_pages);
  EXPECT_EQ(stats().top, s0.top + 4 * 4096);
}

TEST_F(SdkTest, FreeingWhatIsNotABlockFails) {
  const u32 small = alloc(40, 1), large = alloc(6000, 2);
  fails("free", Args().u32v(12345), "not a heap block");
  fails("free", Args().u32v(small + 4), "not a heap block");
  fails("free", Args().u32v(large + 16), "not a heap block");
  fails("free", Args().u32v(0x7fff0000), "not a heap block");
  ok("free", Args().u32v(large));
  fails("free", Args().u32v(large), "not a heap block");  // a large block freed twice
  const u32 pages = Fields(ok("pages_alloc", Args().u32v(2).u8v(0))).u32v();
  fails("pages_free", Args().u32v(pages + 100).u32v(1), "not pages of the heap");
  fails("pages_free", Args().u32v(pages).u32v(0), "not pages of the heap");
  ok("pages_free", Args().u32v(pages).u32v(2));
  fails("pages_free", Args().u32v(pages).u32v(1), "already free");
  EXPECT_TRUE(check(small, 40, 1));
}

TEST_F(SdkTest, AllocationsBeyondTheMemoryLimitFailCleanly) {
  SessionConfig config;
  config.engine.max_memory_pages = 64;  // 4 MiB
  reopen(commit(), config);
  const u32 first = alloc(2u << 20, 1);
  EXPECT_NE(first, 0u);
  fails("alloc", Args().u32v(2u << 20).u8v(2), "out of memory");
  EXPECT_EQ(Fields(ok("libc", Args().u32v(3u << 20))).u8v(), 0);  // malloc answers null instead
  ok("free", Args().u32v(first));
  EXPECT_EQ(alloc(2u << 20, 3), first);  // the freed run serves it
}

// --- Maps

struct MapCase {
  u32 key_len, value_len, entries;
};

// Every entry of map `slot` through the cursor, a page of `page` entries per call; fails
// the test when an entry comes twice or the count disagrees.
std::map<Bytes, Bytes> map_entries(SdkTest& t, u32 slot, u32 key_len, u32 value_len, u32 page) {
  std::map<Bytes, Bytes> seen;
  u32 cursor[3] = {0, 0, 0};
  u32 count = 0;
  for (bool done = false; !done;) {
    Fields f(t.ok("map_entries", Args().u32v(slot).u32v(key_len).u32v(value_len).u32v(cursor[0]).u32v(cursor[1])
                                     .u32v(cursor[2]).u32v(page)));
    count = f.u32v();
    done = f.u8v() == 1;
    for (u32& c : cursor) c = f.u32v();
    while (f.ok() && !f.done()) {
      Bytes k(key_len), v(value_len);
      for (auto& x : k) x = f.u8v();
      for (auto& x : v) x = f.u8v();
      EXPECT_TRUE(f.ok());
      EXPECT_TRUE(seen.emplace(k, v).second) << "an entry visited twice";
    }
  }
  EXPECT_EQ(seen.size(), count);
  return seen;
}

Bytes random_bytes(std::mt19937_64& rng, size_t n) {
  Bytes b(n);
  for (auto& x : b) x = static_cast<u8>(rng());
  return b;
}

TEST_F(SdkTest, MapsAgreeWithAModelAcrossCommits) {
  for (const MapCase c : {MapCase{32, 8, 3000}, MapCase{8, 113, 800}, MapCase{64, 0, 1500}, MapCase{3, 4, 2000},
                          MapCase{64, 960, 120}}) {
    SCOPED_TRACE("key " + std::to_string(c.key_len) + " value " + std::to_string(c.value_len));
    ok("map_new", Args().u32v(0).u32v(c.key_len).u32v(c.value_len));
    std::map<Bytes, Bytes> model;
    std::mt19937_64 rng(c.key_len * 1000 + c.value_len);
    std::vector<Bytes> keys;
    for (u32 i = 0; i < c.entries; ++i) keys.push_back(random_bytes(rng, c.key_len));
    for (u32 step = 0; step < c.entries * 3; ++step) {
      const Bytes& key = keys[rng() % keys.size()];
      switch (rng() % 6) {
        case 0: {
          const bool removed = Fields(ok("map_remove", Args().u32v(0).bytes(key))).u8v() == 1;
          EXPECT_EQ(removed, model.erase(key) == 1);
          break;
        }
        case 1: {
          Fields f(ok("map_get", Args().u32v(0).bytes(key).u32v(c.value_len)));
          const bool found = f.u8v() == 1;
          ASSERT_EQ(found, model.count(key) == 1);
          if (found) {
            EXPECT_EQ(f.bytes(), model[key]);
          }
          break;
        }
        default: {
          const Bytes value = random_bytes(rng, c.value_len);
          const bool inserted = Fields(ok("map_put", Args().u32v(0).bytes(key).bytes(value))).u8v() == 1;
          EXPECT_EQ(inserted, model.count(key) == 0);
          model[key] = value;
        }
      }
      if (step == c.entries) reopen(commit());
    }
    // Every entry once, through the cursor, resumed between calls.
    EXPECT_EQ(map_entries(*this, 0, c.key_len, c.value_len, 50), model);
  }
}

// A replica of hash_key in contracts/sdk/src/map.c, to grind keys that share the top 20
// bits of their hash (if the two drift apart, the keys stop colliding and the chain
// checks below fail).
u64 sdk_map_hash(const Bytes& key) {
  auto rotl = [](u64 x, unsigned r) { return (x << r) | (x >> (64 - r)); };
  u64 h = 0x243f6a8885a308d3ull ^ key.size();
  size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) h = rotl((h ^ load_le<u64>(key.data() + i)) * 0x9e3779b97f4a7c15ull, 31);
  if (i < key.size()) {
    u64 tail = 0;
    std::memcpy(&tail, key.data() + i, key.size() - i);
    h = rotl((h ^ tail) * 0x9e3779b97f4a7c15ull, 31);
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

TEST_F(SdkTest, KeysSharingTwentyHashBitsChainOverflowBuckets) {
  // 64-byte keys with 960-byte values: 3 entries a bucket. Seven keys with one 20-bit
  // hash prefix drive the directory to its limit (2^20 slots) and then chain.
  std::vector<Bytes> keys;
  Bytes key(64, 0);
  u64 prefix = 0;
  for (u64 n = 0; keys.size() < 7; ++n) {
    store_le<u64>(key.data(), n);
    const u64 top = sdk_map_hash(key) >> 44;
    if (keys.empty()) prefix = top;
    if (top == prefix) keys.push_back(key);
  }
  ok("map_new", Args().u32v(1).u32v(64).u32v(960));
  for (size_t i = 0; i < keys.size(); ++i)
    EXPECT_EQ(Fields(ok("map_put", Args().u32v(1).bytes(keys[i]).bytes(Bytes(960, static_cast<u8>(i + 1))))).u8v(), 1);
  EXPECT_GT(stats().top - stats().start, 4u << 20) << "the directory did not reach 2^20 slots";
  reopen(commit());
  for (size_t i = 0; i < keys.size(); ++i) {
    Fields f(ok("map_get", Args().u32v(1).bytes(keys[i]).u32v(960)));
    EXPECT_EQ(f.u8v(), 1);
    EXPECT_EQ(f.bytes(), Bytes(960, static_cast<u8>(i + 1)));
  }
  // Remove from the middle of the chain; the rest stay; a new key takes the hole.
  EXPECT_EQ(Fields(ok("map_remove", Args().u32v(1).bytes(keys[1]))).u8v(), 1);
  EXPECT_EQ(Fields(ok("map_get", Args().u32v(1).bytes(keys[1]).u32v(960))).u8v(), 0);
  for (size_t i = 0; i < keys.size(); ++i)
    if (i != 1) {
      EXPECT_EQ(Fields(ok("map_get", Args().u32v(1).bytes(keys[i]).u32v(960))).u8v(), 1);
    }
  const auto all = map_entries(*this, 1, 64, 0, 2);  // two at a time: through the chain
  EXPECT_EQ(all.size(), 6u);
  for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(all.count(keys[i]), i == 1 ? 0u : 1u);
}

TEST_F(SdkTest, MapSizesOutOfRangeFail) {
  fails("map_new", Args().u32v(2).u32v(0).u32v(8), "key or value size out of range");
  fails("map_new", Args().u32v(2).u32v(65).u32v(8), "key or value size out of range");
  fails("map_new", Args().u32v(2).u32v(32).u32v(961), "key or value size out of range");
}

// --- The argument codec

TEST_F(SdkTest, EveryTypeRoundTrips) {
  const std::string utf8 = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80";  // é, €, an emoji
  const Bytes arg = Args()
                        .u8v(0xfe)
                        .fixed(Bytes{0x34, 0x12})
                        .u32v(0xdeadbeef)
                        .u64v(0x0123456789abcdefull)
                        .u8v(0x80)
                        .fixed(Bytes{0x00, 0x80})
                        .u32v(0x80000000u)
                        .u64v(~0ull)
                        .u8v(1)
                        .fixed(Bytes{1, 2, 3, 4})
                        .bytes(Bytes(300, 0x77))
                        .str(utf8);
  EXPECT_EQ(ok("echo", arg), arg);
}

TEST_F(SdkTest, MalformedArgumentsFail) {
  auto echo_with = [](u8 flag, std::string_view s) {
    return Args().u8v(0).fixed(Bytes(2)).u32v(0).u64v(0).u8v(0).fixed(Bytes(2)).u32v(0).u64v(0).u8v(flag).fixed(Bytes(4))
        .bytes({}).str(s).data();
  };
  EXPECT_FALSE(ok("echo", echo_with(1, "ok")).empty());
  fails("echo", echo_with(2, "ok"), "a bool is neither 0 nor 1");
  for (const char* bad : {"\xc0\x80", "\xed\xa0\x80", "\xf5\x80\x80\x80", "\xe2\x82", "\x80", "\xf4\x90\x80\x80"})
    fails("echo", echo_with(0, bad), "a string is not UTF-8");
  Bytes cut = echo_with(0, "ok");
  cut.pop_back();
  fails("echo", cut, "too short");
  Bytes extra = echo_with(0, "ok");
  extra.push_back(0);
  fails("echo", extra, "trailing bytes");
  // A length that runs past the argument.
  fails("echo", Args().u8v(0).fixed(Bytes(2)).u32v(0).u64v(0).u8v(0).fixed(Bytes(2)).u32v(0).u64v(0).u8v(0)
                    .fixed(Bytes(4)).u32v(0xffffffffu).data(), "too short");
  EXPECT_EQ(ok("long_result", Args().u32v(65536)).size(), 65536u);
  fails("long_result", Args().u32v(65537), "the result is longer than argbuf");
}

// --- The memory functions

TEST_F(SdkTest, MemmoveAndMemcmpAgreeWithTheCLibrary) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 40; ++i) {
    const u32 len = 1 + static_cast<u32>(rng() % 300);
    Bytes data = random_bytes(rng, len);
    const u32 n = static_cast<u32>(rng() % (len + 1));
    const u32 from = static_cast<u32>(rng() % (len - n + 1)), to = static_cast<u32>(rng() % (len - n + 1));
    const Bytes moved = ok("mem_move", Args().bytes(data).u32v(from).u32v(to).u32v(n));
    std::memmove(data.data() + to, data.data() + from, n);
    EXPECT_EQ(moved, data);
  }
  for (int i = 0; i < 60; ++i) {
    Bytes a = random_bytes(rng, rng() % 40), b = a;
    if (!b.empty() && rng() % 3) b[rng() % b.size()] ^= static_cast<u8>(1 + rng() % 255);
    if (rng() % 4 == 0) b.push_back(1);
    const size_t n = std::min(a.size(), b.size());
    const int expected = n == 0 ? 0 : std::memcmp(a.data(), b.data(), n);  // empty vectors: null data
    const i32 got = static_cast<i32>(Fields(ok("mem_compare", Args().bytes(a).bytes(b))).u32v());
    EXPECT_EQ(got, expected < 0 ? -1 : expected > 0 ? 1 : 0);
  }
}

// --- The host wrappers

TEST_F(SdkTest, TheSenderIsTheCallerTheOriginOrItsHash) {
  EXPECT_EQ(ok("sender", {}, view(kUser)), Bytes(kUser.begin(), kUser.end()));
  const Bytes short_origin(20, 0x33);
  const auto h = crypto::blake2b<32>(short_origin);
  EXPECT_EQ(ok("sender", {}, short_origin), Bytes(h.begin(), h.end()));
  const Hash256 before = session->root();
  const Receipt r = session->call(probe, "sender", {}, kGas, {});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("no sender"), std::string::npos) << r.error;
  EXPECT_EQ(session->root(), before);
  // Called by another contract: that contract's ID.
  const ContractId other = deploy("sdk_probe", view(kUser), {}, 1);
  const Bytes via = ok("relay", Args().fixed(view(other)).str("sender").bytes({}));
  EXPECT_EQ(via, Bytes(probe.begin(), probe.end()));
}

TEST_F(SdkTest, ContextComesFromTheSession) {
  SessionConfig config;
  config.block_height = 77;
  config.chain_id = 9;
  reopen(commit(), config);
  const Bytes origin = {1, 2, 3};
  const Receipt r = session->call(probe, "context", {}, 5'000'000, origin);
  ASSERT_TRUE(r.ok) << r.error;
  Fields f(r.result);
  EXPECT_EQ(f.u8v(), 0);  // no calling contract
  EXPECT_EQ(f.fixed32(), Bytes32{});
  EXPECT_EQ(f.bytes(), origin);
  EXPECT_EQ(f.u32v(), 0u);
  EXPECT_EQ(f.fixed32(), probe);
  EXPECT_EQ(f.bytes(), Bytes(kUser.begin(), kUser.end()));
  EXPECT_EQ(f.u64v(), 77u);
  EXPECT_EQ(f.u32v(), 9u);
  EXPECT_EQ(f.u64v(), 5'000'000u);
  const u64 spent = f.u64v();
  EXPECT_GT(spent, 0u);
  EXPECT_LT(spent, r.gas_spent);
  EXPECT_TRUE(f.done());
  // Through a relay: the caller is the relaying contract, one deep.
  const ContractId other = deploy("sdk_probe", view(kUser), {}, 1);
  Fields g(ok("relay", Args().fixed(view(other)).str("context").bytes({}), origin));
  EXPECT_EQ(g.u8v(), 1);
  EXPECT_EQ(g.fixed32(), probe);
  EXPECT_EQ(g.bytes(), origin);
  EXPECT_EQ(g.u32v(), 1u);
  EXPECT_EQ(g.fixed32(), other);
}

TEST_F(SdkTest, FailedCallsComeBackWithTheirReason) {
  const ContractId other = deploy("sdk_probe", view(kUser), {}, 1);
  fails("relay", Args().fixed(view(other)).str("fail").bytes(Args().str("boom").data()), "relay: boom");
  fails("relay", Args().fixed(view(other)).str("no_such_entry").bytes({}), "relay: no such entry point");
  fails("relay", Args().fixed(view(account(9))).str("sender").bytes({}), "relay: no such contract");
  // The message of a panic arrives whole.
  const Receipt r = call(probe, "fail", Args().str("a message"), view(kUser));
  EXPECT_NE(r.error.find("a message"), std::string::npos) << r.error;
}

TEST_F(SdkTest, EventsAndDigests) {
  const Receipt r = call(probe, "emit", Args().str("topic").bytes(Bytes{9, 8, 7}), view(kUser));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0], (Event{probe, "topic", Bytes{9, 8, 7}}));
  std::mt19937_64 rng(5);
  const Bytes data = random_bytes(rng, 333);
  Fields f(ok("digests", Args().bytes(data)));
  const auto b = crypto::blake2b<32>(data);
  const auto s = crypto::sha256(data);
  const auto k = crypto::keccak256(data);
  EXPECT_EQ(f.fixed32(), Bytes32(b));
  EXPECT_EQ(f.fixed32(), Bytes32(s));
  EXPECT_EQ(f.fixed32(), Bytes32(k));
  EXPECT_EQ(static_cast<i32>(Fields(ok("query", Args().str("no_such").bytes({}))).u32v()), kNoSuchQuery);
  EXPECT_EQ(static_cast<i32>(Fields(ok("query", Args().str("sha256").bytes(data))).u32v()), 0);
}

}  // namespace
}  // namespace dusk::vm::test
