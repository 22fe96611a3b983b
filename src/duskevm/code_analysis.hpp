// Code analysis, done once per distinct code and cached by code hash: the valid jump
// destinations (JUMPDEST bytes that are not PUSH data), and a copy of the code padded
// with zero bytes so that the interpreter reads PUSH32 immediates and steps past the end
// of code without bounds checks (the padding decodes as STOP). 32 zero bytes also
// precede the code, so a PUSHn immediate can be read as the 32 bytes ending at its last
// byte and masked, with no byte loop.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "base/bytes.hpp"
#include "duskevm/trie.hpp"

namespace dusk::evm {

struct CodeAnalysis {
  Bytes padded;                // kFrontPadding zeros, the code, kPadding zeros
  size_t size = 0;             // the code's own length
  std::vector<bool> jumpdest;  // indexed by offset, size() == size

  static constexpr size_t kPadding = 33;       // a PUSH32 at the last byte, then one STOP
  static constexpr size_t kFrontPadding = 32;  // see above
  const u8* code() const { return padded.data() + kFrontPadding; }
  bool is_jumpdest(u64 pc) const { return pc < size && jumpdest[pc]; }
};

CodeAnalysis analyze(ByteView code);

// Analyses keyed by code hash. Bounded: when it holds kMaxEntries it starts afresh.
class CodeCache {
 public:
  static constexpr size_t kMaxEntries = 4096;
  std::shared_ptr<const CodeAnalysis> get(const Hash256& code_hash, ByteView code);

 private:
  std::map<Hash256, std::shared_ptr<const CodeAnalysis>> entries_;
};

}  // namespace dusk::evm
