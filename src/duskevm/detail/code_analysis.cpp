#include "duskevm/detail/code_analysis.hpp"

#include <algorithm>
#include <limits>

#include "duskevm/detail/instructions.hpp"

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

// What a block needs from one instruction to its end, carried backwards.
struct Suffix {
  u64 gas = 0;
  int req = 0;     // items needed at the start
  int growth = 0;  // most items added over the start's height (0 or more)
};

// The checks from instruction `opcode` on, given those from the next instruction on.
Suffix prepend(u8 opcode, const Suffix& next) {
  constexpr int kBound = BlockEntry::kStackLimit + 1;  // any more fails the same way
  const InstructionInfo& info = kInstructionTable[opcode];
  Suffix e;
  e.gas = info.static_gas + next.gas;  // at most 32,000 per byte of code: no overflow
  e.req = std::min(kBound, std::max<int>(info.stack_in, next.req - info.stack_change));
  e.growth = std::min(kBound, std::max(0, info.stack_change + next.growth));
  return e;
}

constexpr BlockEntry kFailingEntry{std::numeric_limits<u32>::max(), BlockEntry::kNever, 0};

BlockEntry to_entry(const Suffix& s) {
  // Beyond a u32 of gas or the stack's limit: an entry that always fails, and the
  // interpreter checks the block's instructions one by one, as it does whenever a block
  // check fails.
  if (s.gas > std::numeric_limits<u32>::max() || s.req + s.growth > BlockEntry::kStackLimit)
    return kFailingEntry;
  return {static_cast<u32>(s.gas), static_cast<u16>(s.req),
          static_cast<u16>(BlockEntry::kStackLimit - s.req - s.growth)};
}

}  // namespace

CodeAnalysis analyze(ByteView code) {
  CodeAnalysis a;
  a.size = code.size();
  a.padded.assign(CodeAnalysis::kFrontPadding + code.size() + CodeAnalysis::kPadding, 0);
  std::copy(code.begin(), code.end(), a.padded.begin() + CodeAnalysis::kFrontPadding);
  a.jumpdest.assign(code.size(), false);
  a.blocks.assign(code.size() + 1, BlockEntry{});
  std::vector<u32> starts;  // the offsets where instructions start
  starts.reserve(code.size());
  for (size_t pc = 0; pc < code.size(); ++pc) {
    const u8 c = code[pc];
    starts.push_back(static_cast<u32>(pc));
    if (c == op::JUMPDEST) {
      a.jumpdest[pc] = true;
    } else if (c >= op::PUSH1 && c <= op::PUSH32) {
      const size_t end = std::min(code.size(), pc + 1 + (c - op::PUSH1 + 1));
      for (size_t i = pc + 1; i < end; ++i)
        if (code[i] == op::JUMPDEST) a.blocks[i] = kFailingEntry;  // not a destination
      pc = end - 1;
    }
  }
  a.blocks[code.size()] = to_entry(Suffix{});  // running off the end
  // Backwards, carrying the checks from the next instruction to its block's end.
  Suffix next;  // past the code's end: an empty block (the implicit STOP)
  for (size_t k = starts.size(); k-- > 0;) {
    const u32 pc = starts[k];
    const u8 c = code[pc];
    const BlockEnd end = block_end(c);
    if (end == BlockEnd::kFallsThrough) a.blocks[pc + 1] = to_entry(next);  // one byte long
    if (end != BlockEnd::kNo) next = Suffix{};
    next = prepend(c, next);
    if (pc == 0 || c == op::JUMPDEST) a.blocks[pc] = to_entry(next);
  }
  return a;
}

std::shared_ptr<const CodeAnalysis> CodeCache::get(const Hash256& code_hash, ByteView code) {
  auto it = entries_.find(code_hash);
  if (it != entries_.end()) return it->second;
  auto a = std::make_shared<const CodeAnalysis>(analyze(code));
  const size_t bytes = a->memory_bytes();
  if (bytes > max_bytes_) return a;
  if (bytes_ + bytes > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  entries_.emplace(code_hash, a);
  bytes_ += bytes;
  return a;
}

}  // namespace dusk::evm
