// The Ethereum state-test format (execution-spec-tests fixtures): loading a file into
// cases, and running one case against DuskEVM.
//
// A file holds named tests; each has a pre-state, a block environment, a transaction
// template (arrays of data, gas limits and values) and, per fork, post entries that pick
// one data/gas/value combination and give the expected post-state root, logs hash and,
// for invalid transactions, the expected exception name(s) ("A|B": either one).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/result.hpp"
#include "duskevm/block_env.hpp"
#include "duskevm/detail/code_analysis.hpp"
#include "duskevm/detail/frame_pool.hpp"
#include "duskevm/fork.hpp"
#include "duskevm/state.hpp"
#include "duskevm/transaction.hpp"

namespace dusk::evm_cli {

struct PostEntry {
  evm::Fork fork;
  size_t data = 0, gas = 0, value = 0;  // indexes into the transaction template
  Hash256 root{};
  Hash256 logs{};
  std::string expect_exception;       // empty: the transaction is valid
  const nlohmann::json* state = nullptr;  // expected post state, when the file has it
  Bytes txbytes;                      // the signed transaction, when the file has it
};

struct StateTest {
  std::string name;
  evm::State pre;
  evm::BlockEnv env;
  std::map<evm::Fork, evm::BlobSchedule> blob_schedules;  // from config, when given
  // The transaction template: `base` with one of each of these filled in. A gas limit or
  // value wider than 256 bits is nullopt: no transaction can carry it.
  evm::Transaction base;
  std::vector<Bytes> data;
  // By data index, when the file has accessLists; nullopt where it has null (no access
  // list: a gasPrice transaction is then a legacy one, as without accessLists).
  std::vector<std::optional<std::vector<evm::AccessListEntry>>> access_lists;
  std::vector<std::optional<Uint256>> gas_limits;
  std::vector<std::optional<Uint256>> values;
  // The exception of a field of `base` (nonce, fees) wider than 256 bits; empty if none.
  std::string base_overflow;
  std::vector<PostEntry> posts;

  // The transaction a post entry runs (its indexes were checked at load time), or, when
  // one of its quantities is wider than 256 bits, the exception naming that quantity
  // (TransactionException.VALUE_OVERFLOW and so on): then no transaction encodes it.
  Result<evm::Transaction> tx_for(const PostEntry& p) const;
};

// Parses every test of a file's JSON. `doc` must outlive the result (post states point
// into it).
Result<std::vector<StateTest>> load_state_tests(const nlohmann::json& doc);

struct CaseOutcome {
  bool passed = false;
  std::string difference;  // the first difference, when !passed
};

// Runs one post entry from the test's pre-state. `detail`: on a root mismatch, also list
// the accounts that differ from the expected post state.
CaseOutcome run_case(const StateTest& test, const PostEntry& post, evm::CodeCache& cache, bool detail,
                     evm::FramePool* frames = nullptr);

}  // namespace dusk::evm_cli
