#include "duskvm/engine/config.hpp"
#include "duskvm/engine/detail/opcodes.hpp"

namespace dusk::wasm {

// Every instruction's static price comes from opcodes.def (1 for most; structure markers
// free; division and remainder 4). Calls, memory growth and bulk operations add the
// dynamic surcharges below for what they cost the host.
GasSchedule default_gas_schedule() {
  GasSchedule g;
  g.op.fill(1);
  g.op_fc.fill(1);
  for (u32 b = 0; b < g.op.size(); ++b) {
    const OpcodeInfo& info = opcode_info(static_cast<u8>(b));
    const bool prefix = info.family == Family::kMisc || info.family == Family::kSimd || info.family == Family::kThreads;
    if (info.text && !prefix) g.op[b] = info.gas;
  }
  for (u32 sub = 0; sub < g.op_fc.size(); ++sub) {
    const OpcodeInfo& info = misc_opcode_info(sub);
    if (info.text) g.op_fc[sub] = info.gas;
  }
  g.call = 4;
  // Committing a 64 KiB page and faulting in its 16 pages of 4 KiB costs about 30 us on
  // the reference machine (tests/gas_bound/honest/grow.wat): at 1024 gas it was the slowest work
  // per gas by far (29 ns/gas against 0.5-1.5 for the other honest mixes).
  g.memory_grow_page = 16384;
  // Saving a 4 KiB page on its first write after a snapshot: an allocation and a copy.
  g.page_write = 1024;
  g.bulk_byte_num = 1;
  g.bulk_byte_den = 64;
  return g;
}

}  // namespace dusk::wasm
