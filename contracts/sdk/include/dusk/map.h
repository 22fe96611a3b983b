/* A persistent hash map from fixed-size keys to fixed-size values, laid out so that an
 * update writes one 4 KiB page.
 *
 *   static DuskMap* balances;                       // persists: it is in linear memory
 *   DUSK_ENTRY(init) { balances = dusk_map_new(32, 8); ... }
 *   uint64_t* b = (uint64_t*)dusk_map_get(balances, account);    // null: absent
 *   bool inserted;
 *   uint8_t* v = dusk_map_put(balances, account, &inserted);      // zeroed when new
 *
 * Extendible hashing: a directory of 2^depth bucket pointers, indexed by the top bits of
 * the key's 64-bit hash, and buckets that are each one page (dusk_pages_alloc): a header,
 * one tag byte per entry (8 bits of the hash, scanned 8 at a time) and the entries packed
 * in insertion order. A full bucket splits in two (doubling the directory when its depth
 * is the directory's), so the map grows a bucket at a time, never rehashing everything.
 * Reading a key reads the directory and one bucket; changing a value writes one bucket;
 * inserting or removing also writes the map's header (its count). Removing moves the
 * bucket's last entry into the hole; buckets never merge.
 *
 * The hash is a fixed public function: whoever chooses keys can grind keys that share
 * hash bits. The directory stops doubling at depth 20 (4 MiB), after which a bucket that
 * fills gets overflow buckets chained to it: such keys cost more gas, nothing fails.
 *
 * Value pointers stay valid until the next put or remove on the same map. Keys may lie
 * anywhere, argbuf included. Precondition on every function: `map` came from
 * dusk_map_new. */
#ifndef DUSK_MAP_H
#define DUSK_MAP_H

#include "dusk/base.h"

DUSK_BEGIN_DECLS

typedef struct DuskMap DuskMap;

#define DUSK_MAP_MAX_KEY 64u
#define DUSK_MAP_MAX_VALUE 960u

/* A new, empty map (1 <= key_len <= 64, value_len <= 960). */
DuskMap* dusk_map_new(uint32_t key_len, uint32_t value_len);
/* The value stored under key, or null. */
void* dusk_map_get(const DuskMap* map, const void* key);
/* The value under key, inserted zero-filled when absent (*inserted says which; it may be
 * null). */
void* dusk_map_put(DuskMap* map, const void* key, bool* inserted);
/* Removes key; false when it was absent. */
bool dusk_map_remove(DuskMap* map, const void* key);
uint32_t dusk_map_count(const DuskMap* map);

/* Visiting every entry, in an order fixed by the keys' hashes and the history of
 * insertions:
 *   DuskMapCursor c = {0};
 *   const uint8_t* key; void* value;
 *   while (dusk_map_next(map, &c, &key, &value)) ...
 * The map must not change during the visit. */
typedef struct DuskMapCursor {
  uint32_t slot;    /* directory index */
  uint32_t bucket;  /* current bucket (0: start at slot) */
  uint32_t entry;
} DuskMapCursor;
bool dusk_map_next(const DuskMap* map, DuskMapCursor* cursor, const uint8_t** key, void** value);

DUSK_END_DECLS

#endif
