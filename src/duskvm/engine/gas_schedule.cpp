#include "duskvm/engine/config.hpp"

namespace dusk::wasm {

// The default prices every instruction at 1, with surcharges for what costs the host
// more: calls (frame setup), memory growth (committing pages) and division.
GasSchedule default_gas_schedule() {
  GasSchedule g;
  g.op.fill(1);
  g.op_fc.fill(1);
  // Control instructions that emit no code of their own still cost 1 (nop, block, ...).
  g.call = 4;
  g.memory_grow_page = 1024;
  for (u8 op : {0x6d, 0x6e, 0x6f, 0x70, 0x7f, 0x80, 0x81, 0x82}) g.op[op] = 4;  // div/rem
  g.bulk_byte_num = 1;
  g.bulk_byte_den = 64;
  return g;
}

}  // namespace dusk::wasm
