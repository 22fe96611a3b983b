#include "crypto/kzg/polynomial.hpp"

#include <bit>

namespace dusk::crypto::kzg {

size_t reverse_bits(size_t n, size_t order) {
  const int bits = std::countr_zero(order);  // log2(order)
  size_t r = 0;
  for (int i = 0; i < bits; ++i) r |= ((n >> i) & 1) << (bits - 1 - i);
  return r;
}

std::vector<Fr> compute_roots_of_unity(size_t order) {
  // (r - 1) / order: r - 1 = 2^32 T, so shifting right by log2(order) <= 32 is exact.
  auto e = bls12_381::FrParams::kModulus;
  e[0] -= 1;  // r is odd: no borrow
  const int shift = std::countr_zero(order);
  for (size_t i = 0; i < e.size(); ++i) {
    e[i] >>= shift;
    if (shift != 0 && i + 1 < e.size()) e[i] |= e[i + 1] << (64 - shift);
  }
  const Fr w = Fr::from_u64(7).pow(e);
  std::vector<Fr> roots(order);
  Fr acc = Fr::one();
  for (size_t i = 0; i < order; ++i) {
    roots[i] = acc;
    acc *= w;
  }
  return roots;
}

const std::vector<Fr>& roots_of_unity_brp() {
  static const std::vector<Fr> roots = [] {
    std::vector<Fr> natural = compute_roots_of_unity(kFieldElementsPerBlob);
    std::vector<Fr> brp(natural.size());
    for (size_t i = 0; i < natural.size(); ++i)
      brp[i] = natural[reverse_bits(i, natural.size())];
    return brp;
  }();
  return roots;
}

void batch_inverse(std::span<Fr> values) {
  if (values.empty()) return;
  // prefix[i] = v_0 ... v_i; then walk back with the inverse of the full product.
  std::vector<Fr> prefix(values.size());
  Fr acc = Fr::one();
  for (size_t i = 0; i < values.size(); ++i) {
    acc *= values[i];
    prefix[i] = acc;
  }
  Fr inv = acc.inverse_vartime();
  for (size_t i = values.size(); i-- > 1;) {
    Fr vi = values[i];
    values[i] = inv * prefix[i - 1];
    inv *= vi;
  }
  values[0] = inv;
}

Fr evaluate_polynomial_in_evaluation_form(std::span<const Fr> polynomial, const Fr& z) {
  const std::vector<Fr>& roots = roots_of_unity_brp();
  const size_t width = roots.size();
  std::vector<Fr> denominators(width);
  for (size_t i = 0; i < width; ++i) {
    if (roots[i] == z) return polynomial[i];  // z in the domain: the stored value
    denominators[i] = z - roots[i];
  }
  batch_inverse(denominators);
  Fr sum;
  for (size_t i = 0; i < width; ++i) sum += polynomial[i] * roots[i] * denominators[i];
  const Fr z_width_minus_one = z.pow(static_cast<u64>(width)) - Fr::one();
  const Fr inverse_width = Fr::from_u64(width).inverse_vartime();
  return sum * z_width_minus_one * inverse_width;
}

}  // namespace dusk::crypto::kzg
