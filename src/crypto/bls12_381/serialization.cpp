#include "crypto/bls12_381/serialization.hpp"

#include <algorithm>
#include <string>

namespace dusk::crypto::bls12_381 {
namespace {

constexpr u8 kCompressionFlag = 0x80;
constexpr u8 kInfinityFlag = 0x40;
constexpr u8 kSortFlag = 0x20;
constexpr u8 kFlagMask = 0xe0;
constexpr size_t kFpBytes = 48;

EncodingFailure error(EncodingError code, const char* group, const std::string& what) {
  return EncodingFailure(code, std::string("bls12_381 ") + group + " point: " + what);
}

void put(u8* out, const Fp& f) {
  auto b = f.to_bytes_be();
  std::copy(b.begin(), b.end(), out);
}
void put(u8* out, const Fp2& f) {  // c1 || c0
  put(out, f.c1);
  put(out + kFpBytes, f.c0);
}

// The coordinates of an encoding after the flag bits are cleared; `in` has the size of
// one (Fp) or two (Fp2) field elements.
EncodingResult<Fp> read_coordinate(const u8* in, Fp* /*tag*/) {
  return Fp::from_bytes_be(ByteView(in, kFpBytes));
}
EncodingResult<Fp2> read_coordinate(const u8* in, Fp2* /*tag*/) {
  auto c1 = Fp::from_bytes_be(ByteView(in, kFpBytes));
  if (!c1) return c1.take_error();
  auto c0 = Fp::from_bytes_be(ByteView(in + kFpBytes, kFpBytes));
  if (!c0) return c0.take_error();
  return Fp2(*c0, *c1);
}

template <typename Curve>
struct GroupInfo;
template <>
struct GroupInfo<G1Curve> {
  static constexpr const char* kName = "G1";
  static bool in_subgroup(const G1Affine& p) { return g1_in_subgroup(G1::from_affine(p)); }
};
template <>
struct GroupInfo<G2Curve> {
  static constexpr const char* kName = "G2";
  static bool in_subgroup(const G2Affine& p) { return g2_in_subgroup(G2::from_affine(p)); }
};

template <typename Curve, size_t kCoordBytes>
std::array<u8, kCoordBytes> encode_compressed(const Affine<Curve>& p) {
  std::array<u8, kCoordBytes> out{};
  if (p.infinity) {
    out[0] = kCompressionFlag | kInfinityFlag;
    return out;
  }
  put(out.data(), p.x);
  out[0] |= kCompressionFlag;
  if (lexicographically_largest(p.y)) out[0] |= kSortFlag;
  return out;
}

template <typename Curve, size_t kCoordBytes>
std::array<u8, 2 * kCoordBytes> encode_uncompressed(const Affine<Curve>& p) {
  std::array<u8, 2 * kCoordBytes> out{};
  if (p.infinity) {
    out[0] = kInfinityFlag;
    return out;
  }
  put(out.data(), p.x);
  put(out.data() + kCoordBytes, p.y);
  return out;
}

// Checks length, flags and the infinity encoding shared by both forms. Returns the flag
// byte, and sets *infinity.
template <typename Curve>
EncodingResult<u8> check_flags(ByteView bytes, size_t size, bool compressed, bool* infinity) {
  const char* name = GroupInfo<Curve>::kName;
  if (bytes.size() != size) {
    return error(EncodingError::kBadLength, name,
                 (compressed ? "compressed encoding must be " : "uncompressed encoding must be ") +
                     std::to_string(size) + " bytes, got " + std::to_string(bytes.size()));
  }
  u8 flags = bytes[0] & kFlagMask;
  if (((flags & kCompressionFlag) != 0) != compressed) {
    return error(EncodingError::kBadFlags, name,
                 compressed ? "compression flag (0x80) is clear in a compressed encoding"
                            : "compression flag (0x80) is set in an uncompressed encoding");
  }
  *infinity = (flags & kInfinityFlag) != 0;
  if (*infinity) {
    bool rest_zero = (bytes[0] & ~(kCompressionFlag | kInfinityFlag)) == 0 &&
                     std::all_of(bytes.begin() + 1, bytes.end(), [](u8 b) { return b == 0; });
    if (!rest_zero) {
      return error(EncodingError::kBadInfinity, name,
                   "infinity flag set with a non-zero sort flag or coordinate bit");
    }
    return flags;
  }
  if (!compressed && (flags & kSortFlag)) {
    return error(EncodingError::kBadFlags, name, "sort flag (0x20) set in an uncompressed encoding");
  }
  return flags;
}

template <typename Curve>
EncodingResult<Affine<Curve>> finish(const Affine<Curve>& p) {
  if (!GroupInfo<Curve>::in_subgroup(p)) {
    return error(EncodingError::kNotInSubgroup, GroupInfo<Curve>::kName,
                 "point is on the curve but not in the prime-order subgroup");
  }
  return p;
}

template <typename Curve, size_t kCoordBytes>
EncodingResult<Affine<Curve>> decode_compressed(ByteView bytes) {
  using F = typename Curve::F;
  const char* name = GroupInfo<Curve>::kName;
  bool infinity = false;
  DUSK_ASSIGN(u8 flags, check_flags<Curve>(bytes, kCoordBytes, true, &infinity));
  if (infinity) return Affine<Curve>::identity();
  std::array<u8, kCoordBytes> buf{};
  std::copy(bytes.begin(), bytes.end(), buf.begin());
  buf[0] &= static_cast<u8>(~kFlagMask);
  auto x = read_coordinate(buf.data(), static_cast<F*>(nullptr));
  if (!x) return error(EncodingError::kNotCanonical, name, "x coordinate is not below p");
  auto y = (x->square() * *x + Curve::b()).sqrt();
  if (!y) return error(EncodingError::kNotOnCurve, name, "x^3 + b has no square root");
  bool want_largest = (flags & kSortFlag) != 0;
  F yy = lexicographically_largest(*y) == want_largest ? *y : -*y;
  return finish(Affine<Curve>{*x, yy, false});
}

template <typename Curve, size_t kCoordBytes>
EncodingResult<Affine<Curve>> decode_uncompressed(ByteView bytes) {
  using F = typename Curve::F;
  const char* name = GroupInfo<Curve>::kName;
  bool infinity = false;
  DUSK_ASSIGN(u8 flags, check_flags<Curve>(bytes, 2 * kCoordBytes, false, &infinity));
  (void)flags;
  if (infinity) return Affine<Curve>::identity();
  std::array<u8, 2 * kCoordBytes> buf{};
  std::copy(bytes.begin(), bytes.end(), buf.begin());
  buf[0] &= static_cast<u8>(~kFlagMask);
  auto x = read_coordinate(buf.data(), static_cast<F*>(nullptr));
  if (!x) return error(EncodingError::kNotCanonical, name, "x coordinate is not below p");
  auto y = read_coordinate(buf.data() + kCoordBytes, static_cast<F*>(nullptr));
  if (!y) return error(EncodingError::kNotCanonical, name, "y coordinate is not below p");
  Affine<Curve> p{*x, *y, false};
  if (!p.is_on_curve()) return error(EncodingError::kNotOnCurve, name, "(x, y) is not on the curve");
  return finish(p);
}

}  // namespace

bool lexicographically_largest(const Fp& y) {
  // y > -y as integers in [0, p), i.e. y > (p - 1) / 2.
  return ff::less_than((-y).to_canonical(), y.to_canonical()) != 0;
}

bool lexicographically_largest(const Fp2& y) {
  return y.c1.is_zero() ? lexicographically_largest(y.c0) : lexicographically_largest(y.c1);
}

std::array<u8, kG1CompressedSize> g1_to_compressed(const G1Affine& p) {
  return encode_compressed<G1Curve, kG1CompressedSize>(p);
}
std::array<u8, kG1UncompressedSize> g1_to_uncompressed(const G1Affine& p) {
  return encode_uncompressed<G1Curve, kG1CompressedSize>(p);
}
std::array<u8, kG2CompressedSize> g2_to_compressed(const G2Affine& p) {
  return encode_compressed<G2Curve, kG2CompressedSize>(p);
}
std::array<u8, kG2UncompressedSize> g2_to_uncompressed(const G2Affine& p) {
  return encode_uncompressed<G2Curve, kG2CompressedSize>(p);
}

EncodingResult<G1Affine> g1_from_compressed(ByteView bytes) {
  return decode_compressed<G1Curve, kG1CompressedSize>(bytes);
}
EncodingResult<G1Affine> g1_from_uncompressed(ByteView bytes) {
  return decode_uncompressed<G1Curve, kG1CompressedSize>(bytes);
}
EncodingResult<G2Affine> g2_from_compressed(ByteView bytes) {
  return decode_compressed<G2Curve, kG2CompressedSize>(bytes);
}
EncodingResult<G2Affine> g2_from_uncompressed(ByteView bytes) {
  return decode_uncompressed<G2Curve, kG2CompressedSize>(bytes);
}

}  // namespace dusk::crypto::bls12_381
