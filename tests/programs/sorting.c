/*
 * sorting: quicksort and mergesort of a pseudo-random array, with checksums.
 *
 * Usage: sorting [N]   (default 5000000 elements)
 * Generates N 32-bit keys with a PCG32 generator (every seventh one below 1000, so there
 * are duplicates), sorts one copy with quicksort (median of three, insertion sort for
 * short runs) and another with a top-down mergesort, checks that both are sorted and
 * equal, and prints order-sensitive checksums and a few sampled elements. Exits 1 if a
 * check fails.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_N = 5000000, INSERTION_CUTOFF = 16 };

typedef struct {
  uint64_t state, inc;
} Pcg32;

static uint32_t pcg32_next(Pcg32 *rng) {
  uint64_t old = rng->state;
  rng->state = old * 6364136223846793005ull + rng->inc;
  uint32_t xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
  uint32_t rot = (uint32_t)(old >> 59);
  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

static void pcg32_seed(Pcg32 *rng, uint64_t seed, uint64_t sequence) {
  rng->state = 0;
  rng->inc = (sequence << 1) | 1;
  pcg32_next(rng);
  rng->state += seed;
  pcg32_next(rng);
}

static void insertion_sort(uint32_t *a, long lo, long hi) {
  for (long i = lo + 1; i <= hi; i++) {
    uint32_t v = a[i];
    long j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

static void swap(uint32_t *a, long i, long j) {
  uint32_t t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/* Recurses into the smaller half and loops on the larger, so depth stays O(log n). */
static void quicksort(uint32_t *a, long lo, long hi) {
  while (hi - lo > INSERTION_CUTOFF) {
    long mid = lo + (hi - lo) / 2;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    uint32_t pivot = a[mid];
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  insertion_sort(a, lo, hi);
}

static void merge_sort_rec(uint32_t *a, uint32_t *tmp, long lo, long hi) {
  if (hi - lo <= INSERTION_CUTOFF) {
    insertion_sort(a, lo, hi);
    return;
  }
  long mid = lo + (hi - lo) / 2;
  merge_sort_rec(a, tmp, lo, mid);
  merge_sort_rec(a, tmp, mid + 1, hi);
  if (a[mid] <= a[mid + 1]) return;
  long i = lo, j = mid + 1, k = lo;
  while (i <= mid && j <= hi) tmp[k++] = (a[j] < a[i]) ? a[j++] : a[i++];
  while (i <= mid) tmp[k++] = a[i++];
  while (j <= hi) tmp[k++] = a[j++];
  memcpy(a + lo, tmp + lo, (size_t)(hi - lo + 1) * sizeof *a);
}

static int merge_sort(uint32_t *a, long n) {
  uint32_t *tmp = malloc((size_t)n * sizeof *tmp);
  if (!tmp) return 0;
  merge_sort_rec(a, tmp, 0, n - 1);
  free(tmp);
  return 1;
}

static uint64_t checksum(const uint32_t *a, long n) {
  uint64_t h = 1469598103934665603ull;
  for (long i = 0; i < n; i++) h = (h ^ a[i]) * 1099511628211ull + (uint64_t)i;
  return h;
}

static long unsorted_at(const uint32_t *a, long n) {
  for (long i = 1; i < n; i++)
    if (a[i - 1] > a[i]) return i;
  return -1;
}

static long parse_size(int argc, char **argv, long fallback) {
  if (argc < 2) return fallback;
  char *end;
  long v = strtol(argv[1], &end, 10);
  if (*end != '\0' || v <= 0 || v > 50000000) {
    fprintf(stderr, "usage: %s [N]  (1..50000000)\n", argv[0]);
    exit(2);
  }
  return v;
}

int main(int argc, char **argv) {
  long n = parse_size(argc, argv, DEFAULT_N);
  uint32_t *quick = malloc((size_t)n * sizeof *quick);
  uint32_t *merge = malloc((size_t)n * sizeof *merge);
  if (!quick || !merge) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  Pcg32 rng;
  pcg32_seed(&rng, 42u, 54u);
  uint64_t sum = 0;
  for (long i = 0; i < n; i++) {
    uint32_t v = pcg32_next(&rng);
    if (i % 7 == 3) v %= 1000; /* a band of small keys with many duplicates */
    quick[i] = v;
    sum += v;
  }
  memcpy(merge, quick, (size_t)n * sizeof *merge);
  printf("n %ld\n", n);
  printf("input checksum %016llx sum %llu\n", (unsigned long long)checksum(quick, n),
         (unsigned long long)sum);

  quicksort(quick, 0, n - 1);
  if (!merge_sort(merge, n)) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  long bad_quick = unsorted_at(quick, n), bad_merge = unsorted_at(merge, n);
  int equal = memcmp(quick, merge, (size_t)n * sizeof *quick) == 0;
  printf("quicksort sorted %s checksum %016llx\n", bad_quick < 0 ? "yes" : "NO",
         (unsigned long long)checksum(quick, n));
  printf("mergesort sorted %s checksum %016llx\n", bad_merge < 0 ? "yes" : "NO",
         (unsigned long long)checksum(merge, n));
  printf("results equal %s\n", equal ? "yes" : "NO");
  long distinct = n > 0 ? 1 : 0;
  for (long i = 1; i < n; i++) distinct += quick[i] != quick[i - 1];
  printf("distinct %ld\n", distinct);
  for (int k = 0; k <= 8; k++) {
    long i = (long)((long long)(n - 1) * k / 8);
    printf("a[%ld] = %u\n", i, (unsigned)quick[i]);
  }
  free(quick);
  free(merge);
  return (bad_quick < 0 && bad_merge < 0 && equal) ? 0 : 1;
}
