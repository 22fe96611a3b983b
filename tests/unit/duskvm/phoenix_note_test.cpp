// Phoenix keys, stealth addresses and notes (duskvm/phoenix): a note sent to a public key
// is recognised, opened and spent (note secret key, nullifier) by that key only; a view
// key reads exactly its own notes; the sender is recoverable by the receiver alone; the
// encodings round-trip and refuse bad bytes. No external known answers exist for these
// in ../shared/testdata: the tests check the model's definitions and its security
// properties, not byte compatibility with Dusk's notes.
#include <gtest/gtest.h>

#include "crypto/jubjub/pedersen.hpp"
#include "crypto/poseidon/hash.hpp"
#include "duskvm/phoenix/keys.hpp"
#include "duskvm/phoenix/note.hpp"

namespace dusk::duskvm::phoenix {
namespace {

using crypto::jubjub::generator;
using crypto::jubjub::generator_nums;

SecretKey key(u8 seed) {
  const std::array<u8, 4> s{seed, 1, 2, 3};
  return SecretKey::derive(s, 0);
}

NoteRandomness randomness(u64 i) {
  NoteRandomness rnd{Scalar::from_u64(1000 + i), {Scalar::from_u64(2000 + i), Scalar::from_u64(3000 + i)}, {}};
  for (size_t j = 0; j < rnd.nonce.size(); ++j) rnd.nonce[j] = static_cast<u8>(i + j);
  return rnd;
}

TEST(Phoenix, KeysDeriveDeterministicallyAndIndependently) {
  const std::array<u8, 3> seed{9, 9, 9};
  EXPECT_EQ(SecretKey::derive(seed, 0).encode(), SecretKey::derive(seed, 0).encode());
  EXPECT_NE(SecretKey::derive(seed, 0).encode(), SecretKey::derive(seed, 1).encode());
  const SecretKey sk = SecretKey::derive(seed, 0);
  EXPECT_FALSE(sk.a() == sk.b());
  EXPECT_EQ(sk.public_key().a, generator() * sk.a());
  EXPECT_EQ(sk.public_key().b, generator() * sk.b());
  EXPECT_EQ(sk.view_key().public_key(), sk.public_key());
}

TEST(Phoenix, StealthAddressesBelongToTheirReceiverOnly) {
  const SecretKey alice = key(1), bob = key(2);
  const StealthAddress sa = bob.public_key().stealth_address(Scalar::from_u64(77));
  EXPECT_TRUE(bob.owns(sa));
  EXPECT_TRUE(bob.view_key().owns(sa));
  EXPECT_FALSE(alice.owns(sa));
  EXPECT_FALSE(alice.view_key().owns(sa));
  // note_sk = H(a R) + b, and its public key is the address's.
  EXPECT_EQ(generator() * bob.note_secret_key(sa).scalar(), sa.note_pk);
  EXPECT_EQ(bob.note_secret_key(sa).scalar(), hash_to_scalar(sa.r * bob.a()) + bob.b());
  // Two addresses for one receiver are unlinkable points.
  const StealthAddress sa2 = bob.public_key().stealth_address(Scalar::from_u64(78));
  EXPECT_NE(sa2.note_pk, sa.note_pk);
  EXPECT_TRUE(bob.owns(sa2));
}

TEST(Phoenix, ObfuscatedNotesOpenToTheReceiversViewKeyOnly) {
  const SecretKey alice = key(3), bob = key(4), eve = key(5);
  const Scalar blinder = Scalar::from_u64(424242);
  const Note note = Note::obfuscated(alice.public_key(), bob.public_key(), 1'234'567, blinder, randomness(1));
  EXPECT_EQ(note.type(), NoteType::kObfuscated);
  EXPECT_EQ(note.pos(), kUnplaced);
  EXPECT_EQ(note.value_commitment(), crypto::jubjub::pedersen_commit(Scalar::from_u64(1'234'567), blinder));
  const ViewKey vk = bob.view_key();
  auto opening = note.opening(&vk);
  ASSERT_TRUE(opening.has_value());
  EXPECT_EQ(opening->value, 1'234'567u);
  EXPECT_EQ(opening->blinder, blinder);
  const ViewKey evk = eve.view_key();
  EXPECT_FALSE(note.opening(&evk).has_value());
  EXPECT_FALSE(note.opening(nullptr).has_value());
  // Tampering with the encrypted value fails its tag.
  auto bytes = note.encode();
  bytes[1 + 32 + 64 + 8 + 20] ^= 1;
  auto tampered = Note::decode(bytes);
  ASSERT_TRUE(tampered.has_value());
  EXPECT_FALSE(tampered->opening(&vk).has_value());
}

TEST(Phoenix, TransparentNotesShowTheirValue) {
  const Note note = Note::transparent(key(6).public_key(), key(7).public_key(), 500, randomness(2));
  auto o = note.opening(nullptr);
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(o->value, 500u);
  EXPECT_EQ(o->blinder, Scalar::zero());
  EXPECT_EQ(note.value_commitment(), generator() * Scalar::from_u64(500));
  // A transparent note whose clear value disagrees with its commitment is refused.
  auto bytes = note.encode();
  bytes[1 + 32 + 64 + 8] ^= 1;  // the value's low byte
  EXPECT_FALSE(Note::decode(bytes).has_value());
}

TEST(Phoenix, TheReceiverRecoversTheSender) {
  const SecretKey alice = key(8), bob = key(9), eve = key(10);
  const Note note = Note::obfuscated(alice.public_key(), bob.public_key(), 1, Scalar::one(), randomness(3));
  const auto note_sk = bob.note_secret_key(note.stealth_address());
  auto sender = note.sender_public_key(note_sk);
  ASSERT_TRUE(sender.has_value());
  EXPECT_EQ(*sender, alice.public_key());
  auto wrong = note.sender_public_key(eve.note_secret_key(note.stealth_address()));
  ASSERT_TRUE(wrong.has_value());
  EXPECT_FALSE(*wrong == alice.public_key());
  // Contract-made notes carry contract data instead.
  ContractInfo info{};
  info[0] = 0xAB;
  const Note made = Note::transparent_to(note.stealth_address(), 10, info);
  EXPECT_FALSE(made.sender_public_key(note_sk).has_value());
  EXPECT_TRUE(bob.owns(made.stealth_address()));
}

TEST(Phoenix, NullifiersAndHashesFollowTheirDefinitions) {
  const SecretKey alice = key(11), bob = key(12);
  Note note = Note::obfuscated(alice.public_key(), bob.public_key(), 5, Scalar::from_u64(6), randomness(4));
  note.set_pos(42);
  using Fr = crypto::bls12_381::Fr;
  const Point pk_prime = generator_nums() * bob.note_secret_key(note.stealth_address()).scalar();
  EXPECT_EQ(note.nullifier(bob), crypto::poseidon::hash(std::array<Fr, 3>{pk_prime.u(), pk_prime.v(), Fr::from_u64(42)}));
  EXPECT_EQ(note.hash(), crypto::poseidon::hash(std::array<Fr, 6>{
                             Fr::one(), note.value_commitment().u(), note.value_commitment().v(),
                             note.stealth_address().note_pk.u(), note.stealth_address().note_pk.v(),
                             Fr::from_u64(42)}));
  // One note, one nullifier per position; another key gives another (useless) value.
  Note moved = note;
  moved.set_pos(43);
  EXPECT_NE(moved.nullifier(bob), note.nullifier(bob));
  EXPECT_NE(moved.hash(), note.hash());
  EXPECT_NE(note.nullifier(alice), note.nullifier(bob));
}

TEST(Phoenix, EncodingsRoundTripAndRefuseBadBytes) {
  const SecretKey alice = key(13), bob = key(14);
  Note note = Note::obfuscated(alice.public_key(), bob.public_key(), 99, Scalar::from_u64(3), randomness(5));
  note.set_pos(7);
  const auto bytes = note.encode();
  auto back = Note::decode(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, note);
  EXPECT_EQ(back->hash(), note.hash());

  auto bad = bytes;
  bad[0] = 2;  // unknown type
  EXPECT_FALSE(Note::decode(bad).has_value());
  bad = bytes;
  bad[1 + 32 + 64 + 8 + kValueEncryptionSize] = 2;  // unknown sender tag
  EXPECT_FALSE(Note::decode(bad).has_value());
  bad = bytes;
  const auto torsion = crypto::jubjub::Point::from_affine(crypto::jubjub::Fq::zero(), -crypto::jubjub::Fq::one())->encode();
  std::copy(torsion.begin(), torsion.end(), bad.begin() + 1);  // a commitment of order 2
  EXPECT_FALSE(Note::decode(bad).has_value());
  bad = bytes;
  std::copy(torsion.begin(), torsion.end(), bad.begin() + 1 + 32 + 32);  // note_pk of order 2
  EXPECT_FALSE(Note::decode(bad).has_value());

  const SecretKey sk = key(15);
  auto sk_back = SecretKey::decode(sk.encode());
  ASSERT_TRUE(sk_back.has_value());
  EXPECT_EQ(sk_back->encode(), sk.encode());
  auto pk_back = PublicKey::decode(sk.public_key().encode());
  ASSERT_TRUE(pk_back.has_value());
  EXPECT_EQ(*pk_back, sk.public_key());
  auto vk_back = ViewKey::decode(sk.view_key().encode());
  ASSERT_TRUE(vk_back.has_value());
  EXPECT_EQ(vk_back->encode(), sk.view_key().encode());
  std::array<u8, 64> ff{};
  ff.fill(0xff);
  EXPECT_FALSE(SecretKey::decode(ff).has_value());
  EXPECT_FALSE(ViewKey::decode(ff).has_value());
  EXPECT_FALSE(PublicKey::decode(ff).has_value());
}

TEST(Phoenix, FreshRandomnessDiffers) {
  const NoteRandomness a = NoteRandomness::fresh(), b = NoteRandomness::fresh();
  EXPECT_FALSE(a.r == b.r);
  EXPECT_NE(a.nonce, b.nonce);
}

}  // namespace
}  // namespace dusk::duskvm::phoenix
