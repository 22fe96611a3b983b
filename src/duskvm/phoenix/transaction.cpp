#include "duskvm/phoenix/transaction.hpp"

#include <algorithm>
#include <string_view>

#include "crypto/hash/blake2b.hpp"

namespace dusk::duskvm::phoenix {

namespace {

template <typename A>
void put(Bytes& out, const A& bytes) {
  out.insert(out.end(), bytes.begin(), bytes.end());
}

}  // namespace

Bytes Transaction::payload() const {
  Bytes out;
  append_le<u64>(out, chain_id);
  put(out, root.to_bytes_le());
  out.push_back(static_cast<u8>(nullifiers.size()));
  for (const Fr& n : nullifiers) put(out, n.to_bytes_le());
  for (const Note& n : outputs) put(out, n.encode());
  append_le<u64>(out, max_fee);
  append_le<u64>(out, deposit);
  put(out, deposit_to);
  return out;
}

Bytes Transaction::encode() const {
  Bytes out = payload();
  put(out, proof);
  return out;
}

Fr Transaction::payload_hash() const {
  constexpr std::string_view kTag = "dusk-phoenix-payload-v1";
  const Bytes body = payload();
  const auto digest = crypto::blake2b({as_bytes(kTag), ByteView(body)});
  return Fr::from_uniform_bytes_le(digest);
}

std::optional<Transaction> Transaction::decode(ByteView in) {
  Transaction tx;
  size_t at = 0;
  auto need = [&](size_t n) { return in.size() - at >= n; };
  auto scalar = [&]() -> std::optional<Fr> {
    if (!need(32)) return std::nullopt;
    auto s = Fr::from_bytes_le(in.subspan(at, 32));
    at += 32;
    if (!s.ok()) return std::nullopt;
    return *s;
  };
  auto u64_le = [&]() -> std::optional<u64> {
    if (!need(8)) return std::nullopt;
    const u64 v = load_le<u64>(in.data() + at);
    at += 8;
    return v;
  };
  auto chain = u64_le();
  auto root = scalar();
  if (!chain || !root || !need(1)) return std::nullopt;
  tx.chain_id = *chain;
  tx.root = *root;
  const size_t n = in[at++];
  if (n == 0 || n > kMaxInputs) return std::nullopt;
  for (size_t i = 0; i < n; ++i) {
    auto nf = scalar();
    if (!nf) return std::nullopt;
    tx.nullifiers.push_back(*nf);
  }
  for (Note& out : tx.outputs) {
    if (!need(kNoteSize)) return std::nullopt;
    auto note = Note::decode(in.subspan(at).first<kNoteSize>());
    at += kNoteSize;
    if (!note || note->pos() != kUnplaced || !std::holds_alternative<SenderEncryption>(note->sender()))
      return std::nullopt;
    out = *note;
  }
  auto fee = u64_le();
  auto dep = u64_le();
  if (!fee || !dep || !need(32 + tx.proof.size())) return std::nullopt;
  tx.max_fee = *fee;
  tx.deposit = *dep;
  std::copy_n(in.begin() + at, 32, tx.deposit_to.begin());
  at += 32;
  if (tx.deposit == 0 && std::any_of(tx.deposit_to.begin(), tx.deposit_to.end(), [](u8 b) { return b != 0; }))
    return std::nullopt;
  std::copy_n(in.begin() + at, tx.proof.size(), tx.proof.begin());
  at += tx.proof.size();
  if (at != in.size()) return std::nullopt;
  return tx;
}

std::optional<TransactionPublic> Transaction::public_inputs() const {
  TransactionPublic p;
  p.payload_hash = payload_hash();
  p.root = root;
  p.nullifiers = nullifiers;
  for (size_t j = 0; j < kOutputs; ++j) {
    const auto* sender = std::get_if<SenderEncryption>(&outputs[j].sender());
    if (!sender) return std::nullopt;
    p.outputs[j] = {outputs[j].value_commitment(), outputs[j].stealth_address().note_pk, {sender->a, sender->b}};
  }
  p.max_fee = max_fee;
  p.deposit = deposit;
  return p;
}

}  // namespace dusk::duskvm::phoenix
