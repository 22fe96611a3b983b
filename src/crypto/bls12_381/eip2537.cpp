// EIP-2537 encodings. See eip2537.hpp.
#include "crypto/bls12_381/eip2537.hpp"

#include <algorithm>
#include <cassert>

namespace dusk::crypto::bls12_381 {

namespace {

EncodingFailure err(EncodingError code, const char* message) { return EncodingFailure(code, message); }

bool all_zero(ByteView b) {
  return std::all_of(b.begin(), b.end(), [](u8 x) { return x == 0; });
}

void put_fp(u8* out, const Fp& x) {
  const auto be = x.to_bytes_be();  // 48 bytes
  std::fill(out, out + 16, u8{0});
  std::copy(be.begin(), be.end(), out + 16);
}

}  // namespace

EncodingResult<Fp> eip2537_decode_fp(ByteView bytes) {
  assert(bytes.size() == kEip2537FpSize);
  if (!all_zero(bytes.first(16)))
    return err(EncodingError::kBadPadding, "field element has non-zero top 16 bytes");
  auto x = Fp::from_bytes_be(bytes.subspan(16));
  if (!x.ok()) return err(EncodingError::kNotCanonical, "field element is not below the modulus");
  return *x;
}

EncodingResult<Fp2> eip2537_decode_fp2(ByteView bytes) {
  assert(bytes.size() == kEip2537Fp2Size);
  DUSK_ASSIGN(const Fp c0, eip2537_decode_fp(bytes.first(64)));
  DUSK_ASSIGN(const Fp c1, eip2537_decode_fp(bytes.subspan(64)));
  return Fp2(c0, c1);
}

EncodingResult<G1Affine> eip2537_decode_g1(ByteView bytes, bool check_subgroup) {
  assert(bytes.size() == kEip2537G1Size);
  DUSK_ASSIGN(const Fp x, eip2537_decode_fp(bytes.first(64)));
  DUSK_ASSIGN(const Fp y, eip2537_decode_fp(bytes.subspan(64)));
  if (x.is_zero() && y.is_zero()) return G1Affine::identity();
  const G1Affine p{x, y, false};
  if (!p.is_on_curve()) return err(EncodingError::kNotOnCurve, "G1 point is not on the curve");
  if (check_subgroup && !g1_in_subgroup(G1::from_affine(p)))
    return err(EncodingError::kNotInSubgroup, "G1 point is not in the subgroup");
  return p;
}

EncodingResult<G2Affine> eip2537_decode_g2(ByteView bytes, bool check_subgroup) {
  assert(bytes.size() == kEip2537G2Size);
  DUSK_ASSIGN(const Fp2 x, eip2537_decode_fp2(bytes.first(128)));
  DUSK_ASSIGN(const Fp2 y, eip2537_decode_fp2(bytes.subspan(128)));
  if (x.is_zero() && y.is_zero()) return G2Affine::identity();
  const G2Affine p{x, y, false};
  if (!p.is_on_curve()) return err(EncodingError::kNotOnCurve, "G2 point is not on the curve");
  if (check_subgroup && !g2_in_subgroup(G2::from_affine(p)))
    return err(EncodingError::kNotInSubgroup, "G2 point is not in the subgroup");
  return p;
}

Fr eip2537_decode_scalar(ByteView bytes) {
  assert(bytes.size() == kEip2537ScalarSize);
  std::array<u8, 64> wide{};  // big-endian, zero-extended: from_uniform_bytes reduces mod r
  std::copy(bytes.begin(), bytes.end(), wide.begin() + 32);
  return Fr::from_uniform_bytes(wide);
}

std::array<u8, kEip2537G1Size> eip2537_encode_g1(const G1Affine& p) {
  std::array<u8, kEip2537G1Size> out{};
  if (p.infinity) return out;
  put_fp(out.data(), p.x);
  put_fp(out.data() + 64, p.y);
  return out;
}

std::array<u8, kEip2537G2Size> eip2537_encode_g2(const G2Affine& p) {
  std::array<u8, kEip2537G2Size> out{};
  if (p.infinity) return out;
  put_fp(out.data(), p.x.c0);
  put_fp(out.data() + 64, p.x.c1);
  put_fp(out.data() + 128, p.y.c0);
  put_fp(out.data() + 192, p.y.c1);
  return out;
}

}  // namespace dusk::crypto::bls12_381
