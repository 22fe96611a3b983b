#include "duskvm/engine/config.hpp"

namespace dusk::wasm {

// The default prices every instruction at 1, with surcharges for what costs the host
// more: calls (frame setup), memory growth (committing pages) and division.
GasSchedule default_gas_schedule() {
  GasSchedule g;
  g.op.fill(1);
  g.op_fc.fill(1);
  // Structure markers do no work at run time: `block`, `loop` and `end` are free
  // (a loop still pays for the branch that repeats it), which also keeps joins from
  // needing a gas charge of their own.
  g.op[0x02] = 0;
  g.op[0x03] = 0;
  g.op[0x0b] = 0;
  g.call = 4;
  g.memory_grow_page = 1024;
  for (u8 op : {0x6d, 0x6e, 0x6f, 0x70, 0x7f, 0x80, 0x81, 0x82}) g.op[op] = 4;  // div/rem
  g.bulk_byte_num = 1;
  g.bulk_byte_den = 64;
  return g;
}

}  // namespace dusk::wasm
