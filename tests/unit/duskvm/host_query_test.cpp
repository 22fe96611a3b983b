// Host queries (src/duskvm/runtime/host_queries.hpp) called by a contract through hq:
// every query's answer on a valid input and a wrong one, computed by the crypto modules
// directly or proved by the real toolchain (tests/fixtures/zk); malformed inputs answer
// kQueryBadInput, unknown names kNoSuchQuery, without failing the call; arguments outside
// the caller's memory fail it; each query's price is charged before it runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "crypto/bls/scheme.hpp"
#include "crypto/groth16/binary_form.hpp"
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/snarkjs_json.hpp"
#include "crypto/hash/blake2b.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/hash/sha256.hpp"
#include "crypto/kzg/default_setup.hpp"
#include "crypto/kzg/kzg.hpp"
#include "crypto/plonk/prover.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "crypto/poseidon/hash.hpp"
#include "crypto/schnorr/schnorr.hpp"
#include "crypto/secp256k1.hpp"
#include "duskvm/runtime/host_queries.hpp"
#include "duskvm/runtime/session.hpp"

namespace dusk::vm {
namespace {

namespace fs = std::filesystem;

Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
std::string text(const Bytes& b) { return std::string(b.begin(), b.end()); }

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
ByteView view(std::string_view s) { return {reinterpret_cast<const u8*>(s.data()), s.size()}; }
template <size_t N>
Bytes bytes(const std::array<u8, N>& a) {
  return Bytes(a.begin(), a.end());
}

constexpr u64 kGas = 1'000'000'000;

// What the querier contract returned: hq's code and the result it wrote.
struct Answer {
  bool ok = false;  // the call itself
  i32 code = 0;
  Bytes result;
  u64 gas = 0;
};

struct HostQueryTest : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("dusk-hq-" + std::to_string(getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::unique_ptr<StateStore> store;
  std::unique_ptr<Session> session;
  ContractId querier{};

  void SetUp() override {
    fs::remove_all(dir);
    auto s = StateStore::open(dir.string());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store = std::move(s).value();
    auto se = Session::open(*store, Hash256{});
    ASSERT_TRUE(se.ok()) << se.error().message;
    session = std::move(se).value();
    const Receipt r = session->deploy(read_file(DUSK_CONTRACTS_DIR "/querier.wasm"), {}, 0, {}, kGas);
    ASSERT_TRUE(r.ok) << r.error;
    querier = *r.deployed;
  }
  void TearDown() override {
    session.reset();
    store.reset();
    fs::remove_all(dir);
  }

  Answer ask(std::string_view name, ByteView input, u64 gas = kGas) {
    const Receipt r = session->query(querier, "query", cat({u32_le(static_cast<u32>(name.size())), view(name), input}), gas);
    Answer a{r.ok, 0, {}, r.gas_spent};
    if (r.ok && r.result.size() >= 4) {
      a.code = static_cast<i32>(load_le<u32>(r.result.data()));
      a.result.assign(r.result.begin() + 4, r.result.end());
    }
    return a;
  }
  // The one-byte verdict of a verifying query, or -1 when it answered otherwise.
  int verdict(std::string_view name, ByteView input) {
    const Answer a = ask(name, input);
    EXPECT_TRUE(a.ok);
    if (a.code != 1 || a.result.size() != 1) return a.code < 0 ? a.code : -1;
    return a.result[0];
  }
};

TEST_F(HostQueryTest, Hashes) {
  for (const Bytes& data : {Bytes{}, Bytes{'a', 'b', 'c'}, Bytes(1000, 0x5a), Bytes(65000, 0x01)}) {
    EXPECT_EQ(ask("blake2b_256", data).result, bytes(crypto::blake2b<32>(data)));
    EXPECT_EQ(ask("sha256", data).result, bytes(crypto::sha256(data)));
    EXPECT_EQ(ask("keccak256", data).result, bytes(crypto::keccak256(data)));
  }
  // One known answer, so that the comparison above is not of a function with itself only.
  const Answer a = ask("sha256", view("abc"));
  EXPECT_EQ(a.code, 32);
  EXPECT_EQ(to_hex(a.result), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(HostQueryTest, Secp256k1Recover) {
  std::array<u8, 32> sk{}, hash{};
  sk[31] = 7;
  hash.fill(0x42);
  const auto sig = crypto::secp256k1_sign(hash, sk);
  ASSERT_TRUE(sig);
  const Bytes input = cat({hash, sig->r, sig->s, Bytes{static_cast<u8>(sig->recid)}});
  EXPECT_EQ(ask("secp256k1_recover", input).result, bytes(*crypto::secp256k1_public_key(sk)));
  // Another hash recovers another key; r = 0 recovers none.
  Bytes other = input;
  other[0] ^= 1;
  const Answer wrong = ask("secp256k1_recover", other);
  EXPECT_EQ(wrong.code, 64);
  EXPECT_NE(wrong.result, bytes(*crypto::secp256k1_public_key(sk)));
  Bytes zero_r = input;
  std::fill(zero_r.begin() + 32, zero_r.begin() + 64, 0);
  EXPECT_EQ(ask("secp256k1_recover", zero_r).code, 0);
  // Malformed: a short input, v out of range.
  EXPECT_EQ(ask("secp256k1_recover", ByteView(input).first(96)).code, kQueryBadInput);
  Bytes bad_v = input;
  bad_v[96] = 27;
  EXPECT_EQ(ask("secp256k1_recover", bad_v).code, kQueryBadInput);
}

template <typename S>
void bls_cases(HostQueryTest& t, std::string_view single, std::string_view multi) {
  using crypto::bls::SecretKey;
  std::vector<SecretKey> sks;
  for (u8 i = 1; i <= 3; ++i) sks.push_back(*SecretKey::key_gen(Bytes(32, i)));
  const Bytes message = {'p', 'a', 'y'};
  const auto pk = S::sk_to_pk(sks[0]).to_bytes();
  const auto sig = S::sign(sks[0], message).to_bytes();
  EXPECT_EQ(t.verdict(single, cat({pk, sig, message})), 1);
  EXPECT_EQ(t.verdict(single, cat({pk, sig, view("pax")})), 0);
  Bytes bad_key = cat({pk, sig, message});
  bad_key[1] ^= 0x10;
  EXPECT_EQ(t.verdict(single, bad_key), kQueryBadInput);
  EXPECT_EQ(t.verdict(single, ByteView(pk)), kQueryBadInput);

  // Three weighted signers of one message.
  Bytes keys;
  std::vector<typename S::Signature> sigs;
  for (const SecretKey& sk : sks) {
    const auto k = S::sk_to_pk(sk).to_bytes();
    keys.insert(keys.end(), k.begin(), k.end());
    sigs.push_back(*S::sign_weighted(sk, message));
  }
  const auto aggregate = S::aggregate(sigs)->to_bytes();
  EXPECT_EQ(t.verdict(multi, cat({u32_le(3), keys, aggregate, message})), 1);
  EXPECT_EQ(t.verdict(multi, cat({u32_le(3), keys, aggregate, view("pax")})), 0);
  // Two of the three keys do not match the signature of three.
  EXPECT_EQ(t.verdict(multi, cat({u32_le(2), ByteView(keys).first(2 * S::PublicKey::kSize), aggregate, message})), 0);
  // Plain (unweighted) signatures do not verify as a multisig.
  std::vector<typename S::Signature> plain;
  for (const SecretKey& sk : sks) plain.push_back(S::sign(sk, message));
  EXPECT_EQ(t.verdict(multi, cat({u32_le(3), keys, S::aggregate(plain)->to_bytes(), message})), 0);
  EXPECT_EQ(t.verdict(multi, cat({u32_le(0), aggregate, message})), kQueryBadInput);
  EXPECT_EQ(t.verdict(multi, cat({u32_le(1000), keys, aggregate})), kQueryBadInput);
}

TEST_F(HostQueryTest, BlsMinSig) { bls_cases<crypto::bls::BlsMinSig>(*this, "bls_verify_minsig", "bls_multisig_verify_minsig"); }
TEST_F(HostQueryTest, BlsMinPk) { bls_cases<crypto::bls::BlsMinPk>(*this, "bls_verify_minpk", "bls_multisig_verify_minpk"); }

TEST_F(HostQueryTest, KzgProof) {
  namespace k = crypto::kzg;
  const auto& setup = k::default_trusted_setup();
  ASSERT_TRUE(setup.ok()) << setup.error().message;
  std::vector<k::Fr> poly;
  for (u64 i = 0; i < k::kFieldElementsPerBlob; ++i) poly.push_back(k::Fr::from_u64(i * i + 3));
  const auto blob = k::Blob::from_polynomial(poly);
  ASSERT_TRUE(blob.ok());
  const auto commitment = k::blob_to_kzg_commitment(*blob, *setup);
  std::array<u8, 32> z{};
  z[31] = 9;
  const auto proof = k::compute_kzg_proof(*blob, z, *setup);
  ASSERT_TRUE(proof.ok());
  const auto& [pi, y] = *proof;
  EXPECT_EQ(verdict("kzg_verify_proof", cat({commitment, z, y, pi})), 1);
  std::array<u8, 32> y2 = y;
  y2[31] ^= 1;
  EXPECT_EQ(verdict("kzg_verify_proof", cat({commitment, z, y2, pi})), 0);
  std::array<u8, 32> big{};
  big.fill(0xff);  // not a field element
  EXPECT_EQ(verdict("kzg_verify_proof", cat({commitment, big, y, pi})), kQueryBadInput);
  EXPECT_EQ(verdict("kzg_verify_proof", cat({commitment, z, y})), kQueryBadInput);
}

template <typename E>
void groth16_cases(HostQueryTest& t, const std::string& fixtures, std::string_view name) {
  namespace g = crypto::groth16;
  for (const char* circuit : {"poseidon_preimage", "sixteen_inputs"}) {
    SCOPED_TRACE(circuit);
    const std::string d = fixtures + circuit + "/";
    const auto vk = g::parse_verification_key<E>(text(read_file(d + "verification_key.json")));
    const auto proof = g::parse_proof<E>(text(read_file(d + "proof.json")));
    auto inputs = g::parse_public_inputs<E>(text(read_file(d + "public.json")));
    ASSERT_TRUE(vk.ok() && proof.ok() && inputs.ok());
    const Bytes key = g::encode_verifying_key<E>(*vk), pr = g::encode_proof<E>(*proof);
    EXPECT_EQ(t.verdict(name, cat({sized(key), sized(pr), g::encode_public_inputs<E>(*inputs)})), 1);
    (*inputs)[0] += E::Fr::from_u64(1);
    EXPECT_EQ(t.verdict(name, cat({sized(key), sized(pr), g::encode_public_inputs<E>(*inputs)})), 0);
    EXPECT_EQ(t.verdict(name, cat({sized(key), sized(pr)})), kQueryBadInput);  // too few inputs
    Bytes bad_proof = pr;
    bad_proof[3] ^= 0x40;
    EXPECT_EQ(t.verdict(name, cat({sized(key), sized(bad_proof), g::encode_public_inputs<E>(*inputs)})), kQueryBadInput);
  }
  EXPECT_EQ(t.verdict(name, u32_le(1000)), kQueryBadInput);
}

TEST_F(HostQueryTest, Groth16) {
  groth16_cases<crypto::groth16::Bn254Engine>(*this, DUSK_ZK_FIXTURES "/groth16_bn128/", "groth16_verify_bn254");
  groth16_cases<crypto::groth16::Bls12_381Engine>(*this, DUSK_ZK_FIXTURES "/groth16_bls12381/",
                                                 "groth16_verify_bls12_381");
}

TEST_F(HostQueryTest, Plonk) {
  const std::string d = DUSK_ZK_FIXTURES "/plonk_bn128/range_check/";
  const Bytes vk = read_file(d + "verification_key.json"), proof = read_file(d + "proof.json"),
              pub = read_file(d + "public.json");
  EXPECT_EQ(verdict("plonk_verify_bn254", cat({sized(vk), sized(proof), pub})), 1);
  // Another public input.
  nlohmann::json inputs = nlohmann::json::parse(text(pub));
  inputs[0] = inputs[0] == "1" ? "2" : "1";
  EXPECT_EQ(verdict("plonk_verify_bn254", cat({sized(vk), sized(proof), view(inputs.dump())})), 0);
  inputs.push_back("1");  // one too many
  EXPECT_EQ(verdict("plonk_verify_bn254", cat({sized(vk), sized(proof), view(inputs.dump())})), kQueryBadInput);
  EXPECT_EQ(verdict("plonk_verify_bn254", cat({sized(vk), sized(view("{}")), pub})), kQueryBadInput);
}

TEST_F(HostQueryTest, OurPlonk) {
  namespace p = crypto::plonk;
  using Fr = crypto::bls12_381::Fr;
  // y = x^2 + 3 with y public.
  auto build = [](p::Composer& cs, u64 x) {
    const p::Witness w = cs.append_witness(Fr::from_u64(x));
    cs.assert_equal(cs.gate_mul(w, w, Fr::one(), Fr::from_u64(3)), cs.append_public(Fr::from_u64(x * x + 3)));
  };
  p::Composer shape, witness;
  build(shape, 0);
  build(witness, 6);
  const auto srs = p::Srs::insecure_from_seed(as_bytes("host query test (INSECURE)"), 64 + p::kSrsBlindingPowers);
  auto keys = p::preprocess(srs, shape);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  std::array<u8, 64> seed{};
  auto proof = p::prove(*keys->prover, witness, seed);
  ASSERT_TRUE(proof.ok()) << proof.error().message;
  const Bytes key = sized(keys->verifier->to_bytes());
  const Bytes pr = bytes(proof->to_bytes());
  EXPECT_EQ(verdict("plonk_verify_bls12_381", cat({key, pr, bytes(Fr::from_u64(39).to_bytes_le())})), 1);
  EXPECT_EQ(verdict("plonk_verify_bls12_381", cat({key, pr, bytes(Fr::from_u64(40).to_bytes_le())})), 0);
  EXPECT_EQ(verdict("plonk_verify_bls12_381", cat({key, pr})), kQueryBadInput);  // no public input
  Bytes bad = pr;
  bad[0] ^= 0x40;  // the infinity flag on a non-zero point: not an encoding
  EXPECT_EQ(verdict("plonk_verify_bls12_381", cat({key, bad, bytes(Fr::from_u64(39).to_bytes_le())})), kQueryBadInput);
  EXPECT_EQ(verdict("plonk_verify_bls12_381", cat({key, pr, Bytes(32, 0xff)})), kQueryBadInput);  // input >= r
  EXPECT_EQ(verdict("plonk_verify_bls12_381", u32_le(5)), kQueryBadInput);
}

TEST_F(HostQueryTest, Poseidon) {
  using Fr = crypto::bls12_381::Fr;
  std::vector<Fr> xs;
  Bytes in;
  for (u64 i = 0; i < 9; ++i) {
    xs.push_back(Fr::from_u64(i * 31 + 5));
    const auto b = xs.back().to_bytes_le();
    in.insert(in.end(), b.begin(), b.end());
  }
  const auto expected = crypto::poseidon::digest(crypto::poseidon::Domain::kOther, xs);
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(ask("poseidon_hash", in).result, bytes(expected->front().to_bytes_le()));
  const Bytes four(in.begin(), in.begin() + 128);
  EXPECT_EQ(ask("poseidon_merkle4", four).result,
            bytes(crypto::poseidon::merkle4({xs[0], xs[1], xs[2], xs[3]}).to_bytes_le()));
  EXPECT_NE(ask("poseidon_merkle4", four).result, ask("poseidon_hash", four).result);  // domains differ
  // Malformed: empty, a partial scalar, a scalar >= r, the wrong arity.
  EXPECT_EQ(ask("poseidon_hash", Bytes{}).code, kQueryBadInput);
  EXPECT_EQ(ask("poseidon_hash", Bytes(33, 0)).code, kQueryBadInput);
  EXPECT_EQ(ask("poseidon_hash", Bytes(32, 0xff)).code, kQueryBadInput);
  EXPECT_EQ(ask("poseidon_merkle4", Bytes(96, 0)).code, kQueryBadInput);
  EXPECT_EQ(ask("poseidon_hash", Bytes(32 * 1025, 0)).code, kQueryBadInput);
  // The price follows the permutations: 16 inputs cost four times one input's work.
  EXPECT_GT(ask("poseidon_hash", Bytes(32 * 16, 0)).gas, ask("poseidon_hash", Bytes(32, 0)).gas);
}

TEST_F(HostQueryTest, Schnorr) {
  namespace s = crypto::schnorr;
  std::array<u8, 64> wide{};
  wide[3] = 77;
  const s::SecretKey sk(crypto::jubjub::Scalar::from_uniform_bytes(wide));
  const auto m = crypto::bls12_381::Fr::from_u64(99);
  const std::array<u8, 32> entropy{4, 5, 6};
  const Bytes mb = bytes(m.to_bytes_le());
  const Bytes pk = bytes(sk.public_key().encode()), sig = bytes(sk.sign(m, entropy).encode());
  EXPECT_EQ(verdict("schnorr_verify", cat({pk, sig, mb})), 1);
  const Bytes other = bytes((m + crypto::bls12_381::Fr::one()).to_bytes_le());
  EXPECT_EQ(verdict("schnorr_verify", cat({pk, sig, other})), 0);
  EXPECT_EQ(verdict("schnorr_verify", cat({pk, sig})), kQueryBadInput);
  Bytes bad_key = pk;
  std::fill(bad_key.begin(), bad_key.end(), 0xff);  // no point
  EXPECT_EQ(verdict("schnorr_verify", cat({bad_key, sig, mb})), kQueryBadInput);

  const Bytes pkd = bytes(sk.public_key_double().encode()), sigd = bytes(sk.sign_double(m, entropy).encode());
  EXPECT_EQ(verdict("schnorr_verify_double", cat({pkd, sigd, mb})), 1);
  EXPECT_EQ(verdict("schnorr_verify_double", cat({pkd, sigd, other})), 0);
  EXPECT_EQ(verdict("schnorr_verify_double", cat({pk, sig, mb})), kQueryBadInput);  // single-key sizes
}

TEST_F(HostQueryTest, UnknownNamesAndBadArguments) {
  EXPECT_EQ(ask("sha257", view("abc")).code, kNoSuchQuery);
  EXPECT_EQ(ask("", {}).code, kNoSuchQuery);
  // Arguments outside the caller's memory, or longer than its argument buffer, fail the call.
  EXPECT_FALSE(session->call(querier, "bad_name", {}, kGas).ok);
  EXPECT_FALSE(session->call(querier, "bad_length", {}, kGas).ok);
}

TEST_F(HostQueryTest, PriceIsChargedBeforeTheQueryRuns) {
  namespace b = crypto::bls;
  const auto sk = *b::SecretKey::key_gen(Bytes(32, 9));
  const Bytes input = cat({b::BlsMinSig::sk_to_pk(sk).to_bytes(), b::BlsMinSig::sign(sk, view("m")).to_bytes(), view("m")});
  const HostQuery* q = find_query("bls_verify_minsig");
  ASSERT_NE(q, nullptr);
  const u64 price = q->price(input);
  EXPECT_GT(price, 100'000u);
  // The same contract work around an unknown name of the same length costs the price less.
  const Answer known = ask("bls_verify_minsig", input), unknown = ask("bls_verify_minsix", input);
  ASSERT_EQ(known.code, 1);
  ASSERT_EQ(unknown.code, kNoSuchQuery);
  EXPECT_GE(known.gas, unknown.gas + price);
  EXPECT_LE(known.gas, unknown.gas + price + 1000);
  // With a gas limit below the price the query does not run: the call runs out of gas.
  const Answer starved = ask("bls_verify_minsig", input, unknown.gas + price / 2);
  EXPECT_FALSE(starved.ok);
  // The exact amount suffices, and the same query costs the same every time.
  EXPECT_EQ(ask("bls_verify_minsig", input, known.gas).gas, known.gas);
  // Hashes pay for the bytes they read.
  EXPECT_LT(find_query("sha256")->price(Bytes(10)), find_query("sha256")->price(Bytes(10000)));
}

}  // namespace
}  // namespace dusk::vm
