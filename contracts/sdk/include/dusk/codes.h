/* The negative codes host functions return (src/duskvm/runtime/host_functions.hpp and
 * host_queries.hpp). Plain C without target attributes, so that a native test can check
 * them against the runtime's constants. */
#ifndef DUSK_CODES_H
#define DUSK_CODES_H

/* c(): the callee failed; its changes and events are undone. */
#define DUSK_CALL_PANICKED (-1)         /* argbuf: u32 little-endian length, then the message */
#define DUSK_CALL_OUT_OF_GAS (-2)
#define DUSK_CALL_NO_SUCH_CONTRACT (-3)
#define DUSK_CALL_TOO_DEEP (-4)         /* the session's call depth limit */
#define DUSK_CALL_NO_SUCH_ENTRY (-5)
#define DUSK_CALL_FAILED (-6)           /* any other trap */

/* hq(): */
#define DUSK_NO_SUCH_QUERY (-7)
#define DUSK_QUERY_BAD_INPUT (-8)

#define DUSK_ARGBUF_SIZE 65536u         /* bytes of the argument buffer */
#define DUSK_PAGE_SIZE 4096u            /* the runtime's write-tracking page */

#endif
