// A test contract in C++20 for the SDK itself (contracts/sdk): each entry point exposes
// one piece (the heap, pages, maps, the argument codec, the memory functions, the host
// wrappers) so that tests/unit/duskvm/sdk_test.cpp can drive it against models. Being
// C++, it also shows that the headers compile as C++.
#include "dusk/dusk.h"

namespace {

constexpr uint32_t kMaps = 4;
DuskMap* maps[kMaps];  // persistent, like every static

DuskMap* map_arg(DuskReader* args) {
  const uint32_t i = dusk_read_u32(args);
  dusk_require(i < kMaps && maps[i], "no such map");
  return maps[i];
}

uint32_t result_u32(uint32_t v) {
  DuskWriter out = dusk_writer();
  dusk_write_u32(&out, v);
  return out.len;
}

}  // namespace

// --- The heap: blocks are filled with a pattern, checked later.

// alloc(size u32, pattern u8) -> address u32
DUSK_ENTRY(alloc) {
  const uint32_t size = dusk_read_u32(args);
  const uint8_t pattern = dusk_read_u8(args);
  dusk_read_end(args);
  void* p = dusk_alloc(size);
  memset(p, pattern, size);
  return result_u32(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)));
}

// free(address u32)
DUSK_ENTRY(free) {
  const uint32_t at = dusk_read_u32(args);
  dusk_read_end(args);
  dusk_free(reinterpret_cast<void*>(static_cast<uintptr_t>(at)));
  return 0;
}

// realloc(address u32, old_size u32, size u32, pattern u8) -> address u32; the bytes
// from old_size on are filled with the pattern.
DUSK_ENTRY(realloc) {
  const uint32_t at = dusk_read_u32(args);
  const uint32_t had = dusk_read_u32(args);
  const uint32_t size = dusk_read_u32(args);
  const uint8_t pattern = dusk_read_u8(args);
  dusk_read_end(args);
  uint8_t* p = static_cast<uint8_t*>(dusk_realloc(reinterpret_cast<void*>(static_cast<uintptr_t>(at)), size));
  if (size > had) memset(p + had, pattern, size - had);
  return result_u32(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)));
}

// check(address u32, size u32, pattern u8) -> bool: every byte holds the pattern.
DUSK_ENTRY(check) {
  const uint32_t at = dusk_read_u32(args);
  const uint32_t size = dusk_read_u32(args);
  const uint8_t pattern = dusk_read_u8(args);
  dusk_read_end(args);
  const uint8_t* p = reinterpret_cast<const uint8_t*>(static_cast<uintptr_t>(at));
  bool same = true;
  for (uint32_t i = 0; i < size; ++i) same &= p[i] == pattern;
  DuskWriter out = dusk_writer();
  dusk_write_bool(&out, same);
  return out.len;
}

// block_size(address u32) -> u32
DUSK_ENTRY(block_size) {
  const uint32_t at = dusk_read_u32(args);
  dusk_read_end(args);
  return result_u32(static_cast<uint32_t>(dusk_block_size(reinterpret_cast<void*>(static_cast<uintptr_t>(at)))));
}

// pages_alloc(n u32, pattern u8) -> address u32, bool (the pages were zero)
DUSK_ENTRY(pages_alloc) {
  const uint32_t n = dusk_read_u32(args);
  const uint8_t pattern = dusk_read_u8(args);
  dusk_read_end(args);
  uint8_t* p = static_cast<uint8_t*>(dusk_pages_alloc(n));
  bool zero = true;
  for (uint32_t i = 0; i < n * DUSK_PAGE_SIZE; ++i) zero &= p[i] == 0;
  memset(p, pattern, n * DUSK_PAGE_SIZE);
  DuskWriter out = dusk_writer();
  dusk_write_u32(&out, static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)));
  dusk_write_bool(&out, zero);
  return out.len;
}

// pages_free(address u32, n u32)
DUSK_ENTRY(pages_free) {
  const uint32_t at = dusk_read_u32(args);
  const uint32_t n = dusk_read_u32(args);
  dusk_read_end(args);
  dusk_pages_free(reinterpret_cast<void*>(static_cast<uintptr_t>(at)), n);
  return 0;
}

// heap_stats() -> heap_start u32, heap_top u32, free_pages u32, free_runs u32,
//                 memory_bytes u32
DUSK_ENTRY(heap_stats) {
  dusk_read_end(args);
  const DuskHeapStats s = dusk_heap_stats();
  DuskWriter out = dusk_writer();
  dusk_write_u32(&out, s.heap_start);
  dusk_write_u32(&out, s.heap_top);
  dusk_write_u32(&out, s.free_pages);
  dusk_write_u32(&out, s.free_runs);
  dusk_write_u32(&out, static_cast<uint32_t>(__builtin_wasm_memory_size(0) * 65536u));
  return out.len;
}

// libc(size u32) -> bool: malloc, calloc (zeroed), realloc and free work together.
DUSK_ENTRY(libc) {
  const uint32_t size = dusk_read_u32(args);
  dusk_read_end(args);
  uint8_t* a = static_cast<uint8_t*>(malloc(size));
  uint8_t* z = static_cast<uint8_t*>(calloc(size, 1));
  bool ok = a && z;
  for (uint32_t i = 0; ok && i < size; ++i) ok = z[i] == 0;
  if (ok) {
    memset(a, 0x5c, size);
    a = static_cast<uint8_t*>(realloc(a, size * 2 + 1));
    for (uint32_t i = 0; a && i < size; ++i) ok &= a[i] == 0x5c;
    ok &= a != nullptr;
  }
  ok &= calloc(0xffffffffu, 2) == nullptr;  // the product overflows
  free(a);
  free(z);
  DuskWriter out = dusk_writer();
  dusk_write_bool(&out, ok);
  return out.len;
}

// --- Maps.

// map_new(slot u32, key_len u32, value_len u32)
DUSK_ENTRY(map_new) {
  const uint32_t i = dusk_read_u32(args);
  const uint32_t key_len = dusk_read_u32(args);
  const uint32_t value_len = dusk_read_u32(args);
  dusk_read_end(args);
  dusk_require(i < kMaps, "no such map");
  maps[i] = dusk_map_new(key_len, value_len);
  return 0;
}

// map_put(map u32, key bytes, value bytes) -> bool inserted (of the map's sizes)
DUSK_ENTRY(map_put) {
  DuskMap* m = map_arg(args);
  uint8_t key[DUSK_MAP_MAX_KEY];
  uint32_t n;
  const uint8_t* key_in = dusk_read_bytes(args, &n);
  dusk_require(n <= sizeof key, "key too long");
  memcpy(key, key_in, n);
  uint32_t value_len;
  const uint8_t* value = dusk_read_bytes(args, &value_len);
  dusk_read_end(args);
  bool inserted = false;
  void* v = dusk_map_put(m, key, &inserted);
  memmove(v, value, value_len);
  DuskWriter out = dusk_writer();
  dusk_write_bool(&out, inserted);
  return out.len;
}

// map_get(map u32, key bytes) -> bool found, value bytes
DUSK_ENTRY(map_get) {
  DuskMap* m = map_arg(args);
  uint32_t n;
  const uint8_t* key = dusk_read_bytes(args, &n);
  const uint32_t value_len = dusk_read_u32(args);
  dusk_read_end(args);
  uint8_t copy[DUSK_MAP_MAX_KEY];
  memcpy(copy, key, n < sizeof copy ? n : sizeof copy);
  const void* v = dusk_map_get(m, copy);
  DuskWriter out = dusk_writer();
  dusk_write_bool(&out, v != nullptr);
  dusk_write_bytes(&out, v, v ? value_len : 0);
  return out.len;
}

// map_remove(map u32, key bytes) -> bool
DUSK_ENTRY(map_remove) {
  DuskMap* m = map_arg(args);
  uint32_t n;
  const uint8_t* key = dusk_read_bytes(args, &n);
  dusk_read_end(args);
  const bool removed = dusk_map_remove(m, key);  // the key may lie in argbuf
  DuskWriter out = dusk_writer();
  dusk_write_bool(&out, removed);
  return out.len;
}

// map_entries(map u32, key_len u32, value_len u32, cursor (slot u32, bucket u32,
// entry u32), max u32) -> count u32, done bool, the next cursor, then up to max entries
// (key || value) in the cursor's order.
DUSK_ENTRY(map_entries) {
  DuskMap* m = map_arg(args);
  const uint32_t key_len = dusk_read_u32(args);
  const uint32_t value_len = dusk_read_u32(args);
  DuskMapCursor c;
  c.slot = dusk_read_u32(args);
  c.bucket = dusk_read_u32(args);
  c.entry = dusk_read_u32(args);
  const uint32_t max = dusk_read_u32(args);
  dusk_read_end(args);
  DuskWriter out = dusk_writer();
  dusk_write_u32(&out, dusk_map_count(m));
  DuskWriter head = out;  // done and the cursor go here once known
  out.len += 1 + 12;
  const uint8_t* key;
  void* value;
  bool done = false;
  for (uint32_t n = 0; n < max; ++n) {
    if (!dusk_map_next(m, &c, &key, &value)) {
      done = true;
      break;
    }
    dusk_write_fixed(&out, key, key_len);
    dusk_write_fixed(&out, value, value_len);
  }
  dusk_write_bool(&head, done);
  dusk_write_u32(&head, c.slot);
  dusk_write_u32(&head, c.bucket);
  dusk_write_u32(&head, c.entry);
  return out.len;
}

// --- The argument codec: every type read, then written back.

// echo(u8 u16 u32 u64 i8 i16 i32 i64 bool bytes4 bytes string) -> the same
DUSK_ENTRY(echo) {
  const uint8_t a = dusk_read_u8(args);
  const uint16_t b = dusk_read_u16(args);
  const uint32_t c = dusk_read_u32(args);
  const uint64_t d = dusk_read_u64(args);
  const int8_t e = dusk_read_i8(args);
  const int16_t f = dusk_read_i16(args);
  const int32_t g = dusk_read_i32(args);
  const int64_t h = dusk_read_i64(args);
  const bool i = dusk_read_bool(args);
  uint8_t j[4];
  dusk_read_fixed(args, j, 4);
  uint32_t k_len, l_len;
  const uint8_t* k = dusk_read_bytes(args, &k_len);
  const char* l = dusk_read_string(args, &l_len);
  dusk_read_end(args);
  // The variable parts are still in argbuf, beyond what the fixed ones will overwrite:
  // the writer moves them with memmove, in order.
  DuskWriter out = dusk_writer();
  dusk_write_u8(&out, a);
  dusk_write_u16(&out, b);
  dusk_write_u32(&out, c);
  dusk_write_u64(&out, d);
  dusk_write_i8(&out, e);
  dusk_write_i16(&out, f);
  dusk_write_i32(&out, g);
  dusk_write_i64(&out, h);
  dusk_write_bool(&out, i);
  dusk_write_fixed(&out, j, 4);
  dusk_write_bytes(&out, k, k_len);
  dusk_write_string(&out, l, l_len);
  return out.len;
}

// long_result(n u32) -> n bytes (more than argbuf holds fails the call)
DUSK_ENTRY(long_result) {
  const uint32_t n = dusk_read_u32(args);
  dusk_read_end(args);
  DuskWriter out = dusk_writer();
  for (uint32_t i = 0; i < n; ++i) dusk_write_u8(&out, static_cast<uint8_t>(i));
  return out.len;
}

// --- The memory functions.

// memmove(data bytes, from u32, to u32, n u32) -> data after memmove(data+to, data+from, n)
DUSK_ENTRY(mem_move) {
  uint32_t len;
  const uint8_t* data = dusk_read_bytes(args, &len);
  const uint32_t from = dusk_read_u32(args), to = dusk_read_u32(args), n = dusk_read_u32(args);
  dusk_read_end(args);
  dusk_require(from + n <= len && to + n <= len, "out of range");
  uint8_t* buf = static_cast<uint8_t*>(dusk_alloc(len + 1));
  memcpy(buf, data, len);
  memmove(buf + to, buf + from, n);
  DuskWriter out = dusk_writer();
  dusk_write_fixed(&out, buf, len);
  dusk_free(buf);
  return out.len;
}

// mem_compare(a bytes, b bytes) -> i32: the sign of memcmp over the shorter length
DUSK_ENTRY(mem_compare) {
  uint32_t an, bn;
  const uint8_t* a = dusk_read_bytes(args, &an);
  const uint8_t* b = dusk_read_bytes(args, &bn);
  dusk_read_end(args);
  const int r = memcmp(a, b, an < bn ? an : bn);
  DuskWriter out = dusk_writer();
  dusk_write_i32(&out, r < 0 ? -1 : r > 0 ? 1 : 0);
  return out.len;
}

// --- The host wrappers.

// sender() -> bytes32
DUSK_ENTRY(sender) {
  dusk_read_end(args);
  uint8_t who[32];
  dusk_sender(who);
  DuskWriter out = dusk_writer();
  dusk_write_fixed(&out, who, 32);
  return out.len;
}

// context() -> caller bool, caller bytes32, origin bytes, callstack u32, self bytes32,
//              owner bytes, block_height u64, chain_id u32, gas_limit u64, gas_spent u64
DUSK_ENTRY(context) {
  dusk_read_end(args);
  uint8_t caller[32] = {0}, self[32], origin[128], owner[128], stack[4][32];
  const bool called = dusk_caller(caller);
  const uint32_t origin_len = dusk_origin(origin, sizeof origin);
  const uint32_t depth = dusk_callstack(stack, 4);
  dusk_self_id(self);
  const uint32_t owner_len = dusk_owner(owner, sizeof owner);
  const uint64_t height = dusk_block_height();
  const uint32_t chain = dusk_chain_id();
  const uint64_t limit = dusk_gas_limit();
  const uint64_t spent = dusk_gas_spent();
  DuskWriter out = dusk_writer();
  dusk_write_bool(&out, called);
  dusk_write_fixed(&out, caller, 32);
  dusk_write_bytes(&out, origin, origin_len < sizeof origin ? origin_len : sizeof origin);
  dusk_write_u32(&out, depth);
  dusk_write_fixed(&out, self, 32);
  dusk_write_bytes(&out, owner, owner_len < sizeof owner ? owner_len : sizeof owner);
  dusk_write_u64(&out, height);
  dusk_write_u32(&out, chain);
  dusk_write_u64(&out, limit);
  dusk_write_u64(&out, spent);
  return out.len;
}

// relay(callee bytes32, fn string, arg bytes) -> the callee's result, or fails with
// "relay: <why the callee failed>"
DUSK_ENTRY(relay) {
  uint8_t callee[32];
  dusk_read_fixed(args, callee, 32);
  uint32_t fn_len, arg_len;
  const char* fn = dusk_read_string(args, &fn_len);
  char name[64];
  dusk_require(fn_len < sizeof name, "name too long");
  memcpy(name, fn, fn_len);
  name[fn_len] = 0;
  const uint8_t* arg = dusk_read_bytes(args, &arg_len);
  dusk_read_end(args);
  const int32_t r = dusk_call(callee, name, arg, arg_len, 0);
  if (r < 0) dusk_panic_call("relay", r);
  return static_cast<uint32_t>(r);
}

// fail(message string): panics with it
DUSK_ENTRY(fail) {
  uint32_t n;
  const char* message = dusk_read_string(args, &n);
  dusk_read_end(args);
  dusk_panic_bytes(message, n);
}

// emit(topic string, data bytes)
DUSK_ENTRY(emit) {
  uint32_t topic_len, n;
  const char* topic = dusk_read_string(args, &topic_len);
  char t[64];
  dusk_require(topic_len < sizeof t, "topic too long");
  memcpy(t, topic, topic_len);
  t[topic_len] = 0;
  const uint8_t* data = dusk_read_bytes(args, &n);
  dusk_read_end(args);
  dusk_emit(t, data, n);
  return 0;
}

// digests(data bytes) -> blake2b_256, sha256, keccak256 of it
DUSK_ENTRY(digests) {
  uint32_t n;
  const uint8_t* in = dusk_read_bytes(args, &n);
  dusk_read_end(args);
  uint8_t* data = static_cast<uint8_t*>(dusk_alloc(n + 1));
  memcpy(data, in, n);
  uint8_t b[32], s[32], k[32];
  dusk_blake2b_256(data, n, b);
  dusk_sha256(data, n, s);
  dusk_keccak256(data, n, k);
  dusk_free(data);
  DuskWriter out = dusk_writer();
  dusk_write_fixed(&out, b, 32);
  dusk_write_fixed(&out, s, 32);
  dusk_write_fixed(&out, k, 32);
  return out.len;
}

// query(name string, input bytes) -> i32 code
DUSK_ENTRY(query) {
  uint32_t name_len, n;
  const char* name = dusk_read_string(args, &name_len);
  char q[64];
  dusk_require(name_len < sizeof q, "name too long");
  memcpy(q, name, name_len);
  q[name_len] = 0;
  const uint8_t* in = dusk_read_bytes(args, &n);
  dusk_read_end(args);
  const int32_t r = dusk_query(q, in, n);
  DuskWriter out = dusk_writer();
  dusk_write_i32(&out, r < 0 ? r : 0);
  return out.len;
}

DUSK_ABI("{\"functions\": [{\"name\": \"sender\", \"outputs\": [{\"name\": \"who\", \"type\": \"bytes32\"}]}]}");
