// A session runs contracts against a base commit and turns what they changed into a
// new commit.
//
//   auto store = StateStore::open(dir);
//   Session s(**store, base_root, {});
//   auto deployed = s.deploy(wasm, owner, nonce, init_arg, gas);   // id in the receipt
//   Receipt r = s.call(id, "transfer", arg, gas);                   // r.ok, r.result ...
//   auto root = s.commit();                                         // one atomic batch
//
// The contract ABI: a contract exports its `memory` (32-bit) and an immutable i32 global
// `argbuf`, the address of a 64 KiB argument buffer; each entry point has type
// (i32 arg_len) -> i32 ret_len: the argument is in the buffer when it is called, and it
// leaves its result there. An optional export `init` runs once, at deploy; a start
// function never runs. Memory is the state: globals start every top-level call at the
// module's initial values.
//
// Failure is atomic: a call that traps, panics or runs out of gas leaves every memory it
// touched, and its events, as they were. The host functions a contract may import
// (module "env") and their error codes are in host_functions.hpp.
//
// A session belongs to one thread. Nothing it does reaches the disk before commit().
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "duskvm/engine/linker.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "duskvm/runtime/abi.hpp"
#include "duskvm/runtime/module_cache.hpp"
#include "duskvm/runtime/state_store.hpp"

namespace dusk::vm {

inline constexpr u64 kArgBufferBytes = 64 * 1024;

struct Event {
  ContractId source{};
  std::string topic;
  Bytes data;
  bool operator==(const Event&) const = default;
};

// One call of a call tree: the top-level call (or init) is the first, and each call's
// callees follow it, depth first, in the order they ran.
struct CallRecord {
  ContractId contract{};
  std::string function;
  u32 depth = 0;          // 0: the top-level call
  i32 parent = -1;        // the index of the calling record (-1: none)
  u64 gas_limit = 0;
  u64 gas_spent = 0;      // a failed call's whole limit, as its caller pays it
  bool ok = false;
  std::string error;      // why it failed
};

inline constexpr size_t kMaxCallRecords = 4096;  // per receipt; more are counted, not kept

// What a call (or a deploy) did.
struct Receipt {
  bool ok = false;
  std::string error;        // why it failed (empty when ok)
  Bytes result;             // the entry point's result (empty when it failed)
  u64 gas_limit = 0;
  u64 gas_spent = 0;
  std::vector<Event> events;  // only a successful call's
  std::optional<ContractId> deployed;  // deploy: the new contract
  std::vector<CallRecord> calls;  // the call tree, failed or not (deploy: init's)
  u64 calls_dropped = 0;          // calls beyond kMaxCallRecords
};

struct SessionConfig {
  wasm::EngineConfig engine = default_engine_config();
  u64 block_height = 0;
  u32 chain_id = 0;
  u32 max_call_depth = 48;  // nested calls (the top-level call is depth 1)
  // Translated modules, shared with other sessions of the same engine configuration
  // (null: the session keeps its own).
  std::shared_ptr<ModuleCache> modules;

  static wasm::EngineConfig default_engine_config();
};

class Session {
 public:
  // Starts from `base`, which must be a commit of `store` (or the empty state).
  static Result<std::unique_ptr<Session>> open(StateStore& store, const Hash256& base, SessionConfig config = {});
  ~Session();

  // Deploys `bytecode` for `owner`: its ID is contract_id(bytecode, nonce, owner). The
  // code is validated and translated (with its ABI description, when it carries one),
  // instantiated (data segments run, start does not), and `init`, when exported, is
  // called with `init_arg` (its origin is the owner). Fails cleanly when the code is bad,
  // breaks the ABI, the ID exists, or `init` fails; then nothing is changed.
  Receipt deploy(ByteView bytecode, ByteView owner, u64 nonce, ByteView init_arg, u64 gas);

  // Replaces the code of contract `id`, keeping its ID and its memory, when `requester`
  // is its owner (a contract deployed without an owner can never be upgraded). The new
  // code must meet the ABI; its data segments and start do not run (the memory is the
  // contract's state), its globals start at its own initial values, and when it exports
  // `migrate` that runs once with `migrate_arg` (its origin is the requester). Gas pays
  // for the code's bytes, for moving the memory (GasSchedule's page_write a 4 KiB page)
  // and for migrate. When anything fails nothing changes: the old code stays.
  Receipt upgrade(const ContractId& id, ByteView bytecode, ByteView requester, ByteView migrate_arg, u64 gas);

  // Calls entry point `fn` of contract `id` with `arg` (at most 64 KiB). `origin` is who
  // sent it, as the caller vouches (the node: the transaction's authenticated signer;
  // empty when nobody is named): contracts read it through origin().
  Receipt call(const ContractId& id, std::string_view fn, ByteView arg, u64 gas, ByteView origin = {});
  // The same, but whatever the call changed is undone afterwards.
  Receipt query(const ContractId& id, std::string_view fn, ByteView arg, u64 gas, ByteView origin = {});

  // The ABI description contract `id` carries (abi.hpp), or nullopt.
  Result<std::optional<abi::ContractAbi>> abi(const ContractId& id);

  // The state root of the session's current state.
  Hash256 root();
  // Writes the session's changes as a new commit and returns its root; the session goes
  // on from there. With `as_head` the same batch makes it the store's head.
  Result<Hash256> commit(bool as_head = false);
  // The same in two steps, for a node that writes a block of every layer in one batch:
  // stage_commit adds the commit to `changes` (StateStore::Changes; the session does not
  // change); once the caller has finished the changes into its batch and written it,
  // committed() moves the session on. A staged commit whose batch is not written is
  // simply dropped (the session stays as it was). Nothing may run on the session
  // between the two.
  // What a staged commit will make of the session once its batch is written.
  struct Staged {
    Hash256 root{};  // the commit's state root
   private:
    friend class Session;
    ContractTable contracts;
    std::vector<std::pair<ContractId, PageTable>> settled;
  };
  Result<std::unique_ptr<Staged>> stage_commit(StateStore::Changes& changes, bool as_head = false);
  void committed(std::unique_ptr<Staged> staged);

  const ContractTable& contracts() const { return contracts_; }

 private:
  struct Live;  // an instantiated contract
  class Host;
  Session(StateStore& store, SessionConfig config, ContractTable contracts);
  Result<Live*> live(const ContractId& id);
  Result<std::shared_ptr<const wasm::Module>> module(const Hash256& code_hash, ByteView code);
  // The instance of `mod` for contract `id`, its memory given by `make_memory`, with the
  // ABI's argbuf checked; not yet among the session's contracts.
  Result<std::unique_ptr<Live>> instantiate(const ContractId& id, const ContractState& state,
                                            const std::shared_ptr<const wasm::Module>& mod,
                                            wasm::InstantiateOptions options);
  Receipt run_top(const ContractId& id, std::string_view fn, ByteView arg, u64 gas, ByteView origin, bool keep);
  bool settle(const Live& live, PageTable* pages, ContractState* state, StateStore::NewCommit* commit) const;

  StateStore& store_;
  SessionConfig config_;
  Hash256 base_{};  // the commit the session stands on (what it opened, then its last)
  ContractTable contracts_;
  wasm::Store engine_;
  std::unique_ptr<Host> host_;
  wasm::Linker linker_;  // module env, defined once
  std::map<ContractId, std::unique_ptr<Live>> live_;
  std::shared_ptr<ModuleCache> modules_;
  std::map<Hash256, Bytes> new_code_;  // deployed in this session, not committed yet
};

}  // namespace dusk::vm
