#include "duskevm/trace/struct_logger.hpp"

#include <cstdio>

#include "duskevm/detail/instructions.hpp"
#include "duskevm/trace/vm_error.hpp"

namespace dusk::evm::trace {
namespace {

// geth's names (core/vm/opcodes.go): 0x44 is still DIFFICULTY there, and an undefined
// opcode is "opcode 0x.. not defined".
std::string op_name(u8 opcode) {
  if (opcode == op::PREVRANDAO) return "DIFFICULTY";
  if (const char* name = instruction_table()[opcode].name) return name;
  char buf[32];
  std::snprintf(buf, sizeof buf, "opcode %#x not defined", opcode);
  return buf;
}

std::string word_hex(const Uint256& v, bool prefix) {
  u8 be[32];
  v.to_be(be);
  return (prefix ? "0x" : "") + to_hex(ByteView(be, 32));
}

// About the length of the entry's JSON text, without formatting it: fixed fields, then
// per stack word its quote, prefix and digits, per memory word and storage pair their
// 64 digits with quotes, prefixes and separators.
u64 estimated_size(size_t stack_words, u64 stack_digits, size_t memory_bytes, size_t return_bytes,
                   size_t storage_pairs, bool refund) {
  u64 n = 112;
  n += 5 * stack_words + stack_digits;
  if (memory_bytes) n += 12 + (memory_bytes + 31) / 32 * 69;
  if (return_bytes) n += 18 + 2 * return_bytes;
  if (storage_pairs) n += 14 + storage_pairs * 138;
  if (refund) n += 32;
  return n;
}

}  // namespace

StructLogger::StructLogger(StructLoggerOptions options) : options_(options) {}

void StructLogger::on_step(const Step& step) {
  last_logged_ = false;
  if (truncated_) return;
  if (options_.limit != 0 && logs_.size() >= options_.limit) {
    truncated_ = true;
    return;
  }
  // The entry's size first, so that nothing is copied for an entry over the budget.
  u64 stack_digits = 0;
  if (!options_.disable_stack) {
    for (size_t i = 0; i < step.stack_size; ++i) stack_digits += bit_width(step.stack_bottom[i]) / 4 + 1;
  }
  const bool sload = step.opcode == op::SLOAD && step.stack_size >= 1;
  const bool sstore = step.opcode == op::SSTORE && step.stack_size >= 2;
  const bool show_storage = !options_.disable_storage && (sload || sstore);
  Storage* seen = nullptr;
  if (show_storage) {
    const Address& account = step.msg->recipient;
    const Uint256& key = step.stack_bottom[step.stack_size - 1];
    // SLOAD: the value it is about to read; SSTORE: the value it writes.
    const Uint256 value = sload ? step.state->storage(account, key) : step.stack_bottom[step.stack_size - 2];
    seen = &storage_[account];
    (*seen)[key] = value;
  }
  const u64 size = estimated_size(options_.disable_stack ? 0 : step.stack_size, stack_digits,
                                  options_.enable_memory ? step.memory.size() : 0,
                                  options_.enable_return_data ? step.return_data.size() : 0,
                                  seen ? seen->size() : 0, step.refund != 0);
  if (bytes_ + size > options_.max_bytes) {
    truncated_ = true;
    return;
  }
  bytes_ += size;
  Entry& e = logs_.emplace_back();
  e.pc = step.pc;
  e.gas = step.gas;
  e.refund = step.refund;
  e.depth = step.depth;
  e.opcode = step.opcode;
  if (!options_.disable_stack) e.stack.assign(step.stack_bottom, step.stack_bottom + step.stack_size);
  if (options_.enable_memory) e.memory.assign(step.memory.begin(), step.memory.end());
  if (options_.enable_return_data) e.return_data.assign(step.return_data.begin(), step.return_data.end());
  if (seen) e.storage = std::make_shared<const Storage>(*seen);
  last_logged_ = true;
}

void StructLogger::on_step_cost(u64 gas_cost) {
  if (last_logged_) logs_.back().gas_cost = gas_cost;
}

void StructLogger::on_fault(const Fault& fault) {
  if (!last_logged_) return;
  Entry& e = logs_.back();
  if (e.depth != fault.depth || e.pc != fault.pc) return;
  e.gas_cost = instruction_table()[fault.opcode].static_gas;
  if (fault_shown_in_step(fault.status)) {
    e.error = vm_error(fault.status, &fault);
    bytes_ += e.error.size() + 12;
  }
}

void StructLogger::on_exit(const Message& msg, StatusCode status, i64 gas_left, ByteView output) {
  if (msg.depth != 0) return;
  ended_ = true;
  status_ = status;
  output_.assign(output.begin(), output.end());
  frame_gas_used_ = static_cast<u64>(msg.gas - gas_left);
}

void StructLogger::on_transaction_end(StatusCode, u64 gas_used) { receipt_gas_used_ = gas_used; }

nlohmann::json StructLogger::result() const {
  const bool prefix = !options_.legacy_hex;
  nlohmann::json logs = nlohmann::json::array();
  for (const Entry& e : logs_) {
    nlohmann::json j = {{"pc", e.pc},       {"op", op_name(e.opcode)}, {"gas", e.gas},
                        {"gasCost", e.gas_cost}, {"depth", e.depth}};
    if (!e.error.empty()) j["error"] = e.error;
    if (!options_.disable_stack) {
      nlohmann::json stack = nlohmann::json::array();
      for (const Uint256& w : e.stack) stack.push_back(w.to_hex());
      j["stack"] = std::move(stack);
    }
    if (!e.return_data.empty()) j["returnData"] = hex_bytes(e.return_data);
    if (!e.memory.empty()) {
      nlohmann::json memory = nlohmann::json::array();
      for (size_t at = 0; at < e.memory.size(); at += 32) {
        u8 word[32] = {};  // the last word padded (memory grows by words, so it is whole)
        std::copy(e.memory.begin() + static_cast<ptrdiff_t>(at),
                  e.memory.begin() + static_cast<ptrdiff_t>(std::min(at + 32, e.memory.size())), word);
        memory.push_back((prefix ? "0x" : "") + to_hex(ByteView(word, 32)));
      }
      j["memory"] = std::move(memory);
    }
    if (e.storage && !e.storage->empty()) {
      nlohmann::json storage = nlohmann::json::object();
      for (const auto& [key, value] : *e.storage) storage[word_hex(key, prefix)] = word_hex(value, prefix);
      j["storage"] = std::move(storage);
    }
    if (e.refund != 0) j["refund"] = e.refund;
    logs.push_back(std::move(j));
  }
  const bool failed = ended_ && status_ != StatusCode::kSuccess;
  const bool keep_output = status_ == StatusCode::kSuccess || status_ == StatusCode::kRevert;
  const ByteView ret = keep_output ? ByteView(output_) : ByteView();
  nlohmann::json out = {{"gas", receipt_gas_used_.value_or(frame_gas_used_)},
                        {"failed", failed},
                        {"returnValue", prefix ? hex_bytes(ret) : to_hex(ret)},
                        {"structLogs", std::move(logs)}};
  if (truncated_) out["truncated"] = true;
  return out;
}

}  // namespace dusk::evm::trace
