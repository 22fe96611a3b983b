#include "crypto/bn254/pairing.hpp"

#include <vector>

#include "crypto/ec/detail/cyclotomic.hpp"
#include "crypto/ec/detail/multi_miller_loop.hpp"

namespace dusk::crypto::bn254 {
namespace {

// What the shared Miller loop (ec/multi_miller_loop.hpp) needs to know of BN254.
struct Curve {
  using Fp2 = bn254::Fp2;
  using Fp12 = bn254::Fp12;
  using G1Affine = bn254::G1Affine;
  using G2Affine = bn254::G2Affine;
  // 6u + 2 = 29793968203157093288 (65 bits) in NAF: 66 digits, 22 non-zero.
  static constexpr ec::SignedDigits kLoop = ec::naf_digits(static_cast<u128>(kU) * 6 + 2);
  static constexpr bool kNegativeLoop = false;
  static constexpr size_t kExtraLines = 2;
  // The D-type line value yc y_P + xc x_P w + c v w.
  static Fp12 evaluate(const Fp12& f, const ec::LineCoeffs<Fp2>& l, const G1Affine& p) {
    return f.mul_by_034(l.yc * p.y, l.xc * p.x, l.c);
  }
  // The two extra lines: through T and psi(Q), then through T + psi(Q) and -psi^2(Q).
  static void extra_lines(ec::JacobianPoint<Fp2>& t, const G2Affine& q,
                          std::vector<ec::LineCoeffs<Fp2>>& lines) {
    const G2Affine q1 = g2_psi(q);
    const G2Affine q2 = -g2_psi(q1);
    lines.push_back(ec::addition_step(t, q1.x, q1.y));
    lines.push_back(ec::addition_step(t, q2.x, q2.y));
  }
};
static_assert(ec::kPreparedLines<Curve> == 88);

// u in NAF: 63 digits, 24 non-zero (28 ones in binary).
constexpr ec::SignedDigits kUNaf = ec::naf_digits(kU);

// f^u for f in the cyclotomic subgroup (u > 0).
Fp12 cyclotomic_exp_by_u(const Fp12& f) { return ec::cyclotomic_pow<kUNaf>(f); }

}  // namespace

G2Prepared prepare_g2(const G2Affine& q) { return ec::prepare_g2<Curve>(q); }

Fp12 miller_loop(std::span<const PreparedPairingInput> pairs) {
  return ec::multi_miller_loop<Curve>(pairs);
}

Fp12 miller_loop(std::span<const PairingInput> pairs) {
  return ec::multi_miller_loop<Curve>(pairs);
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
