// Radix-2 evaluation domains over the BLS12-381 scalar field: H = {1, w, ..., w^(n-1)}
// for n = 2^k, and the FFTs between a polynomial's coefficients and its values on H or
// on the coset g H.
//
// The roots of unity. r - 1 = 2^32 T with T odd, so Fr holds 2^k-th roots of unity for
// k <= 32. We take the primitive 2^32-th root w_32 = 7^T mod r, 7 being the
// multiplicative generator that zkcrypto's bls12_381 (and so dusk-plonk) uses, and that
// EIP-4844 uses as PRIMITIVE_ROOT_OF_UNITY: the domain of size 2^k has the generator
// w_k = w_32^(2^(32-k)), the same element as dusk-plonk's and as 7^((r-1)/2^k) of the
// KZG module. domain_test checks w_32^(2^31) = -1 (w_32 is primitive) and the value
// against 7^((r-1)/2^k) computed directly.
//
// The coset generator g = 7: 7 generates the multiplicative group of Fr, so g^n != 1
// for every domain size n and g H never meets H; Z_H(X) = X^n - 1 has no zero on g H,
// which lets the prover divide by it there.
//
// FFT: iterative radix-2 decimation in time after a bit-reversal permutation, twiddles
// precomputed per domain. From kParallelFftMin points the two halves of the array (all
// stages but the last are independent in each half) and then the last stage run on both
// cores (parallel.hpp). The sequence of operations depends only on the sizes, never on the
// values (which are the prover's and may be secret).
//
// Thread safety: a Domain is immutable after create(); its twiddle table is shared by
// copies. Any number of threads may use it.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "crypto/bls12_381/fr.hpp"

namespace dusk::crypto::plonk {

using bls12_381::Fr;

// Fr's 2-adicity: domains of up to 2^32 points (memory bounds them far lower).
inline constexpr unsigned kMaxDomainLog = 32;
// From this many points an FFT uses both cores.
inline constexpr size_t kParallelFftMin = size_t{1} << 12;

// The primitive 2^32-th root of unity 7^T (see above).
const Fr& root_of_unity_2_32();
// The primitive 2^k-th root of unity w_32^(2^(32-k)). Precondition: k <= 32.
Fr root_of_unity(unsigned k);
// The coset generator g = 7.
Fr coset_generator();

class Domain {
 public:
  // The domain of one point {1}.
  Domain() = default;
  // The smallest domain of at least min_size points (at least 1), or nullopt when that
  // would exceed 2^kMaxDomainLog.
  static std::optional<Domain> create(size_t min_size);

  size_t size() const { return size_; }
  unsigned log_size() const { return log_size_; }
  const Fr& generator() const { return generator_; }          // w
  const Fr& generator_inv() const { return generator_inv_; }  // 1/w
  const Fr& size_inv() const { return size_inv_; }            // 1/n
  const Fr& size_as_field() const { return size_as_field_; }  // n
  // w^i.
  Fr element(size_t i) const;
  // All elements w^0 .. w^(n-1).
  std::vector<Fr> elements() const;

  // In place: coefficients (at most n of them; padded with zeros to n) -> values at w^i.
  void fft(std::vector<Fr>& values) const;
  // In place: values at w^i (exactly n) -> the n coefficients.
  void ifft(std::vector<Fr>& values) const;
  // In place: coefficients (at most n) -> values at g w^i.
  void coset_fft(std::vector<Fr>& values) const;
  // In place: values at g w^i (exactly n) -> coefficients.
  void coset_ifft(std::vector<Fr>& values) const;

  // Z_H(x) = x^n - 1.
  Fr evaluate_vanishing(const Fr& x) const;
  // L_i(x) = w^i (x^n - 1) / (n (x - w^i)), the Lagrange polynomial that is 1 at w^i and 0
  // elsewhere on H; 1 or 0 when x is in H. Precondition: i < n.
  Fr evaluate_lagrange(size_t i, const Fr& x) const;

 private:
  void fft_in_place(std::span<Fr> a) const;

  size_t size_ = 1;
  unsigned log_size_ = 0;
  Fr generator_ = Fr::one(), generator_inv_ = Fr::one(), size_inv_ = Fr::one(), size_as_field_ = Fr::one();
  // w^j for j < n/2, shared by copies.
  std::shared_ptr<const std::vector<Fr>> twiddles_;
};

}  // namespace dusk::crypto::plonk
