// RFC 9380 for BLS12-381. See hash_to_curve.hpp.
#include "crypto/bls12_381/hash_to_curve.hpp"

#include <array>
#include <cstring>
#include <string_view>

#include "crypto/hash/sha256.hpp"

namespace dusk::crypto::bls12_381 {

namespace {

constexpr size_t kB = Sha256::kDigestSize;   // b_in_bytes
constexpr size_t kS = Sha256::kBlockSize;    // s_in_bytes

constexpr Fp fp(std::string_view hex) { return *Fp::from_canonical(ff::from_hex<6>(hex)); }
constexpr Fp2 fp2(std::string_view c0, std::string_view c1) { return Fp2(fp(c0), fp(c1)); }

// --- G1: RFC 9380, section 8.8.1 (E1', Z) and appendix E.2 (the 11-isogeny). ---
// E1': y^2 = x^3 + A' x + B'.
constexpr Fp kG1A = fp(
    "00144698a3b8e9433d693a02c96d4982b0ea985383ee66a8d8e8981aefd881ac98936f8da0e0f97f5cf428082d584c1d");
constexpr Fp kG1B = fp(
    "12e2908d11688030018b12e8753eee3b2016c1f0f24f4070a0b9c14fcef35ef55a23215a316ceaa5d1cc48e98e172be0");
constexpr Fp kG1Z = Fp::from_u64(11);

// The 11-isogeny E1' -> E1: x = x_num / x_den, y = y' y_num / y_den (appendix E.2,
// k_(1,i), k_(2,i), k_(3,i), k_(4,i)); the denominators are monic.
// xnum: coefficients of x'^0 .. x'^11.
constexpr std::array<Fp, 12> kG1IsoXnum = {
    fp("11a05f2b1e833340b809101dd99815856b303e88a2d7005ff2627b56cdb4e2c85610c2d5f2e62d6eaeac1662734649b7"),
    fp("17294ed3e943ab2f0588bab22147a81c7c17e75b2f6a8417f565e33c70d1e86b4838f2a6f318c356e834eef1b3cb83bb"),
    fp("0d54005db97678ec1d1048c5d10a9a1bce032473295983e56878e501ec68e25c958c3e3d2a09729fe0179f9dac9edcb0"),
    fp("1778e7166fcc6db74e0609d307e55412d7f5e4656a8dbf25f1b33289f1b330835336e25ce3107193c5b388641d9b6861"),
    fp("0e99726a3199f4436642b4b3e4118e5499db995a1257fb3f086eeb65982fac18985a286f301e77c451154ce9ac8895d9"),
    fp("1630c3250d7313ff01d1201bf7a74ab5db3cb17dd952799b9ed3ab9097e68f90a0870d2dcae73d19cd13c1c66f652983"),
    fp("0d6ed6553fe44d296a3726c38ae652bfb11586264f0f8ce19008e218f9c86b2a8da25128c1052ecaddd7f225a139ed84"),
    fp("17b81e7701abdbe2e8743884d1117e53356de5ab275b4db1a682c62ef0f2753339b7c8f8c8f475af9ccb5618e3f0c88e"),
    fp("080d3cf1f9a78fc47b90b33563be990dc43b756ce79f5574a2c596c928c5d1de4fa295f296b74e956d71986a8497e317"),
    fp("169b1f8e1bcfa7c42e0c37515d138f22dd2ecb803a0c5c99676314baf4bb1b7fa3190b2edc0327797f241067be390c9e"),
    fp("10321da079ce07e272d8ec09d2565b0dfa7dccdde6787f96d50af36003b14866f69b771f8c285decca67df3f1605fb7b"),
    fp("06e08c248e260e70bd1e962381edee3d31d79d7e22c837bc23c0bf1bc24c6b68c24b1b80b64d391fa9c8ba2e8ba2d229"),
};
// xden: coefficients of x'^0 .. x'^10.
constexpr std::array<Fp, 11> kG1IsoXden = {
    fp("08ca8d548cff19ae18b2e62f4bd3fa6f01d5ef4ba35b48ba9c9588617fc8ac62b558d681be343df8993cf9fa40d21b1c"),
    fp("12561a5deb559c4348b4711298e536367041e8ca0cf0800c0126c2588c48bf5713daa8846cb026e9e5c8276ec82b3bff"),
    fp("0b2962fe57a3225e8137e629bff2991f6f89416f5a718cd1fca64e00b11aceacd6a3d0967c94fedcfcc239ba5cb83e19"),
    fp("03425581a58ae2fec83aafef7c40eb545b08243f16b1655154cca8abc28d6fd04976d5243eecf5c4130de8938dc62cd8"),
    fp("13a8e162022914a80a6f1d5f43e7a07dffdfc759a12062bb8d6b44e833b306da9bd29ba81f35781d539d395b3532a21e"),
    fp("0e7355f8e4e667b955390f7f0506c6e9395735e9ce9cad4d0a43bcef24b8982f7400d24bc4228f11c02df9a29f6304a5"),
    fp("0772caacf16936190f3e0c63e0596721570f5799af53a1894e2e073062aede9cea73b3538f0de06cec2574496ee84a3a"),
    fp("14a7ac2a9d64a8b230b3f5b074cf01996e7f63c21bca68a81996e1cdf9822c580fa5b9489d11e2d311f7d99bbdcc5a5e"),
    fp("0a10ecf6ada54f825e920b3dafc7a3cce07f8d1d7161366b74100da67f39883503826692abba43704776ec3a79a1d641"),
    fp("095fc13ab9e92ad4476d6e3eb3a56680f682b4ee96f7d03776df533978f31c1593174e4b4b7865002d6384d168ecdd0a"),
    fp("000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001"),
};
// ynum: coefficients of x'^0 .. x'^15.
constexpr std::array<Fp, 16> kG1IsoYnum = {
    fp("090d97c81ba24ee0259d1f094980dcfa11ad138e48a869522b52af6c956543d3cd0c7aee9b3ba3c2be9845719707bb33"),
    fp("134996a104ee5811d51036d776fb46831223e96c254f383d0f906343eb67ad34d6c56711962fa8bfe097e75a2e41c696"),
    fp("00cc786baa966e66f4a384c86a3b49942552e2d658a31ce2c344be4b91400da7d26d521628b00523b8dfe240c72de1f6"),
    fp("01f86376e8981c217898751ad8746757d42aa7b90eeb791c09e4a3ec03251cf9de405aba9ec61deca6355c77b0e5f4cb"),
    fp("08cc03fdefe0ff135caf4fe2a21529c4195536fbe3ce50b879833fd221351adc2ee7f8dc099040a841b6daecf2e8fedb"),
    fp("16603fca40634b6a2211e11db8f0a6a074a7d0d4afadb7bd76505c3d3ad5544e203f6326c95a807299b23ab13633a5f0"),
    fp("04ab0b9bcfac1bbcb2c977d027796b3ce75bb8ca2be184cb5231413c4d634f3747a87ac2460f415ec961f8855fe9d6f2"),
    fp("0987c8d5333ab86fde9926bd2ca6c674170a05bfe3bdd81ffd038da6c26c842642f64550fedfe935a15e4ca31870fb29"),
    fp("09fc4018bd96684be88c9e221e4da1bb8f3abd16679dc26c1e8b6e6a1f20cabe69d65201c78607a360370e577bdba587"),
    fp("0e1bba7a1186bdb5223abde7ada14a23c42a0ca7915af6fe06985e7ed1e4d43b9b3f7055dd4eba6f2bafaaebca731c30"),
    fp("19713e47937cd1be0dfd0b8f1d43fb93cd2fcbcb6caf493fd1183e416389e61031bf3a5cce3fbafce813711ad011c132"),
    fp("18b46a908f36f6deb918c143fed2edcc523559b8aaf0c2462e6bfe7f911f643249d9cdf41b44d606ce07c8a4d0074d8e"),
    fp("0b182cac101b9399d155096004f53f447aa7b12a3426b08ec02710e807b4633f06c851c1919211f20d4c04f00b971ef8"),
    fp("0245a394ad1eca9b72fc00ae7be315dc757b3b080d4c158013e6632d3c40659cc6cf90ad1c232a6442d9d3f5db980133"),
    fp("05c129645e44cf1102a159f748c4a3fc5e673d81d7e86568d9ab0f5d396a7ce46ba1049b6579afb7866b1e715475224b"),
    fp("15e6be4e990f03ce4ea50b3b42df2eb5cb181d8f84965a3957add4fa95af01b2b665027efec01c7704b456be69c8b604"),
};
// yden: coefficients of x'^0 .. x'^15.
constexpr std::array<Fp, 16> kG1IsoYden = {
    fp("16112c4c3a9c98b252181140fad0eae9601a6de578980be6eec3232b5be72e7a07f3688ef60c206d01479253b03663c1"),
    fp("1962d75c2381201e1a0cbd6c43c348b885c84ff731c4d59ca4a10356f453e01f78a4260763529e3532f6102c2e49a03d"),
    fp("058df3306640da276faaae7d6e8eb15778c4855551ae7f310c35a5dd279cd2eca6757cd636f96f891e2538b53dbf67f2"),
    fp("16b7d288798e5395f20d23bf89edb4d1d115c5dbddbcd30e123da489e726af41727364f2c28297ada8d26d98445f5416"),
    fp("0be0e079545f43e4b00cc912f8228ddcc6d19c9f0f69bbb0542eda0fc9dec916a20b15dc0fd2ededda39142311a5001d"),
    fp("08d9e5297186db2d9fb266eaac783182b70152c65550d881c5ecd87b6f0f5a6449f38db9dfa9cce202c6477faaf9b7ac"),
    fp("166007c08a99db2fc3ba8734ace9824b5eecfdfa8d0cf8ef5dd365bc400a0051d5fa9c01a58b1fb93d1a1399126a775c"),
    fp("16a3ef08be3ea7ea03bcddfabba6ff6ee5a4375efa1f4fd7feb34fd206357132b920f5b00801dee460ee415a15812ed9"),
    fp("1866c8ed336c61231a1be54fd1d74cc4f9fb0ce4c6af5920abc5750c4bf39b4852cfe2f7bb9248836b233d9d55535d4a"),
    fp("167a55cda70a6e1cea820597d94a84903216f763e13d87bb5308592e7ea7d4fbc7385ea3d529b35e346ef48bb8913f55"),
    fp("04d2f259eea405bd48f010a01ad2911d9c6dd039bb61a6290e591b36e636a5c871a5c29f4f83060400f8b49cba8f6aa8"),
    fp("0accbb67481d033ff5852c1e48c50c477f94ff8aefce42d28c0f9a88cea7913516f968986f7ebbea9684b529e2561092"),
    fp("0ad6b9514c767fe3c3613144b45f1496543346d98adf02267d5ceef9a00d9b8693000763e3b90ac11e99b138573345cc"),
    fp("02660400eb2e4f3b628bdd0d53cd76f2bf565b94e72927c1cb748df27942480e420517bd8714cc80d1fadc1326ed06f7"),
    fp("0e0fa1d816ddc03e6b24255e0d7819c171c40f65e273b853324efcd6356caa205ca2f570f13497804415473a1d634b8f"),
    fp("000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001"),
};

// --- G2: RFC 9380, section 8.8.2 (E2', Z) and appendix E.3 (the 3-isogeny). ---
constexpr Fp2 kG2A = Fp2(Fp::zero(), Fp::from_u64(240));                   // 240 u
constexpr Fp2 kG2B = Fp2(Fp::from_u64(1012), Fp::from_u64(1012));          // 1012 (1 + u)
constexpr Fp2 kG2Z = Fp2(-Fp::from_u64(2), -Fp::one());                     // -(2 + u)

constexpr std::array<Fp2, 4> kG2IsoXnum = {
    fp2("05c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6",
        "05c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
    fp2("0",
        "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
    fp2("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e",
        "08ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
    fp2("171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1",
        "0"),
};
constexpr std::array<Fp2, 3> kG2IsoXden = {
    fp2("0",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
    fp2("c",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
    fp2("1", "0"),
};
constexpr std::array<Fp2, 4> kG2IsoYnum = {
    fp2("1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706",
        "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
    fp2("0",
        "05c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
    fp2("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c",
        "08ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
    fp2("124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10",
        "0"),
};
constexpr std::array<Fp2, 4> kG2IsoYden = {
    fp2("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
    fp2("0",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
    fp2("12",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
    fp2("1", "0"),
};

// sgn0 (RFC 9380, section 4.1): parity for Fp; for Fp2 the parity of c0, or of c1
// when c0 is zero.
bool sgn0(const Fp& a) { return a.is_odd(); }
bool sgn0(const Fp2& a) { return a.c0.is_odd() | (a.c0.is_zero() & a.c1.is_odd()); }

// SSWU needs a root of gx1 when it is a square and of Z gx1 otherwise (then gx2 =
// (Z u^2)^3 gx1 is a square with root Z u^3 sqrt(Z gx1)). One exponentiation decides and
// yields the root (RFC 9380, appendix F.2.1.2, "sqrt_ratio" for p = 3 mod 4): with
// w = a^((p-3)/4) and y = a w, y^2 = a for a square a and y^2 = -a otherwise; then
// sqrt(Z a) = sqrt(-Z) y, -Z being a square because Z and -1 are not.
template <typename F>
F sswu_root(const F& gx1, const F& z, bool& gx1_square);

template <>
Fp sswu_root(const Fp& gx1, const Fp& z, bool& gx1_square) {
  static const Fp kSqrtMinusZ = *(-z).sqrt();
  const Fp y = gx1 * gx1.pow(Fp::Constants::kPMinus3Over4);
  gx1_square = y.square() == gx1;
  return Fp::select(gx1_square, kSqrtMinusZ * y, y);
}

// In Fp2 the test is on the norm (a is a square iff N(a) is), and the same trick gives
// the norm's root for both candidates: N(Z gx1) = N(Z) N(gx1), and N(Z) = 5 is not a
// square (Z is not), so sqrt(N(Z) n) = sqrt(-N(Z)) sqrt(-n). Then one more exponentiation
// (Fp2::sqrt_given_norm_root) finishes the root: two instead of the four of a square test
// followed by a square root.
template <>
Fp2 sswu_root(const Fp2& gx1, const Fp2& z, bool& gx1_square) {
  static const Fp kSqrtMinusNormZ = *(-z.norm()).sqrt();
  const Fp n = gx1.norm();
  const Fp s = n * n.pow(Fp::Constants::kPMinus3Over4);
  gx1_square = s.square() == n;
  const Fp2 a = Fp2::select(gx1_square, z * gx1, gx1);
  const Fp norm_root = Fp::select(gx1_square, kSqrtMinusNormZ * s, s);
  // a is a square by the choice of Z (RFC 9380, section 6.6.2), so the root exists.
  return a.sqrt_given_norm_root(norm_root).value_or(Fp2::zero());
}

// Simplified SWU for A B != 0 (RFC 9380, section 6.6.2), straight-line: one inversion and
// the root above; the branches of the RFC are selects.
template <typename F>
void map_to_curve_sswu(const F& u, const F& a, const F& b, const F& z, F& x_out, F& y_out) {
  // -B/A and B/(Z A): constants of the curve, computed once.
  static const F kMinusBOverA = -(b * a.inverse());
  static const F kBOverZA = b * (z * a).inverse();
  const F u2 = u.square();
  const F zu2 = z * u2;
  const F tv1 = zu2.square() + zu2;  // Z^2 u^4 + Z u^2
  F x1 = kMinusBOverA * (F::one() + tv1.inverse());
  x1 = F::select(tv1.is_zero(), x1, kBOverZA);  // exceptional u: x1 = B / (Z A)
  const F gx1 = (x1.square() + a) * x1 + b;
  bool gx1_square = false;
  const F root = sswu_root(gx1, z, gx1_square);
  // x2 = Z u^2 x1, sqrt(gx2) = Z u^3 sqrt(Z gx1).
  const F x = F::select(gx1_square, zu2 * x1, x1);
  const F y = F::select(gx1_square, zu2 * u * root, root);
  x_out = x;
  y_out = F::select(sgn0(u) != sgn0(y), y, -y);
}

template <typename F, size_t N>
F horner(const std::array<F, N>& k, const F& x) {
  F acc = k[N - 1];
  for (size_t i = N - 1; i-- > 0;) acc = acc * x + k[i];
  return acc;
}

// The isogeny in projective form, without an inversion: (x_num y_den : y' y_num x_den :
// x_den y_den); a pole (x_den y_den = 0) gives the identity (0 : 1 : 0).
template <typename P, typename F, size_t A, size_t B, size_t C, size_t D>
P iso_map(const F& x, const F& y, const std::array<F, A>& xnum, const std::array<F, B>& xden,
          const std::array<F, C>& ynum, const std::array<F, D>& yden) {
  const F xn = horner(xnum, x), xd = horner(xden, x);
  const F yn = horner(ynum, x), yd = horner(yden, x);
  P r;
  r.z = xd * yd;
  const bool pole = r.z.is_zero();
  r.x = F::select(pole, xn * yd, F::zero());
  r.y = F::select(pole, y * yn * xd, F::one());
  return r;
}

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

G1 map_to_g1(const Fp& u) {
  Fp x, y;
  map_to_curve_sswu(u, kG1A, kG1B, kG1Z, x, y);
  return iso_map<G1>(x, y, kG1IsoXnum, kG1IsoXden, kG1IsoYnum, kG1IsoYden);
}

G2 map_to_g2(const Fp2& u) {
  Fp2 x, y;
  map_to_curve_sswu(u, kG2A, kG2B, kG2Z, x, y);
  return iso_map<G2>(x, y, kG2IsoXnum, kG2IsoXden, kG2IsoYnum, kG2IsoYden);
}

// hash_to_field cannot fail for one or two elements (at most 256 bytes requested).
G1 hash_to_g1(ByteView msg, ByteView dst) {
  std::array<Fp, 2> u;
  (void)hash_to_field(u, msg, dst);
  return g1_clear_cofactor(map_to_g1(u[0]) + map_to_g1(u[1]));
}

G2 hash_to_g2(ByteView msg, ByteView dst) {
  std::array<Fp2, 2> u;
  (void)hash_to_field(u, msg, dst);
  return g2_clear_cofactor(map_to_g2(u[0]) + map_to_g2(u[1]));
}

G1 encode_to_g1(ByteView msg, ByteView dst) {
  std::array<Fp, 1> u;
  (void)hash_to_field(u, msg, dst);
  return g1_clear_cofactor(map_to_g1(u[0]));
}

G2 encode_to_g2(ByteView msg, ByteView dst) {
  std::array<Fp2, 1> u;
  (void)hash_to_field(u, msg, dst);
  return g2_clear_cofactor(map_to_g2(u[0]));
}

}  // namespace dusk::crypto::bls12_381
