// Run-time choice of the x86-64 field kernels.
//
// The mulx/adcx/adox kernels of mont_x86_64.S (Montgomery product, plain wide product,
// Montgomery reduction, for 4 and 6 limbs) need BMI2 and ADX (Intel Broadwell, AMD
// Zen and later). The check runs once at static initialization; other CPUs and other
// architectures use the portable C++ kernels, which compute the same values.
#pragma once

#include "base/int.hpp"

#if defined(__x86_64__) && defined(__ELF__)
#define DUSK_FF_X86_64_KERNELS 1
#include <cpuid.h>

extern "C" {
// out = a * b / 2^(64N) mod p for reduced a, b; p's top limb below 2^63 - 1;
// inv = -p^-1 mod 2^64. out may alias a or b.
void dusk_ff_mont_mul_4(dusk::u64* out, const dusk::u64* a, const dusk::u64* b,
                        const dusk::u64* p, dusk::u64 inv);
void dusk_ff_mont_mul_6(dusk::u64* out, const dusk::u64* a, const dusk::u64* b,
                        const dusk::u64* p, dusk::u64 inv);
// out[2N] = a * b (plain product); out must not alias a or b.
void dusk_ff_mul_wide_4(dusk::u64* out, const dusk::u64* a, const dusk::u64* b);
void dusk_ff_mul_wide_6(dusk::u64* out, const dusk::u64* a, const dusk::u64* b);
// out = t / 2^(64N) mod p for t < p 2^(64N), 2p < 2^(64N); out may alias t.
void dusk_ff_redc_4(dusk::u64* out, const dusk::u64* t, const dusk::u64* p, dusk::u64 inv);
void dusk_ff_redc_6(dusk::u64* out, const dusk::u64* t, const dusk::u64* p, dusk::u64 inv);
}

namespace dusk::crypto::ff::cpu {

inline bool has_bmi2_adx() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  return (b & (1u << 8)) != 0 && (b & (1u << 19)) != 0;  // BMI2, ADX
}

// Whether ff::mont::mul uses the assembly kernels. Tests clear it to exercise the
// portable path; nothing else writes it (it is not synchronized).
inline bool use_x86_64_kernels = has_bmi2_adx();

}  // namespace dusk::crypto::ff::cpu
#endif
