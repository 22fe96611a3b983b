// Host queries: cryptography a contract asks the host to compute natively, by name,
// through the host function hq(name_ptr, name_len, arg_len) -> i32 (host_functions.hpp).
// The argument is argbuf[0, arg_len); the result is written to argbuf and hq returns its
// length. A query whose input is malformed returns kQueryBadInput and writes nothing: it
// never traps the contract or fails the host. An unknown name returns kNoSuchQuery.
//
// Each query is priced from its measured time, at kGasPerMicrosecond (bench/vm_queries
// measures them; docs/PERFORMANCE.md has the table), before it runs. Unlike Dusk's,
// our queries are never free.
//
//   blake2b_256, sha256, keccak256        data -> 32-byte digest
//   secp256k1_recover                     hash(32) r(32) s(32) v(1: 0 or 1) -> the
//                                         64-byte public key (x || y), or 0 bytes when
//                                         no key recovers
//   bls_verify_minsig, bls_verify_minpk   public key || signature || message -> 1 byte
//                                         (1 valid, 0 invalid); min-sig: 96-byte G2 key,
//                                         48-byte G1 signature; min-pk: 48 and 96
//   bls_multisig_verify_minsig/_minpk     u32 n || n keys || signature || message -> 1
//                                         byte: n signers of one message, keys weighted
//                                         (crypto/bls/scheme.hpp, as Dusk's multisig):
//                                         safe without proofs of possession
//   kzg_verify_proof                      commitment(48) z(32) y(32) proof(48) -> 1 byte
//   groth16_verify_bn254/_bls12_381       u32 key length || key || u32 proof length ||
//                                         proof || public inputs, in Groth16's binary
//                                         form (crypto/groth16/binary_form.hpp) -> 1 byte
//   plonk_verify_bn254                    u32 length || snarkjs verification key JSON ||
//                                         u32 length || proof JSON || public inputs JSON
//                                         -> 1 byte
//   plonk_verify_bls12_381                u32 length || our PLONK's verifier key
//                                         (crypto/plonk/verifier_key.hpp) || proof (816
//                                         bytes, proof.hpp) || public inputs (32 bytes
//                                         each, little endian) -> 1 byte
//   poseidon_hash                         n BLS12-381 scalars (32 bytes each, little
//                                         endian, canonical; 1 <= n <= 1024) -> their
//                                         Poseidon hash under Domain::kOther (32 bytes),
//                                         as crypto/poseidon/hash.hpp computes it
//   poseidon_merkle4                      4 scalars -> the Merkle4 node (32 bytes)
//   schnorr_verify                        public key(32) || signature(64) || message
//                                         scalar(32) -> 1 byte (crypto/schnorr)
//   schnorr_verify_double                 double key(64) || double signature(96) ||
//                                         message(32) -> 1 byte
#pragma once

#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"

namespace dusk::vm {

inline constexpr u64 kGasPerMicrosecond = 1000;  // about the engine's honest rate (1 ns a gas)

inline constexpr int kNoSuchQuery = -7;
inline constexpr int kQueryBadInput = -8;

struct HostQuery {
  const char* name;
  u64 (*price)(ByteView input);          // gas, charged before running
  Result<Bytes> (*run)(ByteView input);  // the result, or why the input is malformed
};

// The query of that name, or null.
const HostQuery* find_query(std::string_view name);

}  // namespace dusk::vm
