#include "crypto/plonk/transcript.hpp"

#include "crypto/bls12_381/serialization.hpp"
#include "crypto/hash/blake2b.hpp"

namespace dusk::crypto::plonk {
namespace {

std::array<u8, 8> le64(size_t n) {
  std::array<u8, 8> b;
  for (size_t i = 0; i < 8; ++i) b[i] = static_cast<u8>(static_cast<u64>(n) >> (8 * i));
  return b;
}

}  // namespace

Transcript::Transcript(std::string_view label) {
  const auto len = le64(label.size());
  state_ = blake2b<64>({as_bytes("dusk-plonk transcript v1"), len, as_bytes(label)});
}

void Transcript::append(std::string_view label, ByteView data) {
  const u8 tag = 0x01;
  const auto llen = le64(label.size()), dlen = le64(data.size());
  state_ = blake2b<64>({state_, ByteView(&tag, 1), llen, as_bytes(label), dlen, data});
}

void Transcript::append_scalar(std::string_view label, const bls12_381::Fr& s) {
  append(label, s.to_bytes_be());
}

void Transcript::append_point(std::string_view label, const bls12_381::G1Affine& p) {
  append(label, bls12_381::g1_to_compressed(p));
}

bls12_381::Fr Transcript::challenge(std::string_view label) {
  const u8 tag = 0x02;
  const auto llen = le64(label.size());
  state_ = blake2b<64>({state_, ByteView(&tag, 1), llen, as_bytes(label)});
  return bls12_381::Fr::from_uniform_bytes(state_);
}

}  // namespace dusk::crypto::plonk
