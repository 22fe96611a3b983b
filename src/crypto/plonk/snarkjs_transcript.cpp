#include "crypto/plonk/snarkjs_transcript.hpp"

#include <algorithm>
#include <array>

#include "crypto/bn254/encoding.hpp"

namespace dusk::crypto::plonk::snarkjs {

void Transcript::add_point(const bn254::G1Affine& p) { sponge_.update(bn254::encode_g1(p)); }

void Transcript::add_scalar(const bn254::Fr& s) { sponge_.update(s.to_bytes_be()); }

bn254::Fr Transcript::challenge() {
  const auto digest = sponge_.final();
  sponge_.init();
  // The 256-bit digest, zero-extended to the 512 bits from_uniform_bytes reduces.
  std::array<u8, 64> wide{};
  std::copy(digest.begin(), digest.end(), wide.begin() + 32);
  return bn254::Fr::from_uniform_bytes(wide);
}

}  // namespace dusk::crypto::plonk::snarkjs
