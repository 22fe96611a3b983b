#include "duskevm/code_analysis.hpp"

#include <algorithm>

#include "duskevm/instructions.hpp"

namespace dusk::evm {

CodeAnalysis analyze(ByteView code) {
  CodeAnalysis a;
  a.size = code.size();
  a.padded.assign(CodeAnalysis::kFrontPadding + code.size() + CodeAnalysis::kPadding, 0);
  std::copy(code.begin(), code.end(), a.padded.begin() + CodeAnalysis::kFrontPadding);
  a.jumpdest.assign(code.size(), false);
  for (size_t pc = 0; pc < code.size(); ++pc) {
    const u8 c = code[pc];
    if (c == op::JUMPDEST) a.jumpdest[pc] = true;
    else if (c >= op::PUSH1 && c <= op::PUSH32) pc += c - op::PUSH1 + 1;
  }
  return a;
}

std::shared_ptr<const CodeAnalysis> CodeCache::get(const Hash256& code_hash, ByteView code) {
  auto it = entries_.find(code_hash);
  if (it != entries_.end()) return it->second;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  auto a = std::make_shared<const CodeAnalysis>(analyze(code));
  entries_.emplace(code_hash, a);
  return a;
}

}  // namespace dusk::evm
