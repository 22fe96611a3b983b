// The time of each DuskVM host query (src/duskvm/runtime/host_queries.hpp) beside its
// price, to set and check the prices: a query should cost no more than about 1 ns a gas,
// the engine's rate for honest code (docs/PERFORMANCE.md).
//
//   build/release/bench/vm_queries [--runs N]
//
// Prints one row per query and input: the median time of N runs (default 20, after one
// warm-up), the price in gas, and the ratio time / price in ns per gas.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "crypto/bls/scheme.hpp"
#include "crypto/groth16/binary_form.hpp"
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/snarkjs_json.hpp"
#include "crypto/kzg/default_setup.hpp"
#include "crypto/kzg/kzg.hpp"
#include "crypto/plonk/prover.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "crypto/schnorr/schnorr.hpp"
#include "crypto/secp256k1.hpp"
#include "duskvm/runtime/host_queries.hpp"

namespace {

using namespace dusk;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "vm_queries: cannot open %s\n", path.c_str());
    std::exit(1);
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
ByteView view(std::string_view s) { return {reinterpret_cast<const u8*>(s.data()), s.size()}; }
Bytes cat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}
Bytes u32_le(u32 v) {
  Bytes b(4);
  store_le<u32>(b.data(), v);
  return b;
}
Bytes sized(ByteView b) { return cat({u32_le(static_cast<u32>(b.size())), b}); }

int runs = 20;

void row(const char* name, const std::string& label, const Bytes& input) {
  const vm::HostQuery* q = vm::find_query(name);
  if (!q) {
    std::fprintf(stderr, "vm_queries: no query %s\n", name);
    std::exit(1);
  }
  auto first = q->run(input);
  if (!first.ok()) {
    std::fprintf(stderr, "vm_queries: %s (%s) failed: %s\n", name, label.c_str(), first.error().message.c_str());
    std::exit(1);
  }
  std::vector<double> ns;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = q->run(input);
    const auto t1 = std::chrono::steady_clock::now();
    if (!r.ok() || *r != *first) std::exit(1);
    ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
  }
  std::nth_element(ns.begin(), ns.begin() + ns.size() / 2, ns.end());
  const double median = ns[ns.size() / 2];
  const u64 price = q->price(input);
  std::printf("| %-27s | %-22s | %12.2f | %12llu | %6.3f |\n", name, label.c_str(), median / 1000.0,
              static_cast<unsigned long long>(price), median / static_cast<double>(price));
}

template <typename S>
void bls(const char* single, const char* multi) {
  using crypto::bls::SecretKey;
  const Bytes m = {'m', 's', 'g'};
  std::vector<SecretKey> sks;
  for (int i = 0; i < 64; ++i) sks.push_back(*SecretKey::key_gen(Bytes(32, static_cast<u8>(i + 1))));
  row(single, "1 key", cat({S::sk_to_pk(sks[0]).to_bytes(), S::sign(sks[0], m).to_bytes(), m}));
  for (u32 n : {1u, 16u, 64u}) {
    Bytes keys;
    std::vector<typename S::Signature> sigs;
    for (u32 i = 0; i < n; ++i) {
      const auto k = S::sk_to_pk(sks[i]).to_bytes();
      keys.insert(keys.end(), k.begin(), k.end());
      sigs.push_back(*S::sign_weighted(sks[i], m));
    }
    row(multi, std::to_string(n) + " keys", cat({u32_le(n), keys, S::aggregate(sigs)->to_bytes(), m}));
  }
}

template <typename E>
void groth16(const char* name, const std::string& dir) {
  namespace g = crypto::groth16;
  for (const char* circuit : {"poseidon_preimage", "sixteen_inputs"}) {
    const std::string d = dir + circuit + "/";
    const auto vk = g::parse_verification_key<E>(read_text(d + "verification_key.json"));
    const auto proof = g::parse_proof<E>(read_text(d + "proof.json"));
    const auto inputs = g::parse_public_inputs<E>(read_text(d + "public.json"));
    if (!vk.ok() || !proof.ok() || !inputs.ok()) std::exit(1);
    row(name, std::to_string(inputs->size()) + " inputs",
        cat({sized(g::encode_verifying_key<E>(*vk)), sized(g::encode_proof<E>(*proof)),
             g::encode_public_inputs<E>(*inputs)}));
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: vm_queries [--runs N]\n");
      return 2;
    }
  }
  std::printf("| query                       | input                  | median (us)  | price (gas)  | ns/gas |\n");
  std::printf("|-----------------------------|------------------------|--------------|--------------|--------|\n");
  for (size_t n : {0, 128, 1024, 65536}) {
    const Bytes data(n, 0x61);
    for (const char* h : {"blake2b_256", "sha256", "keccak256"}) row(h, std::to_string(n) + " bytes", data);
  }
  {
    std::array<u8, 32> sk{}, hash{};
    sk[31] = 7;
    hash.fill(0x42);
    const auto sig = crypto::secp256k1_sign(hash, sk);
    row("secp256k1_recover", "valid", cat({hash, sig->r, sig->s, Bytes{static_cast<u8>(sig->recid)}}));
  }
  bls<crypto::bls::BlsMinSig>("bls_verify_minsig", "bls_multisig_verify_minsig");
  bls<crypto::bls::BlsMinPk>("bls_verify_minpk", "bls_multisig_verify_minpk");
  {
    namespace k = crypto::kzg;
    const auto& setup = k::default_trusted_setup();
    if (!setup.ok()) {
      std::fprintf(stderr, "vm_queries: %s\n", setup.error().message.c_str());
      return 1;
    }
    std::vector<k::Fr> poly;
    for (u64 i = 0; i < k::kFieldElementsPerBlob; ++i) poly.push_back(k::Fr::from_u64(i * 7 + 1));
    const auto blob = k::Blob::from_polynomial(poly);
    std::array<u8, 32> z{};
    z[31] = 5;
    const auto proof = k::compute_kzg_proof(*blob, z, *setup);
    row("kzg_verify_proof", "valid", cat({k::blob_to_kzg_commitment(*blob, *setup), z, proof->second, proof->first}));
  }
  groth16<crypto::groth16::Bn254Engine>("groth16_verify_bn254", DUSK_ZK_FIXTURES "/groth16_bn128/");
  groth16<crypto::groth16::Bls12_381Engine>("groth16_verify_bls12_381", DUSK_ZK_FIXTURES "/groth16_bls12381/");
  for (const char* circuit : {"range_check", "sixteen_inputs"}) {
    const std::string d = std::string(DUSK_ZK_FIXTURES "/plonk_bn128/") + circuit + "/";
    row("plonk_verify_bn254", circuit,
        cat({sized(view(read_text(d + "verification_key.json"))), sized(view(read_text(d + "proof.json"))),
             view(read_text(d + "public.json"))}));
  }
  {
    // Our PLONK: x^3 + x + 5 = y over a few hundred gates, with 1 and 16 public inputs.
    namespace p = crypto::plonk;
    using Fr = crypto::bls12_381::Fr;
    const auto srs = p::Srs::insecure_from_seed(as_bytes("vm_queries (INSECURE)"), 1024 + p::kSrsBlindingPowers);
    for (u32 publics : {1u, 16u}) {
      auto build = [&](p::Composer& cs, u64 x) {
        p::Witness acc = cs.append_witness(Fr::from_u64(x));
        for (int i = 0; i < 500; ++i) acc = cs.gate_mul(acc, acc, Fr::one(), Fr::from_u64(5));
        for (u32 i = 0; i < publics; ++i) cs.assert_equal(acc, cs.append_public(cs.value(acc)));
      };
      p::Composer shape, witness;
      build(shape, 0);
      build(witness, 3);
      auto keys = p::preprocess(srs, shape);
      std::array<u8, 64> seed{};
      auto proof = keys.ok() ? p::prove(*keys->prover, witness, seed) : p::PlonkResult<p::Proof>(keys.take_error());
      if (!proof.ok()) {
        std::fprintf(stderr, "vm_queries: plonk setup failed: %s\n", proof.error().message.c_str());
        return 1;
      }
      Bytes in = sized(keys->verifier->to_bytes());
      const auto pb = proof->to_bytes();
      in.insert(in.end(), pb.begin(), pb.end());
      for (const Fr& x : witness.public_inputs()) {
        const auto b = x.to_bytes_le();
        in.insert(in.end(), b.begin(), b.end());
      }
      row("plonk_verify_bls12_381", std::to_string(publics) + " inputs", in);
    }
  }
  for (u32 n : {1u, 4u, 16u, 256u}) {
    Bytes in;
    for (u32 i = 0; i < n; ++i) {
      const auto s = crypto::bls12_381::Fr::from_u64(i * 977 + 3).to_bytes_le();
      in.insert(in.end(), s.begin(), s.end());
    }
    row("poseidon_hash", std::to_string(n) + " scalars", in);
    if (n == 4) row("poseidon_merkle4", "4 scalars", in);
  }
  {
    namespace s = crypto::schnorr;
    std::array<u8, 64> wide{};
    wide[5] = 9;
    const s::SecretKey sk(crypto::jubjub::Scalar::from_uniform_bytes(wide));
    const auto m = crypto::bls12_381::Fr::from_u64(1234);
    const std::array<u8, 32> entropy{1, 2, 3};
    const auto mb = m.to_bytes_le();
    row("schnorr_verify", "valid", cat({sk.public_key().encode(), sk.sign(m, entropy).encode(), mb}));
    row("schnorr_verify_double", "valid",
        cat({sk.public_key_double().encode(), sk.sign_double(m, entropy).encode(), mb}));
  }
  return 0;
}
