// Code analysis, done once per distinct code and cached by code hash: the valid jump
// destinations (JUMPDEST bytes that are not PUSH data), the basic blocks' static checks,
// and a copy of the code padded with zero bytes so that the interpreter reads PUSH32
// immediates and steps past the end of code without bounds checks (the padding decodes
// as STOP). 32 zero bytes also precede the code, so a PUSHn immediate can be read as the
// 32 bytes ending at its last byte and masked, with no byte loop.
//
// Basic blocks. The interpreter's fast mode checks stack bounds and charges static gas
// once per block instead of once per instruction. A block runs from an entry to the
// first instruction that ends it: one that never falls through (STOP, JUMP, RETURN,
// REVERT, INVALID, SELFDESTRUCT, an undefined opcode) or one that falls through but
// reads or hands on the gas counter, whose value must then be exact (JUMPI, GAS, SSTORE
// with its 2300 sentry, the CALL and CREATE families); that instruction is the block's
// last. Entries are the code's start, every valid JUMPDEST (a jump may land there; a
// JUMPDEST reached by falling through is already covered by its block's check, so it does
// not end a block), and the instruction after each falling-through last instruction.
// For each entry the analysis records what the rest of the block needs (BlockEntry).
// A JUMPDEST byte inside PUSH data gets an entry that always fails, so that the fast
// jump (which checks the destination's byte and entry, not the jumpdest map) takes its
// slow path and finds the destination invalid there.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "base/bytes.hpp"
#include "trie/trie.hpp"

namespace dusk::evm {

// The checks that stand for a block's per-instruction ones, from one entry to the
// block's end: all of it runs, or a check fails somewhere in it. The stack's height h at
// the entry must satisfy min_height <= h <= min_height + height_span, one unsigned
// comparison: h - min_height <= height_span.
struct BlockEntry {
  static constexpr u16 kStackLimit = 1024;
  static constexpr u16 kNever = 0xffff;  // a min_height no stack reaches
  u32 gas = 0;          // the static gas of its instructions
  u16 min_height = 0;   // the items its instructions take beyond what they push
  u16 height_span = 0;  // kStackLimit - min_height - the most items it adds
  bool admits(u64 height) const { return height - min_height <= height_span; }
};

struct CodeAnalysis {
  Bytes padded;                // kFrontPadding zeros, the code, kPadding zeros
  size_t size = 0;             // the code's own length
  std::vector<bool> jumpdest;  // indexed by offset, size() == size
  // Indexed by offset, size() == size + 1 (running off the end is an entry to an empty
  // block); meaningful at block entries only, zero elsewhere.
  std::vector<BlockEntry> blocks;

  static constexpr size_t kPadding = 33;       // a PUSH32 at the last byte, then one STOP
  static constexpr size_t kFrontPadding = 32;  // see above
  const u8* code() const { return padded.data() + kFrontPadding; }
  bool is_jumpdest(u64 pc) const { return pc < size && jumpdest[pc]; }
  const BlockEntry& block(u64 pc) const { return blocks[pc]; }
  // What the analysis holds, for the cache's bound.
  size_t memory_bytes() const { return padded.size() + size / 8 + blocks.size() * sizeof(BlockEntry); }
};

CodeAnalysis analyze(ByteView code);

// Analyses keyed by code hash. Bounded by the bytes the analyses hold: when a new one
// would pass the bound, the cache starts afresh; one larger than the bound alone is
// returned but not kept.
class CodeCache {
 public:
  static constexpr size_t kMaxBytes = size_t{64} << 20;
  explicit CodeCache(size_t max_bytes = kMaxBytes) : max_bytes_(max_bytes) {}
  std::shared_ptr<const CodeAnalysis> get(const Hash256& code_hash, ByteView code);
  size_t size() const { return entries_.size(); }
  size_t bytes() const { return bytes_; }

 private:
  std::map<Hash256, std::shared_ptr<const CodeAnalysis>> entries_;
  size_t max_bytes_;
  size_t bytes_ = 0;
};

}  // namespace dusk::evm
