/* What every part of the SDK shares: fixed-width types, the argument buffer, C and C++
 * linkage, and the freestanding memory functions.
 *
 * Contracts are compiled with clang --target=wasm32 -ffreestanding -nostdlib (see
 * cmake/DuskContract.cmake): there is no libc. The SDK provides memcpy, memmove,
 * memset, memcmp and strlen (src/mem.c) and an allocator (alloc.h). */
#ifndef DUSK_BASE_H
#define DUSK_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dusk/codes.h"

#ifdef __cplusplus
#define DUSK_BEGIN_DECLS extern "C" {
#define DUSK_END_DECLS }
#define DUSK_NORETURN [[noreturn]]
#else
#define DUSK_BEGIN_DECLS
#define DUSK_END_DECLS
#define DUSK_NORETURN _Noreturn
#endif

#define DUSK_INLINE static inline __attribute__((always_inline))

DUSK_BEGIN_DECLS

/* The argument buffer, exported as the immutable global `argbuf` (the linker's
 * --export=argbuf on this data symbol). An entry point finds its argument in
 * argbuf[0, arg_len) and leaves its result in argbuf[0, result_len). Every host function
 * that hands bytes back (caller, origin, callstack, self_id, owner, c, hq) writes them at
 * argbuf[0], and emit, panic, c and hq read their input from there: decode the argument
 * before calling any of them. */
extern uint8_t dusk_argbuf[DUSK_ARGBUF_SIZE] __asm__("argbuf");

void* memcpy(void* dst, const void* src, size_t n);
void* memmove(void* dst, const void* src, size_t n);
void* memset(void* dst, int c, size_t n);
int memcmp(const void* a, const void* b, size_t n);
size_t strlen(const char* s);

DUSK_END_DECLS

#endif
