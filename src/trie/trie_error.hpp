// Why a trie read or update failed. Every failure means the node store does not hold
// the trie the caller named: a node is missing or does not decode, or the store itself
// failed to read. (kBroken: a trie refuses to go on after one of those.)
#pragma once

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::trie {

enum class TrieError : u8 {
  kMissingNode = 1,  // a node referenced by hash is not in the store
  kBadNode,          // a stored node is not a well-formed leaf, extension or branch
  kStore,            // the store could not be read (the message says why)
  kBroken,           // an earlier put or erase of this PatriciaTrie failed
};

using TrieFailure = Failure<TrieError>;
template <typename T>
using TrieResult = Result<T, TrieFailure>;
using TrieStatus = Result<void, TrieFailure>;

}  // namespace dusk::trie
