/* Timing of one operation, shared by our side-by-side harness (bench/crypto_ops.cpp)
 * and the reference harnesses (bench/reference/blst_ops.c), so both sides are measured
 * the same way: one warm-up call, then batches sized to take about 0.2 s each, and the
 * best batch average of five. Prints "NAME NANOSECONDS_PER_CALL" on one line.
 * Plain C (gnu11 or C++) so that C and C++ harnesses share it. */
#ifndef DUSK_BENCH_OP_TIMER_H
#define DUSK_BENCH_OP_TIMER_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double op_timer_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Whether NAME passes the filter in $DUSK_BENCH_FILTER (a substring; empty: all). */
static inline int op_timer_selected(const char* name) {
  const char* f = getenv("DUSK_BENCH_FILTER");
  return f == NULL || *f == '\0' || strstr(name, f) != NULL;
}

static inline void op_timer_run(const char* name, void (*fn)(void*), void* ctx) {
  if (!op_timer_selected(name)) return;
  const char* q = getenv("DUSK_BENCH_BATCH_SECONDS");
  const double batch_seconds = q != NULL && atof(q) > 0 ? atof(q) : 0.2;
  fn(ctx); /* warm-up */
  long n = 1;
  for (;;) { /* calibrate: double the batch until it takes batch_seconds */
    double t0 = op_timer_now();
    for (long i = 0; i < n; ++i) fn(ctx);
    double dt = op_timer_now() - t0;
    if (dt >= batch_seconds || n >= (1L << 30)) break;
    n *= 2;
  }
  double best = 1e300;
  for (int b = 0; b < 5; ++b) {
    double t0 = op_timer_now();
    for (long i = 0; i < n; ++i) fn(ctx);
    double per = (op_timer_now() - t0) / (double)n;
    if (per < best) best = per;
  }
  printf("%s %.0f\n", name, best * 1e9);
  fflush(stdout);
}

#endif
