// The Miller loop of an optimal ate pairing on a curve whose G2 lives on an a = 0 sextic
// twist over Fp2, for any number of pairs at once: one template for BLS12-381 and BN254,
// which differ only in what a PairingCurve below says.
//
// The loop walks the signed digits of its parameter from the one below the leading 1
// down: per digit a squaring of the accumulator (none on the first, where it is 1), the
// tangent line of the running point T, and for a digit +-1 the chord through T and +-Q.
// Then the curve's extra lines (BN254's two through psi(Q) and -psi^2(Q)), and a
// conjugation for a negative parameter (BLS12-381's x).
//
// The G2 half (T's doublings and additions, ec/miller_lines.hpp) does not depend on P:
// prepare_g2 runs it once for a Q and keeps every line in the order the loop uses them
// (G2Prepared); the loop over prepared pairs only evaluates lines at P, each pair in
// turn into one shared accumulator, so n pairs cost one squaring per digit, not n. The
// plain form prepares each Q and runs that same loop. An identity on either side
// contributes 1. Variable time in the points: pairings here are on public values.
#pragma once

#include <concepts>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include "crypto/ec/detail/miller_lines.hpp"
#include "crypto/ec/detail/signed_digits.hpp"

namespace dusk::crypto::ec {

// Q prepared for Miller loops: its lines, in the loop's order. Empty for the identity.
template <typename Fp2>
struct G2Prepared {
  std::vector<LineCoeffs<Fp2>> lines;
};

template <typename G1Affine, typename Fp2>
struct PreparedPairingInput {
  G1Affine p;
  const G2Prepared<Fp2>* q;
};

// What a curve tells the loop.
template <typename C>
concept PairingCurve = requires(typename C::Fp12 f, LineCoeffs<typename C::Fp2> l,
                                typename C::G1Affine p, typename C::G2Affine q,
                                JacobianPoint<typename C::Fp2> t,
                                std::vector<LineCoeffs<typename C::Fp2>> lines) {
  // The loop parameter's absolute value, and whether it is negative.
  { C::kLoop } -> std::convertible_to<SignedDigits>;
  { C::kNegativeLoop } -> std::convertible_to<bool>;
  // l evaluated at p (placed by the twist type: mul_by_014 or mul_by_034), times f.
  { C::evaluate(f, l, p) } -> std::same_as<typename C::Fp12>;
  // Lines after the loop, from T = [loop]Q and Q; kExtraLines of them.
  { C::kExtraLines } -> std::convertible_to<size_t>;
  C::extra_lines(t, q, lines);
};

// The number of lines of a prepared Q.
template <PairingCurve C>
constexpr size_t kPreparedLines = (C::kLoop.len - 1) + (C::kLoop.nonzero() - 1) + C::kExtraLines;

template <PairingCurve C>
G2Prepared<typename C::Fp2> prepare_g2(const typename C::G2Affine& q) {
  using Fp2 = typename C::Fp2;
  G2Prepared<Fp2> out;
  if (q.infinity) return out;
  out.lines.reserve(kPreparedLines<C>);
  JacobianPoint<Fp2> t{q.x, q.y, Fp2::one()};
  const Fp2 neg_qy = -q.y;
  for (size_t i = C::kLoop.len - 1; i-- > 0;) {
    out.lines.push_back(doubling_step(t));
    const int digit = C::kLoop.d[i];
    if (digit != 0) out.lines.push_back(addition_step(t, q.x, digit > 0 ? q.y : neg_qy));
  }
  C::extra_lines(t, q, out.lines);
  return out;
}

template <PairingCurve C>
typename C::Fp12 multi_miller_loop(
    std::span<const PreparedPairingInput<typename C::G1Affine, typename C::Fp2>> pairs) {
  using Fp12 = typename C::Fp12;
  std::vector<const PreparedPairingInput<typename C::G1Affine, typename C::Fp2>*> live;
  for (const auto& pq : pairs) {
    if (pq.p.infinity || pq.q->lines.empty()) continue;  // contributes 1
    live.push_back(&pq);
  }
  Fp12 f = Fp12::one();
  if (live.empty()) return f;
  // Every prepared Q has its lines at the same positions: k walks them in step.
  size_t k = 0;
  auto apply_lines = [&] {
    for (const auto* pq : live) f = C::evaluate(f, pq->q->lines[k], pq->p);
    ++k;
  };
  for (size_t i = C::kLoop.len - 1; i-- > 0;) {
    if (i + 2 != C::kLoop.len) f = f.square();  // f = 1 on the first step
    apply_lines();                              // doubling
    if (C::kLoop.d[i] != 0) apply_lines();      // addition of +-Q
  }
  for (size_t j = 0; j < C::kExtraLines; ++j) apply_lines();
  if constexpr (C::kNegativeLoop) f = f.conjugate();
  return f;
}

template <PairingCurve C>
typename C::Fp12 multi_miller_loop(
    std::span<const std::pair<typename C::G1Affine, typename C::G2Affine>> pairs) {
  using Fp2 = typename C::Fp2;
  std::vector<G2Prepared<Fp2>> prepared;
  std::vector<PreparedPairingInput<typename C::G1Affine, Fp2>> inputs;
  prepared.reserve(pairs.size());
  inputs.reserve(pairs.size());
  for (const auto& [p, q] : pairs) {
    prepared.push_back(p.infinity ? G2Prepared<Fp2>{} : prepare_g2<C>(q));
    inputs.push_back({p, &prepared.back()});
  }
  return multi_miller_loop<C>(
      std::span<const PreparedPairingInput<typename C::G1Affine, Fp2>>(inputs));
}

}  // namespace dusk::crypto::ec
