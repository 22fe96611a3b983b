// 0x100 P256VERIFY (EIP-7951, after RIP-7212): ECDSA verification over secp256r1.
// Input: h || r || s || qx || qy, 32 bytes each (160 in all). Output: 32 bytes with the
// value 1 when the signature verifies, empty output otherwise (a wrong length, r or s
// outside [1, n), a public key off the curve or at infinity, or a failed check); the call
// itself always succeeds and costs 6900 gas. No low-s rule (the EIP does not have one).
//
// The curve arithmetic is OpenSSL's EC_GROUP/EC_POINT (Debian's libssl-dev), with the
// verification equation written out here: u1 = h / s, u2 = r / s (mod n),
// R = [u1]G + [u2]Q, valid iff R is finite and R.x mod n == r.
//
// The EIP activates it in Osaka; the forks dusk-evm selects today (Cancun, Prague) do
// not map 0x100, so it is reachable only directly (tests, and the fork that adds it).
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

#include <memory>

#include "duskevm/precompiles/registry.hpp"

namespace dusk::evm {
namespace {

constexpr size_t kInputSize = 160;

struct BnFree {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
struct CtxFree {
  void operator()(BN_CTX* c) const { BN_CTX_free(c); }
};
struct GroupFree {
  void operator()(EC_GROUP* g) const { EC_GROUP_free(g); }
};
struct PointFree {
  void operator()(EC_POINT* p) const { EC_POINT_free(p); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

Bn bn_from(const u8* be32) { return Bn(BN_bin2bn(be32, 32, nullptr)); }

bool verify(ByteView in) {
  std::unique_ptr<BN_CTX, CtxFree> ctx(BN_CTX_new());
  std::unique_ptr<EC_GROUP, GroupFree> group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
  if (!ctx || !group) return false;
  const BIGNUM* n = EC_GROUP_get0_order(group.get());
  Bn h = bn_from(in.data()), r = bn_from(in.data() + 32), s = bn_from(in.data() + 64);
  Bn qx = bn_from(in.data() + 96), qy = bn_from(in.data() + 128);
  if (!h || !r || !s || !qx || !qy) return false;
  // r, s in [1, n).
  if (BN_is_zero(r.get()) || BN_is_zero(s.get()) || BN_cmp(r.get(), n) >= 0 || BN_cmp(s.get(), n) >= 0)
    return false;
  // Q: coordinates below p (OpenSSL rejects others), on the curve; (0, 0) is not a key.
  std::unique_ptr<EC_POINT, PointFree> q(EC_POINT_new(group.get()));
  if (!q || EC_POINT_set_affine_coordinates(group.get(), q.get(), qx.get(), qy.get(), ctx.get()) != 1)
    return false;
  if (EC_POINT_is_on_curve(group.get(), q.get(), ctx.get()) != 1 || EC_POINT_is_at_infinity(group.get(), q.get()))
    return false;
  // u1 = h s^-1, u2 = r s^-1 mod n (h is taken as an integer, possibly >= n).
  Bn s_inv(BN_mod_inverse(nullptr, s.get(), n, ctx.get()));
  Bn u1(BN_new()), u2(BN_new());
  if (!s_inv || !u1 || !u2) return false;
  if (BN_mod_mul(u1.get(), h.get(), s_inv.get(), n, ctx.get()) != 1 ||
      BN_mod_mul(u2.get(), r.get(), s_inv.get(), n, ctx.get()) != 1)
    return false;
  std::unique_ptr<EC_POINT, PointFree> big_r(EC_POINT_new(group.get()));
  if (!big_r || EC_POINT_mul(group.get(), big_r.get(), u1.get(), q.get(), u2.get(), ctx.get()) != 1) return false;
  if (EC_POINT_is_at_infinity(group.get(), big_r.get())) return false;
  Bn rx(BN_new());
  if (!rx || EC_POINT_get_affine_coordinates(group.get(), big_r.get(), rx.get(), nullptr, ctx.get()) != 1)
    return false;
  if (BN_nnmod(rx.get(), rx.get(), n, ctx.get()) != 1) return false;
  return BN_cmp(rx.get(), r.get()) == 0;
}

u64 p256_gas(ByteView) { return 6900; }

PrecompileResult p256_run(ByteView in) {
  if (in.size() != kInputSize || !verify(in)) return Bytes{};
  Bytes out(32, 0);
  out[31] = 1;
  return out;
}

}  // namespace

const Precompile kP256Verify{"P256VERIFY", p256_gas, p256_run};

}  // namespace dusk::evm
