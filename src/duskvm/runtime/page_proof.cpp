#include "duskvm/runtime/page_proof.hpp"

#include <algorithm>

namespace dusk::vm {

namespace {

// The entries of a state tree, sorted by key.
std::vector<MerkleEntry> state_entries(const ContractTable& t) {
  std::vector<MerkleEntry> e;
  for (const auto& [id, s] : t) e.emplace_back(id, s.leaf());
  return e;
}

void put_u32(Bytes& out, u32 v) {
  u8 b[4];
  store_le<u32>(b, v);
  out.insert(out.end(), b, b + 4);
}
void put(Bytes& out, ByteView v) { out.insert(out.end(), v.begin(), v.end()); }
void put_proof(Bytes& out, const MerkleProof& p) {
  put_u32(out, static_cast<u32>(p.siblings.size()));
  for (const Hash256& h : p.siblings) put(out, h);
  out.push_back(p.other ? 1 : 0);
  if (p.other) {
    put(out, p.other->first);
    put(out, p.other->second);
  }
}

struct Reader {
  ByteView in;
  bool ok = true;
  bool take(u8* out, size_t n) {
    if (!ok || in.size() < n) return ok = false;
    std::copy_n(in.data(), n, out);
    in = in.subspan(n);
    return true;
  }
  u32 u32le() {
    u8 b[4];
    return take(b, 4) ? load_le<u32>(b) : 0;
  }
  bool proof(MerkleProof* p) {
    const u32 n = u32le();
    if (!ok || n > 256) return ok = false;
    p->siblings.resize(n);
    for (Hash256& h : p->siblings) take(h.data(), h.size());
    u8 flag = 0;
    take(&flag, 1);
    if (flag > 1) return ok = false;
    if (flag) {
      MerkleEntry e;
      take(e.first.data(), 32);
      take(e.second.data(), 32);
      p->other = e;
    }
    return ok;
  }
};

}  // namespace

Result<PageProof> prove_page(const StateStore& store, const Hash256& root, const ContractId& contract, u32 page) {
  DUSK_ASSIGN(const ContractTable contracts, store.contracts(root));
  auto it = contracts.find(contract);
  if (it == contracts.end()) return Error("no such contract in this commit");
  const ContractState& state = it->second;
  if (page >= state.memory_pages) return Error("page " + std::to_string(page) + " is beyond the contract's memory");
  DUSK_ASSIGN(const PageTable table, store.page_table(state.memory_root, state.memory_pages));
  PageProof p;
  p.contract = contract;
  p.page = page;
  p.state = state;
  if (const auto h = table.find(page)) {
    DUSK_ASSIGN(p.bytes, store.page(*h));
  } else {
    p.bytes.assign(kPageBytes, 0);
  }
  p.in_memory = merkle_prove(table.entries(), page_key(page));
  p.in_state = merkle_prove(state_entries(contracts), contract);
  return p;
}

bool verify_page_proof(const Hash256& root, const PageProof& proof) {
  if (proof.bytes.size() != kPageBytes || proof.page >= proof.state.memory_pages) return false;
  if (!merkle_verify(proof.state.memory_root, page_key(proof.page), page_hash(proof.bytes), proof.in_memory)) return false;
  return merkle_verify(root, proof.contract, proof.state.leaf(), proof.in_state);
}

Bytes encode(const PageProof& p) {
  Bytes out;
  put(out, p.contract);
  put_u32(out, p.page);
  put(out, p.bytes);
  const ContractTable one = {{p.contract, p.state}};
  const Bytes state = encode(one);
  put_u32(out, static_cast<u32>(state.size()));
  put(out, state);
  put_proof(out, p.in_memory);
  put_proof(out, p.in_state);
  return out;
}

std::optional<PageProof> decode_page_proof(ByteView bytes) {
  Reader r{bytes};
  PageProof p;
  r.take(p.contract.data(), p.contract.size());
  p.page = r.u32le();
  p.bytes.resize(kPageBytes);
  r.take(p.bytes.data(), kPageBytes);
  const u32 n = r.u32le();
  if (!r.ok || n > r.in.size()) return std::nullopt;
  auto one = decode_contract_table(r.in.first(n));
  r.in = r.in.subspan(n);
  if (!one || one->size() != 1 || one->begin()->first != p.contract) return std::nullopt;
  p.state = one->begin()->second;
  if (!r.proof(&p.in_memory) || !r.proof(&p.in_state) || !r.in.empty()) return std::nullopt;
  return p;
}

}  // namespace dusk::vm
