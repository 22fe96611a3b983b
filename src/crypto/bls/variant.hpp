// The two BLS signature variants over BLS12-381, as traits for Scheme<Variant>
// (scheme.hpp). They differ only in which group holds keys and which holds signatures:
//
//   MinSig  public keys in G2 (96 bytes), signatures and message hashes in G1 (48 bytes).
//           Short signatures: what DuskDS consensus uses, where every vote carries one.
//   MinPk   public keys in G1 (48 bytes), signatures and message hashes in G2 (96 bytes).
//           Ethereum's consensus layer: the ciphersuite
//           BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_ of draft-irtf-cfrg-bls-signature-05.
//
// Messages are hashed with RFC 9380 hash_to_curve (the _RO_ suite of the signature
// group) under the draft's proof-of-possession ciphersuite tags; proofs of possession
// use the matching BLS_POP_ tag (draft, section 4.2.3). Encodings are the compressed
// ZCash forms of serialization.hpp, decoded strictly.
//
// Each trait also fixes the argument order of the pairing: pair(a, b) takes a point of the
// key group and one of the signature group and returns the (G1, G2) pair that
// multi_pairing expects.
#pragma once

#include <array>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"
#include "crypto/bls12_381/hash_to_curve.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "crypto/bls12_381/serialization.hpp"

namespace dusk::crypto::bls {

struct MinSig {
  static constexpr std::string_view kName = "min-sig";
  using KeyPoint = bls12_381::G2;
  using SigPoint = bls12_381::G1;
  static constexpr size_t kPublicKeySize = bls12_381::kG2CompressedSize;
  static constexpr size_t kSignatureSize = bls12_381::kG1CompressedSize;
  static constexpr std::string_view kSignatureDst = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_";
  static constexpr std::string_view kPopDst = "BLS_POP_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_";

  static SigPoint hash_to_sig_group(ByteView msg, ByteView dst) {
    return bls12_381::hash_to_g1(msg, dst);
  }
  // [k]P for a public scalar and P in the key group, by the GLS endomorphism.
  static KeyPoint mul_key_vartime(const KeyPoint& p, const bls12_381::Fr& k) {
    return bls12_381::g2_mul_gls(p, k);
  }
  // [k]P for a secret scalar (constant time, with the endomorphisms), P in its subgroup.
  static KeyPoint mul_key_secret(const KeyPoint& p, const bls12_381::Fr& k) {
    return bls12_381::g2_mul_gls_ct(p, k);
  }
  static SigPoint mul_sig_secret(const SigPoint& p, const bls12_381::Fr& k) {
    return bls12_381::g1_mul_glv_ct(p, k);
  }
  static auto encode_key(const KeyPoint::AffinePoint& p) { return bls12_381::g2_to_compressed(p); }
  static auto encode_sig(const SigPoint::AffinePoint& p) { return bls12_381::g1_to_compressed(p); }
  static EncodingResult<KeyPoint::AffinePoint> decode_key(ByteView b) {
    return bls12_381::g2_from_compressed(b);
  }
  static EncodingResult<SigPoint::AffinePoint> decode_sig(ByteView b) {
    return bls12_381::g1_from_compressed(b);
  }
  static bls12_381::PairingInput pair(const KeyPoint::AffinePoint& k,
                                      const SigPoint::AffinePoint& s) {
    return {s, k};
  }
};

struct MinPk {
  static constexpr std::string_view kName = "min-pk";
  using KeyPoint = bls12_381::G1;
  using SigPoint = bls12_381::G2;
  static constexpr size_t kPublicKeySize = bls12_381::kG1CompressedSize;
  static constexpr size_t kSignatureSize = bls12_381::kG2CompressedSize;
  static constexpr std::string_view kSignatureDst = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
  static constexpr std::string_view kPopDst = "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

  static SigPoint hash_to_sig_group(ByteView msg, ByteView dst) {
    return bls12_381::hash_to_g2(msg, dst);
  }
  // [k]P for a public scalar and P in the key group, by the GLV endomorphism.
  static KeyPoint mul_key_vartime(const KeyPoint& p, const bls12_381::Fr& k) {
    return bls12_381::g1_mul_glv(p, k);
  }
  // [k]P for a secret scalar (constant time, with the endomorphisms), P in its subgroup.
  static KeyPoint mul_key_secret(const KeyPoint& p, const bls12_381::Fr& k) {
    return bls12_381::g1_mul_glv_ct(p, k);
  }
  static SigPoint mul_sig_secret(const SigPoint& p, const bls12_381::Fr& k) {
    return bls12_381::g2_mul_gls_ct(p, k);
  }
  static auto encode_key(const KeyPoint::AffinePoint& p) { return bls12_381::g1_to_compressed(p); }
  static auto encode_sig(const SigPoint::AffinePoint& p) { return bls12_381::g2_to_compressed(p); }
  static EncodingResult<KeyPoint::AffinePoint> decode_key(ByteView b) {
    return bls12_381::g1_from_compressed(b);
  }
  static EncodingResult<SigPoint::AffinePoint> decode_sig(ByteView b) {
    return bls12_381::g2_from_compressed(b);
  }
  static bls12_381::PairingInput pair(const KeyPoint::AffinePoint& k,
                                      const SigPoint::AffinePoint& s) {
    return {k, s};
  }
};

}  // namespace dusk::crypto::bls
