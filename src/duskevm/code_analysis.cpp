#include "duskevm/code_analysis.hpp"

#include <algorithm>
#include <limits>

#include "duskevm/instructions.hpp"

namespace dusk::evm {
namespace {

enum class BlockEnd { kNo, kHalts, kFallsThrough };

constexpr BlockEnd block_end(u8 opcode) {
  switch (opcode) {
    case op::STOP:
    case op::JUMP:
    case op::RETURN:
    case op::REVERT:
    case op::INVALID:
    case op::SELFDESTRUCT:
      return BlockEnd::kHalts;
    case op::JUMPI:
    case op::GAS:
    case op::SSTORE:
    case op::CALL:
    case op::CALLCODE:
    case op::DELEGATECALL:
    case op::STATICCALL:
    case op::CREATE:
    case op::CREATE2:
      return BlockEnd::kFallsThrough;
    default:
      return kInstructionTable[opcode].name ? BlockEnd::kNo : BlockEnd::kHalts;
  }
}

// The checks from instruction `opcode` on, given those from the next instruction on.
BlockEntry prepend(u8 opcode, const BlockEntry& next) {
  constexpr int kBound = BlockEntry::kStackLimit + 1;  // any more fails the same way
  const InstructionInfo& info = kInstructionTable[opcode];
  BlockEntry e;
  const u64 gas = u64{info.static_gas} + next.gas;
  const int req = std::max<int>(info.stack_in, next.stack_req - info.stack_change);
  const int growth = std::max(0, info.stack_change + next.stack_growth);
  e.stack_req = static_cast<u16>(std::min(req, kBound));
  e.stack_growth = static_cast<u16>(std::min(growth, kBound));
  if (gas > std::numeric_limits<u32>::max()) {
    // Beyond any u32: the entry is made to fail, and the interpreter checks this
    // block's instructions one by one, as it does whenever a block check fails.
    e.gas = std::numeric_limits<u32>::max();
    e.stack_req = kBound;
  } else {
    e.gas = static_cast<u32>(gas);
  }
  return e;
}

}  // namespace

CodeAnalysis analyze(ByteView code) {
  CodeAnalysis a;
  a.size = code.size();
  a.padded.assign(CodeAnalysis::kFrontPadding + code.size() + CodeAnalysis::kPadding, 0);
  std::copy(code.begin(), code.end(), a.padded.begin() + CodeAnalysis::kFrontPadding);
  a.jumpdest.assign(code.size(), false);
  std::vector<u32> starts;  // the offsets where instructions start
  starts.reserve(code.size());
  for (size_t pc = 0; pc < code.size(); ++pc) {
    const u8 c = code[pc];
    starts.push_back(static_cast<u32>(pc));
    if (c == op::JUMPDEST) a.jumpdest[pc] = true;
    else if (c >= op::PUSH1 && c <= op::PUSH32) pc += c - op::PUSH1 + 1;
  }
  // Backwards, carrying the checks from the next instruction to its block's end.
  a.blocks.assign(code.size() + 1, BlockEntry{});
  BlockEntry next;  // past the code's end: an empty block (the implicit STOP)
  for (size_t k = starts.size(); k-- > 0;) {
    const u32 pc = starts[k];
    const u8 c = code[pc];
    const BlockEnd end = block_end(c);
    if (end == BlockEnd::kFallsThrough) a.blocks[pc + 1] = next;  // these are one byte long
    if (end != BlockEnd::kNo) next = BlockEntry{};
    next = prepend(c, next);
    if (pc == 0 || c == op::JUMPDEST) a.blocks[pc] = next;
  }
  return a;
}

std::shared_ptr<const CodeAnalysis> CodeCache::get(const Hash256& code_hash, ByteView code) {
  auto it = entries_.find(code_hash);
  if (it != entries_.end()) return it->second;
  auto a = std::make_shared<const CodeAnalysis>(analyze(code));
  const size_t bytes = a->memory_bytes();
  if (bytes_ + bytes > kMaxBytes) {
    entries_.clear();
    bytes_ = 0;
  }
  entries_.emplace(code_hash, a);
  bytes_ += bytes;
  return a;
}

}  // namespace dusk::evm
