/*
 * exitcode: checks that output is flushed and the exit status is passed through.
 *
 * Usage: exitcode [N]   (default 3)
 * Prints N lines to stdout, one diagnostic line to stderr, then calls exit(3) from inside
 * a nested call so that the stdio buffers are flushed by exit() itself, not by a return
 * from main.
 */
#include <stdio.h>
#include <stdlib.h>

static void finish(int lines) {
  fprintf(stderr, "exitcode: failing on purpose after %d lines\n", lines);
  exit(3);
}

int main(int argc, char **argv) {
  int lines = 3;
  if (argc > 1) {
    char *end;
    long v = strtol(argv[1], &end, 10);
    if (*end != '\0' || v < 0 || v > 100000) {
      fprintf(stderr, "usage: %s [N]  (0..100000)\n", argv[0]);
      return 2;
    }
    lines = (int)v;
  }
  unsigned long sum = 0;
  for (int i = 0; i < lines; i++) {
    sum = sum * 33 + (unsigned long)i;
    printf("line %d of %d, running sum %lu\n", i + 1, lines, sum % 1000003);
  }
  finish(lines);
  return 0;
}
