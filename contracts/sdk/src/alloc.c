/* The persistent heap (dusk/alloc.h). Every piece of bookkeeping is in linear memory:
 * `heap` below is a static variable (in .bss), the free runs' headers sit in the runs,
 * the pages' headers at their start. Nothing is kept in a wasm global, because globals
 * start every top-level call at their initial values. */
#include "dusk/alloc.h"

#include "dusk/host.h"

#define PAGE DUSK_PAGE_SIZE
#define WASM_PAGE 65536u
#define CLASSES 7u          /* 16, 32, ..., 1024 bytes */
#define SMALL_MAX 1024u
#define HEADER 16u          /* at the start of a class's page and of a large block */
#define SLAB_MAGIC 0x62616c73u   /* "slab" */
#define LARGE_MAGIC 0x656772u    /* "rge" */

extern uint8_t __heap_base;  /* from wasm-ld: the end of the static data and the stack */

/* At the start of a free run of pages. */
typedef struct Run {
  uint32_t next;   /* the next free run (higher address), 0: none */
  uint32_t pages;
} Run;

/* At the start of a class's page or of a large block. */
typedef struct PageHeader {
  uint32_t magic;  /* SLAB_MAGIC or LARGE_MAGIC */
  uint32_t value;  /* the class, or the block's pages */
  uint32_t unused[2];
} PageHeader;

static struct Heap {
  uint32_t top;                  /* end of the pages ever handed out; 0 until first use */
  uint32_t runs;                 /* the first free run, 0: none */
  uint32_t free_pages;
  uint32_t free_runs;
  uint32_t free_blocks[CLASSES]; /* freed blocks of each class, linked through their first word */
  uint32_t carve[CLASSES];       /* the uncarved part of each class's newest page */
  uint32_t carve_end[CLASSES];
} heap;

static uint32_t heap_start(void) { return ((uint32_t)(uintptr_t)&__heap_base + PAGE - 1) & ~(PAGE - 1); }

static Run* run_at(uint32_t address) { return (Run*)(uintptr_t)address; }

/* Makes the memory at least `end` bytes long; false when it cannot grow. */
static bool reach(uint64_t end) {
  const uint64_t size = (uint64_t)__builtin_wasm_memory_size(0) * WASM_PAGE;
  if (end <= size) return true;
  const uint64_t delta = (end - size + WASM_PAGE - 1) / WASM_PAGE;
  return __builtin_wasm_memory_grow(0, (size_t)delta) != (size_t)-1;
}

/* n pages, zeroed when asked; 0 when the memory cannot grow. Pages beyond heap.top were
 * never handed out and are zero; pages of free runs keep what they held. */
static uint32_t take_pages(uint32_t n, bool zero) {
  if (!heap.top) heap.top = heap_start();
  uint32_t prev = 0;
  for (uint32_t at = heap.runs; at; prev = at, at = run_at(at)->next) {
    Run* run = run_at(at);
    if (run->pages < n) continue;
    uint32_t block;
    if (run->pages == n) {
      /* The whole run: unlink it. */
      if (prev) run_at(prev)->next = run->next;
      else heap.runs = run->next;
      heap.free_runs -= 1;
      block = at;
    } else {
      /* The end of the run, so that only its size changes. */
      run->pages -= n;
      block = at + run->pages * PAGE;
    }
    heap.free_pages -= n;
    if (zero) memset((void*)(uintptr_t)block, 0, (size_t)n * PAGE);
    return block;
  }
  const uint64_t end = (uint64_t)heap.top + (uint64_t)n * PAGE;
  if (end > 0xffffffffu || !reach(end)) return 0;
  const uint32_t block = heap.top;
  heap.top = (uint32_t)end;
  return block;
}

/* Returns n pages at `at` to the free runs, in address order, merged with neighbours. */
static void give_pages(uint32_t at, uint32_t n) {
  if (!n || (at & (PAGE - 1)) || at < heap_start() || (uint64_t)at + (uint64_t)n * PAGE > heap.top)
    dusk_panic("dusk_pages_free: not pages of the heap");
  uint32_t prev = 0, next = heap.runs;
  while (next && next < at) {
    prev = next;
    next = run_at(next)->next;
  }
  const uint32_t end = at + n * PAGE;
  if ((prev && prev + run_at(prev)->pages * PAGE > at) || (next && end > next))
    dusk_panic("dusk_pages_free: pages already free");
  heap.free_pages += n;
  heap.free_runs += 1;
  uint32_t pages = n;
  uint32_t after = next;
  if (next && end == next) {
    pages += run_at(next)->pages;
    after = run_at(next)->next;
    memset(run_at(next), 0, sizeof(Run));
    heap.free_runs -= 1;
  }
  if (prev && prev + run_at(prev)->pages * PAGE == at) {
    run_at(prev)->pages += pages;
    run_at(prev)->next = after;
    heap.free_runs -= 1;
    return;
  }
  Run* run = run_at(at);
  run->next = after;
  run->pages = pages;
  if (prev) run_at(prev)->next = at;
  else heap.runs = at;
}

void* dusk_pages_alloc(uint32_t n) {
  if (!n) dusk_panic("dusk_pages_alloc: no pages asked");
  const uint32_t at = take_pages(n, true);
  if (!at) dusk_panic("out of memory");
  return (void*)(uintptr_t)at;
}

void dusk_pages_free(void* pages, uint32_t n) { give_pages((uint32_t)(uintptr_t)pages, n); }

static uint32_t class_of(size_t size) {
  if (size <= 16) return 0;
  return 32u - (uint32_t)__builtin_clz((uint32_t)size - 1) - 4u;
}

static uint32_t class_size(uint32_t cls) { return 16u << cls; }

static PageHeader* header_of(uint32_t page) { return (PageHeader*)(uintptr_t)page; }

/* A block, or null when the memory cannot grow. */
static void* allocate(size_t size) {
  if (size <= SMALL_MAX) {
    const uint32_t cls = class_of(size);
    uint32_t block = heap.free_blocks[cls];
    if (block) {
      memcpy(&heap.free_blocks[cls], (void*)(uintptr_t)block, 4);
      return (void*)(uintptr_t)block;
    }
    if (heap.carve[cls] == heap.carve_end[cls]) {
      const uint32_t page = take_pages(1, false);
      if (!page) return 0;
      PageHeader* h = header_of(page);
      h->magic = SLAB_MAGIC;
      h->value = cls;
      const uint32_t size_of_class = class_size(cls);
      heap.carve[cls] = page + HEADER;
      heap.carve_end[cls] = page + HEADER + (PAGE - HEADER) / size_of_class * size_of_class;
    }
    block = heap.carve[cls];
    heap.carve[cls] += class_size(cls);
    return (void*)(uintptr_t)block;
  }
  const uint64_t pages = ((uint64_t)size + HEADER + PAGE - 1) / PAGE;
  if (pages > 0xffffffffu / PAGE) return 0;
  const uint32_t page = take_pages((uint32_t)pages, false);
  if (!page) return 0;
  PageHeader* h = header_of(page);
  h->magic = LARGE_MAGIC;
  h->value = (uint32_t)pages;
  return (void*)(uintptr_t)(page + HEADER);
}

/* The header of the page a block lies in, checked; panics when it is not a block. */
static PageHeader* block_header(const void* block) {
  const uint32_t p = (uint32_t)(uintptr_t)block;
  const uint32_t page = p & ~(PAGE - 1);
  if (page < heap_start() || p >= heap.top) dusk_panic("dusk_free: not a heap block");
  PageHeader* h = header_of(page);
  if (h->magic == LARGE_MAGIC && p == page + HEADER) return h;
  if (h->magic == SLAB_MAGIC && h->value < CLASSES) {
    const uint32_t size = class_size(h->value);
    const uint32_t offset = p - page;
    if (offset >= HEADER && (offset - HEADER) % size == 0 && offset - HEADER < (PAGE - HEADER) / size * size) return h;
  }
  dusk_panic("dusk_free: not a heap block");
}

size_t dusk_block_size(const void* block) {
  const PageHeader* h = block_header(block);
  return h->magic == SLAB_MAGIC ? class_size(h->value) : (size_t)h->value * PAGE - HEADER;
}

void dusk_free(void* block) {
  if (!block) return;
  PageHeader* h = block_header(block);
  if (h->magic == SLAB_MAGIC) {
    const uint32_t cls = h->value;
    memcpy(block, &heap.free_blocks[cls], 4);
    heap.free_blocks[cls] = (uint32_t)(uintptr_t)block;
    return;
  }
  const uint32_t pages = h->value;
  h->magic = 0;  /* a second free of the same block is then detected */
  give_pages((uint32_t)(uintptr_t)h, pages);
}

void* dusk_alloc(size_t size) {
  void* p = allocate(size);
  if (!p) dusk_panic("out of memory");
  return p;
}

void* dusk_alloc_zeroed(size_t size) { return memset(dusk_alloc(size), 0, size); }

static void* resize(void* block, size_t size, bool fail) {
  if (!block) return fail ? dusk_alloc(size) : allocate(size);
  if (!size) {
    dusk_free(block);
    return 0;
  }
  const size_t have = dusk_block_size(block);
  if (size <= have) return block;
  void* moved = allocate(size);
  if (!moved) {
    if (fail) dusk_panic("out of memory");
    return 0;
  }
  memcpy(moved, block, have);
  dusk_free(block);
  return moved;
}

void* dusk_realloc(void* block, size_t size) { return resize(block, size, true); }

DuskHeapStats dusk_heap_stats(void) {
  DuskHeapStats s;
  s.heap_start = heap_start();
  s.heap_top = heap.top ? heap.top : s.heap_start;
  s.free_pages = heap.free_pages;
  s.free_runs = heap.free_runs;
  return s;
}

void* malloc(size_t size) { return allocate(size); }

void* calloc(size_t count, size_t size) {
  if (size && count > (size_t)-1 / size) return 0;
  void* p = allocate(count * size);
  return p ? memset(p, 0, count * size) : 0;
}

void* realloc(void* block, size_t size) { return resize(block, size, false); }

void free(void* block) { dusk_free(block); }
