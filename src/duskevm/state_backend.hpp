// Where a State finds what a block has not loaded yet: the accounts, code and storage
// as of the block's start. A State with a backend (State::set_backend) reads an account
// the first time a transaction reaches it and a slot the first time one reads or writes
// it, and keeps both for the rest of the block; at the block's end it hands out what
// changed (state_changes.hpp) for the backend's owner to store.
//
// The State is not told of failures in the middle of an instruction: a failing read
// counts as absent (a zero slot, no account) and is kept in State::backend_failure(),
// which the block's executor checks before using anything the block computed.
#pragma once

#include <memory>
#include <optional>

#include "base/address.hpp"
#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

// An account as stored: what the account trie's leaf holds, with the code itself.
struct StoredAccount {
  u64 nonce = 0;
  Uint256 balance;
  Hash256 storage_root;               // trie::kEmptyTrieRoot: no storage
  Hash256 code_hash;                  // kEmptyCodeHash: no code
  std::shared_ptr<const Bytes> code;  // never null (empty without code)
};

class StateBackend {
 public:
  virtual ~StateBackend() = default;
  // The account at `a`; nullopt when there is none.
  virtual Result<std::optional<StoredAccount>> account(const Address& a) const = 0;
  // The value of `a`'s storage slot `key` (zero when absent).
  virtual Result<Uint256> slot(const Address& a, const Uint256& key) const = 0;
};

}  // namespace dusk::evm
