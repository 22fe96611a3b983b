// EIP-3155 step traces: one JSON object per instruction, written to a stream.
#pragma once

#include <cstdio>
#include <string>

#include "duskevm/evm.hpp"

namespace dusk::evm_cli {

class JsonTracer : public evm::Tracer {
 public:
  explicit JsonTracer(std::FILE* out) : out_(out) {}
  void on_step(const Step& step) override;
  void on_step_cost(u64 gas_cost) override;

 private:
  std::FILE* out_;
  // The pending line, split where gasCost goes.
  std::string head_, tail_;
};

}  // namespace dusk::evm_cli
