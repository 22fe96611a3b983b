#include "crypto/poseidon/gadget.hpp"

#include <cstdlib>
#include <vector>

#include "crypto/poseidon/safe.hpp"

namespace dusk::crypto::poseidon::gadget {

namespace {

using plonk::Gate;

// (x + c)^5, in three gates: t = (x + c)^2 = x x + 2c x + c^2; u = t t; (x + c)^5 = u x + c u.
Witness sbox(Composer& cs, Witness x, const Fr& c) {
  const Fr xv = cs.value(x) + c;
  const Fr t_val = xv.square();
  const Witness t = cs.append_witness(t_val);
  cs.append_gate({.a = x, .b = x, .c = t, .q_m = Fr::one(), .q_l = c + c, .q_o = -Fr::one(), .q_c = c.square()});
  const Witness u = cs.append_witness(t_val.square());
  cs.append_gate({.a = t, .b = t, .c = u, .q_m = Fr::one(), .q_o = -Fr::one()});
  const Witness out = cs.append_witness(t_val.square() * xv);
  cs.append_gate({.a = u, .b = x, .c = out, .q_m = Fr::one(), .q_l = c, .q_o = -Fr::one()});
  return out;
}

// sum_j m[j] y[j] + k over five witnesses, in two gates.
Witness linear5(Composer& cs, const std::array<Fr, kWidth>& m, const std::array<Witness, kWidth>& y, const Fr& k) {
  const Fr partial = m[0] * cs.value(y[0]) + m[1] * cs.value(y[1]) + m[2] * cs.value(y[2]);
  const Witness p = cs.append_witness(partial);
  cs.append_gate({.a = y[0], .b = y[1], .c = p, .d = y[2], .q_l = m[0], .q_r = m[1], .q_o = -Fr::one(), .q_4 = m[2]});
  const Witness out = cs.append_witness(partial + m[3] * cs.value(y[3]) + m[4] * cs.value(y[4]) + k);
  cs.append_gate({.a = p, .b = y[3], .c = out, .d = y[4], .q_l = Fr::one(), .q_r = m[3], .q_o = -Fr::one(),
                  .q_4 = m[4], .q_c = k});
  return out;
}

}  // namespace

void permute(Composer& cs, std::array<Witness, kWidth>& s) {
  const Parameters& p = parameters();
  const OptimizedParameters& o = optimized_parameters();
  constexpr size_t last = kWidth - 1;
  size_t round = 0;
  auto full = [&] {
    std::array<Witness, kWidth> y;
    for (size_t i = 0; i < kWidth; ++i) y[i] = sbox(cs, s[i], o.round_constants[round][i]);
    for (size_t k = 0; k < kWidth; ++k) s[k] = linear5(cs, p.mds[k], y, Fr::zero());
    ++round;
  };
  for (size_t i = 0; i < kFullRounds / 2; ++i) full();
  // The first partial round: S-box, then the dense matrix.
  {
    std::array<Witness, kWidth> y = s;
    y[last] = sbox(cs, s[last], o.round_constants[round][last]);
    for (size_t k = 0; k < kWidth; ++k) s[k] = linear5(cs, o.first_partial[k], y, Fr::zero());
    ++round;
  }
  // The others: S-box, then the sparse M'' (one gate per x_i + column_i x_4, two for the
  // last row).
  for (const OptimizedParameters::Sparse& sp : o.sparse) {
    const Witness x = sbox(cs, s[last], o.round_constants[round][last]);
    std::array<Witness, kWidth> y = s;
    y[last] = x;
    const Witness out_last = linear5(cs, sp.row, y, Fr::zero());
    for (size_t i = 0; i < last; ++i) s[i] = cs.gate_add(s[i], x, Fr::one(), sp.column[i]);
    s[last] = out_last;
    ++round;
  }
  for (size_t i = 0; i < kFullRounds / 2; ++i) full();
}

Witness hash(Composer& cs, Domain domain, std::span<const Witness> inputs) {
  const std::vector<Call> pattern{Call::absorb(inputs.size()), Call::squeeze(1)};
  auto t = tag(pattern, static_cast<u64>(domain));
  // A circuit's shape is the caller's code: an empty input or a Merkle node of the wrong
  // arity is a bug in that code, found the first time it runs.
  if (!t.ok() || (domain == Domain::kMerkle4 && inputs.size() != 4) ||
      (domain == Domain::kMerkle2 && inputs.size() != 2))
    std::abort();
  std::array<Witness, kWidth> s{cs.append_constant(*t), Composer::zero(), Composer::zero(), Composer::zero(),
                                Composer::zero()};
  size_t pos = 0;
  for (const Witness x : inputs) {
    if (pos == kWidth - 1) {
      permute(cs, s);
      pos = 0;
    }
    s[1 + pos] = cs.gate_add(s[1 + pos], x);
    ++pos;
  }
  permute(cs, s);
  return s[1];
}

Witness merkle4_opening(Composer& cs, Witness leaf, std::span<const std::array<Witness, 4>> levels,
                        std::span<const Witness> position_bits) {
  if (position_bits.size() != 2 * levels.size()) std::abort();  // the caller's shape
  Witness current = leaf;
  const Fr one = Fr::one(), minus = -Fr::one();
  for (size_t h = 0; h < levels.size(); ++h) {
    const auto& c = levels[h];
    const Witness b0 = position_bits[2 * h], b1 = position_bits[2 * h + 1];
    // current = c0 + b0 (c1 - c0) + b1 (c2 - c0) + b0 b1 (c3 - c2 - c1 + c0)
    const Witness both = cs.gate_mul(b0, b1);
    const Witness d1 = cs.gate_add(c[1], c[0], one, minus);
    const Witness d2 = cs.gate_add(c[2], c[0], one, minus);
    const Witness t = cs.append_witness(cs.value(c[3]) - cs.value(c[2]) - cs.value(c[1]));
    cs.append_gate({.a = c[3], .b = c[2], .c = t, .d = c[1], .q_l = one, .q_r = minus, .q_o = minus, .q_4 = minus});
    const Witness d3 = cs.gate_add(t, c[0]);
    const Witness m1 = cs.gate_mul(b0, d1), m2 = cs.gate_mul(b1, d2), m3 = cs.gate_mul(both, d3);
    const Witness partial = cs.append_witness(cs.value(c[0]) + cs.value(m1) + cs.value(m2));
    cs.append_gate({.a = c[0], .b = m1, .c = partial, .d = m2, .q_l = one, .q_r = one, .q_o = minus, .q_4 = one});
    // partial + m3 - current = 0
    cs.append_gate({.a = partial, .b = m3, .c = current, .q_l = one, .q_r = one, .q_o = minus});
    current = merkle4(cs, c);
  }
  return current;
}

}  // namespace dusk::crypto::poseidon::gadget
