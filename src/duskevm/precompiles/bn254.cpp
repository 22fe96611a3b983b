#include "duskevm/precompiles/bn254.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "crypto/bn254/encoding.hpp"
#include "crypto/bn254/pairing.hpp"

namespace dusk::evm {
namespace {

namespace bn = crypto::bn254;

constexpr u64 kAddGas = 150;
constexpr u64 kMulGas = 6000;
constexpr u64 kPairingBaseGas = 45000;
constexpr u64 kPairingPerPairGas = 34000;
constexpr size_t kPairBytes = bn::kG1Bytes + bn::kG2Bytes;

// The first N bytes of the input, zero-padded.
template <size_t N>
std::array<u8, N> padded(ByteView input) {
  std::array<u8, N> out{};
  std::copy_n(input.begin(), std::min(N, input.size()), out.begin());
  return out;
}

Bytes g1_output(const bn::G1& p) {
  const auto enc = bn::encode_g1(p.to_affine());
  return Bytes(enc.begin(), enc.end());
}

u64 add_gas(ByteView) { return kAddGas; }
u64 mul_gas(ByteView) { return kMulGas; }
u64 pairing_gas(ByteView input) {
  return kPairingBaseGas + kPairingPerPairGas * static_cast<u64>(input.size() / kPairBytes);
}

PrecompileResult add_run(ByteView input) {
  const auto in = padded<128>(input);
  DUSK_ASSIGN(bn::G1Affine a, bn::decode_g1(ByteView(in).subspan(0, 64)));
  DUSK_ASSIGN(bn::G1Affine b, bn::decode_g1(ByteView(in).subspan(64, 64)));
  return g1_output(bn::G1::from_affine(a).add_mixed(b));
}

PrecompileResult mul_run(ByteView input) {
  const auto in = padded<96>(input);
  DUSK_ASSIGN(bn::G1Affine p, bn::decode_g1(ByteView(in).subspan(0, 64)));
  // k mod r: the 256-bit k as a 512-bit integer reduced mod r (G1 has order r).
  std::array<u8, 64> wide{};
  std::copy_n(in.begin() + 64, 32, wide.begin() + 32);
  const bn::Fr k = bn::Fr::from_uniform_bytes(wide);
  return g1_output(bn::g1_mul_glv(bn::G1::from_affine(p), k));
}

PrecompileResult pairing_run(ByteView input) {
  if (input.size() % kPairBytes != 0) return invalid_input("bad elliptic curve pairing size");
  std::vector<bn::PairingInput> pairs;
  pairs.reserve(input.size() / kPairBytes);
  for (size_t off = 0; off < input.size(); off += kPairBytes) {
    DUSK_ASSIGN(bn::G1Affine p, bn::decode_g1(input.subspan(off, bn::kG1Bytes)));
    DUSK_ASSIGN(bn::G2Affine q,
                bn::decode_g2(input.subspan(off + bn::kG1Bytes, bn::kG2Bytes)));
    pairs.emplace_back(p, q);
  }
  Bytes out(32, 0);
  out[31] = bn::multi_pairing(pairs).is_one() ? 1 : 0;
  return out;
}

}  // namespace

const Precompile kBn254Add{"bn256Add", add_gas, add_run};
const Precompile kBn254Mul{"bn256ScalarMul", mul_gas, mul_run};
const Precompile kBn254Pairing{"bn256Pairing", pairing_gas, pairing_run};

}  // namespace dusk::evm
