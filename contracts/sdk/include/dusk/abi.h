/* Entry points, their arguments and results, and the ABI description.
 *
 *   DUSK_ABI("{\"functions\": [{\"name\": \"transfer\", ...}]}");
 *
 *   DUSK_ENTRY(transfer) {                 // exported "transfer": (i32 arg_len) -> i32
 *     uint8_t to[32];
 *     dusk_read_fixed(args, to, 32);       // args: DuskReader* over argbuf[0, arg_len)
 *     uint64_t amount = dusk_read_u64(args);
 *     dusk_read_end(args);                 // trailing bytes are an error
 *     ...
 *     DuskWriter out = dusk_writer();      // the result, written at argbuf[0]
 *     dusk_write_u64(&out, balance);
 *     return out.len;
 *   }
 *
 * The encoding is docs/contract-abi.md's: fields one after the other; integers
 * little-endian (wasm's own order); bytesN as N bytes; bytes and string as a u32 length
 * then the bytes (a string's must be UTF-8); T[] as a u32 count then the elements. A
 * reader that runs short, a bool that is neither 0 nor 1, invalid UTF-8 and trailing bytes
 * fail the call (dusk_panic), as does a result longer than argbuf.
 *
 * The reader reads argbuf in place, and the writer writes over it: decode the whole
 * argument (copying what you keep) before writing a result, emitting an event or calling
 * any host function. */
#ifndef DUSK_ABI_H
#define DUSK_ABI_H

#include "dusk/host.h"

DUSK_BEGIN_DECLS

/* --- The ABI description ----------------------------------------------------------- */

/* Places `json`, a string literal (adjacent literals are joined), in the wasm custom
 * section "dusk-abi" (docs/contract-abi.md). Once per contract, at file scope. The
 * string goes to the assembler as the operand of .ascii, quoted and escaped by the
 * preprocessor, so that its bytes arrive unchanged. */
#define DUSK_ABI_STR_(x) #x
#define DUSK_ABI(json) \
  __asm__(".section \".custom_section.dusk-abi\",\"\",@\n.ascii " DUSK_ABI_STR_(json) "\n")

/* --- Entry points ------------------------------------------------------------------ */

typedef struct DuskReader {
  const uint8_t* data;
  uint32_t len;
  uint32_t at;  /* bytes read so far */
} DuskReader;

/* Defines entry point `name`: a function of `DuskReader* args` returning the result's
 * length (the result is in argbuf). `init`, when defined, runs once at deploy. */
#define DUSK_ENTRY(name)                                                                   \
  static uint32_t dusk_entry_##name(DuskReader* args);                                      \
  __attribute__((export_name(#name))) int32_t dusk_export_##name(int32_t arg_len) {         \
    DuskReader dusk_args_ = {dusk_argbuf, (uint32_t)arg_len, 0};                           \
    return (int32_t)dusk_entry_##name(&dusk_args_);                                         \
  }                                                                                         \
  static uint32_t dusk_entry_##name(DuskReader* args)

/* --- Reading ----------------------------------------------------------------------- */

DUSK_NORETURN void dusk_panic_short_argument(void);
DUSK_NORETURN void dusk_panic_long_result(void);
bool dusk_utf8_valid(const uint8_t* s, uint32_t len);

DUSK_INLINE DuskReader dusk_reader(const void* data, uint32_t len) {
  DuskReader r = {(const uint8_t*)data, len, 0};
  return r;
}
DUSK_INLINE uint32_t dusk_read_left(const DuskReader* r) { return r->len - r->at; }
/* The next n bytes, in place. */
DUSK_INLINE const uint8_t* dusk_read_raw(DuskReader* r, uint32_t n) {
  if (r->len - r->at < n) dusk_panic_short_argument();
  const uint8_t* p = r->data + r->at;
  r->at += n;
  return p;
}
DUSK_INLINE uint8_t dusk_read_u8(DuskReader* r) { return *dusk_read_raw(r, 1); }
DUSK_INLINE uint16_t dusk_read_u16(DuskReader* r) {
  uint16_t v;
  memcpy(&v, dusk_read_raw(r, 2), 2);
  return v;
}
DUSK_INLINE uint32_t dusk_read_u32(DuskReader* r) {
  uint32_t v;
  memcpy(&v, dusk_read_raw(r, 4), 4);
  return v;
}
DUSK_INLINE uint64_t dusk_read_u64(DuskReader* r) {
  uint64_t v;
  memcpy(&v, dusk_read_raw(r, 8), 8);
  return v;
}
DUSK_INLINE int8_t dusk_read_i8(DuskReader* r) { return (int8_t)dusk_read_u8(r); }
DUSK_INLINE int16_t dusk_read_i16(DuskReader* r) { return (int16_t)dusk_read_u16(r); }
DUSK_INLINE int32_t dusk_read_i32(DuskReader* r) { return (int32_t)dusk_read_u32(r); }
DUSK_INLINE int64_t dusk_read_i64(DuskReader* r) { return (int64_t)dusk_read_u64(r); }
bool dusk_read_bool(DuskReader* r);
/* bytesN: copies n bytes to out. */
DUSK_INLINE void dusk_read_fixed(DuskReader* r, void* out, uint32_t n) { memcpy(out, dusk_read_raw(r, n), n); }
/* bytes: the bytes in place, their length in *len. */
const uint8_t* dusk_read_bytes(DuskReader* r, uint32_t* len);
/* string: checked UTF-8 in place (not NUL-terminated), its length in *len. */
const char* dusk_read_string(DuskReader* r, uint32_t* len);
/* Fails the call unless everything was read. */
void dusk_read_end(const DuskReader* r);

/* --- Writing ----------------------------------------------------------------------- */

typedef struct DuskWriter {
  uint32_t len;  /* bytes written at argbuf[0] */
} DuskWriter;

DUSK_INLINE DuskWriter dusk_writer(void) {
  DuskWriter w = {0};
  return w;
}
/* Room for the next n bytes of argbuf. */
DUSK_INLINE uint8_t* dusk_write_raw(DuskWriter* w, uint32_t n) {
  if (DUSK_ARGBUF_SIZE - w->len < n) dusk_panic_long_result();
  uint8_t* p = dusk_argbuf + w->len;
  w->len += n;
  return p;
}
DUSK_INLINE void dusk_write_u8(DuskWriter* w, uint8_t v) { *dusk_write_raw(w, 1) = v; }
DUSK_INLINE void dusk_write_u16(DuskWriter* w, uint16_t v) { memcpy(dusk_write_raw(w, 2), &v, 2); }
DUSK_INLINE void dusk_write_u32(DuskWriter* w, uint32_t v) { memcpy(dusk_write_raw(w, 4), &v, 4); }
DUSK_INLINE void dusk_write_u64(DuskWriter* w, uint64_t v) { memcpy(dusk_write_raw(w, 8), &v, 8); }
DUSK_INLINE void dusk_write_i8(DuskWriter* w, int8_t v) { dusk_write_u8(w, (uint8_t)v); }
DUSK_INLINE void dusk_write_i16(DuskWriter* w, int16_t v) { dusk_write_u16(w, (uint16_t)v); }
DUSK_INLINE void dusk_write_i32(DuskWriter* w, int32_t v) { dusk_write_u32(w, (uint32_t)v); }
DUSK_INLINE void dusk_write_i64(DuskWriter* w, int64_t v) { dusk_write_u64(w, (uint64_t)v); }
DUSK_INLINE void dusk_write_bool(DuskWriter* w, bool v) { dusk_write_u8(w, v ? 1 : 0); }
/* bytesN (data may lie in argbuf). */
DUSK_INLINE void dusk_write_fixed(DuskWriter* w, const void* data, uint32_t n) {
  memmove(dusk_write_raw(w, n), data, n);
}
/* bytes and string: the u32 length, then the bytes (data may lie in argbuf). */
DUSK_INLINE void dusk_write_bytes(DuskWriter* w, const void* data, uint32_t n) {
  if (n > DUSK_ARGBUF_SIZE - 4) dusk_panic_long_result();
  uint8_t* p = dusk_write_raw(w, 4 + n);
  memmove(p + 4, data, n);  /* before the length, which may overwrite data's first bytes */
  memcpy(p, &n, 4);
}
DUSK_INLINE void dusk_write_string(DuskWriter* w, const char* s, uint32_t n) { dusk_write_bytes(w, s, n); }

DUSK_END_DECLS

#endif
