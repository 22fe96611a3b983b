#include "crypto/secp256k1.hpp"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>

#include "crypto/hash/keccak.hpp"

namespace dusk::crypto {

const std::array<u8, 32> kSecp256k1Order = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};

namespace {
const secp256k1_context* context() {
  // Created once and never modified: safe to share between threads.
  static secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY);
  return ctx;
}
std::array<u8, 64> serialize(const secp256k1_pubkey& pub) {
  u8 out[65];
  size_t len = sizeof out;
  secp256k1_ec_pubkey_serialize(context(), out, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
  std::array<u8, 64> key;
  std::copy(out + 1, out + 65, key.begin());
  return key;
}
bool is_zero(const std::array<u8, 32>& v) {
  return std::all_of(v.begin(), v.end(), [](u8 b) { return b == 0; });
}
}  // namespace

std::optional<std::array<u8, 64>> secp256k1_recover(const std::array<u8, 32>& hash, const std::array<u8, 32>& r,
                                                    const std::array<u8, 32>& s, int recid) {
  if (recid < 0 || recid > 1 || is_zero(r) || is_zero(s)) return std::nullopt;
  if (!(r < kSecp256k1Order) || !(s < kSecp256k1Order)) return std::nullopt;
  u8 compact[64];
  std::copy(r.begin(), r.end(), compact);
  std::copy(s.begin(), s.end(), compact + 32);
  secp256k1_ecdsa_recoverable_signature sig;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(context(), &sig, compact, recid)) return std::nullopt;
  secp256k1_pubkey pub;
  if (!secp256k1_ecdsa_recover(context(), &pub, &sig, hash.data())) return std::nullopt;
  return serialize(pub);
}

std::optional<std::array<u8, 64>> secp256k1_public_key(const std::array<u8, 32>& secret_key) {
  secp256k1_pubkey pub;
  if (!secp256k1_ec_pubkey_create(context(), &pub, secret_key.data())) return std::nullopt;
  return serialize(pub);
}

std::optional<Secp256k1Signature> secp256k1_sign(const std::array<u8, 32>& hash,
                                                 const std::array<u8, 32>& secret_key) {
  secp256k1_ecdsa_recoverable_signature sig;
  if (!secp256k1_ecdsa_sign_recoverable(context(), &sig, hash.data(), secret_key.data(), nullptr, nullptr))
    return std::nullopt;
  u8 compact[64];
  Secp256k1Signature out;
  secp256k1_ecdsa_recoverable_signature_serialize_compact(context(), compact, &out.recid, &sig);
  std::copy(compact, compact + 32, out.r.begin());
  std::copy(compact + 32, compact + 64, out.s.begin());
  return out;
}

bool secp256k1_verify(const std::array<u8, 32>& hash, const std::array<u8, 32>& r,
                      const std::array<u8, 32>& s, const std::array<u8, 64>& public_key) {
  u8 compact[64], uncompressed[65];
  std::copy(r.begin(), r.end(), compact);
  std::copy(s.begin(), s.end(), compact + 32);
  uncompressed[0] = 0x04;
  std::copy(public_key.begin(), public_key.end(), uncompressed + 1);
  secp256k1_ecdsa_signature sig;
  secp256k1_pubkey pub;
  if (!secp256k1_ecdsa_signature_parse_compact(context(), &sig, compact)) return false;  // r or s >= n
  if (!secp256k1_ec_pubkey_parse(context(), &pub, uncompressed, sizeof uncompressed)) return false;
  return secp256k1_ecdsa_verify(context(), &sig, hash.data(), &pub) == 1;
}

std::array<u8, 20> public_key_address(const std::array<u8, 64>& public_key) {
  const auto h = keccak256(public_key);
  std::array<u8, 20> a;
  std::copy(h.begin() + 12, h.end(), a.begin());
  return a;
}

}  // namespace dusk::crypto
