#include "duskvm/phoenix/note.hpp"

#include <algorithm>
#include <cstdlib>

#include "crypto/jubjub/pedersen.hpp"
#include "crypto/poseidon/hash.hpp"

namespace dusk::duskvm::phoenix {

namespace {

using crypto::jubjub::ElGamalCiphertext;
using crypto::jubjub::generator;
using crypto::jubjub::generator_nums;

// A commitment or ciphertext point: on the curve, no torsion (the identity is allowed:
// a zero value with a zero blinder commits to it).
std::optional<Point> torsion_free(std::span<const u8, 32> bytes) {
  auto p = Point::decode(bytes);
  if (!p || !p->is_torsion_free()) return std::nullopt;
  return p;
}

Scalar value_scalar(u64 value) { return Scalar::from_u64(value); }

}  // namespace

NoteRandomness NoteRandomness::fresh() {
  NoteRandomness rnd{fresh_scalar(), {fresh_scalar(), fresh_scalar()}, {}};
  fresh_random_bytes(rnd.nonce);
  return rnd;
}

Note Note::make(NoteType type, const PublicKey& sender, const PublicKey& receiver, u64 value,
                const Scalar& blinder, const NoteRandomness& rnd) {
  Note n;
  n.type_ = type;
  n.stealth_ = receiver.stealth_address(rnd.r);
  n.value_commitment_ = crypto::jubjub::pedersen_commit(value_scalar(value), blinder);
  if (type == NoteType::kTransparent) {
    store_le<u64>(n.value_enc_.data(), value);
  } else {
    n.value_enc_ = encrypt_value(receiver.a * rnd.r, n.stealth_.encode(), ValueOpening{value, blinder}, rnd.nonce);
  }
  n.sender_ = SenderEncryption{
      crypto::jubjub::elgamal_encrypt(n.stealth_.note_pk, sender.a, rnd.sender_blinders[0]),
      crypto::jubjub::elgamal_encrypt(n.stealth_.note_pk, sender.b, rnd.sender_blinders[1])};
  return n;
}

Note Note::transparent(const PublicKey& sender, const PublicKey& receiver, u64 value,
                       const NoteRandomness& rnd) {
  return make(NoteType::kTransparent, sender, receiver, value, Scalar::zero(), rnd);
}

Note Note::obfuscated(const PublicKey& sender, const PublicKey& receiver, u64 value,
                      const Scalar& blinder, const NoteRandomness& rnd) {
  return make(NoteType::kObfuscated, sender, receiver, value, blinder, rnd);
}

Note Note::transparent_to(const StealthAddress& address, u64 value, const ContractInfo& info) {
  Note n;
  n.type_ = NoteType::kTransparent;
  n.stealth_ = address;
  n.value_commitment_ = generator() * value_scalar(value);
  store_le<u64>(n.value_enc_.data(), value);
  n.sender_ = info;
  return n;
}

std::array<u8, kNoteSize> Note::encode() const {
  std::array<u8, kNoteSize> out{};
  size_t at = 0;
  auto put = [&](const auto& bytes) {
    std::copy(bytes.begin(), bytes.end(), out.begin() + at);
    at += bytes.size();
  };
  out[at++] = static_cast<u8>(type_);
  put(value_commitment_.encode());
  put(stealth_.encode());
  store_le<u64>(out.data() + at, pos_);
  at += 8;
  put(value_enc_);
  if (const auto* enc = std::get_if<SenderEncryption>(&sender_)) {
    out[at++] = 0;
    put(enc->a.gamma.encode());
    put(enc->a.delta.encode());
    put(enc->b.gamma.encode());
    put(enc->b.delta.encode());
  } else {
    out[at++] = 1;
    put(std::get<ContractInfo>(sender_));
  }
  return out;
}

std::optional<Note> Note::decode(std::span<const u8, kNoteSize> bytes) {
  Note n;
  size_t at = 0;
  auto take32 = [&] {
    auto s = bytes.subspan(at).first<32>();
    at += 32;
    return s;
  };
  if (bytes[0] > 1) return std::nullopt;
  n.type_ = static_cast<NoteType>(bytes[at++]);
  auto vc = torsion_free(take32());
  if (!vc) return std::nullopt;
  n.value_commitment_ = *vc;
  auto sa = StealthAddress::decode(bytes.subspan(at).first<64>());
  if (!sa) return std::nullopt;
  n.stealth_ = *sa;
  at += 64;
  n.pos_ = load_le<u64>(bytes.data() + at);
  at += 8;
  std::copy_n(bytes.begin() + at, kValueEncryptionSize, n.value_enc_.begin());
  at += kValueEncryptionSize;
  const u8 sender_tag = bytes[at++];
  if (sender_tag == 0) {
    std::array<std::optional<Point>, 4> p;
    for (auto& q : p) q = torsion_free(take32());
    if (!p[0] || !p[1] || !p[2] || !p[3]) return std::nullopt;
    n.sender_ = SenderEncryption{{*p[0], *p[1]}, {*p[2], *p[3]}};
  } else if (sender_tag == 1) {
    ContractInfo info;
    std::copy_n(bytes.begin() + at, info.size(), info.begin());
    n.sender_ = info;
  } else {
    return std::nullopt;
  }
  if (n.type_ == NoteType::kTransparent) {
    // The clear value must be what the commitment holds, and the rest of value_enc zero.
    const u64 value = load_le<u64>(n.value_enc_.data());
    if (!std::all_of(n.value_enc_.begin() + 8, n.value_enc_.end(), [](u8 b) { return b == 0; }) ||
        !(n.value_commitment_ == generator() * value_scalar(value)))
      return std::nullopt;
  }
  return n;
}

Fr Note::hash() const {
  return crypto::poseidon::hash(std::array<Fr, 6>{
      Fr::from_u64(static_cast<u64>(type_)), value_commitment_.u(), value_commitment_.v(),
      stealth_.note_pk.u(), stealth_.note_pk.v(), Fr::from_u64(pos_)});
}

Fr Note::nullifier(const SecretKey& owner) const {
  const Point pk_prime = generator_nums() * owner.note_secret_key(stealth_).scalar();
  return crypto::poseidon::hash(std::array<Fr, 3>{pk_prime.u(), pk_prime.v(), Fr::from_u64(pos_)});
}

std::optional<ValueOpening> Note::opening(const ViewKey* vk) const {
  if (type_ == NoteType::kTransparent) {
    const u64 value = load_le<u64>(value_enc_.data());
    return ValueOpening{value, Scalar::zero()};
  }
  if (!vk) return std::nullopt;
  auto o = decrypt_value(stealth_.r * vk->a, stealth_.encode(), value_enc_);
  if (!o || !(crypto::jubjub::pedersen_commit(value_scalar(o->value), o->blinder) == value_commitment_))
    return std::nullopt;
  return o;
}

std::optional<PublicKey> Note::sender_public_key(const crypto::schnorr::SecretKey& note_sk) const {
  const auto* enc = std::get_if<SenderEncryption>(&sender_);
  if (!enc) return std::nullopt;
  return PublicKey{crypto::jubjub::elgamal_decrypt(note_sk.scalar(), enc->a),
                   crypto::jubjub::elgamal_decrypt(note_sk.scalar(), enc->b)};
}

}  // namespace dusk::duskvm::phoenix
