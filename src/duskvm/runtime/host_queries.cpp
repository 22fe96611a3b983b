#include "duskvm/runtime/host_queries.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "crypto/bls/scheme.hpp"
#include "crypto/groth16/binary_form.hpp"
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/verifier.hpp"
#include "crypto/hash/blake2b.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/hash/sha256.hpp"
#include "crypto/kzg/default_setup.hpp"
#include "crypto/kzg/kzg.hpp"
#include "crypto/plonk/snarkjs_json.hpp"
#include "crypto/plonk/snarkjs_verifier.hpp"
#include "crypto/plonk/verifier.hpp"
#include "crypto/poseidon/hash.hpp"
#include "crypto/schnorr/schnorr.hpp"
#include "crypto/secp256k1.hpp"

namespace dusk::vm {

namespace {

// Prices: about 1.25 times the median time bench/vm_queries measured (docs/PERFORMANCE.md,
// "DuskVM host queries"), in microseconds, converted to gas at kGasPerMicrosecond; a
// query then costs at most about 0.8 ns a gas, as honest contract code does.
constexpr u64 us(double micros) { return static_cast<u64>(micros * kGasPerMicrosecond); }
constexpr u64 kHashBase = us(0.4);
constexpr u64 kBlake2bPer128 = us(0.25), kSha256Per128 = us(0.55), kKeccakPer136 = us(0.55);
constexpr u64 kRecover = us(55);
constexpr u64 kBlsVerify = us(1850);
constexpr u64 kMultisig = us(2400), kMultisigMinSigPerKey = us(375), kMultisigMinPkPerKey = us(190);
constexpr u64 kKzgVerify = us(1900);
constexpr u64 kGroth16Bn254 = us(3700), kGroth16Bn254PerInput = us(15);
constexpr u64 kGroth16Bls = us(3600), kGroth16BlsPerInput = us(200);
constexpr u64 kPlonk = us(2100), kPlonkPerByte = us(0.05);  // JSON parsing
constexpr u64 kPlonkBls = us(5000), kPlonkBlsPerInput = us(15);
constexpr u64 kPoseidonBase = us(2), kPoseidonPerPermutation = us(33);
constexpr u64 kSchnorr = us(395), kSchnorrDouble = us(740);

Bytes one_byte(bool b) { return Bytes{static_cast<u8>(b ? 1 : 0)}; }
Error bad(const std::string& why) { return Error(why); }

template <size_t N>
Bytes digest(const std::array<u8, N>& d) {
  return Bytes(d.begin(), d.end());
}

template <u64 kBlock, u64 kPerBlock>
u64 hash_price(ByteView in) {
  return kHashBase + (in.size() / kBlock + 1) * kPerBlock;
}
Result<Bytes> blake2b_run(ByteView in) { return digest(crypto::blake2b<32>(in)); }
Result<Bytes> sha256_run(ByteView in) { return digest(crypto::sha256(in)); }
Result<Bytes> keccak_run(ByteView in) { return digest(crypto::keccak256(in)); }

u64 recover_price(ByteView) { return kRecover; }
Result<Bytes> recover_run(ByteView in) {
  if (in.size() != 97) return bad("secp256k1_recover: expected 97 bytes (hash, r, s, v)");
  std::array<u8, 32> hash, r, s;
  std::copy_n(in.data(), 32, hash.begin());
  std::copy_n(in.data() + 32, 32, r.begin());
  std::copy_n(in.data() + 64, 32, s.begin());
  if (in[96] > 1) return bad("secp256k1_recover: v must be 0 or 1");
  const auto key = crypto::secp256k1_recover(hash, r, s, in[96]);
  return key ? Bytes(key->begin(), key->end()) : Bytes{};
}

// A u32 little-endian length, then that many bytes.
bool take_sized(ByteView& in, ByteView* out) {
  if (in.size() < 4) return false;
  const u32 n = load_le<u32>(in.data());
  if (n > in.size() - 4) return false;
  *out = in.subspan(4, n);
  in = in.subspan(4 + n);
  return true;
}

u64 bls_price(ByteView) { return kBlsVerify; }
template <typename S>
Result<Bytes> bls_run(ByteView in) {
  constexpr size_t kPk = S::PublicKey::kSize, kSig = S::Signature::kSize;
  if (in.size() < kPk + kSig) return bad("bls verify: too short for a key and a signature");
  auto pk = S::PublicKey::from_bytes(in.first(kPk));
  auto sig = S::Signature::from_bytes(in.subspan(kPk, kSig));
  if (!pk.ok()) return bad(pk.error().message);
  if (!sig.ok()) return bad(sig.error().message);
  return one_byte(S::verify(*pk, in.subspan(kPk + kSig), *sig).ok());
}

// Each key is weighted by a scalar multiplication in its group (G2 for min-sig).
template <u64 kPerKey>
u64 multisig_price(ByteView in) {
  const u64 n = in.size() >= 4 ? load_le<u32>(in.data()) : 0;
  return kMultisig + std::min<u64>(n, in.size()) * kPerKey;
}
template <typename S>
Result<Bytes> multisig_run(ByteView in) {
  constexpr size_t kPk = S::PublicKey::kSize, kSig = S::Signature::kSize;
  if (in.size() < 4) return bad("bls multisig: no key count");
  const u64 n = load_le<u32>(in.data());
  if (n == 0 || n * kPk + kSig > in.size() - 4) return bad("bls multisig: the keys and signature do not fit");
  std::vector<typename S::PublicKey> pks;
  for (u64 i = 0; i < n; ++i) {
    auto pk = S::PublicKey::from_bytes(in.subspan(4 + i * kPk, kPk));
    if (!pk.ok()) return bad(pk.error().message);
    pks.push_back(*pk);
  }
  auto sig = S::Signature::from_bytes(in.subspan(4 + n * kPk, kSig));
  if (!sig.ok()) return bad(sig.error().message);
  return one_byte(S::fast_aggregate_verify_weighted(pks, in.subspan(4 + n * kPk + kSig), *sig).ok());
}

u64 kzg_price(ByteView) { return kKzgVerify; }
Result<Bytes> kzg_run(ByteView in) {
  if (in.size() != 160) return bad("kzg_verify_proof: expected 160 bytes (commitment, z, y, proof)");
  const auto& setup = crypto::kzg::default_trusted_setup();
  if (!setup.ok()) return Error("kzg trusted setup unavailable: " + setup.error().message);
  auto ok = crypto::kzg::verify_kzg_proof(in.first(48), in.subspan(48, 32), in.subspan(80, 32), in.subspan(112, 48),
                                          *setup);
  if (!ok.ok()) return bad(ok.error().message);
  return one_byte(*ok);
}

template <typename E, u64 kBase, u64 kPerInput>
u64 groth16_price(ByteView in) {
  ByteView rest = in, key;
  if (!take_sized(rest, &key)) return kBase;
  // The key's length says how many inputs it takes.
  const u64 fixed = crypto::groth16::verifying_key_size<E>(0);
  const u64 inputs = key.size() > fixed ? (key.size() - fixed) / E::kG1Size : 0;
  return kBase + std::min<u64>(inputs, 1u << 16) * kPerInput;
}
template <typename E>
Result<Bytes> groth16_run(ByteView in) {
  namespace g = crypto::groth16;
  ByteView rest = in, key_bytes, proof_bytes;
  if (!take_sized(rest, &key_bytes) || !take_sized(rest, &proof_bytes)) return bad("groth16: malformed framing");
  auto key = g::decode_verifying_key<E>(key_bytes);
  if (!key.ok()) return bad(key.error().message);
  auto proof = g::decode_proof<E>(proof_bytes);
  if (!proof.ok()) return bad(proof.error().message);
  auto inputs = g::decode_public_inputs<E>(rest);
  if (!inputs.ok()) return bad(inputs.error().message);
  auto ok = g::verify(g::prepare(*key), *proof, *inputs);
  if (!ok.ok()) return bad(ok.error().message);
  return one_byte(*ok);
}

u64 plonk_price(ByteView in) { return kPlonk + in.size() * kPlonkPerByte; }
Result<Bytes> plonk_run(ByteView in) {
  namespace p = crypto::plonk::snarkjs;
  ByteView rest = in, key_json, proof_json;
  if (!take_sized(rest, &key_json) || !take_sized(rest, &proof_json)) return bad("plonk: malformed framing");
  auto as_text = [](ByteView b) { return std::string_view(reinterpret_cast<const char*>(b.data()), b.size()); };
  auto key = p::parse_verification_key(as_text(key_json));
  if (!key.ok()) return bad(key.error().message);
  auto proof = p::parse_proof(as_text(proof_json));
  if (!proof.ok()) return bad(proof.error().message);
  auto inputs = p::parse_public_inputs(as_text(rest));
  if (!inputs.ok()) return bad(inputs.error().message);
  auto prepared = p::prepare(*key);
  if (!prepared.ok()) return bad(prepared.error().message);
  auto ok = p::verify(*prepared, *proof, *inputs);
  if (!ok.ok()) return bad(ok.error().message);
  return one_byte(*ok);
}

using Fr = crypto::bls12_381::Fr;
constexpr size_t kMaxPoseidonInputs = 1024;

// Scalars of 32 little-endian bytes each, canonical.
Result<std::vector<Fr>> scalars(ByteView in, const char* query) {
  if (in.size() % 32 != 0) return bad(std::string(query) + ": input must be 32-byte scalars");
  std::vector<Fr> out;
  out.reserve(in.size() / 32);
  for (size_t i = 0; i < in.size(); i += 32) {
    auto s = Fr::from_bytes_le(in.subspan(i, 32));
    if (!s.ok()) return bad(std::string(query) + ": scalar " + std::to_string(i / 32) + " is not below r");
    out.push_back(*s);
  }
  return out;
}

Bytes scalar_bytes(const Fr& x) {
  const auto b = x.to_bytes_le();
  return Bytes(b.begin(), b.end());
}

u64 plonk_bls_price(ByteView in) {
  ByteView rest = in, key;
  const u64 inputs = take_sized(rest, &key) && rest.size() > crypto::plonk::kProofSize
                         ? (rest.size() - crypto::plonk::kProofSize) / 32
                         : 0;
  return kPlonkBls + inputs * kPlonkBlsPerInput;
}
Result<Bytes> plonk_bls_run(ByteView in) {
  namespace p = crypto::plonk;
  ByteView rest = in, key_bytes;
  if (!take_sized(rest, &key_bytes) || rest.size() < p::kProofSize || (rest.size() - p::kProofSize) % 32 != 0)
    return bad("plonk_verify_bls12_381: expected u32 length, key, proof, 32-byte inputs");
  auto key = p::VerifierKey::from_bytes(key_bytes);
  if (!key.ok()) return bad("plonk_verify_bls12_381: " + key.error().message);
  auto inputs = scalars(rest.subspan(p::kProofSize), "plonk_verify_bls12_381");
  if (!inputs.ok()) return inputs.take_error();
  auto ok = p::verify(*key, rest.first(p::kProofSize), *inputs);
  if (!ok.ok()) return bad("plonk_verify_bls12_381: " + ok.error().message);
  return one_byte(*ok);
}

// The sponge permutes before each absorb that finds the rate full and once to squeeze:
// ceil(n / 4) permutations for n inputs.
u64 poseidon_price(ByteView in) {
  const u64 n = std::clamp<u64>(in.size() / 32, 1, kMaxPoseidonInputs);
  return kPoseidonBase + (n + 3) / 4 * kPoseidonPerPermutation;
}
Result<Bytes> poseidon_run(ByteView in) {
  if (in.empty() || in.size() / 32 > kMaxPoseidonInputs)
    return bad("poseidon_hash: 1 to " + std::to_string(kMaxPoseidonInputs) + " scalars");
  auto xs = scalars(in, "poseidon_hash");
  if (!xs.ok()) return xs.take_error();
  auto h = crypto::poseidon::digest(crypto::poseidon::Domain::kOther, *xs);
  if (!h.ok()) return bad(h.error().message);
  return scalar_bytes(h->front());
}

u64 merkle4_price(ByteView) { return kPoseidonBase + kPoseidonPerPermutation; }
Result<Bytes> merkle4_run(ByteView in) {
  if (in.size() != 128) return bad("poseidon_merkle4: expected 4 scalars (128 bytes)");
  auto xs = scalars(in, "poseidon_merkle4");
  if (!xs.ok()) return xs.take_error();
  return scalar_bytes(crypto::poseidon::merkle4({(*xs)[0], (*xs)[1], (*xs)[2], (*xs)[3]}));
}

u64 schnorr_price(ByteView) { return kSchnorr; }
Result<Bytes> schnorr_run(ByteView in) {
  namespace s = crypto::schnorr;
  if (in.size() != 128) return bad("schnorr_verify: expected key(32), signature(64), message(32)");
  auto pk = s::PublicKey::decode(in.first<32>());
  if (!pk) return bad("schnorr_verify: the public key is not a prime-order point");
  auto sig = s::Signature::decode(in.subspan<32, 64>());
  if (!sig) return bad("schnorr_verify: malformed signature");
  auto m = Fr::from_bytes_le(in.subspan(96, 32));
  if (!m.ok()) return bad("schnorr_verify: the message is not below r");
  return one_byte(pk->verify(*sig, *m));
}

u64 schnorr_double_price(ByteView) { return kSchnorrDouble; }
Result<Bytes> schnorr_double_run(ByteView in) {
  namespace s = crypto::schnorr;
  if (in.size() != 192) return bad("schnorr_verify_double: expected key(64), signature(96), message(32)");
  auto pk = s::PublicKeyDouble::decode(in.first<64>());
  if (!pk) return bad("schnorr_verify_double: the public keys are not prime-order points");
  auto sig = s::SignatureDouble::decode(in.subspan<64, 96>());
  if (!sig) return bad("schnorr_verify_double: malformed signature");
  auto m = Fr::from_bytes_le(in.subspan(160, 32));
  if (!m.ok()) return bad("schnorr_verify_double: the message is not below r");
  return one_byte(pk->verify(*sig, *m));
}

using MinSig = crypto::bls::BlsMinSig;
using MinPk = crypto::bls::BlsMinPk;
using Bn = crypto::groth16::Bn254Engine;
using Bls = crypto::groth16::Bls12_381Engine;

const HostQuery kQueries[] = {
    {"blake2b_256", hash_price<128, kBlake2bPer128>, blake2b_run},
    {"sha256", hash_price<128, kSha256Per128>, sha256_run},
    {"keccak256", hash_price<136, kKeccakPer136>, keccak_run},
    {"secp256k1_recover", recover_price, recover_run},
    {"bls_verify_minsig", bls_price, bls_run<MinSig>},
    {"bls_verify_minpk", bls_price, bls_run<MinPk>},
    {"bls_multisig_verify_minsig", multisig_price<kMultisigMinSigPerKey>, multisig_run<MinSig>},
    {"bls_multisig_verify_minpk", multisig_price<kMultisigMinPkPerKey>, multisig_run<MinPk>},
    {"kzg_verify_proof", kzg_price, kzg_run},
    {"groth16_verify_bn254", groth16_price<Bn, kGroth16Bn254, kGroth16Bn254PerInput>, groth16_run<Bn>},
    {"groth16_verify_bls12_381", groth16_price<Bls, kGroth16Bls, kGroth16BlsPerInput>, groth16_run<Bls>},
    {"plonk_verify_bn254", plonk_price, plonk_run},
    {"plonk_verify_bls12_381", plonk_bls_price, plonk_bls_run},
    {"poseidon_hash", poseidon_price, poseidon_run},
    {"poseidon_merkle4", merkle4_price, merkle4_run},
    {"schnorr_verify", schnorr_price, schnorr_run},
    {"schnorr_verify_double", schnorr_double_price, schnorr_double_run},
};

}  // namespace

const HostQuery* find_query(std::string_view name) {
  for (const HostQuery& q : kQueries)
    if (name == q.name) return &q;
  return nullptr;
}

}  // namespace dusk::vm
