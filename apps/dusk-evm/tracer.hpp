// EIP-3155 step traces: one JSON object per instruction, written to a stream.
#pragma once

#include <cstdio>
#include <string>

#include "duskevm/evm.hpp"

namespace dusk::evm_cli {

class JsonTracer : public evm::Tracer {
 public:
  explicit JsonTracer(std::FILE* out) : out_(out) {}
  void on_step(u64 pc, u8 opcode, i64 gas, u64 memory_size, const Uint256* stack_bottom, size_t stack_size,
               int depth, i64 refund) override;
  void on_step_cost(u64 gas_cost) override;

 private:
  std::FILE* out_;
  // The pending line, split where gasCost goes.
  std::string head_, tail_;
};

}  // namespace dusk::evm_cli
