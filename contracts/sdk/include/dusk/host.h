/* The host: every function of module "env" (src/duskvm/runtime/host_functions.hpp), as
 * raw imports (dusk_host_*) and as typed wrappers (dusk_*).
 *
 * The raw imports take and leave bytes in argbuf. The wrappers copy in and out of it
 * (memmove: their inputs may lie in argbuf too, except dusk_call's callee), and every
 * wrapper may overwrite argbuf. Gas: each host call pays 100, plus 1 per byte it moves. */
#ifndef DUSK_HOST_H
#define DUSK_HOST_H

#include "dusk/base.h"

#define DUSK_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

DUSK_BEGIN_DECLS

/* --- Raw imports ------------------------------------------------------------------- */

/* Calls entry `name` of contract `callee` (32 bytes) with argbuf[0, arg_len); gas_limit 0
 * or not below what remains: 93% of what remains. The result's length (result in argbuf)
 * or a DUSK_CALL_* code. */
DUSK_IMPORT(c) int32_t dusk_host_c(const uint8_t* callee, const char* name, uint32_t name_len, uint32_t arg_len,
                                   uint64_t gas_limit);
DUSK_IMPORT(emit) void dusk_host_emit(const char* topic, uint32_t topic_len, uint32_t arg_len);
/* Fails the call with argbuf[0, arg_len) as its message; never returns. */
DUSK_IMPORT(panic) void dusk_host_panic(uint32_t arg_len);
/* 1 and the calling contract's ID in argbuf, or 0 when called by a transaction. */
DUSK_IMPORT(caller) int32_t dusk_host_caller(void);
/* The top-level call's sender, as the node vouches for it, in argbuf; its length. */
DUSK_IMPORT(origin) int32_t dusk_host_origin(void);
/* The calling contracts' IDs, innermost first, in argbuf; their number. */
DUSK_IMPORT(callstack) int32_t dusk_host_callstack(void);
DUSK_IMPORT(self_id) void dusk_host_self_id(void);
/* The deployer's bytes in argbuf; their length. */
DUSK_IMPORT(owner) int32_t dusk_host_owner(void);
DUSK_IMPORT(limit) int64_t dusk_host_limit(void);
DUSK_IMPORT(spent) int64_t dusk_host_spent(void);
DUSK_IMPORT(block_height) int64_t dusk_host_block_height(void);
DUSK_IMPORT(chain_id) int32_t dusk_host_chain_id(void);
/* Host query `name` over argbuf[0, arg_len): the result's length (result in argbuf), or
 * DUSK_NO_SUCH_QUERY / DUSK_QUERY_BAD_INPUT. */
DUSK_IMPORT(hq) int32_t dusk_host_hq(const char* name, uint32_t name_len, uint32_t arg_len);

/* --- Failing ----------------------------------------------------------------------- */

/* Fails the call with a message (UTF-8): the runtime undoes everything the call changed,
 * and a calling contract gets DUSK_CALL_PANICKED with the message. */
DUSK_NORETURN void dusk_panic(const char* message);
DUSK_NORETURN void dusk_panic_bytes(const void* message, uint32_t len);
#define dusk_require(condition, message) ((condition) ? (void)0 : dusk_panic(message))

/* --- Who is calling ---------------------------------------------------------------- */

/* The account the call acts for, as 32 bytes:
 *   - called by a contract: that contract's ID;
 *   - called by a transaction whose origin is exactly 32 bytes: the origin itself;
 *   - otherwise: BLAKE2b-256 of the origin (hq "blake2b_256"), so that longer keys
 *     (BLS keys are 96 bytes) become account IDs too.
 * Panics when the call names no origin: nobody may act as "the empty sender". Overwrites
 * argbuf. */
void dusk_sender(uint8_t out[32]);

/* Writes the calling contract's ID to out and returns true, or returns false when called
 * by a transaction. */
bool dusk_caller(uint8_t out[32]);
/* The origin's length; its first min(length, cap) bytes go to out. */
uint32_t dusk_origin(uint8_t* out, uint32_t cap);
/* The number of calling contracts; the first min(number, max) IDs, innermost first. */
uint32_t dusk_callstack(uint8_t (*out)[32], uint32_t max);
void dusk_self_id(uint8_t out[32]);
/* The owner's length; its first min(length, cap) bytes go to out. */
uint32_t dusk_owner(uint8_t* out, uint32_t cap);

DUSK_INLINE uint64_t dusk_gas_limit(void) { return (uint64_t)dusk_host_limit(); }
DUSK_INLINE uint64_t dusk_gas_spent(void) { return (uint64_t)dusk_host_spent(); }
DUSK_INLINE uint64_t dusk_block_height(void) { return (uint64_t)dusk_host_block_height(); }
DUSK_INLINE uint32_t dusk_chain_id(void) { return (uint32_t)dusk_host_chain_id(); }

/* --- Events ------------------------------------------------------------------------ */

/* Emits event `topic` with data[0, len). The events of a failed call are dropped. */
void dusk_emit(const char* topic, const void* data, uint32_t len);
/* Emits event `topic` whose data is already in argbuf[0, len) (built with a DuskWriter). */
void dusk_emit_argbuf(const char* topic, uint32_t len);

/* --- Calling other contracts ------------------------------------------------------- */

/* Calls entry `fn` of `callee` with arg[0, arg_len): the result's length (the result is
 * in argbuf) or a DUSK_CALL_* code. gas_limit 0: 93% of the gas left. `callee` must not
 * lie in argbuf (the argument is moved there first). */
int32_t dusk_call(const uint8_t callee[32], const char* fn, const void* arg, uint32_t arg_len, uint64_t gas_limit);
/* The same with the argument already in argbuf[0, arg_len). */
int32_t dusk_call_argbuf(const uint8_t callee[32], const char* fn, uint32_t arg_len, uint64_t gas_limit);
/* Fails the call after dusk_call returned `code` < 0, with the message
 * "<context>: <the callee's panic message, or what went wrong>". */
DUSK_NORETURN void dusk_panic_call(const char* context, int32_t code);

/* --- Host queries ------------------------------------------------------------------ */

/* Runs host query `name` over in[0, len): the result's length (in argbuf), or
 * DUSK_NO_SUCH_QUERY / DUSK_QUERY_BAD_INPUT. */
int32_t dusk_query(const char* name, const void* in, uint32_t len);
/* The same with the input already in argbuf[0, len). */
int32_t dusk_query_argbuf(const char* name, uint32_t len);
/* Digests of data[0, len), computed by the host; panic if the host refuses. */
void dusk_blake2b_256(const void* data, uint32_t len, uint8_t out[32]);
void dusk_sha256(const void* data, uint32_t len, uint8_t out[32]);
void dusk_keccak256(const void* data, uint32_t len, uint8_t out[32]);

DUSK_END_DECLS

#endif
