#include "crypto/poseidon/poseidon.hpp"

#include <algorithm>
#include <string_view>

#include <openssl/evp.h>

namespace dusk::crypto::poseidon {

namespace {

Fr pow5(const Fr& x) {
  const Fr x2 = x.square();
  return x2.square() * x;
}

// 2^256 mod r: what upstream's raw load multiplies every constant by (see the header).
Fr montgomery_r() {
  std::array<u8, 64> wide{};
  wide[31] = 1;  // big-endian 2^256
  return Fr::from_uniform_bytes(wide);
}

Parameters generate() {
  Parameters p;
  const Fr r = montgomery_r();
  std::array<u8, 64> digest{};
  constexpr std::string_view kSeed = "poseidon-for-plonk";
  std::vector<u8> input(kSeed.begin(), kSeed.end());
  Fr previous = Fr::one();
  for (auto& round : p.round_constants) {
    for (Fr& c : round) {
      unsigned int n = 0;
      EVP_Digest(input.data(), input.size(), digest.data(), &n, EVP_sha512(), nullptr);
      input.assign(digest.begin(), digest.end());
      std::array<u8, 64> be{};
      std::reverse_copy(digest.begin(), digest.end(), be.begin());  // a little-endian integer
      const Fr value = Fr::from_uniform_bytes(be) + previous;
      previous = value;
      c = value * r;
    }
  }
  for (size_t i = 0; i < kWidth; ++i)
    for (size_t j = 0; j < kWidth; ++j) p.mds[i][j] = (Fr::from_u64(i + j + kWidth).inverse()) * r;
  return p;
}

void mix(std::array<Fr, kWidth>& s, const Parameters& p) {
  std::array<Fr, kWidth> out{};
  for (size_t k = 0; k < kWidth; ++k) {
    Fr acc = Fr::zero();
    for (size_t j = 0; j < kWidth; ++j) acc = acc + p.mds[k][j] * s[j];
    out[k] = acc;
  }
  s = out;
}

}  // namespace

const Parameters& parameters() {
  static const Parameters kParameters = generate();
  return kParameters;
}

void permute(std::array<Fr, kWidth>& s) {
  const Parameters& p = parameters();
  size_t round = 0;
  auto full = [&] {
    for (size_t i = 0; i < kWidth; ++i) s[i] = pow5(s[i] + p.round_constants[round][i]);
    mix(s, p);
    ++round;
  };
  for (size_t i = 0; i < kFullRounds / 2; ++i) full();
  for (size_t i = 0; i < kPartialRounds; ++i) {
    for (size_t j = 0; j < kWidth; ++j) s[j] = s[j] + p.round_constants[round][j];
    s[kWidth - 1] = pow5(s[kWidth - 1]);
    mix(s, p);
    ++round;
  }
  for (size_t i = 0; i < kFullRounds / 2; ++i) full();
}

Sponge::Sponge(Fr tag) { state_[0] = tag; }

void Sponge::absorb(const Fr& x) {
  if (pos_absorb_ == kRate) {
    permute(state_);
    pos_absorb_ = 0;
  }
  state_[1 + pos_absorb_] = state_[1 + pos_absorb_] + x;
  ++pos_absorb_;
  pos_squeeze_ = kRate;  // the next squeeze permutes
}

Fr Sponge::squeeze() {
  if (pos_squeeze_ == kRate) {
    permute(state_);
    pos_squeeze_ = 0;
    pos_absorb_ = 0;
  }
  return state_[1 + pos_squeeze_++];
}

}  // namespace dusk::crypto::poseidon
