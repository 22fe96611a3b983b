// The circuit builder of our PLONK (dusk-plonk's Composer): witnesses, width-4 gates,
// public inputs and copy constraints, and the gadgets built from them.
//
// The constraint system. Every gate (row) has four wires a, b, c, d, each a Witness, and
// the selectors q_m, q_l, q_r, q_o, q_4, q_c, q_range; a gate holds when
//
//     q_m a b + q_l a + q_r b + q_o c + q_4 d + q_c - x = 0
//
// where x is the gate's public input if it has one, else 0, and, when q_range != 0, the
// range gate (dusk-plonk's) holds too: with d' the d wire of the next row and
// D(y) = y (y - 1) (y - 2) (y - 3),
//
//     D(c - 4 d) = D(b - 4 c) = D(a - 4 b) = D(d' - 4 a) = 0,
//
// i.e. the accumulator d -> c -> b -> a -> d' takes four base-4 digits (8 bits) per row.
// The verifier learns the public inputs x (in gate order) and nothing else of the
// witness. Copy constraints say
// that wires hold the same witness: a Witness used on several wires is one value, and
// assert_equal() joins two witnesses into one (a union of classes; the permutation
// argument of prover.hpp enforces every class).
//
// Circuits are C++ code (Circuit below) that append gates. The same code builds the
// circuit with the prover's values and, for key generation, with placeholder values
// (zeros): which gates it appends, with which selectors and wires, must not depend on the
// values (the prover checks: PlonkError::kShapeMismatch). Gadgets compute the values of
// the witnesses they add (bits, sums) from the values given, so a circuit only supplies
// its inputs.
//
// The zero witness (index 0) holds 0, enforced by the composer's first gate; unused
// wires and the padding rows of the domain use it.
//
// Thread safety: a Composer is a plain value; build one per thread. Even its const members
// are not safe to call concurrently (the union-find compresses its paths).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/int.hpp"
#include "base/result.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/plonk/range_gate.hpp"

namespace dusk::crypto::plonk {

using bls12_381::Fr;

// A variable of the circuit: an index into the composer's witness values.
struct Witness {
  u32 index = 0;  // 0: the zero witness
  friend bool operator==(Witness, Witness) = default;
};

// One gate, written with designated initializers:
//   composer.append_gate({.a = x, .b = y, .c = z, .q_m = Fr::one(), .q_o = -Fr::one()});
// Unset wires are the zero witness, unset selectors zero.
struct Gate {
  // (Every member has a default initializer, so that designated initializers may omit
  // any: g++ warns about omitted members without one.)
  Witness a{}, b{}, c{}, d{};
  Fr q_m{}, q_l{}, q_r{}, q_o{}, q_4{}, q_c{}, q_range{};
  std::optional<Fr> public_input{};  // x in the equation above
};

class Composer {
 public:
  Composer();

  // A new witness holding `value` (constrained by nothing until gates use it).
  Witness append_witness(const Fr& value);
  static constexpr Witness zero() { return Witness{0}; }
  const Fr& value(Witness w) const { return values_[w.index]; }

  // Appends a gate. Precondition: its witnesses come from this composer.
  void append_gate(const Gate& g);

  // A witness holding `value`, fixed by a gate w - value = 0 (value in the circuit).
  Witness append_constant(const Fr& value);
  // A witness holding the public input `value`: a gate w - x = 0 with x = value public.
  Witness append_public(const Fr& value);
  // Copy constraint: a and b are one variable. Their values must be equal for the
  // witness to satisfy the circuit.
  void assert_equal(Witness a, Witness b);
  // a = constant, by a gate a - constant = 0.
  void assert_equal_constant(Witness a, const Fr& constant);
  // a in {0, 1}, by a gate a * a - a = 0.
  void component_boolean(Witness a);
  // a < 2^bits, by range gates: base-4 digits, most significant first, accumulated four
  // per row (acc' = 4 acc + digit along d -> c -> b -> a -> next row's d), the first
  // accumulators the zero witness when the digit count is not a multiple of four, and a
  // last row without selectors that holds a itself on its d wire. For an odd bit count
  // the top digit is also boolean. ceil(bits / 8) + 1 gates (+1 for odd bits); 64 bits
  // take 9. Precondition: bits <= 254 (2^bits < r: the decomposition is unique).
  void component_range(Witness a, unsigned bits);
  // c = q_l a + q_r b + q_c (one gate), returned.
  Witness gate_add(Witness a, Witness b, const Fr& q_l = Fr::one(), const Fr& q_r = Fr::one(),
                   const Fr& q_c = Fr::zero());
  // c = q_m a b + q_c (one gate), returned.
  Witness gate_mul(Witness a, Witness b, const Fr& q_m = Fr::one(), const Fr& q_c = Fr::zero());

  size_t gate_count() const { return gates_.size(); }
  size_t witness_count() const { return values_.size(); }
  const std::vector<Gate>& gates() const { return gates_; }
  // The representative of w's copy-constraint class: the smallest witness index in it.
  u32 wire_class(Witness w) const;
  // The public inputs x in gate order, and the gates (rows) that carry them.
  std::vector<Fr> public_inputs() const;
  std::vector<u32> public_input_rows() const;

  // Whether the values satisfy the circuit: nullopt, or a description of the first gate
  // that fails or the first copy constraint joining different values.
  std::optional<std::string> first_violation() const;

  // BLAKE2b-256 of the circuit's shape (the circuit id): "dusk-plonk circuit v1", the gate
  // count (u64 LE), and per gate the four wires' classes (u64 LE each), the seven selectors
  // (32 bytes BE each) and whether it has a public input (1 byte). Neither the witness
  // values nor the public input values are included.
  std::array<u8, 32> description_hash() const;

 private:
  u32 find(u32 i) const;

  std::vector<Fr> values_;
  std::vector<Gate> gates_;
  mutable std::vector<u32> parent_;  // union-find over witnesses, root = smallest index
};

// Note: a witness that is on no gate's wire is unconstrained whatever assert_equal()
// joins it to; gadgets put the witnesses they constrain on wires.
//
// A circuit: code that appends its gates to a composer, run with the prover's values or,
// for key generation, on a default-constructed instance.
class Circuit {
 public:
  virtual ~Circuit() = default;
  virtual void circuit(Composer& composer) const = 0;
};

}  // namespace dusk::crypto::plonk
