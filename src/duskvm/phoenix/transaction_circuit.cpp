#include "duskvm/phoenix/transaction_circuit.hpp"

#include <cstdlib>

#include "crypto/jubjub/elgamal.hpp"
#include "crypto/jubjub/gadget.hpp"
#include "crypto/jubjub/pedersen.hpp"
#include "crypto/poseidon/gadget.hpp"
#include "crypto/poseidon/hash.hpp"
#include "crypto/schnorr/gadget.hpp"

namespace dusk::duskvm::phoenix {

namespace {

namespace jg = crypto::jubjub::gadget;
namespace pg = crypto::poseidon::gadget;
using crypto::jubjub::generator;
using crypto::jubjub::generator_nums;
using crypto::plonk::Composer;
using crypto::plonk::Witness;
using jg::WitnessPoint;

constexpr unsigned kPositionBits = 2 * NoteTree::kDepth;

Fr as_fr(const Scalar& s) { return *Fr::from_bytes_le(s.to_bytes_le()); }

// The shape's stand-in values: any values build the same gates.
TransactionWitness placeholder(size_t inputs) {
  TransactionWitness w;
  for (size_t i = 0; i < inputs; ++i) {
    Note note = Note::transparent_to(StealthAddress{}, 0, ContractInfo{});
    note.set_pos(0);
    w.inputs.push_back(InputWitness{note, {}, {0, Scalar::zero()}, Point{},
                                    crypto::schnorr::SignatureDouble{Scalar::zero(), Point{}, Point{}}});
  }
  return w;
}

WitnessPoint public_point(Composer& cs, const Point& p) { return {cs.append_public(p.u()), cs.append_public(p.v())}; }

// value G + blinder G' from witnesses; value < 2^64 (its 64-bit decomposition is both
// the range check and the multiplication's bits).
WitnessPoint commitment(Composer& cs, Witness value, Witness blinder) {
  const std::vector<Witness> value_bits = jg::decompose(cs, value, 64);
  return jg::add(cs, jg::mul_fixed(cs, value_bits, generator()), jg::mul_fixed(cs, blinder, generator_nums()));
}

}  // namespace

std::vector<Fr> TransactionPublic::to_public_inputs() const {
  std::vector<Fr> out{payload_hash, root};
  out.insert(out.end(), nullifiers.begin(), nullifiers.end());
  for (const Output& o : outputs) {
    for (const Point* p : {&o.value_commitment, &o.note_pk, &o.sender[0].gamma, &o.sender[0].delta,
                           &o.sender[1].gamma, &o.sender[1].delta}) {
      out.push_back(p->u());
      out.push_back(p->v());
    }
  }
  out.push_back(Fr::from_u64(max_fee));
  out.push_back(Fr::from_u64(deposit));
  return out;
}

TransactionPublic public_of(const TransactionWitness& w) {
  TransactionPublic p;
  p.payload_hash = w.payload_hash;
  p.root = w.root;
  for (const InputWitness& in : w.inputs)
    p.nullifiers.push_back(crypto::poseidon::hash(
        std::array<Fr, 3>{in.note_pk_prime.u(), in.note_pk_prime.v(), Fr::from_u64(in.note.pos())}));
  for (size_t j = 0; j < kOutputs; ++j) {
    const OutputWitness& o = w.outputs[j];
    p.outputs[j] = {crypto::jubjub::pedersen_commit(Scalar::from_u64(o.value), o.blinder),
                    o.note_pk,
                    {crypto::jubjub::elgamal_encrypt(o.note_pk, w.sender.a, o.sender_blinders[0]),
                     crypto::jubjub::elgamal_encrypt(o.note_pk, w.sender.b, o.sender_blinders[1])}};
  }
  p.max_fee = w.max_fee;
  p.deposit = w.deposit;
  return p;
}

TransactionCircuit::TransactionCircuit(size_t inputs) : inputs_(inputs) {
  if (inputs == 0 || inputs > kMaxInputs) std::abort();  // a caller's bug: 1..4 inputs
}

TransactionCircuit::TransactionCircuit(TransactionWitness witness)
    : inputs_(witness.inputs.size()), witness_(std::move(witness)) {
  if (inputs_ == 0 || inputs_ > kMaxInputs) std::abort();
}

TransactionCircuit::TransactionCircuit(TransactionWitness witness, TransactionPublic claimed)
    : inputs_(witness.inputs.size()), witness_(std::move(witness)), claimed_(std::move(claimed)) {
  if (inputs_ == 0 || inputs_ > kMaxInputs || claimed_->nullifiers.size() != inputs_) std::abort();
}

void TransactionCircuit::circuit(Composer& cs) const {
  const TransactionWitness w = witness_ ? *witness_ : placeholder(inputs_);
  const TransactionPublic pub = claimed_ ? *claimed_ : public_of(w);

  // The public inputs first, in the documented order.
  const Witness payload = cs.append_public(pub.payload_hash);
  const Witness root = cs.append_public(pub.root);
  std::vector<Witness> nullifiers;
  for (const Fr& n : pub.nullifiers) nullifiers.push_back(cs.append_public(n));
  struct PublicOutput {
    WitnessPoint commitment, note_pk;
    std::array<WitnessPoint, 4> sender;  // A's gamma, delta, B's gamma, delta
  };
  std::array<PublicOutput, kOutputs> outputs;
  for (size_t j = 0; j < kOutputs; ++j) {
    const auto& o = pub.outputs[j];
    outputs[j].commitment = public_point(cs, o.value_commitment);
    outputs[j].note_pk = public_point(cs, o.note_pk);
    outputs[j].sender = {public_point(cs, o.sender[0].gamma), public_point(cs, o.sender[0].delta),
                         public_point(cs, o.sender[1].gamma), public_point(cs, o.sender[1].delta)};
  }
  const Witness max_fee = cs.append_public(Fr::from_u64(pub.max_fee));
  const Witness deposit = cs.append_public(Fr::from_u64(pub.deposit));
  cs.component_range(max_fee, 64);
  cs.component_range(deposit, 64);

  Witness total_in = Composer::zero();
  for (size_t i = 0; i < inputs_; ++i) {
    const InputWitness& in = w.inputs[i];
    // Membership: the note's hash opens to the root at its position.
    const Witness type = cs.append_witness(Fr::from_u64(static_cast<u64>(in.note.type())));
    cs.component_boolean(type);
    const WitnessPoint vc = jg::append_point(cs, in.note.value_commitment());
    const WitnessPoint note_pk = jg::append_point(cs, in.note.stealth_address().note_pk);
    const Witness pos = cs.append_witness(Fr::from_u64(in.note.pos()));
    const std::vector<Witness> pos_bits = jg::decompose(cs, pos, kPositionBits);
    const std::array<Witness, 6> leaf_inputs{type, vc.u, vc.v, note_pk.u, note_pk.v, pos};
    const Witness leaf = pg::hash(cs, leaf_inputs);
    std::vector<std::array<Witness, 4>> levels;
    for (const auto& level : in.opening.levels) {
      std::array<Witness, 4> c;
      for (size_t k = 0; k < 4; ++k) c[k] = cs.append_witness(level[k]);
      levels.push_back(c);
    }
    cs.assert_equal(pg::merkle4_opening(cs, leaf, levels, pos_bits), root);

    // Ownership: a double signature under (note_pk, note_pk'). note_pk' is proved in the
    // prime-order subgroup: with a torsion component the signature would still pass one
    // try in eight, and the nullifier would be another one for the same note.
    const WitnessPoint pk_prime = jg::append_prime_order_point(cs, in.note_pk_prime);
    const Witness u = cs.append_witness(as_fr(in.signature.u));
    const WitnessPoint r = jg::append_point(cs, in.signature.r);
    const WitnessPoint r_prime = jg::append_point(cs, in.signature.r_prime);
    crypto::schnorr::gadget::verify_double(cs, u, r, r_prime, note_pk, pk_prime, payload);

    // The nullifier.
    const std::array<Witness, 3> nf_inputs{pk_prime.u, pk_prime.v, pos};
    cs.assert_equal(pg::hash(cs, nf_inputs), nullifiers[i]);

    // The value behind the commitment.
    const Witness value = cs.append_witness(Fr::from_u64(in.value.value));
    const Witness blinder = cs.append_witness(as_fr(in.value.blinder));
    jg::assert_equal_point(cs, commitment(cs, value, blinder), vc);
    total_in = cs.gate_add(total_in, value);
  }

  const WitnessPoint sender_a = jg::append_point(cs, w.sender.a);
  const WitnessPoint sender_b = jg::append_point(cs, w.sender.b);
  Witness total_out = Composer::zero();
  for (size_t j = 0; j < kOutputs; ++j) {
    const OutputWitness& o = w.outputs[j];
    const Witness value = cs.append_witness(Fr::from_u64(o.value));
    const Witness blinder = cs.append_witness(as_fr(o.blinder));
    jg::assert_equal_point(cs, commitment(cs, value, blinder), outputs[j].commitment);
    total_out = cs.gate_add(total_out, value);
    // The sender's key, encrypted to the output's note key.
    const std::array<const WitnessPoint*, 2> halves{&sender_a, &sender_b};
    for (size_t k = 0; k < 2; ++k) {
      const Witness rk = cs.append_witness(as_fr(o.sender_blinders[k]));
      const std::vector<Witness> rk_bits = jg::decompose(cs, rk, jg::kScalarBits);  // once for both points
      jg::assert_equal_point(cs, jg::mul_fixed(cs, rk_bits, generator()), outputs[j].sender[2 * k]);
      jg::assert_equal_point(cs, jg::add(cs, *halves[k], jg::mul_variable(cs, rk_bits, outputs[j].note_pk)),
                             outputs[j].sender[2 * k + 1]);
    }
  }

  // Balance: inputs = outputs + max_fee + deposit.
  const Fr one = Fr::one(), minus = -Fr::one();
  cs.append_gate({.a = total_in, .b = total_out, .c = max_fee, .d = deposit, .q_l = one, .q_r = minus, .q_o = minus,
                  .q_4 = minus});
}

}  // namespace dusk::duskvm::phoenix
