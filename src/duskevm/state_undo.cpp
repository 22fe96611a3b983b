#include "duskevm/state_undo.hpp"

#include <algorithm>

#include "base/rlp.hpp"

namespace dusk::evm {
namespace {

void encode_optional(Bytes& out, const std::optional<Bytes>& b) {
  rlp::encode_uint(out, Uint256{b ? 1u : 0u});
  rlp::encode_bytes(out, b ? ByteView(*b) : ByteView{});
}

Result<std::optional<Bytes>> optional_bytes(const rlp::Item& present, const rlp::Item& value) {
  auto p = rlp::decode_u64(present);
  auto v = rlp::decode_bytes(value);
  if (!p || *p > 1 || !v || (*p == 0 && !v->empty())) return Error("state undo: a bad optional value");
  if (*p == 0) return std::optional<Bytes>{};
  return std::optional<Bytes>{Bytes(v->begin(), v->end())};
}

template <size_t N>
Result<std::array<u8, N>> fixed(const rlp::Item& item) {
  auto b = rlp::decode_bytes(item);
  if (!b || b->size() != N) return Error("state undo: a bad fixed-size field");
  std::array<u8, N> out;
  std::copy(b->begin(), b->end(), out.begin());
  return out;
}

}  // namespace

Bytes encode_state_undo(const StateUndo& u) {
  Bytes p;
  rlp::encode_bytes(p, u.root);
  Bytes accounts;
  for (const auto& a : u.accounts) {
    Bytes e;
    rlp::encode_bytes(e, a.address);
    encode_optional(e, a.record);
    rlp::encode_uint(e, a.balance);
    rlp::encode_list_payload(accounts, e);
  }
  rlp::encode_list_payload(p, accounts);
  Bytes slots;
  for (const auto& s : u.slots) {
    Bytes e;
    rlp::encode_bytes(e, s.key);
    encode_optional(e, s.value);
    rlp::encode_list_payload(slots, e);
  }
  rlp::encode_list_payload(p, slots);
  Bytes code;
  for (const Hash256& h : u.new_code) rlp::encode_bytes(code, h);
  rlp::encode_list_payload(p, code);
  Bytes out;
  rlp::encode_list_payload(out, p);
  return out;
}

Result<StateUndo> decode_state_undo(ByteView bytes) {
  auto item = rlp::decode_single(bytes);
  if (!item) return Error("state undo: " + item.error().message);
  auto parts = rlp::decode_list(*item);
  if (!parts || parts->size() != 4) return Error("state undo: not a list of four items");
  StateUndo u;
  DUSK_ASSIGN(u.root, fixed<32>((*parts)[0]));
  auto accounts = rlp::decode_list((*parts)[1]);
  auto slots = rlp::decode_list((*parts)[2]);
  auto code = rlp::decode_list((*parts)[3]);
  if (!accounts || !slots || !code) return Error("state undo: a part is not a list");
  for (const rlp::Item& it : *accounts) {
    auto f = rlp::decode_list(it);
    if (!f || f->size() != 4) return Error("state undo: a bad account entry");
    StateUndo::AccountBefore a;
    DUSK_ASSIGN(a.address, fixed<20>((*f)[0]));
    DUSK_ASSIGN(a.record, optional_bytes((*f)[1], (*f)[2]));
    auto balance = rlp::decode_uint256((*f)[3]);
    if (!balance) return Error("state undo: a bad balance");
    a.balance = *balance;
    u.accounts.push_back(std::move(a));
  }
  for (const rlp::Item& it : *slots) {
    auto f = rlp::decode_list(it);
    if (!f || f->size() != 3) return Error("state undo: a bad slot entry");
    auto key = rlp::decode_bytes((*f)[0]);
    if (!key || key->size() != 52) return Error("state undo: a bad slot key");
    StateUndo::SlotBefore s;
    s.key.assign(key->begin(), key->end());
    DUSK_ASSIGN(s.value, optional_bytes((*f)[1], (*f)[2]));
    u.slots.push_back(std::move(s));
  }
  for (const rlp::Item& it : *code) {
    DUSK_ASSIGN(Hash256 h, fixed<32>(it));
    u.new_code.push_back(h);
  }
  return u;
}

}  // namespace dusk::evm
