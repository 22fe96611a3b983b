#include "crypto/bls12_381/pairing.hpp"

#include <vector>

#include "crypto/ec/detail/cyclotomic.hpp"
#include "crypto/ec/detail/multi_miller_loop.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

// What the shared Miller loop (ec/multi_miller_loop.hpp) needs to know of BLS12-381.
struct Curve {
  using Fp2 = bls12_381::Fp2;
  using Fp12 = bls12_381::Fp12;
  using G1Affine = bls12_381::G1Affine;
  using G2Affine = bls12_381::G2Affine;
  // |x| in binary (6 ones: 63 doublings and 5 additions); x < 0.
  static constexpr ec::SignedDigits kLoop = ec::binary_digits(kAbsX);
  static constexpr bool kNegativeLoop = true;
  static constexpr size_t kExtraLines = 0;
  // The M-type line c + (xc x_P) v + (yc y_P) v w.
  static Fp12 evaluate(const Fp12& f, const ec::LineCoeffs<Fp2>& l, const G1Affine& p) {
    return f.mul_by_014(l.c, l.xc * p.x, l.yc * p.y);
  }
  static void extra_lines(ec::JacobianPoint<Fp2>&, const G2Affine&,
                          std::vector<ec::LineCoeffs<Fp2>>&) {}
};
static_assert(ec::kPreparedLines<Curve> == 68);

// f^x for f in the cyclotomic subgroup (x < 0: the inverse there is the conjugate):
// 63 compressed squarings, 6 decompressions sharing one inversion, 5 products.
Fp12 cyclotomic_exp_by_x(const Fp12& f) {
  return ec::cyclotomic_pow_compressed<Curve::kLoop>(f).conjugate();
}

}  // namespace

// Granger-Scott squaring, shared with BN254 (ec/cyclotomic.hpp).
Fp12 cyclotomic_square(const Fp12& f) { return ec::cyclotomic_square(f); }

G2Prepared prepare_g2(const G2Affine& q) { return ec::prepare_g2<Curve>(q); }

const G2Prepared& neg_g2_generator_lines() {
  static const G2Prepared lines = prepare_g2(-G2Affine::generator());
  return lines;
}

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
