// Polynomials over the BLS12-381 scalar field in coefficient form: coeffs[i] is the
// coefficient of X^i (low degree first). Trailing zeros are allowed; an empty vector is
// the zero polynomial.
//
// Variable time in nothing: loops run over the sizes, not the values.
#pragma once

#include <span>
#include <vector>

#include "crypto/bls12_381/fr.hpp"

namespace dusk::crypto::plonk {

using bls12_381::Fr;
using Polynomial = std::vector<Fr>;

// p(x) by Horner's rule.
Fr evaluate(std::span<const Fr> p, const Fr& x);

// The quotient q of p(X) - p(z) by X - z (synthetic division; the remainder p(z) is
// dropped): the witness polynomial of a KZG opening. Size max(p.size() - 1, 0).
Polynomial divide_by_linear(std::span<const Fr> p, const Fr& z);

// p += c * q (p grows to q's size if smaller).
void add_scaled(Polynomial& p, std::span<const Fr> q, const Fr& c);

// Replaces each element by its inverse with one inversion (Montgomery's trick); zeros
// stay zero. One constant-time inversion; only the zero checks branch on the values.
void batch_inverse(std::span<Fr> values);

}  // namespace dusk::crypto::plonk
