// Engine limits and the gas schedule. Every limit is enforced with a distinct
// validation error or trap, never a crash or an unbounded allocation.
#pragma once

#include <array>

#include "base/int.hpp"

namespace dusk::wasm {

// Gas costs. Static costs are summed per basic block at translation time and charged
// once when the block is entered; dynamic costs are charged when the size is known.
struct GasSchedule {
  // Cost of each single-byte opcode (index = opcode) and of each 0xFC-prefixed opcode
  // (index = sub-opcode). Defaults: 1 for every instruction, see default_gas_schedule().
  std::array<u32, 256> op{};
  std::array<u32, 32> op_fc{};
  u32 call = 0;               // extra for call / call_indirect (on top of op[])
  u32 memory_grow_page = 0;   // per 64 KiB page added by memory.grow (its commit and the
                              // page faults of its first use)
  u32 page_write = 0;         // per 4 KiB page written for the first time since the
                              // memory's snapshot (saving its old contents)
  u32 bulk_byte_num = 1;      // bytes written or copied by one instruction (bulk memory,
  u32 bulk_byte_den = 64;     // table operations at 8 bytes an element, a function's frame
                              // on entry) cost bulk_byte_num per bulk_byte_den, rounded up

  // The price of touching `bytes` bytes at the bulk rate (saturating).
  u64 bulk_cost(u64 bytes) const {
    const u64 den = bulk_byte_den ? bulk_byte_den : 1;
    // The common case in 64-bit arithmetic (a 128-bit division is a libgcc call, which
    // showed in profiles of memory.copy-heavy contracts).
    if (bytes <= 0xffffffffu) return (bytes * bulk_byte_num + den - 1) / den;
    const unsigned __int128 c =
        (static_cast<unsigned __int128>(bytes) * bulk_byte_num + den - 1) / den;
    return c > ~u64{0} ? ~u64{0} : static_cast<u64>(c);
  }
};

GasSchedule default_gas_schedule();

struct EngineConfig {
  // Module shape (checked by the decoder/validator).
  u64 max_module_bytes = 64ull << 20;
  u32 max_types = 100'000;
  u32 max_functions = 1'000'000;
  u32 max_imports = 100'000;
  u32 max_exports = 100'000;
  u32 max_globals = 1'000'000;
  u32 max_tables = 100'000;
  u32 max_elem_segments = 100'000;
  u32 max_data_segments = 100'000;
  u32 max_locals = 50'000;           // per function, parameters included
  u32 max_function_size = 8u << 20;  // bytes of one function body
  u32 max_block_depth = 65'536;      // nesting of block/loop/if
  u32 max_br_table_targets = 1'000'000;
  // Runtime.
  u64 max_memory_pages = 65'536;     // per memory; 4 GiB
  u64 max_table_elements = 10'000'000;
  u32 max_call_depth = 20'000;
  u32 max_value_stack = 1u << 22;    // 64-bit slots (32 MiB, committed lazily)
  bool metering = true;              // charge gas; off, no Gas instructions are emitted at all
  GasSchedule gas = default_gas_schedule();
};

}  // namespace dusk::wasm
