#include "crypto/plonk/polynomial.hpp"

namespace dusk::crypto::plonk {

Fr evaluate(std::span<const Fr> p, const Fr& x) {
  Fr acc;
  for (size_t i = p.size(); i-- > 0;) acc = acc * x + p[i];
  return acc;
}

Polynomial divide_by_linear(std::span<const Fr> p, const Fr& z) {
  if (p.size() < 2) return {};
  Polynomial q(p.size() - 1);
  // p = q (X - z) + p(z): q_{i-1} = p_i + z q_i from the top.
  Fr carry;
  for (size_t i = p.size() - 1; i >= 1; --i) {
    carry = p[i] + carry * z;
    q[i - 1] = carry;
  }
  return q;
}

void add_scaled(Polynomial& p, std::span<const Fr> q, const Fr& c) {
  if (p.size() < q.size()) p.resize(q.size());
  for (size_t i = 0; i < q.size(); ++i) p[i] += q[i] * c;
}

void batch_inverse(std::span<Fr> values) {
  std::vector<Fr> prefix(values.size());
  Fr acc = Fr::one();
  for (size_t i = 0; i < values.size(); ++i) {
    prefix[i] = acc;
    if (!values[i].is_zero()) acc *= values[i];
  }
  Fr inv = acc.inverse();
  for (size_t i = values.size(); i-- > 0;) {
    if (values[i].is_zero()) continue;
    const Fr v = values[i];
    values[i] = inv * prefix[i];
    inv *= v;
  }
}

}  // namespace dusk::crypto::plonk
