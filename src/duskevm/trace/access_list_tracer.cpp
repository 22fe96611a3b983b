#include "duskevm/trace/access_list_tracer.hpp"

namespace dusk::evm::trace {

namespace {
constexpr u8 kBalance = 0x31, kExtCodeSize = 0x3b, kExtCodeCopy = 0x3c, kExtCodeHash = 0x3f, kSload = 0x54,
             kSstore = 0x55, kCall = 0xf1, kCallCode = 0xf2, kDelegateCall = 0xf4, kStaticCall = 0xfa,
             kSelfDestruct = 0xff;
}  // namespace

AccessListTracer::AccessListTracer(const std::vector<AccessListEntry>& start, std::set<Address> excluded)
    : excluded_(std::move(excluded)) {
  for (const auto& e : start) {
    if (excluded_.count(e.address) != 0) continue;
    auto& slots = touched_[e.address];
    slots.insert(e.storage_keys.begin(), e.storage_keys.end());
  }
}

void AccessListTracer::add(const Address& a) {
  if (excluded_.count(a) == 0) touched_.try_emplace(a);
}

void AccessListTracer::on_step(const Step& s) {
  auto top = [&](size_t i) { return s.stack_bottom[s.stack_size - 1 - i]; };
  switch (s.opcode) {
    case kSload:
    case kSstore:
      if (s.stack_size >= 1 && s.msg != nullptr && excluded_.count(s.msg->recipient) == 0)
        touched_[s.msg->recipient].insert(top(0).to_be());
      break;
    case kBalance:
    case kExtCodeSize:
    case kExtCodeCopy:
    case kExtCodeHash:
    case kSelfDestruct:
      if (s.stack_size >= 1) add(to_address(top(0)));
      break;
    case kCall:
    case kCallCode:
    case kDelegateCall:
    case kStaticCall:
      if (s.stack_size >= 2) add(to_address(top(1)));
      break;
    default: break;
  }
}

std::vector<AccessListEntry> AccessListTracer::list() const {
  std::vector<AccessListEntry> out;
  for (const auto& [address, slots] : touched_) out.push_back({address, {slots.begin(), slots.end()}});
  return out;
}

}  // namespace dusk::evm::trace
