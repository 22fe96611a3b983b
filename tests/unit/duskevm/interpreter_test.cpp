// The interpreter and the journaled state, on small programs. Known answers: the
// SSTORE table of EIP-3529 (gas used and refund per code and original value, the slot
// warm) and costs derived from the yellow paper's fee schedule as commented.
#include <random>

#include <gtest/gtest.h>

#include "crypto/hash/keccak.hpp"
#include "duskevm/detail/code_analysis.hpp"
#include "duskevm/evm.hpp"

namespace dusk::evm {
namespace {

const Address kContract = address_from_u8(0xaa);
const Address kCaller = address_from_u8(0xcc);

struct Outcome {
  CallResult result;
  i64 gas_used;
  i64 refund;
};

class InterpreterTest : public ::testing::Test {
 protected:
  void install(const Address& a, const std::string& hex_code) {
    Account acc;
    const Bytes code = *from_hex(hex_code);
    acc.code_hash = crypto::keccak256(code);
    acc.code = std::make_shared<const Bytes>(code);
    acc.nonce = 1;
    state.put(a, acc);
  }
  Outcome run(const std::string& hex_code, i64 gas = 100000, Fork fork = Fork::kPrague) {
    install(kContract, hex_code);
    return call(kContract, gas, fork);
  }
  Outcome call(const Address& to, i64 gas, Fork fork = Fork::kPrague) {
    env.blobs = default_blob_schedule(fork);
    Evm vm(state, env, tx, fork, cache);
    vm.set_exact_status(exact_status);
    Message msg;
    msg.gas = gas;
    msg.recipient = to;
    msg.sender = kCaller;
    msg.code_address = to;
    msg.code = state.find(to)->code;
    msg.code_hash = state.find(to)->code_hash;
    state.access_account(kCaller);
    state.access_account(to);
    CallResult r = vm.call(msg);
    return {r, gas - r.gas_left, state.refund()};
  }
  State state;
  BlockEnv env;
  TxContext tx;
  CodeCache cache;
  bool exact_status = false;  // RunMode::kChecked instead of kFast
};

TEST_F(InterpreterTest, ArithmeticAndMemoryGas) {
  // PUSH1 1, PUSH1 2, ADD, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN:
  // 3 + 3 + 3 + 3 + (3 + 3 for one memory word) + 3 + 3 + 0 = 24.
  const Outcome r = run("600160020160005260206000f3");
  EXPECT_EQ(r.result.status, StatusCode::kSuccess);
  EXPECT_EQ(r.gas_used, 24);
  EXPECT_EQ(to_hex(r.result.output), "0000000000000000000000000000000000000000000000000000000000000003");
}

TEST_F(InterpreterTest, MemoryCostIsQuadratic) {
  // PUSH1 0, PUSH2 0x0400, MSTORE: writes bytes 1024..1055, 33 words:
  // 3 * 33 + 33^2 / 512 = 101, plus 3 + 3 + 3.
  const Outcome r = run("600061040052");
  EXPECT_EQ(r.gas_used, 3 + 3 + 3 + 101);
}

TEST_F(InterpreterTest, ExceptionalHaltsConsumeAllGas) {
  EXPECT_EQ(run("01").result.status, StatusCode::kStackUnderflow);  // ADD on an empty stack
  EXPECT_EQ(run("01").gas_used, 100000);
  EXPECT_EQ(run("fe").result.status, StatusCode::kInvalidInstruction);
  EXPECT_EQ(run("0c").result.status, StatusCode::kUndefinedInstruction);
  // JUMP to offset 3, a 0x5b inside PUSH2's data: not a jump destination.
  EXPECT_EQ(run("6003565b5b00").result.status, StatusCode::kSuccess);  // 3 is the first JUMPDEST
  EXPECT_EQ(run("6004566100005b").result.status, StatusCode::kBadJumpDestination);
  EXPECT_EQ(run("6001", 2).result.status, StatusCode::kOutOfGas);
}

TEST_F(InterpreterTest, RevertKeepsGasAndUndoesState) {
  // PUSH1 1, PUSH1 0, SSTORE, PUSH1 0, PUSH1 0, REVERT.
  const Outcome r = run("600160005560006000fd");
  EXPECT_EQ(r.result.status, StatusCode::kRevert);
  EXPECT_EQ(r.gas_used, 3 + 3 + 22100 + 3 + 3);  // cold slot 2100 + set 20000
  EXPECT_TRUE(state.storage(kContract, Uint256{0}).is_zero());
  EXPECT_FALSE(state.access_slot(kContract, Uint256{0}));  // the warm mark was undone too
}

TEST_F(InterpreterTest, StaticCallForbidsWrites) {
  // The callee stores; the caller STATICCALLs it and returns the success flag.
  install(address_from_u8(0xbb), "6001600055");
  // PUSH1 0 x4, PUSH1 0xbb, GAS, STATICCALL, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN
  const Outcome r = run("6000600060006000" "60bb" "5a" "fa" "600052" "60206000f3");
  ASSERT_EQ(r.result.status, StatusCode::kSuccess);
  EXPECT_EQ(r.result.output.back(), 0);
  EXPECT_TRUE(state.storage(address_from_u8(0xbb), Uint256{0}).is_zero());
}

struct SstoreCase {
  const char* code;
  u64 original;
  i64 used;
  i64 refund;
};

// EIP-3529, "Test Cases" (the slot is warm).
const SstoreCase kSstoreCases[] = {
    {"60006000556000600055", 0, 212, 0},      {"60006000556001600055", 0, 20112, 0},
    {"60016000556000600055", 0, 20112, 19900}, {"60016000556002600055", 0, 20112, 0},
    {"60016000556001600055", 0, 20112, 0},     {"60006000556000600055", 1, 3012, 4800},
    {"60006000556001600055", 1, 3012, 2800},   {"60006000556002600055", 1, 3012, 0},
    {"60026000556000600055", 1, 3012, 4800},   {"60026000556003600055", 1, 3012, 0},
    {"60026000556001600055", 1, 3012, 2800},   {"60026000556002600055", 1, 3012, 0},
    {"60016000556000600055", 1, 3012, 4800},   {"60016000556002600055", 1, 3012, 0},
    {"60016000556001600055", 1, 212, 0},       {"600160005560006000556001600055", 0, 40118, 19900},
    {"600060005560016000556000600055", 1, 5918, 7600},
};

TEST_F(InterpreterTest, SstoreEip3529Table) {
  for (const SstoreCase& c : kSstoreCases) {
    state = State{};
    install(kContract, c.code);
    if (c.original) state.find_mut(kContract)->storage[Uint256{0}] = {Uint256{c.original}, Uint256{c.original}};
    state.access_slot(kContract, Uint256{0});
    const Outcome r = call(kContract, 100000);
    ASSERT_EQ(r.result.status, StatusCode::kSuccess) << c.code;
    EXPECT_EQ(r.gas_used, c.used) << c.code << " original " << c.original;
    EXPECT_EQ(r.refund, c.refund) << c.code << " original " << c.original;
  }
}

TEST_F(InterpreterTest, TransientStorage) {
  // TSTORE(0, 7); TLOAD(0); MSTORE at 0; RETURN 32 bytes.
  const Outcome r = run("600760005d60005c60005260206000f3");
  ASSERT_EQ(r.result.status, StatusCode::kSuccess);
  EXPECT_EQ(r.result.output.back(), 7);
  state.finalize_transaction();
  EXPECT_TRUE(state.transient(kContract, Uint256{0}).is_zero());
}

TEST_F(InterpreterTest, Mcopy) {
  // MSTORE8(0, 0xab); MCOPY(dst 32, src 0, 1); return bytes 32..63.
  const Outcome r = run("60ab600053" "6001600060205e" "60206020f3");
  ASSERT_EQ(r.result.status, StatusCode::kSuccess);
  EXPECT_EQ(r.result.output[0], 0xab);
}

// Random programs (fixed seed), biased towards the opcodes that touch memory, storage
// and calls: whatever happens, the frame ends with a defined status, gas_left within
// [0, gas], and a failure leaves no gas and no output. Run under ASan this also checks
// every memory access.
TEST_F(InterpreterTest, RandomProgramsStayInBounds) {
  std::mt19937_64 rng(20261123);
  const u8 interesting[] = {0x01, 0x0a, 0x20, 0x35, 0x37, 0x39, 0x3c, 0x3e, 0x51, 0x52, 0x53, 0x54, 0x55,
                            0x56, 0x57, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x61, 0x7f, 0x80, 0x90, 0xa2,
                            0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xfa, 0xfd, 0xff};
  for (int iter = 0; iter < 3000; ++iter) {
    state = State{};
    std::string code;
    const size_t len = 1 + rng() % 64;
    for (size_t i = 0; i < len; ++i) {
      const u8 b = (rng() % 2) ? interesting[rng() % sizeof interesting] : static_cast<u8>(rng());
      code += to_hex(std::array<u8, 1>{b});
    }
    const i64 gas = 1 + static_cast<i64>(rng() % 200000);
    const Fork fork = (iter % 2) ? Fork::kCancun : Fork::kPrague;
    const Outcome r = run(code, gas, fork);
    ASSERT_LE(static_cast<int>(r.result.status), static_cast<int>(StatusCode::kNotImplemented)) << code;
    ASSERT_GE(r.result.gas_left, 0) << code;
    ASSERT_LE(r.result.gas_left, gas) << code;
    if (r.result.status != StatusCode::kSuccess && r.result.status != StatusCode::kRevert) {
      ASSERT_EQ(r.result.gas_left, 0) << code;
      ASSERT_TRUE(r.result.output.empty()) << code;
    }
  }
}

// The per-block checks (RunMode::kFast) against checking each instruction (kChecked) on
// the same random programs: gas, output and state root agree, and so does the status
// but where an exceptional halt may be named out of gas by kFast (interpreter.cpp).
TEST_F(InterpreterTest, BlockChecksAgreeWithPerInstructionChecks) {
  std::mt19937_64 rng(20261204);
  const u8 common[] = {0x01, 0x02, 0x03, 0x10, 0x15, 0x50, 0x51, 0x52, 0x54, 0x55, 0x56, 0x57, 0x5a,
                       0x5b, 0x5b, 0x5f, 0x60, 0x60, 0x61, 0x80, 0x81, 0x90, 0x91, 0xa0, 0xf1, 0xf3, 0xfd};
  int failures_seen = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    std::string code;
    const size_t len = 1 + rng() % 48;
    for (size_t i = 0; i < len; ++i) {
      u8 b = (rng() % 4) ? common[rng() % sizeof common] : static_cast<u8>(rng());
      code += to_hex(std::array<u8, 1>{b});
      if (b == 0x60 && rng() % 2) code += "0" + std::to_string(rng() % 10);  // small jump targets
    }
    const i64 gas = 1 + static_cast<i64>(rng() % (iter % 3 ? 30000 : 300));
    Outcome r[2];
    Hash256 root[2];
    for (int exact = 0; exact < 2; ++exact) {
      state = State{};
      exact_status = exact == 1;
      r[exact] = run(code, gas);
      root[exact] = state.root();
    }
    exact_status = false;
    const StatusCode fast = r[0].result.status, checked = r[1].result.status;
    const bool exceptional = checked != StatusCode::kSuccess && checked != StatusCode::kRevert;
    failures_seen += exceptional;
    ASSERT_TRUE(fast == checked || (fast == StatusCode::kOutOfGas && exceptional))
        << code << " gas " << gas << ": " << status_name(fast) << " vs " << status_name(checked);
    ASSERT_EQ(r[0].gas_used, r[1].gas_used) << code << " gas " << gas;
    ASSERT_EQ(r[0].refund, r[1].refund) << code;
    ASSERT_EQ(r[0].result.output, r[1].result.output) << code;
    ASSERT_EQ(root[0], root[1]) << code;
  }
  EXPECT_GT(failures_seen, 300);  // the programs reach the failure paths, not only STOP
}

TEST_F(InterpreterTest, BlockChecksNameTheExactFault) {
  // PUSH1 1, PUSH1 2, ADD costs 9: with 8 the block's check fails and the frame is out
  // of gas, all 8 consumed.
  Outcome r = run("6001600201", 8);
  EXPECT_EQ(r.result.status, StatusCode::kOutOfGas);
  EXPECT_EQ(r.gas_used, 8);
  // PUSH1 1, PUSH1 0, MSTORE, POP: the POP finds an empty stack.
  EXPECT_EQ(run("600160005250").result.status, StatusCode::kStackUnderflow);
  // 1025 PUSH0: the last overflows; 1024 and STOP succeed.
  std::string push0s;
  for (int i = 0; i < 1024; ++i) push0s += "5f";
  EXPECT_EQ(run(push0s + "5f").result.status, StatusCode::kStackOverflow);
  EXPECT_EQ(run(push0s + "00").result.status, StatusCode::kSuccess);
  // ADD, PUSH0, PUSH0 with 3 gas: the block needs 7, but ADD's underflow comes first,
  // and kFast's fallback still names it.
  EXPECT_EQ(run("015f5f", 3).result.status, StatusCode::kStackUnderflow);
  // The fallback keeps the frame's memory: MLOAD 0x1000 expands memory (419 gas), a jump
  // enters a block whose ADD underflows, and its MLOAD 0x1000 must cost no expansion
  // again: 438 gas before the jump, 7 after, 100 spare; out of gas would be wrong.
  EXPECT_EQ(run("6110005150600a560000" "5b6110005101", 545).result.status, StatusCode::kStackUnderflow);
}

TEST_F(InterpreterTest, GasReadsTheExactCounterInsideBlocks) {
  // PUSH1 1, POP, GAS, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN: GAS sees 100000 minus
  // PUSH1, POP and its own 2, though its block was entered with more instructions after it.
  const Outcome r = run("6001505a" "600052" "60206000f3");
  ASSERT_EQ(r.result.status, StatusCode::kSuccess);
  EXPECT_EQ(Uint256::from_be(r.result.output.data()), Uint256{100000 - 3 - 2 - 2});
}

TEST(CodeAnalysis, BlocksCarryTheirStaticChecks) {
  // 0 PUSH1 1, 2 PUSH1 2, 4 ADD, 5 JUMPDEST, 6 POP, 7 GAS, 8 POP, 9 STOP
  const CodeAnalysis a = analyze(*from_hex("6001600201" "5b" "50" "5a" "50" "00"));
  ASSERT_EQ(a.blocks.size(), 11u);
  // From the start to GAS, the block's last instruction: 3 + 3 + 3 + 1 + 2 + 2 gas, no
  // items needed, at most two added (before ADD).
  EXPECT_EQ(a.block(0).gas, 14u);
  EXPECT_EQ(a.block(0).min_height, 0);
  EXPECT_EQ(a.block(0).height_span, 1024 - 2);
  // From the JUMPDEST (a jump may enter there): 1 + 2 + 2 gas; POP needs one item.
  EXPECT_EQ(a.block(5).gas, 5u);
  EXPECT_EQ(a.block(5).min_height, 1);
  EXPECT_EQ(a.block(5).height_span, 1024 - 1);
  EXPECT_FALSE(a.block(5).admits(0));
  EXPECT_TRUE(a.block(5).admits(1));
  EXPECT_TRUE(a.block(5).admits(1024));
  // After GAS, which falls through into a new block: POP, STOP.
  EXPECT_EQ(a.block(8).gas, 2u);
  EXPECT_EQ(a.block(8).min_height, 1);
  // Not entries; running off the end enters an empty block.
  EXPECT_EQ(a.block(4).gas, 0u);
  EXPECT_EQ(a.block(6).gas, 0u);
  EXPECT_TRUE(a.block(10).admits(0));
  EXPECT_TRUE(a.block(10).admits(1024));
  // JUMPI ends a block too; a JUMPDEST inside PUSH data is no entry.
  const CodeAnalysis b = analyze(*from_hex("5f5f57" "605b" "01"));
  EXPECT_EQ(b.block(0).gas, 2u + 2 + 10);
  EXPECT_EQ(b.block(0).height_span, 1024 - 2);
  EXPECT_EQ(b.block(3).gas, 3u + 3);  // PUSH1 0x5b, ADD
  EXPECT_EQ(b.block(3).min_height, 1);
  EXPECT_FALSE(b.block(4).admits(1));  // the 0x5b in PUSH1's data: a failing entry
  EXPECT_FALSE(b.is_jumpdest(4));
  // 1025 items needed (POP after 1024 PUSH0 is fine, 1025 POPs are not): never admitted.
  std::string pops = "5b";
  for (int i = 0; i < 1025; ++i) pops += "50";
  EXPECT_FALSE(analyze(*from_hex(pops)).block(0).admits(1024));
}

TEST(CodeAnalysis, CacheKeepsToItsBound) {
  const Bytes small(100, 0x5b), large(1000, 0x5b);
  const size_t small_bytes = analyze(small).memory_bytes();
  CodeCache cache(3 * small_bytes);
  const auto key = [](u8 b) {
    Hash256 h{};
    h[0] = b;
    return h;
  };
  const auto a = cache.get(key(1), small);
  EXPECT_EQ(cache.get(key(1), small), a);  // kept: the same analysis again
  cache.get(key(2), small);
  cache.get(key(3), small);
  EXPECT_EQ(cache.size(), 3u);
  cache.get(key(4), small);  // would pass the bound: the cache starts afresh
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.bytes(), small_bytes);
  // Larger than the bound alone: analysed and returned, not kept.
  const auto big = cache.get(key(5), large);
  EXPECT_TRUE(big->is_jumpdest(999));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_LE(cache.bytes(), 3 * small_bytes);
}

TEST(CodeAnalysis, JumpdestsSkipPushData) {
  const Bytes code = *from_hex("5b605b5b7f" + std::string(64, '5') + "5b");
  const CodeAnalysis a = analyze(code);
  EXPECT_TRUE(a.is_jumpdest(0));
  EXPECT_FALSE(a.is_jumpdest(2));  // PUSH1's immediate
  EXPECT_TRUE(a.is_jumpdest(3));
  EXPECT_FALSE(a.is_jumpdest(10));  // inside PUSH32's data
  EXPECT_TRUE(a.is_jumpdest(code.size() - 1));
  EXPECT_FALSE(a.is_jumpdest(code.size()));
  EXPECT_EQ(a.padded.size(), CodeAnalysis::kFrontPadding + code.size() + CodeAnalysis::kPadding);
  EXPECT_EQ(a.code()[0], 0x5b);
}

TEST(StateJournal, RevertRestoresEverything) {
  State s;
  const Address a = address_from_u8(1), b = address_from_u8(2);
  Account acc;
  acc.balance = Uint256{100};
  s.put(a, acc);
  const size_t mark = s.checkpoint();
  s.set_balance(a, Uint256{5});
  s.add_balance(b, Uint256{95});  // creates b
  s.set_nonce(a, 3);
  s.set_storage(a, Uint256{1}, Uint256{9});
  s.set_code(a, {0x00});
  s.access_account(b);
  s.add_refund(4800);
  s.add_log(Log{a, {}, {}});
  EXPECT_TRUE(s.exists(b));
  s.revert_to(mark);
  EXPECT_EQ(s.balance(a), Uint256{100});
  EXPECT_FALSE(s.exists(b));
  EXPECT_EQ(s.find(a)->nonce, 0u);
  EXPECT_TRUE(s.storage(a, Uint256{1}).is_zero());
  EXPECT_TRUE(s.find(a)->code->empty());
  EXPECT_EQ(s.find(a)->code_hash, kEmptyCodeHash);
  EXPECT_FALSE(s.is_warm(b));
  EXPECT_EQ(s.refund(), 0);
  EXPECT_TRUE(s.logs().empty());
}

TEST(StateJournal, FinalizeClearsTouchedEmptyAccounts) {
  State s;
  const Address empty = address_from_u8(1), funded = address_from_u8(2);
  s.put(empty, Account{});
  Account acc;
  acc.balance = Uint256{1};
  s.put(funded, acc);
  const Hash256 before = s.root();
  s.touch(funded);
  s.finalize_transaction();
  EXPECT_EQ(s.root(), before);  // touching a non-empty account changes nothing
  s.touch(empty);
  s.finalize_transaction();
  EXPECT_FALSE(s.exists(empty));  // EIP-161
  EXPECT_TRUE(s.exists(funded));
}

TEST(StateRoot, EmptyState) {
  EXPECT_EQ(State{}.root(), trie::kEmptyTrieRoot);
}

}  // namespace
}  // namespace dusk::evm
