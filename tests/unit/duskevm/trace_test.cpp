// Transaction traces (src/duskevm/trace): geth's struct logger and callTracer over small
// contracts written here with a little assembler, run by apply_transaction.
//
// The expectations come from two places. Facts read off the bytecode by hand, each
// with its derivation in a comment: the call tree's shape and types, who calls whom,
// the costs of simple instructions (PUSH1 3, MSTORE 3 + 3 for a new word, ...), the
// revert data and the intrinsic gas (21000 plus 16 per non-zero and 4 per zero
// calldata byte, EIP-2028). And consistency between independent records of the same
// run: within a frame each step's gas less its cost is the next step's gas, corrected
// after CALL* and CREATE* by what the call tracer says the callee was given and used;
// the top frame's gas used against the receipt; a traced run against an untraced one.
#include <random>

#include <gtest/gtest.h>

#include "crypto/hash/keccak.hpp"
#include "duskevm/detail/instructions.hpp"
#include "duskevm/trace/call_tracer.hpp"
#include "duskevm/trace/struct_logger.hpp"
#include "duskevm/trace/vm_error.hpp"
#include "duskevm/transition.hpp"
#include "trace_checks.hpp"

namespace dusk::evm {
namespace {

using nlohmann::json;
using trace_checks::Tee;
using trace_checks::check_gas_chain;
using trace_checks::inner_frames;
using trace_checks::q;

// A bytecode builder: instructions and minimal PUSHes.
struct Asm {
  Bytes code;
  Asm& op(u8 o) {
    code.push_back(o);
    return *this;
  }
  Asm& push(const Uint256& v) {
    u8 be[32];
    v.to_be(be);
    size_t i = 0;
    while (i < 31 && be[i] == 0) ++i;
    code.push_back(static_cast<u8>(op::PUSH1 + (31 - i)));
    code.insert(code.end(), be + i, be + 32);
    return *this;
  }
  Asm& push(u64 v) { return push(Uint256{v}); }
  Asm& push(const Address& a) {
    code.push_back(op::PUSH20);
    code.insert(code.end(), a.begin(), a.end());
    return *this;
  }
  // CALL/CALLCODE (with value) or DELEGATECALL/STATICCALL; gas: all (GAS) when absent.
  Asm& call(u8 opcode, const Address& to, u64 value, u64 in_off, u64 in_size, u64 out_off, u64 out_size,
            std::optional<u64> gas = std::nullopt) {
    push(out_size).push(out_off).push(in_size).push(in_off);
    if (opcode == op::CALL || opcode == op::CALLCODE) push(value);
    push(to);
    if (gas) push(*gas);
    else op(op::GAS);
    return op(opcode);
  }
  // Stores `bytes` (at most 32) so that they end at memory offset 32 * (word + 1).
  Asm& mstore_right(const Bytes& bytes, u64 word = 0) {
    return push(Uint256::from_be(bytes.data(), bytes.size())).push(32 * word).op(op::MSTORE);
  }
};

const Address kSender = address_from_u8(0x5e);
const Address kTop = address_from_u8(0xa0);
const Address kStore = address_from_u8(0xc0);      // stores its calldata word, logs, returns it
const Address kReverter = address_from_u8(0xe0);   // reverts with Error("boom")
const Address kDelegate = address_from_u8(0xd0);   // stores CALLER in slot 1
const Address kIdentity = address_from_u8(0x04);   // the identity precompile
const Address kLooper = address_from_u8(0x1f);     // loops until out of gas
const Address kBeneficiary = address_from_u8(0xbe);

// kStore: SSTORE(0, CALLDATALOAD(0)); LOG1(0, 0, topic 0x77); MSTORE(0, SLOAD(0));
// RETURN(0, 32).
Bytes store_code() {
  Asm a;
  a.push(0).op(op::CALLDATALOAD).push(0).op(op::SSTORE);
  a.push(0x77).push(0).push(0).op(op::LOG1);
  a.push(0).op(op::SLOAD).push(0).op(op::MSTORE);
  a.push(32).push(0).op(op::RETURN);
  return a.code;
}

// Error("boom") as Solidity encodes it: selector 08c379a0, offset 0x20, length 4, the
// bytes padded to a word: 4 + 3 * 32 = 100 bytes.
Bytes boom_revert_data() {
  Bytes d = {0x08, 0xc3, 0x79, 0xa0};
  Bytes word(32, 0);
  word[31] = 0x20;
  d.insert(d.end(), word.begin(), word.end());
  word[31] = 4;
  d.insert(d.end(), word.begin(), word.end());
  Bytes text(32, 0);
  text[0] = 'b', text[1] = 'o', text[2] = 'o', text[3] = 'm';
  d.insert(d.end(), text.begin(), text.end());
  return d;
}

// kReverter: writes boom_revert_data() at memory 0 in four MSTOREs (the selector word
// shifted left 224 bits, then the words at 4, 36 and 68), REVERT(0, 100).
Bytes reverter_code() {
  const Bytes d = boom_revert_data();
  Asm a;
  a.push(Uint256::from_be(d.data(), 4) << 224).push(0).op(op::MSTORE);
  for (u64 at = 4; at < 100; at += 32) a.push(Uint256::from_be(d.data() + at, 32)).push(at).op(op::MSTORE);
  a.push(100).push(0).op(op::REVERT);
  return a.code;
}

// Init code that deploys one byte `b`: MSTORE8(0, b); RETURN(0, 1). 10 bytes.
Bytes init_code(u8 b) { return Asm().push(b).push(0).op(op::MSTORE8).push(1).push(0).op(op::RETURN).code; }

// kTop: six frames, in order:
//   1. CALL kStore, calldata the word 0x2a (memory 0..32), output to memory 0..32
//   2. STATICCALL the identity precompile with memory 0..3
//   3. CALL kReverter (reverts)
//   4. DELEGATECALL kDelegate
//   5. CREATE with init_code(0x2a), 10 bytes stored to end at 32: memory 22..32
//   6. CALL kStore with value 1: kTop has no balance, so the call is refused
// each result POPped, then STOP.
Bytes top_code() {
  Asm a;
  a.push(0x2a).push(0).op(op::MSTORE);
  a.call(op::CALL, kStore, 0, 0, 32, 0, 32).op(op::POP);
  a.call(op::STATICCALL, kIdentity, 0, 0, 3, 64, 3).op(op::POP);
  a.call(op::CALL, kReverter, 0, 0, 0, 0, 0).op(op::POP);
  a.call(op::DELEGATECALL, kDelegate, 0, 0, 0, 0, 0).op(op::POP);
  a.mstore_right(init_code(0x2a)).push(10).push(22).push(0).op(op::CREATE).op(op::POP);
  a.call(op::CALL, kStore, 1, 0, 0, 0, 0).op(op::POP);
  a.op(op::STOP);
  return a.code;
}

// The accounts above, a funded sender, and a Prague block.
struct World {
  World() {
    env.gas_limit = 30'000'000;
    env.blobs = default_blob_schedule(Fork::kPrague);
    state.get_or_create(kSender).balance = Uint256{1'000'000'000'000'000'000ull};
    install(kTop, top_code());
    install(kStore, store_code());
    install(kReverter, reverter_code());
    install(kDelegate, Asm().op(op::CALLER).push(1).op(op::SSTORE).op(op::STOP).code);
    install(kLooper, Asm().op(op::JUMPDEST).push(0).op(op::JUMP).code);
  }
  void install(const Address& a, const Bytes& code, u64 balance = 0) {
    Account acc;
    acc.code_hash = crypto::keccak256(code);
    acc.code = std::make_shared<const Bytes>(code);
    acc.nonce = 1;
    acc.balance = Uint256{balance};
    state.put(a, acc);
  }
  Transaction tx_to(std::optional<Address> to, Bytes data = {}, u64 gas = 1'000'000) {
    Transaction tx;
    tx.to = to;
    tx.data = std::move(data);
    tx.gas_limit = Uint256{gas};
    tx.sender = kSender;
    tx.nonce = Uint256{state.find(kSender)->nonce};
    return tx;
  }
  Receipt run(const Transaction& tx, Tracer* tracer) {
    auto r = apply_transaction(state, env, tx, Fork::kPrague, cache, tracer);
    EXPECT_TRUE(r.ok());
    return r.ok() ? std::move(r).value() : Receipt{};
  }
  State state;
  BlockEnv env;
  CodeCache cache;
};

class TraceTest : public ::testing::Test, public World {};

TEST_F(TraceTest, CallTreeOfNestedCalls) {
  trace::StructLogger logger;
  trace::CallTracer calls;
  Tee both(logger, calls);
  const Transaction tx = tx_to(kTop);
  const Receipt receipt = run(tx, &both);
  ASSERT_EQ(receipt.status, StatusCode::kSuccess);
  const json top = calls.result();

  EXPECT_EQ(top["type"], "CALL");
  EXPECT_EQ(top["from"], address_hex(kSender));
  EXPECT_EQ(top["to"], address_hex(kTop));
  EXPECT_EQ(top["value"], "0x0");
  EXPECT_EQ(top["input"], "0x");
  EXPECT_EQ(q(top["gas"]), 1'000'000u);            // the transaction's gas limit
  EXPECT_EQ(q(top["gasUsed"]), receipt.gas_used);  // the receipt's
  EXPECT_FALSE(top.contains("error"));
  EXPECT_FALSE(top.contains("output"));  // STOP returns nothing

  ASSERT_TRUE(top.contains("calls"));
  const json& c = top["calls"];
  ASSERT_EQ(c.size(), 6u) << c.dump(1);
  // 1. CALL kStore: returns the word it stored, 0x2a.
  EXPECT_EQ(c[0]["type"], "CALL");
  EXPECT_EQ(c[0]["from"], address_hex(kTop));
  EXPECT_EQ(c[0]["to"], address_hex(kStore));
  EXPECT_EQ(c[0]["value"], "0x0");
  EXPECT_EQ(c[0]["input"], "0x" + std::string(62, '0') + "2a");
  EXPECT_EQ(c[0]["output"], "0x" + std::string(62, '0') + "2a");
  EXPECT_FALSE(c[0].contains("logs"));  // without with_log
  // 2. STATICCALL to a precompile: listed, without a value; the identity returns its
  // input, the first 3 bytes of memory (zero: the word 0x2a ends at byte 31).
  EXPECT_EQ(c[1]["type"], "STATICCALL");
  EXPECT_EQ(c[1]["to"], address_hex(kIdentity));
  EXPECT_FALSE(c[1].contains("value"));
  EXPECT_EQ(c[1]["input"], "0x000000");
  EXPECT_EQ(c[1]["output"], "0x000000");
  // Identity: 15 + 3 per word.
  EXPECT_EQ(q(c[1]["gasUsed"]), 18u);
  // 3. CALL kReverter: reverted with its reason decoded.
  EXPECT_EQ(c[2]["error"], "execution reverted");
  EXPECT_EQ(c[2]["revertReason"], "boom");
  EXPECT_EQ(c[2]["output"], trace::hex_bytes(boom_revert_data()));
  EXPECT_LT(q(c[2]["gasUsed"]), q(c[2]["gas"]));  // a revert returns the rest
  // 4. DELEGATECALL: from kTop, to kDelegate, with the value kTop was called with.
  EXPECT_EQ(c[3]["type"], "DELEGATECALL");
  EXPECT_EQ(c[3]["from"], address_hex(kTop));
  EXPECT_EQ(c[3]["to"], address_hex(kDelegate));
  EXPECT_EQ(c[3]["value"], "0x0");
  // It stored CALLER, the transaction's sender, in kTop's slot 1.
  EXPECT_EQ(state.storage(kTop, Uint256{1}), to_word(kSender));
  // 5. CREATE: kTop's nonce was 1, so the address is create_address(kTop, 1); input is
  // the init code, output the deployed byte.
  EXPECT_EQ(c[4]["type"], "CREATE");
  EXPECT_EQ(c[4]["to"], address_hex(create_address(kTop, 1)));
  EXPECT_EQ(c[4]["input"], trace::hex_bytes(init_code(0x2a)));
  EXPECT_EQ(c[4]["output"], "0x2a");
  // 6. The refused CALL: a frame with geth's error, nothing used, the stipend included
  // in what it was given.
  EXPECT_EQ(c[5]["error"], "insufficient balance for transfer");
  EXPECT_EQ(c[5]["value"], "0x1");
  EXPECT_EQ(q(c[5]["gasUsed"]), 0u);
  for (const json& f : c) EXPECT_FALSE(f.contains("calls"));

  // The struct logger saw the same run.
  const json log = logger.result();
  EXPECT_EQ(log["gas"], receipt.gas_used);
  EXPECT_EQ(log["failed"], false);
  EXPECT_EQ(log["returnValue"], "0x");
  EXPECT_GT(check_gas_chain(log["structLogs"], top), 50);
}

TEST_F(TraceTest, StructLogSteps) {
  trace::StructLogger logger;
  // calldata: 31 zero bytes and 0x2a: 31 * 4 + 16 = 140 gas on top of 21000.
  Bytes data(32, 0);
  data[31] = 0x2a;
  const Transaction tx = tx_to(kStore, data, 100'000);
  const Receipt receipt = run(tx, &logger);
  ASSERT_EQ(receipt.status, StatusCode::kSuccess);
  const json out = logger.result();
  const json& logs = out["structLogs"];
  EXPECT_EQ(out["gas"], receipt.gas_used);
  EXPECT_EQ(out["returnValue"], "0x" + std::string(62, '0') + "2a");
  // store_code(): 15 instructions, each logged once.
  ASSERT_EQ(logs.size(), 15u);
  EXPECT_EQ(logs[0]["pc"], 0);
  EXPECT_EQ(logs[0]["op"], "PUSH1");
  EXPECT_EQ(logs[0]["gas"], 100'000 - 21'140);
  EXPECT_EQ(logs[0]["gasCost"], 3);
  EXPECT_EQ(logs[0]["depth"], 1);
  EXPECT_EQ(logs[0]["stack"], json::array());
  EXPECT_FALSE(logs[0].contains("memory"));  // not enabled
  EXPECT_FALSE(logs[0].contains("refund"));
  EXPECT_EQ(logs[1]["op"], "CALLDATALOAD");
  EXPECT_EQ(logs[1]["stack"], json::array({"0x0"}));
  // SSTORE (step 3, pc 5) of 0x2a into slot 0: stack [0x2a, 0x0], storage shown; a cold
  // slot set from zero: 2100 + 20000.
  const json& sstore = logs[3];
  EXPECT_EQ(sstore["op"], "SSTORE");
  EXPECT_EQ(sstore["pc"], 5);
  EXPECT_EQ(sstore["stack"], json::array({"0x2a", "0x0"}));
  EXPECT_EQ(sstore["gasCost"], 22100);
  const std::string slot0 = "0x" + std::string(64, '0');
  const std::string v2a = "0x" + std::string(62, '0') + "2a";
  EXPECT_EQ(sstore["storage"], json({{slot0, v2a}}));
  // LOG1: 375 + 375 per topic; the SLOAD after it reads the slot back (warm: 100) and
  // shows the same storage.
  EXPECT_EQ(logs[7]["op"], "LOG1");
  EXPECT_EQ(logs[7]["pc"], 12);
  EXPECT_EQ(logs[7]["gasCost"], 750);
  EXPECT_EQ(logs[9]["op"], "SLOAD");
  EXPECT_EQ(logs[9]["gasCost"], 100);
  EXPECT_EQ(logs[9]["storage"], json({{slot0, v2a}}));
  EXPECT_FALSE(logs[8].contains("storage"));  // only SLOAD and SSTORE show it
  // MSTORE to a new word: 3 + 3.
  EXPECT_EQ(logs[11]["op"], "MSTORE");
  EXPECT_EQ(logs[11]["gasCost"], 6);
  EXPECT_EQ(logs[14]["op"], "RETURN");
  EXPECT_EQ(logs[14]["pc"], 23);
  EXPECT_EQ(check_gas_chain(logs, json::object()), 14);
  // Gas used by the frame, from the steps, plus the intrinsic gas is the receipt's: no
  // refund here (nothing cleared).
  const i64 frame_used = logs[0]["gas"].get<i64>() - (logs[14]["gas"].get<i64>() - logs[14]["gasCost"].get<i64>());
  EXPECT_EQ(static_cast<u64>(frame_used) + 21'140, receipt.gas_used);
}

TEST_F(TraceTest, StructLogMemoryAndFormats) {
  for (const bool legacy : {false, true}) {
    trace::StructLogger logger({.enable_memory = true, .enable_return_data = true, .legacy_hex = legacy});
    const Receipt receipt = run(tx_to(kTop), &logger);
    ASSERT_EQ(receipt.status, StatusCode::kSuccess);
    const json out = logger.result();
    const json& logs = out["structLogs"];
    // The first three steps (PUSH1 0x2a, PUSH1 0, MSTORE) see no memory, the fourth one
    // word holding 0x2a.
    EXPECT_FALSE(logs[2].contains("memory"));
    ASSERT_TRUE(logs[3].contains("memory"));
    const std::string prefix = legacy ? "" : "0x";
    EXPECT_EQ(logs[3]["memory"], json::array({prefix + std::string(62, '0') + "2a"}));
    EXPECT_EQ(out["returnValue"], legacy ? "" : "0x");
    // After the reverted call (frame 3), the caller's steps show its revert data.
    bool saw_return_data = false;
    for (const json& s : logs)
      if (s["depth"] == 1 && s.contains("returnData") && s["returnData"] == trace::hex_bytes(boom_revert_data()))
        saw_return_data = true;
    EXPECT_TRUE(saw_return_data);
    state = World().state;  // the same accounts again for the second run
  }
}

TEST_F(TraceTest, StructLogLimits) {
  trace::StructLogger full;
  run(tx_to(kTop), &full);
  const size_t all = full.result()["structLogs"].size();
  ASSERT_GT(all, 20u);
  EXPECT_FALSE(full.truncated());
  EXPECT_FALSE(full.result().contains("truncated"));

  World again;
  trace::StructLogger limited({.limit = 5});
  auto r = apply_transaction(again.state, again.env, again.tx_to(kTop), Fork::kPrague, again.cache, &limited);
  ASSERT_TRUE(r.ok());
  const json out = limited.result();
  EXPECT_EQ(out["structLogs"].size(), 5u);
  EXPECT_TRUE(limited.truncated());
  EXPECT_EQ(out["truncated"], true);
  EXPECT_EQ(out["gas"], r.value().gas_used);  // the summary is whole

  // A byte budget: entries stop before it is exceeded, and the text stays near it.
  World third;
  const u64 budget = 4000;
  trace::StructLogger bounded({.enable_memory = true, .max_bytes = budget});
  ASSERT_TRUE(apply_transaction(third.state, third.env, third.tx_to(kTop), Fork::kPrague, third.cache, &bounded).ok());
  const json b = bounded.result();
  EXPECT_TRUE(bounded.truncated());
  EXPECT_GT(b["structLogs"].size(), 0u);
  EXPECT_LT(b["structLogs"].size(), all);
  EXPECT_LE(b["structLogs"].dump().size(), budget);
}

TEST_F(TraceTest, RevertReasonAtTheTop) {
  trace::StructLogger logger;
  trace::CallTracer calls;
  Tee both(logger, calls);
  const Receipt receipt = run(tx_to(kReverter), &both);
  ASSERT_EQ(receipt.status, StatusCode::kRevert);
  const json top = calls.result();
  EXPECT_EQ(top["error"], "execution reverted");
  EXPECT_EQ(top["revertReason"], "boom");
  EXPECT_EQ(top["output"], trace::hex_bytes(boom_revert_data()));
  EXPECT_EQ(q(top["gasUsed"]), receipt.gas_used);
  const json log = logger.result();
  EXPECT_EQ(log["failed"], true);
  EXPECT_EQ(log["returnValue"], trace::hex_bytes(boom_revert_data()));
  EXPECT_EQ(log["structLogs"].back()["op"], "REVERT");
  EXPECT_FALSE(log["structLogs"].back().contains("error"));  // geth: REVERT is no fault
}

TEST_F(TraceTest, FaultsNamedAsGethNamesThem) {
  // ADD on an empty stack: the step carries geth's error, gasCost its static gas (3);
  // the frame has used everything.
  install(address_from_u8(0xf1), Bytes{op::ADD});
  trace::StructLogger logger;
  trace::CallTracer calls;
  Tee both(logger, calls);
  const Receipt receipt = run(tx_to(address_from_u8(0xf1), {}, 50'000), &both);
  EXPECT_EQ(receipt.status, StatusCode::kStackUnderflow);
  EXPECT_EQ(receipt.gas_used, 50'000u);
  const json log = logger.result();
  ASSERT_EQ(log["structLogs"].size(), 1u);
  EXPECT_EQ(log["structLogs"][0]["error"], "stack underflow (0 <=> 2)");
  EXPECT_EQ(log["structLogs"][0]["gasCost"], 3);
  EXPECT_EQ(log["failed"], true);
  EXPECT_EQ(log["returnValue"], "0x");
  EXPECT_EQ(calls.result()["error"], "stack underflow (0 <=> 2)");

  // An undefined opcode, and 0xfe.
  install(address_from_u8(0xf2), Bytes{0x0c});
  trace::CallTracer undefined;
  run(tx_to(address_from_u8(0xf2), {}, 50'000), &undefined);
  EXPECT_EQ(undefined.result()["error"], "invalid opcode: opcode 0xc not defined");
  install(address_from_u8(0xf3), Bytes{op::INVALID});
  trace::CallTracer invalid;
  run(tx_to(address_from_u8(0xf3), {}, 50'000), &invalid);
  EXPECT_EQ(invalid.result()["error"], "invalid opcode: INVALID");

  // A callee that loops until it runs out: given 1000 gas, it uses all of it.
  Asm caller;
  caller.call(op::CALL, kLooper, 0, 0, 0, 0, 0, 1000).op(op::STOP);
  install(address_from_u8(0xf4), caller.code);
  trace::CallTracer loop;
  trace::StructLogger loop_steps;
  Tee loop_both(loop, loop_steps);
  const Receipt looped = run(tx_to(address_from_u8(0xf4)), &loop_both);
  EXPECT_EQ(looped.status, StatusCode::kSuccess);
  const json inner = loop.result()["calls"][0];
  EXPECT_EQ(inner["error"], "out of gas");
  EXPECT_EQ(q(inner["gas"]), 1000u);
  EXPECT_EQ(q(inner["gasUsed"]), 1000u);
  // The callee's last step is the one that ran out: JUMPDEST (1), PUSH1 (3), JUMP (8)
  // is 12 a round, 1000 = 83 * 12 + 4, so after 83 rounds JUMPDEST and PUSH1 fit and
  // the JUMP with 0 gas left fails.
  const json steps = loop_steps.result()["structLogs"];
  const json* last_inner = nullptr;
  for (const json& st : steps)
    if (st["depth"] == 2) last_inner = &st;
  ASSERT_NE(last_inner, nullptr);
  EXPECT_EQ((*last_inner)["op"], "JUMP");
  EXPECT_EQ((*last_inner)["gas"], 0);
  EXPECT_EQ((*last_inner)["error"], "out of gas");
  EXPECT_EQ((*last_inner)["gasCost"], 8);  // its static gas, as geth reports a fault
  EXPECT_EQ(check_gas_chain(steps, loop.result()), static_cast<int>(steps.size()) - 2);
}

TEST_F(TraceTest, Creations) {
  // A creation transaction: the top frame is CREATE at create_address(sender, 0).
  trace::CallTracer calls;
  const Receipt receipt = run(tx_to(std::nullopt, init_code(0x2a)), &calls);
  ASSERT_EQ(receipt.status, StatusCode::kSuccess);
  const json top = calls.result();
  EXPECT_EQ(top["type"], "CREATE");
  EXPECT_EQ(top["to"], address_hex(create_address(kSender, 0)));
  EXPECT_EQ(top["input"], trace::hex_bytes(init_code(0x2a)));
  EXPECT_EQ(top["output"], "0x2a");
  EXPECT_EQ(q(top["gasUsed"]), receipt.gas_used);

  // Code starting with 0xef cannot be stored (EIP-3541): geth's words, no "to".
  trace::CallTracer ef;
  const Receipt bad = run(tx_to(std::nullopt, init_code(0xef)), &ef);
  EXPECT_EQ(bad.status, StatusCode::kContractValidationFailure);
  EXPECT_EQ(ef.result()["error"], "invalid code: must not begin with 0xef");
  EXPECT_FALSE(ef.result().contains("to"));
  EXPECT_FALSE(ef.result().contains("output"));
}

TEST_F(TraceTest, RefusedAndCollidingCreations) {
  // A CREATE with value 1 from an account without balance: refused, nothing used.
  // Then CREATE2 of init_code(0x2a) with salt 0, twice: the second lands on the first's
  // address and collides, losing the gas it was given (63/64 of what was left, so it
  // comes last).
  const Address factory = address_from_u8(0xfa);
  Asm a;
  a.mstore_right(init_code(0x2a));
  a.push(10).push(22).push(1).op(op::CREATE).op(op::POP);
  for (int i = 0; i < 2; ++i) a.push(0).push(10).push(22).push(0).op(op::CREATE2).op(op::POP);
  a.op(op::STOP);
  install(factory, a.code);
  trace::CallTracer calls;
  ASSERT_EQ(run(tx_to(factory), &calls).status, StatusCode::kSuccess);
  const json c = calls.result()["calls"];
  ASSERT_EQ(c.size(), 3u) << c.dump(1);
  EXPECT_EQ(c[0]["type"], "CREATE");
  EXPECT_EQ(c[0]["error"], "insufficient balance for transfer");
  EXPECT_EQ(c[0]["value"], "0x1");
  EXPECT_EQ(c[0]["gasUsed"], "0x0");
  EXPECT_FALSE(c[0].contains("to"));
  EXPECT_EQ(c[1]["type"], "CREATE2");
  EXPECT_EQ(c[1]["to"], address_hex(create2_address(factory, Uint256{}, init_code(0x2a))));
  EXPECT_EQ(c[1]["output"], "0x2a");
  EXPECT_EQ(c[2]["type"], "CREATE2");
  EXPECT_EQ(c[2]["error"], "contract address collision");
  EXPECT_FALSE(c[2].contains("to"));
  EXPECT_EQ(c[2]["gasUsed"], c[2]["gas"]);
}

TEST_F(TraceTest, CallTracerByteBudget) {
  // Each of kTop's frames keeps at least 320 bytes of budget (call_tracer.cpp): a
  // budget of 1000 holds the top frame and two inner ones, then stops.
  trace::CallTracer calls({.max_bytes = 1000});
  ASSERT_EQ(run(tx_to(kTop), &calls).status, StatusCode::kSuccess);
  EXPECT_TRUE(calls.truncated());
  const json top = calls.result();
  EXPECT_EQ(top["truncated"], true);
  ASSERT_TRUE(top.contains("calls"));
  EXPECT_GE(top["calls"].size(), 1u);
  EXPECT_LT(top["calls"].size(), 6u);
  EXPECT_LE(top.dump().size(), 1000u);
}

TEST_F(TraceTest, SelfdestructFrame) {
  const Address victim = address_from_u8(0x5d);
  install(victim, Asm().push(kBeneficiary).op(op::SELFDESTRUCT).code, 5);
  trace::CallTracer calls;
  ASSERT_EQ(run(tx_to(victim), &calls).status, StatusCode::kSuccess);
  const json top = calls.result();
  ASSERT_EQ(top["calls"].size(), 1u);
  const json& sd = top["calls"][0];
  EXPECT_EQ(sd["type"], "SELFDESTRUCT");
  EXPECT_EQ(sd["from"], address_hex(victim));
  EXPECT_EQ(sd["to"], address_hex(kBeneficiary));
  EXPECT_EQ(sd["value"], "0x5");
  EXPECT_EQ(sd["gas"], "0x0");
  EXPECT_EQ(sd["gasUsed"], "0x0");
  EXPECT_EQ(sd["input"], "0x");
}

TEST_F(TraceTest, LogsWithPositionsAndReverts) {
  // kLogger: LOG0; CALL kStore (logs once); CALL noisy (logs, then reverts); LOG0.
  const Address noisy = address_from_u8(0x70);
  install(noisy, Asm().push(0).push(0).op(op::LOG0).push(0).push(0).op(op::REVERT).code);
  const Address logger_contract = address_from_u8(0x71);
  Asm a;
  a.push(0).push(0).op(op::LOG0);
  a.call(op::CALL, kStore, 0, 0, 0, 0, 0).op(op::POP);
  a.call(op::CALL, noisy, 0, 0, 0, 0, 0).op(op::POP);
  a.push(0).push(0).op(op::LOG0).op(op::STOP);
  install(logger_contract, a.code);

  trace::CallTracer calls({.with_log = true, .first_log_index = 7});
  const Receipt receipt = run(tx_to(logger_contract), &calls);
  ASSERT_EQ(receipt.status, StatusCode::kSuccess);
  ASSERT_EQ(receipt.logs.size(), 3u);  // the reverted one is gone
  const json top = calls.result();
  // Top: index 7 at position 0 (no call yet), index 9 at position 2 (after two calls);
  // kStore's log is index 8; noisy's (reverted) is dropped and its index reused.
  ASSERT_EQ(top["logs"].size(), 2u);
  EXPECT_EQ(top["logs"][0]["index"], "0x7");
  EXPECT_EQ(top["logs"][0]["position"], "0x0");
  EXPECT_EQ(top["logs"][0]["address"], address_hex(logger_contract));
  EXPECT_EQ(top["logs"][0]["topics"], json::array());
  EXPECT_EQ(top["logs"][0]["data"], "0x");
  EXPECT_EQ(top["logs"][1]["index"], "0x9");
  EXPECT_EQ(top["logs"][1]["position"], "0x2");
  const json& store = top["calls"][0];
  ASSERT_EQ(store["logs"].size(), 1u);
  EXPECT_EQ(store["logs"][0]["index"], "0x8");
  EXPECT_EQ(store["logs"][0]["topics"], json::array({"0x" + std::string(62, '0') + "77"}));
  EXPECT_FALSE(top["calls"][1].contains("logs"));
  EXPECT_EQ(top["calls"][1]["error"], "execution reverted");
  EXPECT_FALSE(top["calls"][1].contains("revertReason"));  // no data to decode

  // only_top_call: the inner frames go, the top frame's logs stay.
  World again;
  again.install(noisy, Asm().push(0).push(0).op(op::LOG0).push(0).push(0).op(op::REVERT).code);
  again.install(logger_contract, a.code);
  trace::CallTracer top_only({.only_top_call = true, .with_log = true});
  ASSERT_TRUE(apply_transaction(again.state, again.env, again.tx_to(logger_contract), Fork::kPrague, again.cache,
                                &top_only).ok());
  const json t = top_only.result();
  EXPECT_FALSE(t.contains("calls"));
  ASSERT_EQ(t["logs"].size(), 2u);
  EXPECT_EQ(t["logs"][1]["index"], "0x2");
}

TEST(RevertReason, Decoding) {
  EXPECT_EQ(trace::decode_revert_reason(boom_revert_data()), "boom");
  // Panic(0x11): 4e487b71 and the code as a word.
  Bytes panic = {0x4e, 0x48, 0x7b, 0x71};
  panic.resize(36, 0);
  panic[35] = 0x11;
  EXPECT_EQ(trace::decode_revert_reason(panic), "arithmetic underflow or overflow");
  panic[35] = 0x99;
  EXPECT_EQ(trace::decode_revert_reason(panic), "unknown panic code: 0x99");
  // Truncated or foreign data decodes to nothing.
  Bytes cut = boom_revert_data();
  cut.resize(70);
  EXPECT_EQ(trace::decode_revert_reason(cut), std::nullopt);
  EXPECT_EQ(trace::decode_revert_reason(Bytes{1, 2, 3, 4, 5}), std::nullopt);
  EXPECT_EQ(trace::decode_revert_reason(Bytes{0x08, 0xc3, 0x79}), std::nullopt);
  // A huge length does not read past the data.
  Bytes huge = boom_revert_data();
  std::fill(huge.begin() + 36, huge.begin() + 68, 0xff);
  EXPECT_EQ(trace::decode_revert_reason(huge), std::nullopt);
  // Bytes that are not UTF-8 become U+FFFD, so that the JSON can be written.
  Bytes bad = boom_revert_data();
  bad[68] = 0xff;
  EXPECT_EQ(trace::decode_revert_reason(bad), "\xef\xbf\xbdoom");
  EXPECT_NO_THROW(json({{"r", *trace::decode_revert_reason(bad)}}).dump());
}

// Random programs, as in interpreter_test: run untraced, with the struct logger and with
// the call tracer, on the same state, the outcome is the same; the struct log's gas
// chain holds and its JSON can be written.
TEST(TraceRandom, TracingChangesNothing) {
  std::mt19937_64 rng(20261207);
  const u8 interesting[] = {0x01, 0x0a, 0x20, 0x35, 0x37, 0x39, 0x3e, 0x51, 0x52, 0x54, 0x55, 0x56, 0x57,
                            0x5a, 0x5b, 0x5f, 0x60, 0x61, 0x80, 0x90, 0xa1, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5,
                            0xfa, 0xfd, 0xff};
  int steps_checked = 0;
  int frames_seen = 0;
  for (int iter = 0; iter < 600; ++iter) {
    // A few small words first (kStore's address among them), so that more programs get
    // past their first instructions and CALL something that runs.
    Bytes code;
    for (int i = 0; i < 8; ++i) {
      const u8 words[] = {0, 1, 2, 32, 0xc0, 0xa0};
      code.push_back(op::PUSH1);
      code.push_back(words[rng() % sizeof words]);
    }
    const size_t len = 1 + rng() % 48;
    for (size_t i = 0; i < len; ++i)
      code.push_back((rng() % 2) ? interesting[rng() % sizeof interesting] : static_cast<u8>(rng()));
    const u64 gas = 21'000 + rng() % 200'000;
    struct Run {
      Receipt receipt;
      Hash256 root;
    };
    json log, calls_json;
    auto once = [&](Tracer* tracer) {
      World t;
      t.install(kTop, code, 10);
      t.install(kStore, code);  // CALLs to kStore run the same program
      Run r{t.run(t.tx_to(kTop, {}, gas), tracer), {}};
      r.root = t.state.root();
      return r;
    };
    trace::StructLogger logger;
    trace::CallTracer calls;
    Tee both(logger, calls);
    const Run plain = once(nullptr);
    const Run traced = once(&both);
    ASSERT_EQ(traced.receipt.status, plain.receipt.status) << to_hex(code);
    ASSERT_EQ(traced.receipt.gas_used, plain.receipt.gas_used) << to_hex(code);
    ASSERT_EQ(traced.receipt.output, plain.receipt.output) << to_hex(code);
    ASSERT_EQ(traced.root, plain.root) << to_hex(code);
    const json l = logger.result();
    const json c = calls.result();
    EXPECT_EQ(l["gas"], plain.receipt.gas_used);
    EXPECT_EQ(q(c["gasUsed"]), plain.receipt.gas_used);
    EXPECT_EQ(l["failed"], plain.receipt.status != StatusCode::kSuccess);
    steps_checked += check_gas_chain(l["structLogs"], c);
    std::vector<const json*> inner;
    inner_frames(c, inner);
    frames_seen += static_cast<int>(inner.size());
    EXPECT_NO_THROW((void)l.dump());
    EXPECT_NO_THROW((void)c.dump());
  }
  EXPECT_GT(steps_checked, 1000);
  EXPECT_GT(frames_seen, 50);
  std::printf("%d steps checked, %d inner frames\n", steps_checked, frames_seen);
}

}  // namespace
}  // namespace dusk::evm
