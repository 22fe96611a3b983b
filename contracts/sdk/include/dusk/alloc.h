/* The allocator: a contract's heap, which persists like the rest of its memory.
 *
 * A contract's whole linear memory is its state, kept between calls, while wasm globals
 * (clang's __stack_pointer included) start every top-level call at their initial values.
 * So the allocator keeps all its bookkeeping in linear memory (a static structure and
 * headers inside the heap), never in globals: a block allocated in one call is still
 * allocated, with its contents, in the next, and freed blocks are reused.
 *
 * Layout: the heap starts at the first 4 KiB page boundary after the linker's
 * __heap_base and grows with memory.grow (16,384 gas a 64 KiB page, charged by the
 * engine).
 *   - Pages: runs of whole 4 KiB pages, page-aligned. Free runs are kept in a list in
 *     address order, coalesced with their neighbours; allocation is first fit, taken
 *     from the end of a run. dusk_pages_alloc returns zeroed pages.
 *   - Blocks (dusk_alloc): sizes up to 1024 bytes come from size classes of 16 to 1024
 *     bytes (powers of two), carved from pages that then stay with their class; a freed
 *     block goes on its class's free list. Larger blocks are page runs with a 16-byte
 *     header. Blocks are 16-byte aligned.
 * Freed memory keeps its bytes (and so stays in the state) until it is reused; memset it
 * first if the state should shrink. Misuse that is detectable (freeing what is not a
 * block) fails the call. */
#ifndef DUSK_ALLOC_H
#define DUSK_ALLOC_H

#include "dusk/base.h"

DUSK_BEGIN_DECLS

/* A block of at least `size` bytes, 16-byte aligned, not zeroed. Fails the call ("out of
 * memory") when the memory cannot grow. */
void* dusk_alloc(size_t size);
void* dusk_alloc_zeroed(size_t size);
/* Resizes a block (null: allocates; size 0: frees and returns null), keeping its bytes
 * up to the smaller size. */
void* dusk_realloc(void* block, size_t size);
/* Frees a block of dusk_alloc (null: nothing). */
void dusk_free(void* block);
/* The usable size of a block. */
size_t dusk_block_size(const void* block);

/* n zeroed pages of 4 KiB, 4 KiB-aligned (n >= 1), for data that should occupy whole
 * write-tracking pages. Fails the call when the memory cannot grow. */
void* dusk_pages_alloc(uint32_t n);
/* Frees pages of dusk_pages_alloc; n must be the count they were allocated with. */
void dusk_pages_free(void* pages, uint32_t n);

typedef struct DuskHeapStats {
  uint32_t heap_start;   /* the first heap page */
  uint32_t heap_top;     /* the end of the pages ever handed out */
  uint32_t free_pages;   /* pages in free runs */
  uint32_t free_runs;
} DuskHeapStats;
DuskHeapStats dusk_heap_stats(void);

/* The C names, for code written against libc: malloc and realloc return null instead of
 * failing the call. */
void* malloc(size_t size);
void* calloc(size_t count, size_t size);
void* realloc(void* block, size_t size);
void free(void* block);

DUSK_END_DECLS

#endif
