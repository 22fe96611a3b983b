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
  g.memory_grow_page = 1024;
  g.bulk_byte_num = 1;
  g.bulk_byte_den = 64;
  return g;
}

}  // namespace dusk::wasm
