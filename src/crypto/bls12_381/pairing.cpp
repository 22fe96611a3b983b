#include "crypto/bls12_381/pairing.hpp"

#include <vector>

#include "crypto/ec/cyclotomic.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

// Q in Jacobian coordinates on the twist: x = X / Z^2, y = Y / Z^3.
struct Jacobian {
  Fp2 x, y, z;
};

using Line = MillerLine;

Fp12 evaluate(const Fp12& f, const Line& l, const G1Affine& p) {
  return f.mul_by_014(l.c0, l.c1 * p.x, l.c4 * p.y);
}

// Doubles r and returns the tangent line at r (Costello, Lange and Naehrig, "Faster
// pairing computations on curves with high-degree twists", ePrint 2010/354, algorithm 26
// adapted to the M-type twist).
Line doubling_step(Jacobian& r) {
  Fp2 t0 = r.x.square();
  Fp2 t1 = r.y.square();
  Fp2 t2 = t1.square();
  Fp2 t3 = (t1 + r.x).square() - t0 - t2;
  t3 = t3 + t3;
  Fp2 t4 = t0 + t0 + t0;
  Fp2 t6 = r.x + t4;
  Fp2 t5 = t4.square();
  Fp2 zz = r.z.square();
  r.x = t5 - t3 - t3;
  r.z = (r.z + r.y).square() - t1 - zz;
  r.y = (t3 - r.x) * t4;
  t2 = t2.dbl().dbl().dbl();
  r.y = r.y - t2;
  t3 = -(t4 * zz).dbl();
  t6 = t6.square() - t0 - t5;
  t1 = t1.dbl().dbl();
  t6 = t6 - t1;
  t0 = (r.z * zz).dbl();
  return Line{t6, t3, t0};
}

// Sets r = r + q and returns the chord through them (ibid., algorithm 27).
Line addition_step(Jacobian& r, const G2Affine& q) {
  Fp2 zz = r.z.square();
  Fp2 yy = q.y.square();
  Fp2 t0 = zz * q.x;
  Fp2 t1 = ((q.y + r.z).square() - yy - zz) * zz;
  Fp2 t2 = t0 - r.x;
  Fp2 t3 = t2.square();
  Fp2 t4 = t3.dbl().dbl();
  Fp2 t5 = t4 * t2;
  Fp2 t6 = t1 - r.y - r.y;
  Fp2 t9 = t6 * q.x;
  Fp2 t7 = t4 * r.x;
  r.x = t6.square() - t5 - t7 - t7;
  r.z = (r.z + t2).square() - zz - t3;
  Fp2 t10 = q.y + r.z;
  Fp2 t8 = (t7 - r.x) * t6;
  t0 = (r.y * t5).dbl();
  r.y = t8 - t0;
  t10 = t10.square() - yy - r.z.square();
  t9 = t9 + t9 - t10;
  t10 = r.z + r.z;
  t1 = (-t6).dbl();
  return Line{t9, t1, t10};
}

// f^x for the negative x, f in the cyclotomic subgroup (where the inverse is the
// conjugate).
Fp12 cyclotomic_exp_by_x(const Fp12& f) {
  Fp12 acc = Fp12::one();
  bool started = false;
  for (int i = 63; i >= 0; --i) {
    bool bit = (kAbsX >> i) & 1;
    if (started) acc = cyclotomic_square(acc);
    if (bit) {
      acc = started ? acc * f : f;
      started = true;
    }
  }
  return acc.conjugate();
}

}  // namespace

// Granger-Scott squaring, shared with BN254 (ec/cyclotomic.hpp).
Fp12 cyclotomic_square(const Fp12& f) { return ec::cyclotomic_square(f); }

G2Prepared prepare_g2(const G2Affine& q) {
  G2Prepared out;
  if (q.infinity) return out;
  out.lines.reserve(72);
  Jacobian r{q.x, q.y, Fp2::one()};
  // Bits of |x| below the leading one, high to low: a doubling each, an addition after
  // it for a one; the last bit (0) is the final doubling.
  int top = 63;
  while (!((kAbsX >> top) & 1)) --top;
  for (int i = top - 1; i >= 0; --i) {
    out.lines.push_back(doubling_step(r));
    if (i >= 1 && ((kAbsX >> i) & 1)) out.lines.push_back(addition_step(r, q));
  }
  return out;
}

const G2Prepared& neg_g2_generator_lines() {
  static const G2Prepared lines = prepare_g2(-G2Affine::generator());
  return lines;
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
  int top = 63;
  while (!((kAbsX >> top) & 1)) --top;
  for (int i = top - 1; i >= 1; --i) {
    apply_lines();                        // doubling
    if ((kAbsX >> i) & 1) apply_lines();  // addition of Q
    f = f.square();
  }
  apply_lines();  // the last doubling, without the squaring after it
  return f.conjugate();  // x < 0
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

// The hard part follows zkcrypto's bls12_381 (after Hayashida, Hayasaka and Teruya,
// ePrint 2020/875): exponents by x and Frobenius maps combined so that no
// exponentiation by anything but x is needed.
Fp12 final_exponentiation(const Fp12& f) {
  // Easy part: f^((p^6 - 1)(p^2 + 1)).
  Fp12 t0 = f.conjugate();  // f^(p^6)
  Fp12 t1 = f.inverse_vartime();
  Fp12 t2 = t0 * t1;
  t1 = t2;
  t2 = t2.frobenius_map(2) * t1;
  // Hard part.
  t1 = cyclotomic_square(t2).conjugate();
  Fp12 t3 = cyclotomic_exp_by_x(t2);
  Fp12 t4 = cyclotomic_square(t3);
  Fp12 t5 = t1 * t3;
  t1 = cyclotomic_exp_by_x(t5);
  t0 = cyclotomic_exp_by_x(t1);
  Fp12 t6 = cyclotomic_exp_by_x(t0);
  t6 = t6 * t4;
  t4 = cyclotomic_exp_by_x(t6);
  t5 = t5.conjugate();
  t4 = t4 * (t5 * t2);
  t5 = t2.conjugate();
  t1 = t1 * t2;
  t1 = t1.frobenius_map(3);
  t6 = t6 * t5;
  t6 = t6.frobenius_map(1);
  t3 = t3 * t0;
  t3 = t3.frobenius_map(2);
  t3 = t3 * t1;
  t3 = t3 * t6;
  return t3 * t4;
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

}  // namespace dusk::crypto::bls12_381
