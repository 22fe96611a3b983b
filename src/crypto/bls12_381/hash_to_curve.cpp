// RFC 9380 for BLS12-381. See hash_to_curve.hpp.
#include "crypto/bls12_381/hash_to_curve.hpp"

#include <array>
#include <cstring>

#include "crypto/hash/sha256.hpp"

namespace dusk::crypto::bls12_381 {

namespace {

constexpr size_t kB = Sha256::kDigestSize;   // b_in_bytes
constexpr size_t kS = Sha256::kBlockSize;    // s_in_bytes

}  // namespace

bool expand_message_xmd(std::span<u8> out, ByteView msg, ByteView dst) {
  const size_t len = out.size();
  const size_t ell = (len + kB - 1) / kB;
  if (len == 0 || len > 65535 || ell > 255) return false;

  // Section 5.3.3: oversize DSTs are hashed down to 32 bytes.
  std::array<u8, 32> short_dst{};
  if (dst.size() > 255) {
    Sha256 h;
    static constexpr char kPrefix[] = "H2C-OVERSIZE-DST-";
    h.update(as_bytes(std::string_view(kPrefix, sizeof(kPrefix) - 1)));
    h.update(dst);
    short_dst = h.final();
    dst = ByteView(short_dst);
  }
  const u8 dst_len = static_cast<u8>(dst.size());

  // b_0 = H(Z_pad || msg || I2OSP(len, 2) || I2OSP(0, 1) || DST_prime)
  Sha256 h;
  static constexpr std::array<u8, kS> kZPad{};
  h.update(kZPad);
  h.update(msg);
  const std::array<u8, 3> tail{static_cast<u8>(len >> 8), static_cast<u8>(len), 0};
  h.update(tail);
  h.update(dst);
  h.update(ByteView(&dst_len, 1));
  const auto b0 = h.final();

  // b_1 = H(b_0 || 1 || DST_prime); b_i = H((b_0 xor b_(i-1)) || i || DST_prime).
  std::array<u8, kB> bi{};
  for (size_t i = 1; i <= ell; ++i) {
    std::array<u8, kB> in{};
    for (size_t j = 0; j < kB; ++j) in[j] = b0[j] ^ bi[j];  // bi = 0 for i = 1
    const u8 idx = static_cast<u8>(i);
    h.init();
    h.update(in);
    h.update(ByteView(&idx, 1));
    h.update(dst);
    h.update(ByteView(&dst_len, 1));
    bi = h.final();
    const size_t off = (i - 1) * kB;
    std::memcpy(out.data() + off, bi.data(), std::min(kB, len - off));
  }
  return true;
}

bool hash_to_field(std::span<Fp> out, ByteView msg, ByteView dst) {
  std::array<u8, 2 * kHashToFieldL> buf{};
  if (out.empty() || out.size() > 2) return false;
  if (!expand_message_xmd(std::span<u8>(buf.data(), out.size() * kHashToFieldL), msg, dst))
    return false;
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = Fp::from_uniform_bytes(std::span<const u8, 64>(buf.data() + i * kHashToFieldL, 64));
  return true;
}

bool hash_to_field(std::span<Fp2> out, ByteView msg, ByteView dst) {
  std::array<u8, 4 * kHashToFieldL> buf{};
  if (out.empty() || out.size() > 2) return false;
  if (!expand_message_xmd(std::span<u8>(buf.data(), out.size() * 2 * kHashToFieldL), msg, dst))
    return false;
  for (size_t i = 0; i < out.size(); ++i) {
    const u8* p = buf.data() + 2 * i * kHashToFieldL;
    out[i] = Fp2(Fp::from_uniform_bytes(std::span<const u8, 64>(p, 64)),
                 Fp::from_uniform_bytes(std::span<const u8, 64>(p + kHashToFieldL, 64)));
  }
  return true;
}

}  // namespace dusk::crypto::bls12_381
