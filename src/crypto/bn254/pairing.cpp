#include "crypto/bn254/pairing.hpp"

#include <array>
#include <vector>

#include "crypto/ec/cyclotomic.hpp"
#include "crypto/ec/miller_lines.hpp"

namespace dusk::crypto::bn254 {
namespace {

using Jacobian = ec::JacobianPoint<Fp2>;
using Line = ec::LineCoeffs<Fp2>;

// 6u + 2 = 29793968203157093288 (65 bits) as a u128.
constexpr u128 kLoop = static_cast<u128>(kU) * 6 + 2;

// Non-adjacent form, least significant digit first.
struct Naf {
  std::array<i8, 67> d{};
  size_t len = 0;
};
constexpr Naf naf_of(u128 n) {
  Naf naf;
  while (n != 0) {
    i8 digit = 0;
    if (n & 1) {
      digit = (n & 3) == 3 ? -1 : 1;
      if (digit == 1) {
        n -= 1;
      } else {
        n += 1;
      }
    }
    naf.d[naf.len++] = digit;
    n >>= 1;
  }
  return naf;
}
constexpr Naf kNaf = naf_of(kLoop);       // 66 digits, 22 non-zero
constexpr Naf kUNaf = naf_of(kU);         // 63 digits, 24 non-zero (28 ones in binary)

// The D-type line value yc y_P + xc x_P w + c v w.
Fp12 evaluate(const Fp12& f, const Line& l, const G1Affine& p) {
  return f.mul_by_034(l.yc * p.y, l.xc * p.x, l.c);
}

// f^u for f in the cyclotomic subgroup (u > 0), over the NAF of u: a digit -1 multiplies
// by the conjugate, which is the inverse there.
Fp12 cyclotomic_exp_by_u(const Fp12& f) {
  const Fp12 f_inv = f.conjugate();
  Fp12 acc = f;  // the leading digit, 1
  for (size_t i = kUNaf.len - 1; i-- > 0;) {
    acc = ec::cyclotomic_square(acc);
    if (kUNaf.d[i] > 0) acc = acc * f;
    if (kUNaf.d[i] < 0) acc = acc * f_inv;
  }
  return acc;
}

}  // namespace

G2Prepared prepare_g2(const G2Affine& q) {
  G2Prepared out;
  if (q.infinity) return out;
  out.lines.reserve(kNaf.len + 24);
  Jacobian r{q.x, q.y, Fp2::one()};
  const G2Affine neg_q = -q;
  for (size_t i = kNaf.len - 1; i-- > 0;) {
    out.lines.push_back(ec::doubling_step(r));
    const int digit = kNaf.d[i];
    if (digit == 0) continue;
    const G2Affine& add = digit > 0 ? q : neg_q;
    out.lines.push_back(ec::addition_step(r, add.x, add.y));
  }
  // The two extra lines: through T and psi(Q), then through T + psi(Q) and -psi^2(Q).
  const G2Affine q1 = g2_psi(q);
  const G2Affine q2 = -g2_psi(q1);
  out.lines.push_back(ec::addition_step(r, q1.x, q1.y));
  out.lines.push_back(ec::addition_step(r, q2.x, q2.y));
  return out;
}

Fp12 miller_loop(std::span<const PreparedPairingInput> pairs) {
  std::vector<const PreparedPairingInput*> live;
  for (const auto& pq : pairs) {
    if (pq.p.infinity || pq.q->lines.empty()) continue;  // contributes 1
    live.push_back(&pq);
  }
  Fp12 f = Fp12::one();
  if (live.empty()) return f;
  // Every prepared Q has its lines at the same positions: k walks them in step.
  size_t k = 0;
  auto apply_lines = [&] {
    for (const auto* pq : live) f = evaluate(f, pq->q->lines[k], pq->p);
    ++k;
  };
  for (size_t i = kNaf.len - 1; i-- > 0;) {
    if (i + 2 != kNaf.len) f = f.square();  // f = 1 on the first step
    apply_lines();                          // doubling
    if (kNaf.d[i] != 0) apply_lines();      // addition of +-Q
  }
  apply_lines();  // T + psi(Q)
  apply_lines();  // - psi^2(Q)
  return f;
}

Fp12 miller_loop(std::span<const PairingInput> pairs) {
  std::vector<G2Prepared> prepared;
  std::vector<PreparedPairingInput> inputs;
  prepared.reserve(pairs.size());
  inputs.reserve(pairs.size());
  for (const auto& [p, q] : pairs) {
    prepared.push_back(p.infinity ? G2Prepared{} : prepare_g2(q));
    inputs.push_back({p, &prepared.back()});
  }
  return miller_loop(std::span<const PreparedPairingInput>(inputs));
}

Fp12 miller_loop(const G1Affine& p, const G2Affine& q) {
  PairingInput pq{p, q};
  return miller_loop(std::span<const PairingInput>(&pq, 1));
}

Fp12 final_exponentiation(const Fp12& f) {
  // Easy part: f^((p^6 - 1)(p^2 + 1)); the result is cyclotomic (its inverse is its
  // conjugate).
  Fp12 t = f.conjugate() * f.inverse_vartime();
  t = t.frobenius_map(2) * t;
  // Hard part: t^((p^4 - p^2 + 1) / r) = y0 y1^2 y2^6 y3^12 y4^18 y5^30 y6^36 with the
  // y_i below (Scott et al. 2009, section 5), by their addition chain.
  const Fp12 fu = cyclotomic_exp_by_u(t);
  const Fp12 fu2 = cyclotomic_exp_by_u(fu);
  const Fp12 fu3 = cyclotomic_exp_by_u(fu2);
  const Fp12 y0 = t.frobenius_map(1) * t.frobenius_map(2) * t.frobenius_map(3);
  const Fp12 y1 = t.conjugate();
  const Fp12 y2 = fu2.frobenius_map(2);
  const Fp12 y3 = fu.frobenius_map(1).conjugate();
  const Fp12 y4 = (fu * fu2.frobenius_map(1)).conjugate();
  const Fp12 y5 = fu2.conjugate();
  const Fp12 y6 = (fu3 * fu3.frobenius_map(1)).conjugate();
  Fp12 t0 = ec::cyclotomic_square(y6) * y4 * y5;
  Fp12 t1 = y3 * y5 * t0;
  t0 = t0 * y2;
  t1 = ec::cyclotomic_square(t1) * t0;
  t1 = ec::cyclotomic_square(t1);
  t0 = t1 * y1;
  t1 = t1 * y0;
  t0 = ec::cyclotomic_square(t0);
  return t0 * t1;
}

Fp12 pairing(const G1Affine& p, const G2Affine& q) {
  return final_exponentiation(miller_loop(p, q));
}

Fp12 multi_pairing(std::span<const PairingInput> pairs) {
  return final_exponentiation(miller_loop(pairs));
}

Fp12 multi_pairing(std::span<const PreparedPairingInput> pairs) {
  return final_exponentiation(miller_loop(pairs));
}

}  // namespace dusk::crypto::bn254
