#include "tracer.hpp"

#include <string>

#include "duskevm/detail/instructions.hpp"

namespace dusk::evm_cli {

void JsonTracer::on_step(const Step& step) {
  const u64 pc = step.pc;
  const u8 opcode = step.opcode;
  const i64 gas = step.gas;
  const u64 memory_size = step.memory.size();
  const Uint256* stack_bottom = step.stack_bottom;
  const size_t stack_size = step.stack_size;
  const int depth = step.depth;
  const i64 refund = step.refund;
  std::string stack;
  for (size_t i = 0; i < stack_size; ++i) {
    if (i) stack += ',';
    stack += '"' + stack_bottom[i].to_hex() + '"';
  }
  const char* name = evm::instruction_table()[opcode].name;
  char opname[16];
  if (!name) std::snprintf(opname, sizeof opname, "0x%02x", opcode);
  char buf[128];
  std::snprintf(buf, sizeof buf, "{\"pc\":%llu,\"op\":%u,\"gas\":\"0x%llx\",\"gasCost\":\"0x",
                static_cast<unsigned long long>(pc), opcode, static_cast<unsigned long long>(gas));
  head_ = buf;
  std::snprintf(buf, sizeof buf, "\",\"memSize\":%llu,\"stack\":[", static_cast<unsigned long long>(memory_size));
  tail_ = buf;
  tail_ += stack;
  std::snprintf(buf, sizeof buf, "],\"depth\":%d,\"refund\":%lld,\"opName\":\"%s\"}", depth,
                static_cast<long long>(refund), name ? name : opname);
  tail_ += buf;
}

void JsonTracer::on_step_cost(u64 gas_cost) {
  std::fprintf(out_, "%s%llx%s\n", head_.c_str(), static_cast<unsigned long long>(gas_cost), tail_.c_str());
}

}  // namespace dusk::evm_cli
