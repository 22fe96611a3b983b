// The proof gate example (contracts/examples/proof_gate) through a session, on the
// circom/snarkjs fixtures of tests/fixtures/zk in Groth16's binary form: valid proofs on
// both curves are recorded once; tampered proofs, another circuit's proof, wrong public
// inputs, wrong sizes and replays are refused and change nothing.

#include "crypto/groth16/binary_form.hpp"
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/snarkjs_json.hpp"
#include "crypto/hash/blake2b.hpp"
#include "examples/contract_session.hpp"
#include "support/zk_fixtures.hpp"

namespace dusk::vm::test {
namespace {

namespace g = crypto::groth16;
using dusk::test::read_text;


// A circuit's key, proof and public inputs in the binary form.
struct Statement {
  Bytes key, proof, inputs;
};

template <typename E>
Statement load(const std::string& curve_dir, const std::string& circuit) {
  const std::string d = std::string(DUSK_ZK_FIXTURES) + "/" + curve_dir + "/" + circuit + "/";
  const auto vk = g::parse_verification_key<E>(read_text(d + "verification_key.json"));
  const auto proof = g::parse_proof<E>(read_text(d + "proof.json"));
  const auto inputs = g::parse_public_inputs<E>(read_text(d + "public.json"));
  EXPECT_TRUE(vk.ok() && proof.ok() && inputs.ok()) << d;
  if (!vk.ok() || !proof.ok() || !inputs.ok()) return {};
  return {g::encode_verifying_key<E>(*vk), g::encode_proof<E>(*proof), g::encode_public_inputs<E>(*inputs)};
}

Statement bn254(const std::string& circuit) { return load<g::Bn254Engine>("groth16_bn128", circuit); }
Statement bls(const std::string& circuit) { return load<g::Bls12_381Engine>("groth16_bls12381", circuit); }

const Bytes32 kProver = account(0x9f);

struct ProofGateTest : ContractSession {
  ContractId gate_for(u8 curve, const Bytes& key, u64 nonce = 0) {
    return deploy("proof_gate", view(kProver), Args().u8v(curve).bytes(key), nonce);
  }
  Receipt submit(const ContractId& gate, const Bytes& proof, const Bytes& inputs) {
    return call(gate, "submit", Args().bytes(proof).bytes(inputs), view(kProver));
  }
  void refused(const ContractId& gate, const Bytes& proof, const Bytes& inputs, const std::string& message) {
    const Hash256 before = session->root();
    const Receipt r = submit(gate, proof, inputs);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find(message), std::string::npos) << r.error;
    EXPECT_TRUE(r.events.empty());
    EXPECT_EQ(session->root(), before);
  }
  u64 count(const ContractId& gate) { return Fields(query(gate, "count", {}).result).u64v(); }
  std::pair<bool, u64> is_proven(const ContractId& gate, const Bytes& inputs) {
    Fields f(query(gate, "is_proven", Args().bytes(inputs)).result);
    const bool proven = f.u8v() == 1;
    return {proven, f.u64v()};
  }
};

TEST_F(ProofGateTest, AValidProofIsRecordedOnce) {
  const Statement s = bn254("poseidon_preimage");
  const ContractId gate = gate_for(0, s.key);
  Fields info(query(gate, "key_info", {}).result);
  EXPECT_EQ(info.u8v(), 0);
  EXPECT_EQ(info.u32v(), 1u);
  EXPECT_EQ(is_proven(gate, s.inputs), std::make_pair(false, u64{0}));

  const Receipt r = submit(gate, s.proof, s.inputs);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(Fields(r.result).u64v(), 1u);
  EXPECT_GT(r.gas_spent, 100'000u);  // the pairing check is priced
  const auto digest = crypto::blake2b<32>(s.inputs);
  ASSERT_EQ(r.events.size(), 1u);
  Fields e(r.events[0].data);
  EXPECT_EQ(r.events[0].topic, "proven");
  EXPECT_EQ(e.u64v(), 1u);
  EXPECT_EQ(e.fixed32(), Bytes32(digest));
  EXPECT_EQ(count(gate), 1u);
  EXPECT_EQ(is_proven(gate, s.inputs), std::make_pair(true, u64{1}));
  EXPECT_EQ(Fields(query(gate, "last", {}).result).fixed32(), Bytes32(digest));

  // The same proof again: the statement is known.
  refused(gate, s.proof, s.inputs, "the statement is already proven");
  EXPECT_EQ(count(gate), 1u);
}

TEST_F(ProofGateTest, GasIsRepeatable) {
  const Statement s = bn254("range_check");
  const ContractId gate = gate_for(0, s.key);
  const Bytes arg = Args().bytes(s.proof).bytes(s.inputs);
  const Receipt a = session->query(gate, "submit", arg, kGas, view(kProver));
  const Receipt b = session->query(gate, "submit", arg, kGas, view(kProver));
  ASSERT_TRUE(a.ok && b.ok) << a.error << b.error;
  EXPECT_EQ(a.gas_spent, b.gas_spent);
  EXPECT_EQ(count(gate), 0u);  // queries are undone
}

TEST_F(ProofGateTest, TamperedProofsAndWrongInputsAreRefused) {
  const Statement s = bn254("poseidon_preimage");
  const ContractId gate = gate_for(0, s.key);
  // A coordinate changed: no longer a point on the curve.
  Bytes tampered = s.proof;
  tampered[40] ^= 0x01;
  refused(gate, tampered, s.inputs, "malformed proof or inputs");
  // Another circuit's proof, with as many inputs: points in order, but no proof of this.
  const Statement other = bn254("merkle_membership");
  refused(gate, other.proof, s.inputs, "invalid proof");
  // A's and C's places swapped.
  Bytes swapped = s.proof;
  std::swap_ranges(swapped.begin(), swapped.begin() + 64, swapped.begin() + 192);
  refused(gate, swapped, s.inputs, "invalid proof");
  // The public input changed by one.
  Bytes wrong = s.inputs;
  wrong[31] ^= 0x01;
  refused(gate, s.proof, wrong, "invalid proof");
  // An input not below the group order.
  refused(gate, s.proof, Bytes(32, 0xff), "malformed proof or inputs");
  // Sizes.
  refused(gate, Bytes(s.proof.begin(), s.proof.end() - 1), s.inputs, "the proof must be 256 bytes");
  refused(gate, s.proof, Bytes(64), "the inputs must be 32 bytes for each");
  refused(gate, s.proof, {}, "the inputs must be 32 bytes for each");
  EXPECT_EQ(count(gate), 0u);
  // The real one still passes.
  ASSERT_TRUE(submit(gate, s.proof, s.inputs).ok);
}

TEST_F(ProofGateTest, BothCurvesAndSixteenInputs) {
  const Statement b = bls("poseidon_preimage"), wide = bn254("sixteen_inputs"), bls_wide = bls("sixteen_inputs");
  const ContractId bls_gate = gate_for(1, b.key);
  const ContractId wide_gate = gate_for(0, wide.key, 1);
  const ContractId bls_wide_gate = gate_for(1, bls_wide.key, 2);
  ASSERT_TRUE(submit(bls_gate, b.proof, b.inputs).ok);
  ASSERT_TRUE(submit(wide_gate, wide.proof, wide.inputs).ok);
  ASSERT_TRUE(submit(bls_wide_gate, bls_wide.proof, bls_wide.inputs).ok);
  Fields info(query(wide_gate, "key_info", {}).result);
  EXPECT_EQ(info.u8v(), 0);
  EXPECT_EQ(info.u32v(), 16u);
  // A BN254 proof does not fit a BLS12-381 gate.
  refused(bls_gate, bn254("poseidon_preimage").proof, b.inputs, "the proof must be 192 bytes");
  Bytes bad = bls_wide.inputs;
  bad[32 * 5 + 31] ^= 0x02;
  refused(bls_wide_gate, bls_wide.proof, bad, "invalid proof");
}

TEST_F(ProofGateTest, BadKeysFailTheDeploy) {
  const Statement s = bn254("poseidon_preimage");
  auto deploy_fails = [&](u8 curve, const Bytes& key, const std::string& message) {
    const Receipt r = session->deploy(contract_code("proof_gate"), view(kProver), 9, Args().u8v(curve).bytes(key), kGas);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find(message), std::string::npos) << r.error;
  };
  deploy_fails(2, s.key, "curve: 0 (BN254) or 1 (BLS12-381)");
  deploy_fails(0, Bytes(s.key.begin(), s.key.end() - 1), "does not match its input count");
  // A BN254 key read as BLS12-381: its count is read from the bytes at 48 + 3 * 96, inside
  // BN254's delta, so it is refused for whichever check that count fails first.
  const size_t at = 48 + 3 * 96;
  const u32 misread = u32{s.key[at]} << 24 | u32{s.key[at + 1]} << 16 | u32{s.key[at + 2]} << 8 | s.key[at + 3];
  deploy_fails(1, s.key, misread > 64 ? "more than 64 public inputs" : "does not match its input count");
  deploy_fails(0, Bytes(100), "too short");
  Bytes many = s.key;
  many[448 + 3] = 65;  // the count, big-endian at 64 + 3 * 128
  deploy_fails(0, many, "more than 64 public inputs");
  EXPECT_TRUE(session->contracts().empty());
}

}  // namespace
}  // namespace dusk::vm::test
