#include "duskevm/trace/call_tracer.hpp"

#include "duskevm/trace/vm_error.hpp"

namespace dusk::evm::trace {
namespace {

const char* kind_name(CallKind kind) {
  switch (kind) {
    case CallKind::kCall: return "CALL";
    case CallKind::kCallCode: return "CALLCODE";
    case CallKind::kDelegateCall: return "DELEGATECALL";
    case CallKind::kStaticCall: return "STATICCALL";
    case CallKind::kCreate: return "CREATE";
    case CallKind::kCreate2: return "CREATE2";
  }
  return "CALL";
}

bool is_creation(CallKind kind) { return kind == CallKind::kCreate || kind == CallKind::kCreate2; }

std::string quantity(u64 v) { return Uint256{v}.to_hex(); }

// What a frame costs to keep, about as much as its JSON text.
constexpr u64 kFrameOverhead = 320;
constexpr u64 kLogOverhead = 160;

}  // namespace

CallTracer::CallTracer(CallTracerOptions options) : options_(options) {}

bool CallTracer::keep(u64 bytes) {
  if (bytes_ + bytes > options_.max_bytes) {
    truncated_ = true;
    return false;
  }
  bytes_ += bytes;
  return true;
}

void CallTracer::on_enter(const Message& msg) {
  if (msg.depth == 0) {
    open_.clear();
    accounts_.clear();
    log_marks_.clear();
    skipped_ = 0;
    top_.reset();
  }
  const Address from = msg.depth == 0 || accounts_.empty() ? msg.sender : accounts_.back();
  accounts_.push_back(msg.recipient);
  log_marks_.push_back(log_count_);
  const ByteView input = is_creation(msg.kind) && msg.code ? ByteView(*msg.code) : msg.input;
  if (msg.depth > 0 && (skipped_ > 0 || options_.only_top_call || !keep(kFrameOverhead + 2 * input.size()))) {
    ++skipped_;
    return;
  }
  if (msg.depth == 0) bytes_ += kFrameOverhead + 2 * input.size();  // the top frame is always kept
  Frame f;
  f.type = kind_name(msg.kind);
  f.from = from;
  f.to = msg.kind == CallKind::kCallCode || msg.kind == CallKind::kDelegateCall ? msg.code_address : msg.recipient;
  if (msg.kind != CallKind::kStaticCall) f.value = msg.value;
  f.gas = msg.depth == 0 && gas_limit_ ? *gas_limit_ : static_cast<u64>(msg.gas);
  f.input.assign(input.begin(), input.end());
  open_.push_back(std::move(f));
}

void CallTracer::on_fault(const Fault& fault) {
  if (skipped_ == 0 && !open_.empty()) open_.back().fault = fault;
}

void CallTracer::on_exit(const Message& msg, StatusCode status, i64 gas_left, ByteView output) {
  if (accounts_.empty()) return;  // an exit without its entry (a tracer set mid-transaction)
  accounts_.pop_back();
  if (status != StatusCode::kSuccess) log_count_ = log_marks_.back();
  log_marks_.pop_back();
  if (skipped_ > 0) {
    --skipped_;
    return;
  }
  Frame f = std::move(open_.back());
  open_.pop_back();
  f.gas_used = static_cast<u64>(msg.gas - gas_left);
  if (status == StatusCode::kSuccess) {
    if (keep(2 * output.size())) f.output.assign(output.begin(), output.end());
  } else {
    f.error = vm_error(status, f.fault ? &*f.fault : nullptr, msg.kind, output);
    if (is_creation(msg.kind)) f.to.reset();
    if (status == StatusCode::kRevert && keep(2 * output.size())) {
      f.output.assign(output.begin(), output.end());
      auto reason = decode_revert_reason(output);
      if (reason && !reason->empty()) f.revert_reason = std::move(*reason);
    }
    drop_logs(f);  // logs of a failed frame, and of every frame under it, are gone
  }
  f.fault.reset();
  if (open_.empty()) top_ = std::move(f);
  else open_.back().calls.push_back(std::move(f));
}

void CallTracer::on_selfdestruct(const Address& contract, const Address& beneficiary, const Uint256& balance) {
  if (skipped_ > 0 || open_.empty() || options_.only_top_call || !keep(kFrameOverhead)) return;
  Frame f;
  f.type = "SELFDESTRUCT";
  f.from = contract;
  f.to = beneficiary;
  f.value = balance;
  open_.back().calls.push_back(std::move(f));
}

void CallTracer::on_log(const Log& log) {
  const u64 index = options_.first_log_index + log_count_;
  ++log_count_;
  if (!options_.with_log || skipped_ > 0 || open_.empty()) return;
  if (!keep(kLogOverhead + 70 * log.topics.size() + 2 * log.data.size())) return;
  Frame& f = open_.back();
  f.logs.push_back({log, index, f.calls.size()});
}

void CallTracer::on_transaction_start(u64 gas_limit) { gas_limit_ = gas_limit; }

void CallTracer::on_transaction_end(StatusCode, u64 gas_used) {
  if (top_) top_->gas_used = gas_used;
}

void CallTracer::drop_logs(Frame& f) {
  f.logs.clear();
  for (Frame& c : f.calls) drop_logs(c);
}

nlohmann::json CallTracer::to_json(const Frame& f) {
  nlohmann::json j = {{"type", f.type}, {"from", address_hex(f.from)}};
  if (f.to) j["to"] = address_hex(*f.to);
  if (f.value) j["value"] = f.value->to_hex();
  j["gas"] = quantity(f.gas);
  j["gasUsed"] = quantity(f.gas_used);
  j["input"] = hex_bytes(f.input);
  if (!f.output.empty()) j["output"] = hex_bytes(f.output);
  if (!f.error.empty()) j["error"] = f.error;
  if (f.revert_reason) j["revertReason"] = *f.revert_reason;
  if (!f.calls.empty()) {
    nlohmann::json calls = nlohmann::json::array();
    for (const Frame& c : f.calls) calls.push_back(to_json(c));
    j["calls"] = std::move(calls);
  }
  if (!f.logs.empty()) {
    nlohmann::json logs = nlohmann::json::array();
    for (const CallLog& l : f.logs) {
      nlohmann::json topics = nlohmann::json::array();
      for (const Bytes32& t : l.log.topics) topics.push_back(hex_bytes(t));
      logs.push_back({{"address", address_hex(l.log.address)},
                      {"topics", std::move(topics)},
                      {"data", hex_bytes(l.log.data)},
                      {"index", quantity(l.index)},
                      {"position", quantity(l.position)}});
    }
    j["logs"] = std::move(logs);
  }
  return j;
}

nlohmann::json CallTracer::result() const {
  if (!top_) return nullptr;
  nlohmann::json j = to_json(*top_);
  if (truncated_) j["truncated"] = true;
  return j;
}

}  // namespace dusk::evm::trace
