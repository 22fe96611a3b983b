/* The argument buffer (dusk/base.h). Exported by the linker (--export=argbuf) as an
 * immutable i32 global holding its address. It is the first variable of .bss, and the
 * stack ends 2 KiB before a page boundary (cmake/DuskContract.cmake), so the top of the
 * stack, the static data and the first bytes of argbuf usually share one 4 KiB page: a
 * call with a small argument and a shallow stack then writes one page for all three. */
#include "dusk/base.h"

__attribute__((aligned(16))) uint8_t dusk_argbuf[DUSK_ARGBUF_SIZE];
