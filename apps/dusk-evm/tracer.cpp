#include "tracer.hpp"

#include <string>

#include "duskevm/instructions.hpp"

namespace dusk::evm_cli {

void JsonTracer::on_step(u64 pc, u8 opcode, i64 gas, u64 gas_cost, u64 memory_size,
                         const evm::Uint256* stack_bottom, size_t stack_size, int depth, i64 refund) {
  std::string stack;
  for (size_t i = 0; i < stack_size; ++i) {
    if (i) stack += ',';
    stack += '"' + stack_bottom[i].to_hex() + '"';
  }
  const char* name = evm::instruction_table()[opcode].name;
  char opname[16];
  if (!name) std::snprintf(opname, sizeof opname, "0x%02x", opcode);
  std::fprintf(out_,
               "{\"pc\":%llu,\"op\":%u,\"gas\":\"0x%llx\",\"gasCost\":\"0x%llx\",\"memSize\":%llu,\"stack\":[%s],"
               "\"depth\":%d,\"refund\":%lld,\"opName\":\"%s\"}\n",
               static_cast<unsigned long long>(pc), opcode, static_cast<unsigned long long>(gas),
               static_cast<unsigned long long>(gas_cost), static_cast<unsigned long long>(memory_size),
               stack.c_str(), depth, static_cast<long long>(refund), name ? name : opname);
}

}  // namespace dusk::evm_cli
