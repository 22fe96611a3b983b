/*
 * recursion: call-heavy and deep recursion.
 *
 * Usage: recursion [S]   (default 12)
 * With scale S it computes Ackermann(3, S) and Ackermann(2, 200*S) counting calls,
 * naive fib(S + 24), a chain of 4000*S nested frames linked through pointers to their
 * parents' locals (so no compiler can turn it into a loop), Tower of Hanoi with S + 10
 * discs, and all permutations of min(S, 9) items by recursive swapping. The default
 * makes Ackermann(3, 12) about 32765 frames deep and the chain 48000 frames deep; in
 * wasm32 the chain needs a shadow stack of a few MiB.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { DEFAULT_SCALE = 12 };

static uint64_t calls;

static uint64_t ackermann(uint64_t m, uint64_t n) {
  calls++;
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static uint64_t fib(unsigned n) {
  calls++;
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

typedef struct Frame {
  const struct Frame *parent;
  uint64_t value;
} Frame;

static uint64_t max_depth_seen;

/* Each level keeps a frame on the stack whose address the next level holds; the deepest
 * call walks the whole chain, then every level mixes its own frame in on the way out. */
static uint64_t chain(const Frame *parent, long depth, long total) {
  Frame frame = {parent, (uint64_t)depth * 0x9e3779b97f4a7c15ull ^ (uint64_t)total};
  if (depth == total) {
    uint64_t sum = 0, length = 0;
    for (const Frame *f = &frame; f; f = f->parent) {
      sum = sum * 31 + f->value;
      length++;
    }
    max_depth_seen = length;
    return sum;
  }
  uint64_t below = chain(&frame, depth + 1, total);
  return (below ^ frame.value) * 0x100000001b3ull + (uint64_t)depth;
}

typedef struct {
  uint64_t moves, checksum;
} Hanoi;

static void hanoi(Hanoi *h, int discs, int from, int to, int via) {
  if (discs == 0) return;
  hanoi(h, discs - 1, from, via, to);
  h->moves++;
  h->checksum = h->checksum * 7 + (uint64_t)(discs * 9 + from * 3 + to);
  hanoi(h, discs - 1, via, to, from);
}

typedef struct {
  int items[16];
  int count;
  uint64_t permutations, checksum;
} Permuter;

static void permute(Permuter *p, int k) {
  if (k == p->count) {
    uint64_t h = 0;
    for (int i = 0; i < p->count; i++) h = h * 16 + (uint64_t)p->items[i];
    p->permutations++;
    p->checksum += h * p->permutations;
    return;
  }
  for (int i = k; i < p->count; i++) {
    int t = p->items[k];
    p->items[k] = p->items[i];
    p->items[i] = t;
    permute(p, k + 1);
    t = p->items[k];
    p->items[k] = p->items[i];
    p->items[i] = t;
  }
}

static long parse_size(int argc, char **argv, long fallback) {
  if (argc < 2) return fallback;
  char *end;
  long v = strtol(argv[1], &end, 10);
  if (*end != '\0' || v <= 0 || v > 14) {
    fprintf(stderr, "usage: %s [S]  (1..14)\n", argv[0]);
    exit(2);
  }
  return v;
}

int main(int argc, char **argv) {
  long s = parse_size(argc, argv, DEFAULT_SCALE);

  calls = 0;
  uint64_t a3 = ackermann(3, (uint64_t)s);
  printf("ackermann(3, %ld) = %llu in %llu calls\n", s, (unsigned long long)a3,
         (unsigned long long)calls);

  calls = 0;
  uint64_t a2 = ackermann(2, (uint64_t)(200 * s));
  printf("ackermann(2, %ld) = %llu in %llu calls\n", 200 * s, (unsigned long long)a2,
         (unsigned long long)calls);

  calls = 0;
  unsigned n = (unsigned)s + 24;
  uint64_t f = fib(n);
  printf("fib(%u) = %llu in %llu calls\n", n, (unsigned long long)f, (unsigned long long)calls);

  long depth = 4000 * s;
  uint64_t c = chain(NULL, 1, depth);
  printf("chain of %ld frames: walked %llu, checksum %016llx\n", depth,
         (unsigned long long)max_depth_seen, (unsigned long long)c);

  Hanoi h = {0, 0};
  hanoi(&h, (int)s + 10, 0, 2, 1);
  printf("hanoi(%ld discs): %llu moves, checksum %016llx\n", s + 10, (unsigned long long)h.moves,
         (unsigned long long)h.checksum);

  Permuter p = {{0}, s < 9 ? (int)s : 9, 0, 0};
  for (int i = 0; i < p.count; i++) p.items[i] = i + 1;
  permute(&p, 0);
  printf("permutations of %d: %llu, checksum %016llx\n", p.count,
         (unsigned long long)p.permutations, (unsigned long long)p.checksum);
  return 0;
}
