/* The DuskVM contract SDK for C11 and C++ (clang --target=wasm32, freestanding).
 *
 *   dusk/base.h    types, argbuf, memcpy & co
 *   dusk/host.h    the host functions of module "env", dusk_sender, events, calls,
 *                  host queries, dusk_panic
 *   dusk/abi.h     DUSK_ENTRY, argument readers and result writers, DUSK_ABI
 *   dusk/alloc.h   the persistent heap
 *   dusk/map.h     the persistent hash map
 *
 * contracts/README.md explains the model (memory is state, globals are not) and how to
 * build and deploy; cmake/DuskContract.cmake builds contracts. */
#ifndef DUSK_DUSK_H
#define DUSK_DUSK_H

#include "dusk/abi.h"
#include "dusk/alloc.h"
#include "dusk/base.h"
#include "dusk/host.h"
#include "dusk/map.h"

#endif
