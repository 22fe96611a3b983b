#include "crypto/plonk/composer.hpp"

#include <cassert>

#include "crypto/hash/blake2b.hpp"

namespace dusk::crypto::plonk {

Composer::Composer() {
  values_.push_back(Fr::zero());
  parent_.push_back(0);
  // The zero witness is 0: q_l a = 0.
  append_gate({.a = zero(), .q_l = Fr::one()});
}

Witness Composer::append_witness(const Fr& value) {
  const u32 i = static_cast<u32>(values_.size());
  values_.push_back(value);
  parent_.push_back(i);
  return Witness{i};
}

void Composer::append_gate(const Gate& g) {
  assert(g.a.index < values_.size() && g.b.index < values_.size() && g.c.index < values_.size() &&
         g.d.index < values_.size());
  gates_.push_back(g);
}

Witness Composer::append_constant(const Fr& value) {
  const Witness w = append_witness(value);
  assert_equal_constant(w, value);
  return w;
}

Witness Composer::append_public(const Fr& value) {
  const Witness w = append_witness(value);
  append_gate({.a = w, .q_l = Fr::one(), .public_input = value});
  return w;
}

u32 Composer::find(u32 i) const {
  while (parent_[i] != i) {
    parent_[i] = parent_[parent_[i]];
    i = parent_[i];
  }
  return i;
}

u32 Composer::wire_class(Witness w) const { return find(w.index); }

void Composer::assert_equal(Witness a, Witness b) {
  const u32 ra = find(a.index), rb = find(b.index);
  if (ra == rb) return;
  // The smaller index is the root, so that the classes do not depend on the order of
  // the unions (the circuit id hashes them).
  if (ra < rb) {
    parent_[rb] = ra;
  } else {
    parent_[ra] = rb;
  }
}

void Composer::assert_equal_constant(Witness a, const Fr& constant) {
  append_gate({.a = a, .q_l = Fr::one(), .q_c = -constant});
}

void Composer::component_boolean(Witness a) {
  append_gate({.a = a, .b = a, .q_m = Fr::one(), .q_l = -Fr::one()});
}

void Composer::component_range(Witness a, unsigned bits) {
  assert(bits <= 254);
  if (bits == 0) {
    assert_equal_constant(a, Fr::zero());
    return;
  }
  const auto v = value(a).to_canonical();
  const size_t digits = (bits + 1) / 2;
  const size_t rows = (digits + 3) / 4;
  const size_t pad = 4 * rows - digits;
  // acc[k] for k <= 4 rows: zero up to the padding, then 4 acc + digit; the last is a.
  std::vector<Witness> acc(4 * rows + 1, zero());
  Fr running;
  for (size_t k = 0; k < digits; ++k) {
    const unsigned shift = static_cast<unsigned>(2 * (digits - 1 - k));
    const u64 digit = (v[shift / 64] >> (shift % 64)) & 3;
    running = running.mul_small(4) + Fr::from_u64(digit);
    const size_t at = pad + k + 1;
    acc[at] = at == 4 * rows ? a : append_witness(running);
  }
  // An odd bit count: the top digit (the first accumulator after the zeros) is a bit.
  if (bits % 2 == 1) component_boolean(acc[pad + 1]);
  for (size_t r = 0; r < rows; ++r) {
    append_gate({.a = acc[4 * r + 3], .b = acc[4 * r + 2], .c = acc[4 * r + 1], .d = acc[4 * r],
                 .q_range = Fr::one()});
  }
  append_gate({.d = a});
}

Witness Composer::gate_add(Witness a, Witness b, const Fr& q_l, const Fr& q_r, const Fr& q_c) {
  const Witness c = append_witness(q_l * value(a) + q_r * value(b) + q_c);
  append_gate({.a = a, .b = b, .c = c, .q_l = q_l, .q_r = q_r, .q_o = -Fr::one(), .q_c = q_c});
  return c;
}

Witness Composer::gate_mul(Witness a, Witness b, const Fr& q_m, const Fr& q_c) {
  const Witness c = append_witness(q_m * value(a) * value(b) + q_c);
  append_gate({.a = a, .b = b, .c = c, .q_m = q_m, .q_o = -Fr::one(), .q_c = q_c});
  return c;
}

std::vector<Fr> Composer::public_inputs() const {
  std::vector<Fr> out;
  for (const Gate& g : gates_) {
    if (g.public_input) out.push_back(*g.public_input);
  }
  return out;
}

std::vector<u32> Composer::public_input_rows() const {
  std::vector<u32> out;
  for (size_t i = 0; i < gates_.size(); ++i) {
    if (gates_[i].public_input) out.push_back(static_cast<u32>(i));
  }
  return out;
}

std::optional<std::string> Composer::first_violation() const {
  for (size_t i = 0; i < gates_.size(); ++i) {
    const Gate& g = gates_[i];
    const Fr a = value(g.a), b = value(g.b), c = value(g.c), d = value(g.d);
    Fr sum = g.q_m * a * b + g.q_l * a + g.q_r * b + g.q_o * c + g.q_4 * d + g.q_c;
    if (g.public_input) sum -= *g.public_input;
    if (!sum.is_zero()) return "gate " + std::to_string(i) + " does not hold";
    if (!g.q_range.is_zero()) {
      // The next row's d; past the last gate, a padding row (the zero witness).
      const Fr d_next = i + 1 < gates_.size() ? value(gates_[i + 1].d) : Fr::zero();
      const Fr four = Fr::from_u64(4);
      for (const Fr& y : {c - four * d, b - four * c, a - four * b, d_next - four * a}) {
        if (!range_digit_check(y).is_zero()) return "range gate " + std::to_string(i) + " does not hold";
      }
    }
  }
  for (u32 w = 0; w < values_.size(); ++w) {
    const u32 root = find(w);
    if (!(values_[w] == values_[root])) {
      return "copy constraint: witness " + std::to_string(w) + " differs from witness " + std::to_string(root);
    }
  }
  return std::nullopt;
}

std::array<u8, 32> Composer::description_hash() const {
  Blake2b h;
  (void)h.init(32);  // cannot fail: 32 is a valid digest size
  h.update(as_bytes("dusk-plonk circuit v1"));
  auto put_u64 = [&](u64 v) {
    u8 b[8];
    for (int k = 0; k < 8; ++k) b[k] = static_cast<u8>(v >> (8 * k));
    h.update(ByteView(b, 8));
  };
  put_u64(gates_.size());
  for (const Gate& g : gates_) {
    for (Witness w : {g.a, g.b, g.c, g.d}) put_u64(find(w.index));
    for (const Fr* q : {&g.q_m, &g.q_l, &g.q_r, &g.q_o, &g.q_4, &g.q_c, &g.q_range}) h.update(q->to_bytes_be());
    const u8 pub = g.public_input ? 1 : 0;
    h.update(ByteView(&pub, 1));
  }
  const auto full = h.final();
  std::array<u8, 32> out;
  std::copy(full.begin(), full.begin() + 32, out.begin());
  return out;
}

}  // namespace dusk::crypto::plonk
