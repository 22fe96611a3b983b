#include "crypto/plonk/domain.hpp"

#include <utility>

#include "crypto/plonk/parallel.hpp"

namespace dusk::crypto::plonk {
namespace {

// T = (r - 1) / 2^32 as little-endian limbs.
ff::Limbs<4> two_adic_cofactor() {
  auto m = bls12_381::FrParams::kModulus;
  m[0] -= 1;  // r is odd: no borrow
  ff::Limbs<4> t{};
  for (size_t i = 0; i < 4; ++i) {
    t[i] = (m[i] >> 32) | (i + 1 < 4 ? m[i + 1] << 32 : 0);
  }
  return t;
}

size_t reverse_bits(size_t x, unsigned bits) {
  size_t r = 0;
  for (unsigned i = 0; i < bits; ++i, x >>= 1) r = (r << 1) | (x & 1);
  return r;
}

void bit_reverse_permute(std::span<Fr> a, unsigned log_n) {
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t j = reverse_bits(i, log_n);
    if (i < j) std::swap(a[i], a[j]);
  }
}

// Stages with half-block sizes 1, 2, ..., a.size()/2 over a contiguous block of a
// bit-reversed array (a.size() a power of two). tw holds w_N^j for the full domain of N
// points: the twiddle of a stage with half-size h at index j is tw[j * N / (2h)].
void butterflies(std::span<Fr> a, const std::vector<Fr>& tw, size_t full_n) {
  for (size_t half = 1; half < a.size(); half <<= 1) {
    const size_t step = full_n / (2 * half);
    for (size_t s = 0; s < a.size(); s += 2 * half) {
      for (size_t j = 0; j < half; ++j) {
        const Fr v = a[s + j + half] * tw[j * step];
        const Fr u = a[s + j];
        a[s + j] = u + v;
        a[s + j + half] = u - v;
      }
    }
  }
}

}  // namespace

const Fr& root_of_unity_2_32() {
  static const Fr root = Fr::from_u64(7).pow(two_adic_cofactor());
  return root;
}

Fr root_of_unity(unsigned k) { return root_of_unity_2_32().square_n(kMaxDomainLog - k); }

Fr coset_generator() { return Fr::from_u64(7); }

std::optional<Domain> Domain::create(size_t min_size) {
  Domain d;
  while (d.size_ < min_size) {
    if (d.log_size_ == kMaxDomainLog) return std::nullopt;
    d.size_ <<= 1;
    ++d.log_size_;
  }
  d.generator_ = root_of_unity(d.log_size_);
  d.generator_inv_ = d.generator_.inverse_vartime();
  d.size_as_field_ = Fr::from_u64(d.size_);
  d.size_inv_ = d.size_as_field_.inverse_vartime();
  auto tw = std::make_shared<std::vector<Fr>>(d.size_ / 2);
  Fr w = Fr::one();
  for (Fr& t : *tw) {
    t = w;
    w *= d.generator_;
  }
  d.twiddles_ = std::move(tw);
  return d;
}

Fr Domain::element(size_t i) const { return generator_.pow(static_cast<u64>(i)); }

std::vector<Fr> Domain::elements() const {
  std::vector<Fr> out(size_);
  Fr w = Fr::one();
  for (Fr& e : out) {
    e = w;
    w *= generator_;
  }
  return out;
}

void Domain::fft_in_place(std::span<Fr> a) const {
  const size_t n = a.size();
  if (n == 1) return;
  bit_reverse_permute(a, log_size_);
  const std::vector<Fr>& tw = *twiddles_;
  if (n < kParallelFftMin) {
    butterflies(a, tw, n);
    return;
  }
  // Every stage but the last stays within one half of the (bit-reversed) array.
  const size_t mid = n / 2;
  run_in_parallel([&] { butterflies(a.first(mid), tw, n); },
                  [&] { butterflies(a.subspan(mid), tw, n); });
  parallel_for(mid, 2, [&](size_t begin, size_t end) {
    for (size_t j = begin; j < end; ++j) {
      const Fr v = a[j + mid] * tw[j];
      const Fr u = a[j];
      a[j] = u + v;
      a[j + mid] = u - v;
    }
  });
}

void Domain::fft(std::vector<Fr>& values) const {
  values.resize(size_);
  fft_in_place(values);
}

void Domain::ifft(std::vector<Fr>& values) const {
  values.resize(size_);
  // The inverse transform is the forward one with w^-1: the same butterflies, then
  // index i read at n - i (w^(-ij) = w^((n-i)j)), then a division by n.
  fft_in_place(values);
  for (size_t i = 1; i < size_ - i; ++i) std::swap(values[i], values[size_ - i]);
  parallel_for(size_, kParallelFftMin, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) values[i] *= size_inv_;
  });
}

namespace {
// values[i] *= c^i, in two halves when large (the second half starts at c^(n/2)).
void scale_by_powers(std::vector<Fr>& values, const Fr& c) {
  parallel_for(values.size(), kParallelFftMin, [&](size_t begin, size_t end) {
    Fr p = c.pow(static_cast<u64>(begin));
    for (size_t i = begin; i < end; ++i) {
      values[i] *= p;
      p *= c;
    }
  });
}
}  // namespace

void Domain::coset_fft(std::vector<Fr>& values) const {
  values.resize(size_);
  scale_by_powers(values, coset_generator());
  fft_in_place(values);
}

void Domain::coset_ifft(std::vector<Fr>& values) const {
  ifft(values);
  scale_by_powers(values, coset_generator().inverse_vartime());
}

Fr Domain::evaluate_vanishing(const Fr& x) const { return x.square_n(log_size_) - Fr::one(); }

Fr Domain::evaluate_lagrange(size_t i, const Fr& x) const {
  const Fr wi = element(i);
  const Fr zh = evaluate_vanishing(x);
  if (zh.is_zero()) return x == wi ? Fr::one() : Fr::zero();
  return wi * zh * (size_as_field_ * (x - wi)).inverse_vartime();
}

}  // namespace dusk::crypto::plonk
