// groth16_binary_form: prints a snarkjs Groth16 file (verification_key.json, proof.json,
// public.json) in Groth16's binary form (crypto/groth16/binary_form.hpp), as 0x-prefixed
// hex, for the end-to-end tests that hand proofs to contracts through dusk-vm.
//
//   groth16_binary_form bn128|bls12381 key|proof|inputs FILE.json
//
// The curve is named as snarkjs names it. The file is read and checked by
// crypto/groth16/snarkjs_json.hpp. Exit status: 0 printed, 1 the file is not a valid key,
// proof or list of inputs on that curve, 2 bad arguments or an unreadable file.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "crypto/groth16/binary_form.hpp"
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/snarkjs_json.hpp"

namespace {

namespace g = dusk::crypto::groth16;

constexpr int kInvalid = 1;
constexpr int kUsage = 2;

int usage(const char* message) {
  std::fprintf(stderr, "groth16_binary_form: %s\nusage: groth16_binary_form bn128|bls12381 key|proof|inputs FILE.json\n",
               message);
  return kUsage;
}

// The binary form of `json` read as `kind`, or the reader's failure.
template <typename E>
dusk::Result<dusk::Bytes> binary_form(const std::string& kind, const std::string& json) {
  auto fail = [](const g::ProofFailure& f) { return dusk::Error(f.message); };
  if (kind == "key") {
    auto vk = g::parse_verification_key<E>(json);
    if (!vk.ok()) return fail(vk.error());
    return g::encode_verifying_key<E>(*vk);
  }
  if (kind == "proof") {
    auto proof = g::parse_proof<E>(json);
    if (!proof.ok()) return fail(proof.error());
    return g::encode_proof<E>(*proof);
  }
  auto inputs = g::parse_public_inputs<E>(json);
  if (!inputs.ok()) return fail(inputs.error());
  return g::encode_public_inputs<E>(*inputs);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) return usage("three arguments expected");
  const std::string curve = argv[1], kind = argv[2], path = argv[3];
  if (curve != "bn128" && curve != "bls12381") return usage("the curve is bn128 or bls12381");
  if (kind != "key" && kind != "proof" && kind != "inputs") return usage("the kind is key, proof or inputs");
  std::ifstream in(path, std::ios::binary);
  if (!in) return usage(("cannot read " + path).c_str());
  std::ostringstream text;
  text << in.rdbuf();
  const auto bytes = curve == "bn128" ? binary_form<g::Bn254Engine>(kind, text.str())
                                      : binary_form<g::Bls12_381Engine>(kind, text.str());
  if (!bytes.ok()) {
    std::fprintf(stderr, "groth16_binary_form: %s: %s\n", path.c_str(), bytes.error().message.c_str());
    return kInvalid;
  }
  std::printf("0x%s\n", dusk::to_hex(*bytes).c_str());
  return 0;
}
