// A Phoenix note (after Dusk's phoenix-core): value held by a one-time stealth address,
// placed at a position of the note tree (note_tree.hpp).
//
//   type              transparent (value in clear, blinder 0) or obfuscated
//   value_commitment  value G + blinder G' (jubjub/pedersen.hpp)
//   stealth_address   R, note_pk (stealth_address.hpp)
//   pos               position in the tree; kUnplaced until the transfer contract
//                     appends the note
//   value_enc         transparent: the value (8 bytes LE) then zeros; obfuscated: value
//                     and blinder encrypted to the receiver (value_encryption.hpp)
//   sender            the sender's public key (A, B) ElGamal-encrypted to note_pk with
//                     two blinders, so only the receiver learns who paid; or 128 bytes
//                     of contract data for notes a contract made
//
// hash() = Poseidon(type, vc.u, vc.v, note_pk.u, note_pk.v, pos) under Domain::kOther: the
// leaf of the note tree. nullifier(sk) = Poseidon(note_sk G' (u, v), pos): what a spend
// publishes; one per note, unlinkable to it without the key.
//
// Encoding (302 bytes): type (1) || value_commitment (32) || stealth_address (64) ||
// pos (8, LE) || value_enc (68) || sender tag (1: 0 encrypted, 1 contract) || 128 bytes.
// Decoding refuses unknown types and sender tags, points off the curve, commitments and
// addresses with a torsion component, and a transparent note whose commitment is not
// value G.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <variant>

#include "crypto/jubjub/elgamal.hpp"
#include "duskvm/phoenix/keys.hpp"
#include "duskvm/phoenix/stealth_address.hpp"
#include "duskvm/phoenix/value_encryption.hpp"

namespace dusk::duskvm::phoenix {

enum class NoteType : u8 { kTransparent = 0, kObfuscated = 1 };

inline constexpr u64 kUnplaced = ~u64{0};
inline constexpr size_t kNoteSize = 1 + 32 + 64 + 8 + kValueEncryptionSize + 1 + 128;

// The sender's public key, each half ElGamal-encrypted to the note's public key.
struct SenderEncryption {
  crypto::jubjub::ElGamalCiphertext a, b;
  bool operator==(const SenderEncryption&) const = default;
};
using ContractInfo = std::array<u8, 128>;
using Sender = std::variant<SenderEncryption, ContractInfo>;

// The randomness a new note needs; fresh() draws it from the operating system.
struct NoteRandomness {
  Scalar r;                            // the stealth address's r
  std::array<Scalar, 2> sender_blinders;
  std::array<u8, 12> nonce;            // AES-GCM's, for obfuscated notes
  static NoteRandomness fresh();
};

class Note {
 public:
  // An empty placeholder (transparent, value 0, identity points, unplaced), as Dusk's
  // Note::empty(): to be assigned a real note.
  Note() = default;
  static Note transparent(const PublicKey& sender, const PublicKey& receiver, u64 value,
                          const NoteRandomness& rnd);
  static Note obfuscated(const PublicKey& sender, const PublicKey& receiver, u64 value,
                         const Scalar& blinder, const NoteRandomness& rnd);
  // A transparent note a contract makes for a stealth address (unshielding, rewards).
  static Note transparent_to(const StealthAddress& address, u64 value, const ContractInfo& info);

  static std::optional<Note> decode(std::span<const u8, kNoteSize> bytes);
  std::array<u8, kNoteSize> encode() const;

  NoteType type() const { return type_; }
  const Point& value_commitment() const { return value_commitment_; }
  const StealthAddress& stealth_address() const { return stealth_; }
  u64 pos() const { return pos_; }
  void set_pos(u64 pos) { pos_ = pos; }
  const ValueEncryption& value_enc() const { return value_enc_; }
  const Sender& sender() const { return sender_; }

  Fr hash() const;
  Fr nullifier(const SecretKey& owner) const;
  // The value and blinder: transparent notes to anyone, obfuscated ones to the owner's
  // view key (nullopt for another key). Checked against the commitment.
  std::optional<ValueOpening> opening(const ViewKey* vk) const;
  // The sender's public key, to the owner (another key yields an unrelated point pair).
  std::optional<PublicKey> sender_public_key(const crypto::schnorr::SecretKey& note_sk) const;

  bool operator==(const Note& o) const { return encode() == o.encode(); }

 private:
  static Note make(NoteType type, const PublicKey& sender, const PublicKey& receiver, u64 value,
                   const Scalar& blinder, const NoteRandomness& rnd);

  NoteType type_ = NoteType::kTransparent;
  Point value_commitment_;
  StealthAddress stealth_;
  u64 pos_ = kUnplaced;
  ValueEncryption value_enc_{};
  Sender sender_;
};

}  // namespace dusk::duskvm::phoenix
