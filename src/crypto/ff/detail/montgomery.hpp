// Montgomery arithmetic modulo an odd prime p on N 64-bit limbs: the kernels under
// ff::Field.
//
// Every kernel takes its modulus as a type M with
//   static constexpr size_t kN;          limb count
//   static constexpr Limbs<kN> kP;       the modulus, odd
//   static constexpr u64 kInv;           -p^-1 mod 2^64
//   static constexpr bool kNoCarry;      see mul() below
// so the modulus limbs are immediates in the unrolled code.
//
// All kernels are constant time: loops run over the limb count, reductions are masked
// selects. Values are "reduced" when < p. The portable code multiplies with unsigned
// __int128; GCC turns the fully unrolled loops into mul/add/adc sequences.
#pragma once

#include <type_traits>

#include "crypto/ff/detail/cpu.hpp"
#include "crypto/ff/detail/limbs.hpp"

namespace dusk::crypto::ff::mont {

// out = (lo, hi) - p if that does not go negative, else (lo, hi); (lo, hi) < 2p.
template <typename M>
constexpr void final_sub(Limbs<M::kN>& out, const Limbs<M::kN>& lo, u64 hi) {
  Limbs<M::kN> s{};
  u64 borrow = sub(s, lo, M::kP);
  // Keep lo only when the top word is 0 and the subtraction borrowed.
  u64 keep = mask_from_bit(~hi & borrow & 1);
  out = select(keep, lo, s);
}

// out = a + b mod p; a, b reduced.
template <typename M>
constexpr void add(Limbs<M::kN>& out, const Limbs<M::kN>& a, const Limbs<M::kN>& b) {
  Limbs<M::kN> s{};
  u64 carry = ff::add(s, a, b);
  final_sub<M>(out, s, carry);
}

// out = a - b mod p; a, b reduced.
template <typename M>
constexpr void sub(Limbs<M::kN>& out, const Limbs<M::kN>& a, const Limbs<M::kN>& b) {
  Limbs<M::kN> d{};
  u64 borrow = ff::sub(d, a, b);
  u64 mask = mask_from_bit(borrow);
  Limbs<M::kN> pm{};
  DUSK_FF_UNROLL
  for (size_t i = 0; i < M::kN; ++i) pm[i] = M::kP[i] & mask;
  ff::add(out, d, pm);
}

// out = -a mod p (0 stays 0); a reduced.
template <typename M>
constexpr void neg(Limbs<M::kN>& out, const Limbs<M::kN>& a) {
  u64 any = 0;
  DUSK_FF_UNROLL
  for (u64 x : a) any |= x;
  u64 mask = mask_from_bit((any | (u64{0} - any)) >> 63);
  Limbs<M::kN> d{};
  ff::sub(d, M::kP, a);
  DUSK_FF_UNROLL
  for (size_t i = 0; i < M::kN; ++i) out[i] = d[i] & mask;
}

// Montgomery product out = a * b / 2^(64N) mod p, for reduced a and b.
//
// CIOS (Koc, Acar, Kaliski 1996), word-by-word interleaving of the product and the
// reduction. When the top limb of p is below 2^63 - 1 (kNoCarry) the running total never
// needs the two extra words of textbook CIOS, so their carries are dropped (the
// "no-carry" variant, as gnark-crypto and others use it): the bound t < 2p holds after
// every outer step and 2p fits in N limbs.
template <typename M>
constexpr void mul_portable(Limbs<M::kN>& out, const Limbs<M::kN>& a, const Limbs<M::kN>& b) {
  constexpr size_t N = M::kN;
  if constexpr (M::kNoCarry) {
    Limbs<N> t{};
    DUSK_FF_UNROLL
    for (size_t i = 0; i < N; ++i) {
      u64 ca = 0;
      u64 t0 = mul_add(a[0], b[i], t[0], ca);
      u64 m = t0 * M::kInv;
      u64 cm = 0;
      (void)mul_add(m, M::kP[0], t0, cm);
      DUSK_FF_UNROLL
      for (size_t j = 1; j < N; ++j) {
        u64 tj = mul_add(a[j], b[i], t[j], ca);
        t[j - 1] = mul_add(m, M::kP[j], tj, cm);
      }
      t[N - 1] = ca + cm;
    }
    final_sub<M>(out, t, 0);
  } else {
    // Textbook CIOS with the two extra words t[N], t[N+1].
    Limbs<N> t{};
    u64 tn = 0;
    DUSK_FF_UNROLL
    for (size_t i = 0; i < N; ++i) {
      u64 c = 0;
      DUSK_FF_UNROLL
      for (size_t j = 0; j < N; ++j) t[j] = mul_add(a[j], b[i], t[j], c);
      u64 c2 = 0;
      tn = add_carry(tn, c, c2);
      u64 tn1 = c2;
      u64 m = t[0] * M::kInv;
      c = 0;
      (void)mul_add(m, M::kP[0], t[0], c);
      DUSK_FF_UNROLL
      for (size_t j = 1; j < N; ++j) t[j - 1] = mul_add(m, M::kP[j], t[j], c);
      c2 = 0;
      t[N - 1] = add_carry(tn, c, c2);
      tn = tn1 + c2;
    }
    final_sub<M>(out, t, tn);
  }
}

// Montgomery product: the x86-64 mulx/adx kernel where there is one (4 or 6 limbs,
// no-carry moduli, a CPU with BMI2 and ADX), else the portable code above.
template <typename M>
constexpr void mul(Limbs<M::kN>& out, const Limbs<M::kN>& a, const Limbs<M::kN>& b) {
#if defined(DUSK_FF_X86_64_KERNELS)
  if constexpr (M::kNoCarry && (M::kN == 4 || M::kN == 6)) {
    if (!std::is_constant_evaluated() && cpu::use_x86_64_kernels) {
      if constexpr (M::kN == 4) {
        dusk_ff_mont_mul_4(out.data(), a.data(), b.data(), M::kP.data(), M::kInv);
      } else {
        dusk_ff_mont_mul_6(out.data(), a.data(), b.data(), M::kP.data(), M::kInv);
      }
      return;
    }
  }
#endif
  mul_portable<M>(out, a, b);
}

// Montgomery product for a < 2^(64N) (any N-limb value) and reduced b: textbook CIOS,
// which never drops a carry. Used to bring wide or unreduced integers into the field.
template <typename M>
constexpr void mul_unreduced_left(Limbs<M::kN>& out, const Limbs<M::kN>& a,
                                  const Limbs<M::kN>& b) {
  // t < a + p < 2^(64N) + p after each step, so t fits in N limbs plus one bit, and the
  // result a*b/R + p' < 2p (b < p) needs one final subtraction.
  constexpr size_t N = M::kN;
  Limbs<N> t{};
  u64 tn = 0;
  for (size_t i = 0; i < N; ++i) {
    u64 c = 0;
    for (size_t j = 0; j < N; ++j) t[j] = mul_add(b[j], a[i], t[j], c);
    u64 c2 = 0;
    tn = add_carry(tn, c, c2);
    u64 tn1 = c2;
    u64 m = t[0] * M::kInv;
    c = 0;
    (void)mul_add(m, M::kP[0], t[0], c);
    for (size_t j = 1; j < N; ++j) t[j - 1] = mul_add(m, M::kP[j], t[j], c);
    c2 = 0;
    t[N - 1] = add_carry(tn, c, c2);
    tn = tn1 + c2;
  }
  final_sub<M>(out, t, tn);
}

// Whether the x86-64 kernels serve N limbs on this CPU (run time only).
template <size_t N>
inline bool use_x86_64_kernels() {
#if defined(DUSK_FF_X86_64_KERNELS)
  return (N == 4 || N == 6) && cpu::use_x86_64_kernels;
#else
  return false;
#endif
}

// out = a * b as a 2N-limb integer (schoolbook, no reduction).
template <size_t N>
constexpr void mul_wide(Limbs<2 * N>& out, const Limbs<N>& a, const Limbs<N>& b) {
#if defined(DUSK_FF_X86_64_KERNELS)
  if constexpr (N == 4 || N == 6) {
    if (!std::is_constant_evaluated() && cpu::use_x86_64_kernels) {
      Limbs<2 * N> r;
      if constexpr (N == 4) {
        dusk_ff_mul_wide_4(r.data(), a.data(), b.data());
      } else {
        dusk_ff_mul_wide_6(r.data(), a.data(), b.data());
      }
      out = r;
      return;
    }
  }
#endif
  Limbs<2 * N> r{};
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) {
    u64 c = 0;
    DUSK_FF_UNROLL
    for (size_t j = 0; j < N; ++j) r[i + j] = mul_add(a[i], b[j], r[i + j], c);
    r[i + N] = c;
  }
  out = r;
}

// out = a^2 as a 2N-limb integer: the off-diagonal products once, doubled, plus the
// squares, which saves N(N-1)/2 of the N^2 word products.
template <size_t N>
constexpr void sqr_wide(Limbs<2 * N>& out, const Limbs<N>& a) {
  Limbs<2 * N> r{};
  DUSK_FF_UNROLL
  for (size_t i = 0; i + 1 < N; ++i) {
    u64 c = 0;
    DUSK_FF_UNROLL
    for (size_t j = i + 1; j < N; ++j) r[i + j] = mul_add(a[i], a[j], r[i + j], c);
    r[i + N] = c;
  }
  r[2 * N - 1] = r[2 * N - 2] >> 63;
  DUSK_FF_UNROLL
  for (size_t k = 2 * N - 2; k > 0; --k) r[k] = (r[k] << 1) | (r[k - 1] >> 63);
  r[0] <<= 1;
  u64 c = 0;
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) {
    u128 sq = static_cast<u128>(a[i]) * a[i];
    r[2 * i] = add_carry(r[2 * i], static_cast<u64>(sq), c);
    r[2 * i + 1] = add_carry(r[2 * i + 1], static_cast<u64>(sq >> 64), c);
  }
  out = r;
}

// Montgomery reduction out = t / 2^(64N) mod p, for t < p * 2^(64N) (so the result before
// the final subtraction is below 2p).
template <typename M>
constexpr void reduce(Limbs<M::kN>& out, const Limbs<2 * M::kN>& wide) {
  constexpr size_t N = M::kN;
#if defined(DUSK_FF_X86_64_KERNELS)
  if constexpr (N == 4 || N == 6) {
    if (!std::is_constant_evaluated() && cpu::use_x86_64_kernels) {
      if constexpr (N == 4) {
        dusk_ff_redc_4(out.data(), wide.data(), M::kP.data(), M::kInv);
      } else {
        dusk_ff_redc_6(out.data(), wide.data(), M::kP.data(), M::kInv);
      }
      return;
    }
  }
#endif
  Limbs<2 * N> t = wide;
  u64 top = 0;  // carry into word i+N from the previous row, 0 or 1
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) {
    u64 m = t[i] * M::kInv;
    u64 c = 0;
    (void)mul_add(m, M::kP[0], t[i], c);
    DUSK_FF_UNROLL
    for (size_t j = 1; j < N; ++j) t[i + j] = mul_add(m, M::kP[j], t[i + j], c);
    u64 cc = top;
    t[i + N] = add_carry(t[i + N], c, cc);
    top = cc;
  }
  Limbs<N> hi{};
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) hi[i] = t[N + i];
  final_sub<M>(out, hi, top);
}

// Sums and differences of wide (2N-limb) values modulo p * 2^(64N), for lazy
// reduction: inputs below p 2^(64N), and so is the result. out may alias a or b.
//
// For 6 limbs on x86-64 they are inline assembly (one carry chain over 12 words, the
// correction chosen by cmov or by a flag-preserving select), which the tower calls
// often enough that GCC's spills around the portable code cost more than the
// reductions lazy reduction saves.
template <typename M>
constexpr void sub_wide(Limbs<2 * M::kN>& out, const Limbs<2 * M::kN>& a,
                        const Limbs<2 * M::kN>& b) {
  constexpr size_t N = M::kN;
#if defined(DUSK_FF_X86_64_KERNELS)
  if constexpr (N == 6) {
    if (!std::is_constant_evaluated() && cpu::use_x86_64_kernels) {
      // d = a - b over 12 words; on a borrow add p to the top 6 (adcx keeps ZF, which
      // holds "no borrow", so cmovz can zero the addend inside the carry chain).
      asm("movq 0(%[a]), %%rax\n\tsubq 0(%[b]), %%rax\n\tmovq %%rax, 0(%[o])\n\t"
          "movq 8(%[a]), %%rax\n\tsbbq 8(%[b]), %%rax\n\tmovq %%rax, 8(%[o])\n\t"
          "movq 16(%[a]), %%rax\n\tsbbq 16(%[b]), %%rax\n\tmovq %%rax, 16(%[o])\n\t"
          "movq 24(%[a]), %%rax\n\tsbbq 24(%[b]), %%rax\n\tmovq %%rax, 24(%[o])\n\t"
          "movq 32(%[a]), %%rax\n\tsbbq 32(%[b]), %%rax\n\tmovq %%rax, 32(%[o])\n\t"
          "movq 40(%[a]), %%rax\n\tsbbq 40(%[b]), %%rax\n\tmovq %%rax, 40(%[o])\n\t"
          "movq 48(%[a]), %%r8\n\tsbbq 48(%[b]), %%r8\n\t"
          "movq 56(%[a]), %%r9\n\tsbbq 56(%[b]), %%r9\n\t"
          "movq 64(%[a]), %%r10\n\tsbbq 64(%[b]), %%r10\n\t"
          "movq 72(%[a]), %%r11\n\tsbbq 72(%[b]), %%r11\n\t"
          "movq 80(%[a]), %%rcx\n\tsbbq 80(%[b]), %%rcx\n\t"
          "movq 88(%[a]), %%rdx\n\tsbbq 88(%[b]), %%rdx\n\t"
          "sbbq %%rax, %%rax\n\t"
          "movq %%rdx, 88(%[o])\n\t"
          "xorl %%edx, %%edx\n\t"
          "testq %%rax, %%rax\n\t"
          "movq 0(%[p]), %%rax\n\tcmovzq %%rdx, %%rax\n\tadcxq %%rax, %%r8\n\t"
          "movq 8(%[p]), %%rax\n\tcmovzq %%rdx, %%rax\n\tadcxq %%rax, %%r9\n\t"
          "movq 16(%[p]), %%rax\n\tcmovzq %%rdx, %%rax\n\tadcxq %%rax, %%r10\n\t"
          "movq 24(%[p]), %%rax\n\tcmovzq %%rdx, %%rax\n\tadcxq %%rax, %%r11\n\t"
          "movq 32(%[p]), %%rax\n\tcmovzq %%rdx, %%rax\n\tadcxq %%rax, %%rcx\n\t"
          "movq 40(%[p]), %%rax\n\tcmovzq %%rdx, %%rax\n\tadcxq 88(%[o]), %%rax\n\t"
          "movq %%r8, 48(%[o])\n\tmovq %%r9, 56(%[o])\n\tmovq %%r10, 64(%[o])\n\t"
          "movq %%r11, 72(%[o])\n\tmovq %%rcx, 80(%[o])\n\tmovq %%rax, 88(%[o])"
          :
          : [o] "r"(out.data()), [a] "r"(a.data()), [b] "r"(b.data()), [p] "r"(M::kP.data())
          : "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "cc", "memory");
      return;
    }
  }
#endif
  Limbs<2 * N> r{};
  u64 borrow = ff::sub(r, a, b);
  u64 mask = mask_from_bit(borrow);
  u64 c = 0;
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) r[N + i] = add_carry(r[N + i], M::kP[i] & mask, c);
  out = r;
}

template <typename M>
constexpr void add_wide(Limbs<2 * M::kN>& out, const Limbs<2 * M::kN>& a,
                        const Limbs<2 * M::kN>& b) {
  constexpr size_t N = M::kN;
#if defined(DUSK_FF_X86_64_KERNELS)
  if constexpr (N == 6) {
    if (!std::is_constant_evaluated() && cpu::use_x86_64_kernels) {
      // s = a + b over 12 words with carry c; the top 6 words less p unless
      // (c, top) < p, i.e. unless c = 0 and the subtraction borrows (then cmovc puts
      // the sum back).
      asm("movq 0(%[a]), %%rax\n\taddq 0(%[b]), %%rax\n\tmovq %%rax, 0(%[o])\n\t"
          "movq 8(%[a]), %%rax\n\tadcq 8(%[b]), %%rax\n\tmovq %%rax, 8(%[o])\n\t"
          "movq 16(%[a]), %%rax\n\tadcq 16(%[b]), %%rax\n\tmovq %%rax, 16(%[o])\n\t"
          "movq 24(%[a]), %%rax\n\tadcq 24(%[b]), %%rax\n\tmovq %%rax, 24(%[o])\n\t"
          "movq 32(%[a]), %%rax\n\tadcq 32(%[b]), %%rax\n\tmovq %%rax, 32(%[o])\n\t"
          "movq 40(%[a]), %%rax\n\tadcq 40(%[b]), %%rax\n\tmovq %%rax, 40(%[o])\n\t"
          "movq 48(%[a]), %%r8\n\tadcq 48(%[b]), %%r8\n\t"
          "movq 56(%[a]), %%r9\n\tadcq 56(%[b]), %%r9\n\t"
          "movq 64(%[a]), %%r10\n\tadcq 64(%[b]), %%r10\n\t"
          "movq 72(%[a]), %%r11\n\tadcq 72(%[b]), %%r11\n\t"
          "movq 80(%[a]), %%rcx\n\tadcq 80(%[b]), %%rcx\n\t"
          "movq 88(%[a]), %%rdx\n\tadcq 88(%[b]), %%rdx\n\t"
          "sbbq %%rax, %%rax\n\t"
          "movq %%r8, 48(%[o])\n\tmovq %%r9, 56(%[o])\n\tmovq %%r10, 64(%[o])\n\t"
          "movq %%r11, 72(%[o])\n\tmovq %%rcx, 80(%[o])\n\tmovq %%rdx, 88(%[o])\n\t"
          "subq 0(%[p]), %%r8\n\tsbbq 8(%[p]), %%r9\n\tsbbq 16(%[p]), %%r10\n\t"
          "sbbq 24(%[p]), %%r11\n\tsbbq 32(%[p]), %%rcx\n\tsbbq 40(%[p]), %%rdx\n\t"
          "sbbq $0, %%rax\n\t"
          "cmovcq 48(%[o]), %%r8\n\tcmovcq 56(%[o]), %%r9\n\tcmovcq 64(%[o]), %%r10\n\t"
          "cmovcq 72(%[o]), %%r11\n\tcmovcq 80(%[o]), %%rcx\n\tcmovcq 88(%[o]), %%rdx\n\t"
          "movq %%r8, 48(%[o])\n\tmovq %%r9, 56(%[o])\n\tmovq %%r10, 64(%[o])\n\t"
          "movq %%r11, 72(%[o])\n\tmovq %%rcx, 80(%[o])\n\tmovq %%rdx, 88(%[o])"
          :
          : [o] "r"(out.data()), [a] "r"(a.data()), [b] "r"(b.data()), [p] "r"(M::kP.data())
          : "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "cc", "memory");
      return;
    }
  }
#endif
  Limbs<2 * N> r{};
  u64 carry = ff::add(r, a, b);
  Limbs<N> hi{}, hi_reduced{};
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) hi[i] = r[N + i];
  final_sub<M>(hi_reduced, hi, carry);
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) r[N + i] = hi_reduced[i];
  out = r;
}

// Montgomery square out = a^2 / 2^(64N) mod p, a reduced. The product kernel: the
// SOS squaring (sqr_wide + reduce) saves word products but measured slower with GCC.
template <typename M>
constexpr void sqr(Limbs<M::kN>& out, const Limbs<M::kN>& a) {
  mul<M>(out, a, a);
}

}  // namespace dusk::crypto::ff::mont
