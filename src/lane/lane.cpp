#include "lane/lane.hpp"

#include "base/int.hpp"
#include "crypto/hash/blake2b.hpp"

namespace dusk::lane {
std::string_view name(LaneId id) {
  switch (id) {
    case LaneId::kEvm: return "duskevm";
    case LaneId::kVm: return "duskvm";
  }
  return "unknown";
}

Bytes encode_withdrawals(std::span<const Withdrawal> withdrawals) {
  Bytes out;
  append_le<u32>(out, static_cast<u32>(withdrawals.size()));
  for (const Withdrawal& w : withdrawals) {
    append_le<u16>(out, static_cast<u16>(w.from.size()));
    out.insert(out.end(), w.from.begin(), w.from.end());
    Bytes to = w.to;
    to.resize(kDsKeyBytes);
    out.insert(out.end(), to.begin(), to.end());
    append_le<u64>(out, w.amount);
  }
  return out;
}

Result<std::vector<Withdrawal>> decode_withdrawals(ByteView bytes) {
  size_t at = 0;
  auto need = [&](size_t n) { return bytes.size() - at >= n; };
  if (!need(4)) return Error("withdrawals: truncated count");
  u32 count = load_le<u32>(bytes.data());
  at = 4;
  std::vector<Withdrawal> out;
  for (u32 i = 0; i < count; ++i) {
    if (!need(2)) return Error("withdrawals: truncated entry");
    u16 from_len = load_le<u16>(bytes.data() + at);
    at += 2;
    if (!need(size_t{from_len} + kDsKeyBytes + 8)) return Error("withdrawals: truncated entry");
    Withdrawal w;
    w.from.assign(bytes.begin() + at, bytes.begin() + at + from_len);
    at += from_len;
    w.to.assign(bytes.begin() + at, bytes.begin() + at + kDsKeyBytes);
    at += kDsKeyBytes;
    w.amount = load_le<u64>(bytes.data() + at);
    at += 8;
    out.push_back(std::move(w));
  }
  if (at != bytes.size()) return Error("withdrawals: bytes after the last entry");
  return out;
}

Hash256 withdrawals_root(std::span<const Withdrawal> withdrawals) {
  Bytes encoded = encode_withdrawals(withdrawals);
  return crypto::blake2b<32>({as_bytes(std::string_view("DUSK_LANE_WITHDRAWALS")), encoded});
}

Commitment commitment(const Payload& payload) {
  Commitment c;
  c.payload_hash = crypto::blake2b<32>(payload.body);
  c.state_root = payload.state_root;
  c.withdrawals_root = withdrawals_root(payload.withdrawals);
  return c;
}

}  // namespace dusk::lane
