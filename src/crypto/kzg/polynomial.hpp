// Polynomials in evaluation form over the 4096-th roots of unity of Fr, in bit-reversed
// order, as consensus-specs deneb/polynomial-commitments.md defines them.
//
// The domain: w = 7^((r - 1) / 4096) (PRIMITIVE_ROOT_OF_UNITY = 7), roots w^0 .. w^4095,
// stored at index reverse_bits(i) (bit_reversal_permutation), so that blob element i is
// the value at roots_of_unity_brp()[i].
//
// Everything here works on public values (blobs, challenges) and runs in variable time.
#pragma once

#include <span>
#include <vector>

#include "crypto/kzg/blob.hpp"

namespace dusk::crypto::kzg {

// reverse_bits(n, order) for a power of two `order`: n's low log2(order) bits reversed.
size_t reverse_bits(size_t n, size_t order);

// The 4096 roots of unity in bit-reversed order, computed once (thread-safe static).
const std::vector<Fr>& roots_of_unity_brp();

// compute_roots_of_unity(order): w^0, w^1, ..., w^(order-1) with w = 7^((r-1)/order),
// natural order. Precondition: order is a power of two dividing 2^32.
std::vector<Fr> compute_roots_of_unity(size_t order);

// Replaces each element by its inverse with one field inversion (Montgomery's trick).
// Elements must be non-zero.
void batch_inverse(std::span<Fr> values);

// evaluate_polynomial_in_evaluation_form: p(z) for the polynomial whose values on
// roots_of_unity_brp() are `polynomial` (4096 values). When z is a root, the stored value;
// otherwise the barycentric formula
//   p(z) = (z^4096 - 1) / 4096 * sum_i p_i w_i / (z - w_i)
// with the 4096 divisions done by one batch inversion.
Fr evaluate_polynomial_in_evaluation_form(std::span<const Fr> polynomial, const Fr& z);

}  // namespace dusk::crypto::kzg
