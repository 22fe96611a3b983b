// 0x0b..0x11: the BLS12-381 precompiles of EIP-2537 (Prague), on src/crypto/bls12_381.
//
//   0x0b G1ADD       256 bytes -> 128   375 gas; no subgroup check (on curve only)
//   0x0c G1MSM       k * 160   -> 128   k * 12000 * discount(k) / 1000
//   0x0d G2ADD       512 bytes -> 256   600 gas
//   0x0e G2MSM       k * 288   -> 256   k * 22500 * discount(k) / 1000
//   0x0f PAIRING     k * 384   -> 32    32600 k + 37700; 1 iff prod e(P_i, Q_i) = 1
//   0x10 MAP_FP_TO_G1    64    -> 128   5500
//   0x11 MAP_FP2_TO_G2   128   -> 256   23800
//
// MSM and pairing inputs must be in the subgroup; k >= 1. Errors use go-ethereum's
// wording, which the shared fail-*.json vectors name.
#include <algorithm>
#include <array>
#include <vector>

#include "crypto/bls12_381/eip2537.hpp"
#include "crypto/bls12_381/hash_to_curve.hpp"
#include "crypto/bls12_381/msm.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "duskevm/precompiles/registry.hpp"

namespace dusk::evm {
namespace {

using namespace crypto::bls12_381;

constexpr size_t kG1MsmPair = kEip2537G1Size + kEip2537ScalarSize;  // 160
constexpr size_t kG2MsmPair = kEip2537G2Size + kEip2537ScalarSize;  // 288
constexpr size_t kPairingPair = kEip2537G1Size + kEip2537G2Size;     // 384

// EIP-2537's discount tables (per mille) for k = 1..128 pairs; beyond, the last entry.
constexpr std::array<u16, 128> kG1Discount = {
    1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665, 661,
    658,  654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615, 613, 611,
    609,  608, 606, 604, 603, 601, 599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581,
    580,  579, 577, 576, 575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559,
    558,  557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545, 544, 543, 542, 541, 540,
    540,  539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529, 528, 528, 527, 526, 525, 525,
    524,  523, 522, 522, 521, 520, 520, 519};
constexpr std::array<u16, 128> kG2Discount = {
    1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699, 693,
    688,  683,  679, 674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629, 627, 624,
    622,  620,  618, 615, 613, 611, 609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587,
    586,  584,  583, 582, 580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562,
    561,  560,  559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548, 547, 546, 545, 545, 544,
    543,  542,  541, 541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533, 532, 532, 531, 530, 530, 529,
    528,  528,  527, 526, 526, 525, 524, 524};

u64 msm_gas(size_t input_size, size_t pair_size, u64 mul_gas, const std::array<u16, 128>& discount) {
  const u64 k = input_size / pair_size;
  if (k == 0) return 0;
  const u64 d = discount[std::min<u64>(k, discount.size()) - 1];
  return k * mul_gas * d / 1000;
}

PrecompileFailure length_error() { return invalid_input("invalid input length"); }

// go-ethereum's messages for the decoding failures, per group.
PrecompileFailure point_error(const crypto::EncodingFailure& e, bool g2) {
  switch (e.code) {
    case crypto::EncodingError::kBadPadding: return invalid_input("invalid field element top bytes");
    case crypto::EncodingError::kNotCanonical: return invalid_input("invalid fp.Element encoding");
    case crypto::EncodingError::kNotOnCurve: return invalid_input("invalid point: not on curve");
    case crypto::EncodingError::kNotInSubgroup:
      return invalid_input(g2 ? "g2 point is not on correct subgroup" : "g1 point is not on correct subgroup");
    case crypto::EncodingError::kBadLength:  // the callers check lengths first
    case crypto::EncodingError::kBadFlags:   // the ZCash forms' failures, not EIP-2537's
    case crypto::EncodingError::kBadInfinity:
      break;
  }
  return invalid_input(e.message);
}

Result<G1Affine, PrecompileFailure> g1_at(ByteView in, bool subgroup) {
  auto p = eip2537_decode_g1(in, subgroup);
  if (!p.ok()) return point_error(p.error(), false);
  return *p;
}
Result<G2Affine, PrecompileFailure> g2_at(ByteView in, bool subgroup) {
  auto p = eip2537_decode_g2(in, subgroup);
  if (!p.ok()) return point_error(p.error(), true);
  return *p;
}

Bytes bytes_of(const auto& a) { return Bytes(a.begin(), a.end()); }

u64 g1_add_gas(ByteView) { return 375; }
PrecompileResult g1_add(ByteView in) {
  if (in.size() != 2 * kEip2537G1Size) return length_error();
  DUSK_ASSIGN(const G1Affine a, g1_at(in.first(kEip2537G1Size), false));
  DUSK_ASSIGN(const G1Affine b, g1_at(in.subspan(kEip2537G1Size), false));
  return bytes_of(eip2537_encode_g1((G1::from_affine(a) + G1::from_affine(b)).to_affine()));
}

u64 g2_add_gas(ByteView) { return 600; }
PrecompileResult g2_add(ByteView in) {
  if (in.size() != 2 * kEip2537G2Size) return length_error();
  DUSK_ASSIGN(const G2Affine a, g2_at(in.first(kEip2537G2Size), false));
  DUSK_ASSIGN(const G2Affine b, g2_at(in.subspan(kEip2537G2Size), false));
  return bytes_of(eip2537_encode_g2((G2::from_affine(a) + G2::from_affine(b)).to_affine()));
}

u64 g1_msm_gas(ByteView in) { return msm_gas(in.size(), kG1MsmPair, 12000, kG1Discount); }
PrecompileResult g1_msm_run(ByteView in) {
  if (in.empty() || in.size() % kG1MsmPair != 0) return length_error();
  const size_t k = in.size() / kG1MsmPair;
  std::vector<G1Affine> points(k);
  std::vector<Fr> scalars(k);
  for (size_t i = 0; i < k; ++i) {
    const ByteView pair = in.subspan(i * kG1MsmPair, kG1MsmPair);
    DUSK_ASSIGN(points[i], g1_at(pair.first(kEip2537G1Size), true));
    scalars[i] = eip2537_decode_scalar(pair.subspan(kEip2537G1Size));
  }
  return bytes_of(eip2537_encode_g1(g1_msm(points, scalars).to_affine()));
}

u64 g2_msm_gas(ByteView in) { return msm_gas(in.size(), kG2MsmPair, 22500, kG2Discount); }
PrecompileResult g2_msm_run(ByteView in) {
  if (in.empty() || in.size() % kG2MsmPair != 0) return length_error();
  const size_t k = in.size() / kG2MsmPair;
  std::vector<G2Affine> points(k);
  std::vector<Fr> scalars(k);
  for (size_t i = 0; i < k; ++i) {
    const ByteView pair = in.subspan(i * kG2MsmPair, kG2MsmPair);
    DUSK_ASSIGN(points[i], g2_at(pair.first(kEip2537G2Size), true));
    scalars[i] = eip2537_decode_scalar(pair.subspan(kEip2537G2Size));
  }
  return bytes_of(eip2537_encode_g2(g2_msm(points, scalars).to_affine()));
}

u64 pairing_gas(ByteView in) { return 32600 * (in.size() / kPairingPair) + 37700; }
PrecompileResult pairing_run(ByteView in) {
  if (in.empty() || in.size() % kPairingPair != 0) return length_error();
  const size_t k = in.size() / kPairingPair;
  std::vector<PairingInput> pairs;
  pairs.reserve(k);
  for (size_t i = 0; i < k; ++i) {
    const ByteView pair = in.subspan(i * kPairingPair, kPairingPair);
    DUSK_ASSIGN(const G1Affine p, g1_at(pair.first(kEip2537G1Size), true));
    DUSK_ASSIGN(const G2Affine q, g2_at(pair.subspan(kEip2537G1Size), true));
    pairs.emplace_back(p, q);
  }
  Bytes out(32, 0);
  out[31] = multi_pairing(pairs).is_one() ? 1 : 0;
  return out;
}

u64 map_g1_gas(ByteView) { return 5500; }
PrecompileResult map_g1(ByteView in) {
  if (in.size() != kEip2537FpSize) return length_error();
  auto u = eip2537_decode_fp(in);
  if (!u.ok()) return point_error(u.error(), false);
  return bytes_of(eip2537_encode_g1(g1_clear_cofactor(map_to_g1(*u)).to_affine()));
}

u64 map_g2_gas(ByteView) { return 23800; }
PrecompileResult map_g2(ByteView in) {
  if (in.size() != kEip2537Fp2Size) return length_error();
  auto u = eip2537_decode_fp2(in);
  if (!u.ok()) return point_error(u.error(), true);
  return bytes_of(eip2537_encode_g2(g2_clear_cofactor(map_to_g2(*u)).to_affine()));
}

}  // namespace

const Precompile kBlsG1Add{"BLS12_G1ADD", g1_add_gas, g1_add};
const Precompile kBlsG1Msm{"BLS12_G1MSM", g1_msm_gas, g1_msm_run};
const Precompile kBlsG2Add{"BLS12_G2ADD", g2_add_gas, g2_add};
const Precompile kBlsG2Msm{"BLS12_G2MSM", g2_msm_gas, g2_msm_run};
const Precompile kBlsPairing{"BLS12_PAIRING_CHECK", pairing_gas, pairing_run};
const Precompile kBlsMapFpToG1{"BLS12_MAP_FP_TO_G1", map_g1_gas, map_g1};
const Precompile kBlsMapFp2ToG2{"BLS12_MAP_FP2_TO_G2", map_g2_gas, map_g2};

}  // namespace dusk::evm
