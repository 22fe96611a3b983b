/* The memory functions a freestanding contract needs. With bulk memory (-mbulk-memory)
 * clang lowers the builtins of unknown size to memory.copy and memory.fill, single
 * instructions the engine prices per byte, so these never call themselves. */
#include "dusk/base.h"

void* memcpy(void* dst, const void* src, size_t n) { return __builtin_memcpy(dst, src, n); }

void* memmove(void* dst, const void* src, size_t n) { return __builtin_memmove(dst, src, n); }

void* memset(void* dst, int c, size_t n) { return __builtin_memset(dst, c, n); }

int memcmp(const void* a, const void* b, size_t n) {
  const uint8_t* x = (const uint8_t*)a;
  const uint8_t* y = (const uint8_t*)b;
  /* Eight bytes at a time while they agree (wasm loads need no alignment). */
  while (n >= 8) {
    uint64_t u, v;
    __builtin_memcpy(&u, x, 8);
    __builtin_memcpy(&v, y, 8);
    if (u != v) break;
    x += 8;
    y += 8;
    n -= 8;
  }
  for (; n; --n, ++x, ++y)
    if (*x != *y) return *x < *y ? -1 : 1;
  return 0;
}

size_t strlen(const char* s) {
  const char* p = s;
  while (*p) ++p;
  return (size_t)(p - s);
}
