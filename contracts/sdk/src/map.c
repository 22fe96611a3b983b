/* The persistent hash map (dusk/map.h): extendible hashing over one-page buckets. */
#include "dusk/map.h"

#include "dusk/alloc.h"
#include "dusk/host.h"

#define PAGE DUSK_PAGE_SIZE
#define MAX_DEPTH 20u  /* the directory's limit: 2^20 buckets, 4 MiB of pointers */

/* One page. The tags (one byte of each entry's hash) fill an area rounded up to 8 bytes,
 * so that they can be scanned a word at a time; the entries (key, then value) follow. */
typedef struct Bucket {
  uint16_t count;
  uint8_t depth;         /* the hash bits every key here shares */
  uint8_t unused;
  struct Bucket* next;   /* an overflow bucket (only at MAX_DEPTH), or null */
  uint8_t tags[];
} Bucket;

struct DuskMap {
  uint16_t key_len;
  uint16_t value_len;
  uint16_t slot_len;     /* key_len + value_len */
  uint16_t capacity;     /* entries per bucket */
  uint16_t entries_at;   /* offset of the first entry in a bucket */
  uint16_t depth;        /* the directory has 2^depth slots */
  Bucket** directory;
  uint32_t count;
};

static uint64_t load64(const uint8_t* p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static uint64_t rotl(uint64_t x, unsigned r) { return (x << r) | (x >> (64 - r)); }

/* A word at a time (multiply and rotate), then a full avalanche (splitmix64's finalizer),
 * so that both the top bits (the directory) and the low byte (the tag) depend on all of
 * the key. */
static uint64_t hash_key(const uint8_t* key, uint32_t len) {
  uint64_t h = 0x243f6a8885a308d3ull ^ len;
  for (; len >= 8; key += 8, len -= 8) h = rotl((h ^ load64(key)) * 0x9e3779b97f4a7c15ull, 31);
  if (len) {
    uint64_t tail = 0;
    memcpy(&tail, key, len);
    h = rotl((h ^ tail) * 0x9e3779b97f4a7c15ull, 31);
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

static bool keys_equal(const uint8_t* a, const uint8_t* b, uint32_t len) {
  for (; len >= 8; a += 8, b += 8, len -= 8)
    if (load64(a) != load64(b)) return false;
  for (; len; --len)
    if (*a++ != *b++) return false;
  return true;
}

static uint8_t* entry_at(const DuskMap* m, const Bucket* b, uint32_t i) {
  return (uint8_t*)b + m->entries_at + i * m->slot_len;
}

static uint32_t slot_of(uint64_t hash, uint32_t depth) { return depth ? (uint32_t)(hash >> (64 - depth)) : 0; }

/* The index of key in b, or -1. The tags are compared eight at a time: a byte of
 * x = tags ^ (tag repeated) is zero where the tag matches, and (x - 0x01..) & ~x & 0x80..
 * flags every zero byte (and perhaps a byte above one; the key comparison settles it). */
static int32_t find_in(const DuskMap* m, const Bucket* b, const uint8_t* key, uint8_t tag) {
  const uint64_t pattern = 0x0101010101010101ull * tag;
  const uint32_t n = b->count;
  for (uint32_t i = 0; i < n; i += 8) {
    const uint64_t x = load64(b->tags + i) ^ pattern;
    uint64_t hits = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
    while (hits) {
      const uint32_t j = i + ((uint32_t)__builtin_ctzll(hits) >> 3);
      if (j >= n) break;
      if (keys_equal(entry_at(m, b, j), key, m->key_len)) return (int32_t)j;
      hits &= hits - 1;
    }
  }
  return -1;
}

static Bucket* new_bucket(uint32_t depth) {
  Bucket* b = (Bucket*)dusk_pages_alloc(1);
  b->depth = (uint8_t)depth;
  return b;
}

DuskMap* dusk_map_new(uint32_t key_len, uint32_t value_len) {
  if (key_len < 1 || key_len > DUSK_MAP_MAX_KEY || value_len > DUSK_MAP_MAX_VALUE)
    dusk_panic("dusk_map_new: key or value size out of range");
  DuskMap* m = (DuskMap*)dusk_alloc_zeroed(sizeof(DuskMap));
  m->key_len = (uint16_t)key_len;
  m->value_len = (uint16_t)value_len;
  m->slot_len = (uint16_t)(key_len + value_len);
  const uint32_t header = (uint32_t)sizeof(Bucket);
  uint32_t n = (PAGE - header) / (m->slot_len + 1u);
  while (header + ((n + 7u) & ~7u) + n * m->slot_len > PAGE) --n;
  m->capacity = (uint16_t)n;
  m->entries_at = (uint16_t)(header + ((n + 7u) & ~7u));
  m->directory = (Bucket**)dusk_alloc(sizeof(Bucket*));
  m->directory[0] = new_bucket(0);
  return m;
}

uint32_t dusk_map_count(const DuskMap* map) { return map->count; }

void* dusk_map_get(const DuskMap* map, const void* key) {
  const uint8_t* k = (const uint8_t*)key;
  const uint64_t h = hash_key(k, map->key_len);
  for (const Bucket* b = map->directory[slot_of(h, map->depth)]; b; b = b->next) {
    const int32_t i = find_in(map, b, k, (uint8_t)h);
    if (i >= 0) return entry_at(map, b, (uint32_t)i) + map->key_len;
  }
  return 0;
}

static void double_directory(DuskMap* m) {
  const uint32_t n = 1u << m->depth;
  Bucket** bigger = (Bucket**)dusk_alloc(2 * n * sizeof(Bucket*));
  /* Slot i of depth g becomes slots 2i and 2i+1 of depth g+1 (one more hash bit). */
  for (uint32_t i = 0; i < n; ++i) bigger[2 * i] = bigger[2 * i + 1] = m->directory[i];
  dusk_free(m->directory);
  m->directory = bigger;
  m->depth += 1;
}

/* Splits the full bucket that slot `slot` (of the directory's depth) points to: the keys
 * whose next hash bit is 1 move to a new bucket, which takes the upper half of the
 * directory slots the old one had. */
static void split(DuskMap* m, uint64_t hash) {
  Bucket* b = m->directory[slot_of(hash, m->depth)];
  const uint32_t d = b->depth;
  if (d == m->depth) double_directory(m);
  Bucket* upper = new_bucket(d + 1);
  b->depth = (uint8_t)(d + 1);
  uint32_t kept = 0;
  for (uint32_t j = 0; j < b->count; ++j) {
    uint8_t* e = entry_at(m, b, j);
    if ((hash_key(e, m->key_len) >> (63 - d)) & 1) {
      upper->tags[upper->count] = b->tags[j];
      memcpy(entry_at(m, upper, upper->count), e, m->slot_len);
      upper->count += 1;
    } else {
      if (kept != j) {
        b->tags[kept] = b->tags[j];
        memcpy(entry_at(m, b, kept), e, m->slot_len);
      }
      kept += 1;
    }
  }
  /* Clear what moved out, so that the page holds no stale entries. */
  memset(entry_at(m, b, kept), 0, (size_t)(b->count - kept) * m->slot_len);
  memset(b->tags + kept, 0, b->count - kept);
  b->count = (uint16_t)kept;
  /* b covered 2^(g-d) slots starting at its prefix; the upper half goes to `upper`. */
  const uint32_t g = m->depth;
  const uint32_t span = 1u << (g - d);
  const uint32_t first = (slot_of(hash, g) >> (g - d)) << (g - d);
  for (uint32_t i = first + span / 2; i < first + span; ++i) m->directory[i] = upper;
}

static void* append(DuskMap* m, Bucket* b, const uint8_t* key, uint8_t tag) {
  uint8_t* e = entry_at(m, b, b->count);
  b->tags[b->count] = tag;
  memcpy(e, key, m->key_len);
  memset(e + m->key_len, 0, m->value_len);
  b->count += 1;
  m->count += 1;
  return e + m->key_len;
}

void* dusk_map_put(DuskMap* map, const void* key, bool* inserted) {
  const uint8_t* k = (const uint8_t*)key;
  const uint64_t h = hash_key(k, map->key_len);
  const uint8_t tag = (uint8_t)h;
  Bucket* head = map->directory[slot_of(h, map->depth)];
  for (Bucket* b = head; b; b = b->next) {
    const int32_t i = find_in(map, b, k, tag);
    if (i >= 0) {
      if (inserted) *inserted = false;
      return entry_at(map, b, (uint32_t)i) + map->key_len;
    }
  }
  if (inserted) *inserted = true;
  /* Split until the key's bucket has room (the keys may all go one way), or chain once
   * the directory is as deep as it may be. */
  while (head->count == map->capacity && head->depth < MAX_DEPTH) {
    split(map, h);
    head = map->directory[slot_of(h, map->depth)];
  }
  Bucket* b = head;
  while (b->count == map->capacity) {
    if (!b->next) b->next = new_bucket(b->depth);
    b = b->next;
  }
  return append(map, b, k, tag);
}

bool dusk_map_remove(DuskMap* map, const void* key) {
  const uint8_t* k = (const uint8_t*)key;
  const uint64_t h = hash_key(k, map->key_len);
  for (Bucket* b = map->directory[slot_of(h, map->depth)]; b; b = b->next) {
    const int32_t i = find_in(map, b, k, (uint8_t)h);
    if (i < 0) continue;
    /* The last entry fills the hole; its old place is cleared. */
    const uint32_t last = b->count - 1u;
    if ((uint32_t)i != last) {
      b->tags[i] = b->tags[last];
      memcpy(entry_at(map, b, (uint32_t)i), entry_at(map, b, last), map->slot_len);
    }
    b->tags[last] = 0;
    memset(entry_at(map, b, last), 0, map->slot_len);
    b->count = (uint16_t)last;
    map->count -= 1;
    return true;
  }
  return false;
}

bool dusk_map_next(const DuskMap* map, DuskMapCursor* cursor, const uint8_t** key, void** value) {
  const uint32_t slots = 1u << map->depth;
  while (cursor->slot < slots) {
    /* Slots are visited a bucket's span at a time, so each bucket from its first slot. */
    const Bucket* b = cursor->bucket ? (const Bucket*)(uintptr_t)cursor->bucket : map->directory[cursor->slot];
    if (cursor->entry < b->count) {
      uint8_t* e = entry_at(map, b, cursor->entry);
      cursor->bucket = (uint32_t)(uintptr_t)b;
      cursor->entry += 1;
      *key = e;
      *value = e + map->key_len;
      return true;
    }
    cursor->entry = 0;
    if (b->next) {
      cursor->bucket = (uint32_t)(uintptr_t)b->next;
      continue;
    }
    cursor->bucket = 0;
    cursor->slot += 1u << (map->depth - b->depth);
  }
  return false;
}
