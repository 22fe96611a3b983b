#include "duskvm/runtime/state.hpp"

#include <algorithm>

#include "crypto/hash/blake2b.hpp"

namespace dusk::vm {

namespace {


void put_u16(Bytes& out, u16 v) {
  u8 b[2];
  store_le<u16>(b, v);
  out.insert(out.end(), b, b + 2);
}
void put_u32(Bytes& out, u32 v) {
  u8 b[4];
  store_le<u32>(b, v);
  out.insert(out.end(), b, b + 4);
}
void put_u64(Bytes& out, u64 v) {
  u8 b[8];
  store_le<u64>(b, v);
  out.insert(out.end(), b, b + 8);
}
void put(Bytes& out, ByteView v) { out.insert(out.end(), v.begin(), v.end()); }

// A strict reader: every read checks the bytes are there; done() that none are left.
struct Cursor {
  ByteView in;
  bool ok = true;
  template <typename T>
  T number() {
    if (!ok || in.size() < sizeof(T)) {
      ok = false;
      return 0;
    }
    const T v = load_le<T>(in.data());
    in = in.subspan(sizeof(T));
    return v;
  }
  bool bytes(u8* out, size_t n) {
    if (!ok || in.size() < n) return ok = false;
    std::copy_n(in.data(), n, out);
    in = in.subspan(n);
    return true;
  }
  bool done() const { return ok && in.empty(); }
};

}  // namespace

Hash256 ContractState::leaf() const {
  Bytes fields;
  const u8 tag = 0x02;
  put(fields, ByteView(&tag, 1));
  put(fields, code_hash);
  put_u16(fields, static_cast<u16>(owner.size()));
  put(fields, owner);
  put_u64(fields, memory_pages);
  put(fields, memory_root);
  return crypto::blake2b<32>(fields);
}

Hash256 state_root(const ContractTable& contracts) {
  std::vector<MerkleEntry> entries;
  entries.reserve(contracts.size());
  for (const auto& [id, state] : contracts) entries.emplace_back(id, state.leaf());
  return merkle_root(entries);
}

Bytes encode(const ContractTable& t) {
  Bytes out;
  put_u32(out, static_cast<u32>(t.size()));
  for (const auto& [id, s] : t) {
    put(out, id);
    put(out, s.code_hash);
    put_u16(out, static_cast<u16>(s.owner.size()));
    put(out, s.owner);
    put_u64(out, s.memory_pages);
    put(out, s.memory_root);
  }
  return out;
}

std::optional<ContractTable> decode_contract_table(ByteView b) {
  Cursor c{b};
  ContractTable t;
  const u32 n = c.number<u32>();
  for (u32 i = 0; i < n && c.ok; ++i) {
    ContractId id;
    ContractState s;
    c.bytes(id.data(), id.size());
    c.bytes(s.code_hash.data(), s.code_hash.size());
    const u16 owner_len = c.number<u16>();
    s.owner.resize(owner_len);
    c.bytes(s.owner.data(), owner_len);
    s.memory_pages = c.number<u64>();
    c.bytes(s.memory_root.data(), s.memory_root.size());
    if (!c.ok || (!t.empty() && !(t.rbegin()->first < id))) return std::nullopt;  // ascending ids
    t.emplace(id, std::move(s));
  }
  if (!c.done()) return std::nullopt;
  return t;
}

}  // namespace dusk::vm
