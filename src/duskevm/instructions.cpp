#include "duskevm/instructions.hpp"

namespace dusk::evm {
namespace {

constexpr std::array<InstructionInfo, 256> build_table() {
  std::array<InstructionInfo, 256> t{};
#define DUSK_EVM_TABLE_ROW(code, nm, in, out, gas) \
  t[code] = InstructionInfo{#nm, in, static_cast<i8>((out) - (in)), gas};
  DUSK_EVM_INSTRUCTIONS(DUSK_EVM_TABLE_ROW)
#undef DUSK_EVM_TABLE_ROW
  return t;
}

constexpr std::array<InstructionInfo, 256> kTable = build_table();

}  // namespace

const std::array<InstructionInfo, 256>& instruction_table() { return kTable; }

}  // namespace dusk::evm
