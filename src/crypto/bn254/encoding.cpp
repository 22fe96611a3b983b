#include "crypto/bn254/encoding.hpp"

#include <algorithm>
#include <string>

namespace dusk::crypto::bn254 {
namespace {

EncodingFailure point_error(EncodingError code, const std::string& what) {
  return EncodingFailure(code, "bn254: " + what);
}

EncodingResult<Fp> coordinate(ByteView bytes, size_t offset) {
  auto f = Fp::from_bytes_be(bytes.subspan(offset, 32));
  if (!f) return point_error(EncodingError::kNotCanonical, "coordinate exceeds modulus");
  return *f;
}

bool all_zero(ByteView bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](u8 b) { return b == 0; });
}

void put(u8* out, const Fp& f) {
  const auto b = f.to_bytes_be();
  std::copy(b.begin(), b.end(), out);
}

}  // namespace

EncodingResult<G1Affine> decode_g1(ByteView bytes) {
  if (bytes.size() != kG1Bytes)
    return point_error(EncodingError::kBadLength, "G1 point must be 64 bytes");
  DUSK_ASSIGN(Fp x, coordinate(bytes, 0));
  DUSK_ASSIGN(Fp y, coordinate(bytes, 32));
  if (x.is_zero() && y.is_zero()) return G1Affine::identity();
  G1Affine p{x, y, false};
  if (!p.is_on_curve()) return point_error(EncodingError::kNotOnCurve, "malformed point");
  return p;
}

EncodingResult<G2Affine> decode_g2(ByteView bytes) {
  if (bytes.size() != kG2Bytes)
    return point_error(EncodingError::kBadLength, "G2 point must be 128 bytes");
  DUSK_ASSIGN(Fp x1, coordinate(bytes, 0));
  DUSK_ASSIGN(Fp x0, coordinate(bytes, 32));
  DUSK_ASSIGN(Fp y1, coordinate(bytes, 64));
  DUSK_ASSIGN(Fp y0, coordinate(bytes, 96));
  if (all_zero(bytes)) return G2Affine::identity();
  G2Affine q{Fp2(x0, x1), Fp2(y0, y1), false};
  if (!q.is_on_curve()) return point_error(EncodingError::kNotOnCurve, "malformed point");
  if (!g2_in_subgroup(G2::from_affine(q)))
    return point_error(EncodingError::kNotInSubgroup, "G2 point not in the subgroup");
  return q;
}

std::array<u8, kG1Bytes> encode_g1(const G1Affine& p) {
  std::array<u8, kG1Bytes> out{};
  if (p.infinity) return out;
  put(out.data(), p.x);
  put(out.data() + 32, p.y);
  return out;
}

std::array<u8, kG2Bytes> encode_g2(const G2Affine& q) {
  std::array<u8, kG2Bytes> out{};
  if (q.infinity) return out;
  put(out.data(), q.x.c1);
  put(out.data() + 32, q.x.c0);
  put(out.data() + 64, q.y.c1);
  put(out.data() + 96, q.y.c0);
  return out;
}

}  // namespace dusk::crypto::bn254
