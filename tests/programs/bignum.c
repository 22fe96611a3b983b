/*
 * bignum: arbitrary-precision arithmetic in base 10^9.
 *
 * Usage: bignum [DIGITS]   (default 36000)
 * Prints DIGITS decimal digits of pi (Machin's formula, 16 atan(1/5) - 4 atan(1/239), in
 * fixed point), then summaries of (DIGITS/4)!, fib(DIGITS) and 3^(2*DIGITS): the number of
 * digits, their sum, and the leading and trailing digits. The powers use schoolbook
 * bignum multiplication, the factorial multiplication by a word, fibonacci addition.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_DIGITS = 36000 };
#define BASE 1000000000u

/* ---- fixed point: x = limb[0] + limb[1]/B + limb[2]/B^2 + ... ---- */

typedef struct {
  uint32_t *limb;
  long size;
} Fixed;

static void *xmalloc(size_t size) {
  void *p = calloc(1, size);
  if (!p) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  return p;
}

static Fixed fixed_new(long size) {
  Fixed f = {xmalloc((size_t)size * sizeof(uint32_t)), size};
  return f;
}

/* x /= d, starting at the first limb that may be non-zero; returns that limb's index. */
static long fixed_div(Fixed *x, uint32_t d, long first) {
  uint64_t rem = 0;
  for (long i = first; i < x->size; i++) {
    uint64_t cur = rem * BASE + x->limb[i];
    x->limb[i] = (uint32_t)(cur / d);
    rem = cur % d;
  }
  while (first < x->size && x->limb[first] == 0) first++;
  return first;
}

/* dst = src / d (src untouched). */
static void fixed_div_to(Fixed *dst, const Fixed *src, uint32_t d, long first) {
  uint64_t rem = 0;
  for (long i = 0; i < first; i++) dst->limb[i] = 0;
  for (long i = first; i < src->size; i++) {
    uint64_t cur = rem * BASE + src->limb[i];
    dst->limb[i] = (uint32_t)(cur / d);
    rem = cur % d;
  }
}

static void fixed_add(Fixed *x, const Fixed *y, long first) {
  uint32_t carry = 0;
  for (long i = x->size - 1; i >= first || (carry && i >= 0); i--) {
    uint32_t v = x->limb[i] + (i >= first ? y->limb[i] : 0) + carry;
    carry = v >= BASE;
    x->limb[i] = carry ? v - BASE : v;
  }
}

static void fixed_sub(Fixed *x, const Fixed *y, long first) {
  uint32_t borrow = 0;
  for (long i = x->size - 1; i >= first || (borrow && i >= 0); i--) {
    uint32_t sub = (i >= first ? y->limb[i] : 0) + borrow;
    borrow = x->limb[i] < sub;
    x->limb[i] = borrow ? x->limb[i] + BASE - sub : x->limb[i] - sub;
  }
}

static void fixed_mul_small(Fixed *x, uint32_t m) {
  uint64_t carry = 0;
  for (long i = x->size - 1; i >= 0; i--) {
    uint64_t v = (uint64_t)x->limb[i] * m + carry;
    x->limb[i] = (uint32_t)(v % BASE);
    carry = v / BASE;
  }
}

/* result = atan(1/m) = 1/m - 1/(3 m^3) + 1/(5 m^5) - ... */
static void fixed_atan_inv(Fixed *result, uint32_t m) {
  Fixed power = fixed_new(result->size), term = fixed_new(result->size);
  memset(result->limb, 0, (size_t)result->size * sizeof(uint32_t));
  power.limb[0] = 1;
  long first = fixed_div(&power, m, 0);
  uint32_t m2 = m * m;
  for (uint32_t k = 0; first < power.size; k++) {
    fixed_div_to(&term, &power, 2 * k + 1, first);
    if (k % 2 == 0)
      fixed_add(result, &term, first);
    else
      fixed_sub(result, &term, first);
    first = fixed_div(&power, m2, first);
  }
  free(power.limb);
  free(term.limb);
}

static void print_pi(long digits) {
  long limbs = digits / 9 + 3; /* two guard limbs beyond the printed ones */
  Fixed pi = fixed_new(limbs), t = fixed_new(limbs);
  fixed_atan_inv(&pi, 5);
  fixed_mul_small(&pi, 16);
  fixed_atan_inv(&t, 239);
  fixed_mul_small(&t, 4);
  fixed_sub(&pi, &t, 0);

  /* Render the fraction as a digit string, then print it in rows of 64. */
  char *text = xmalloc((size_t)limbs * 9 + 1);
  for (long i = 1; i < limbs; i++) snprintf(text + (i - 1) * 9, 10, "%09u", (unsigned)pi.limb[i]);
  printf("pi (%ld digits) = %u.\n", digits, (unsigned)pi.limb[0]);
  unsigned digit_sum = 0;
  for (long i = 0; i < digits; i += 64) {
    long n = digits - i < 64 ? digits - i : 64;
    printf("  %.*s\n", (int)n, text + i);
  }
  for (long i = 0; i < digits; i++) digit_sum += (unsigned)(text[i] - '0');
  printf("pi digit sum %u\n", digit_sum);
  free(text);
  free(pi.limb);
  free(t.limb);
}

/* ---- natural numbers: little-endian limbs in base 10^9 ---- */

typedef struct {
  uint32_t *limb;
  long size, capacity;
} Nat;

static Nat nat_new(long capacity, uint32_t value) {
  Nat n = {xmalloc((size_t)capacity * sizeof(uint32_t)), 1, capacity};
  n.limb[0] = value;
  return n;
}

static void nat_reserve(Nat *n, long capacity) {
  if (capacity <= n->capacity) return;
  uint32_t *limb = xmalloc((size_t)capacity * sizeof(uint32_t));
  memcpy(limb, n->limb, (size_t)n->size * sizeof(uint32_t));
  free(n->limb);
  n->limb = limb;
  n->capacity = capacity;
}

static void nat_mul_small(Nat *n, uint32_t m) {
  uint64_t carry = 0;
  for (long i = 0; i < n->size; i++) {
    uint64_t v = (uint64_t)n->limb[i] * m + carry;
    n->limb[i] = (uint32_t)(v % BASE);
    carry = v / BASE;
  }
  while (carry) {
    nat_reserve(n, n->size * 2 + 1);
    n->limb[n->size++] = (uint32_t)(carry % BASE);
    carry /= BASE;
  }
}

/* a += b */
static void nat_add(Nat *a, const Nat *b) {
  long size = a->size > b->size ? a->size : b->size;
  nat_reserve(a, size + 1);
  for (long i = a->size; i <= size; i++) a->limb[i] = 0;
  uint32_t carry = 0;
  for (long i = 0; i < size; i++) {
    uint32_t v = a->limb[i] + (i < b->size ? b->limb[i] : 0) + carry;
    carry = v >= BASE;
    a->limb[i] = carry ? v - BASE : v;
  }
  a->limb[size] = carry;
  a->size = size + carry;
}

/* returns a * b (schoolbook) */
static Nat nat_mul(const Nat *a, const Nat *b) {
  long size = a->size + b->size;
  uint64_t *acc = xmalloc((size_t)size * sizeof(uint64_t));
  for (long i = 0; i < a->size; i++) {
    uint64_t carry = 0;
    uint64_t ai = a->limb[i];
    for (long j = 0; j < b->size; j++) {
      uint64_t v = acc[i + j] + ai * b->limb[j] + carry;
      acc[i + j] = v % BASE;
      carry = v / BASE;
    }
    long k = i + b->size;
    while (carry) {
      uint64_t v = acc[k] + carry;
      acc[k++] = v % BASE;
      carry = v / BASE;
    }
  }
  Nat r = nat_new(size, 0);
  for (long i = 0; i < size; i++) r.limb[i] = (uint32_t)acc[i];
  r.size = size;
  while (r.size > 1 && r.limb[r.size - 1] == 0) r.size--;
  free(acc);
  return r;
}

static void nat_print_summary(const char *label, const Nat *n) {
  long limbs = n->size;
  char *text = xmalloc((size_t)limbs * 9 + 16);
  int len = snprintf(text, 16, "%u", (unsigned)n->limb[limbs - 1]);
  for (long i = limbs - 2; i >= 0; i--) {
    snprintf(text + len, 10, "%09u", (unsigned)n->limb[i]);
    len += 9;
  }
  unsigned long digit_sum = 0;
  for (int i = 0; i < len; i++) digit_sum += (unsigned long)(text[i] - '0');
  int show = len < 30 ? len : 30;
  printf("%s: %d digits, digit sum %lu, first %.*s, last %s\n", label, len, digit_sum, show,
         text, text + len - show);
  free(text);
}

static long parse_size(int argc, char **argv, long fallback) {
  if (argc < 2) return fallback;
  char *end;
  long v = strtol(argv[1], &end, 10);
  if (*end != '\0' || v <= 0 || v > 1000000) {
    fprintf(stderr, "usage: %s [DIGITS]  (1..1000000)\n", argv[0]);
    exit(2);
  }
  return v;
}

int main(int argc, char **argv) {
  long digits = parse_size(argc, argv, DEFAULT_DIGITS);
  print_pi(digits);

  long f = digits / 4 > 1 ? digits / 4 : 1;
  Nat factorial = nat_new(16, 1);
  for (long i = 2; i <= f; i++) nat_mul_small(&factorial, (uint32_t)i);
  char label[64];
  snprintf(label, sizeof label, "%ld!", f);
  nat_print_summary(label, &factorial);
  free(factorial.limb);

  Nat a = nat_new(16, 0), b = nat_new(16, 1); /* fib(0), fib(1) */
  for (long i = 0; i < digits; i++) {
    nat_add(&a, &b); /* (a, b) = (a + b, b) then swap: (b, a + b) */
    Nat t = a;
    a = b;
    b = t;
  }
  snprintf(label, sizeof label, "fib(%ld)", digits);
  nat_print_summary(label, &a);
  free(a.limb);
  free(b.limb);

  long exponent = 2 * digits;
  Nat result = nat_new(1, 1), base = nat_new(1, 3);
  for (long e = exponent; e > 0; e >>= 1) {
    if (e & 1) {
      Nat t = nat_mul(&result, &base);
      free(result.limb);
      result = t;
    }
    if (e > 1) {
      Nat t = nat_mul(&base, &base);
      free(base.limb);
      base = t;
    }
  }
  snprintf(label, sizeof label, "3^%ld", exponent);
  nat_print_summary(label, &result);
  free(result.limb);
  free(base.limb);
  return 0;
}
