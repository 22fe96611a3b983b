/* The out-of-line parts of argument decoding (dusk/abi.h). */
#include "dusk/abi.h"

void dusk_panic_short_argument(void) { dusk_panic("bad argument: too short"); }

void dusk_panic_long_result(void) { dusk_panic("the result is longer than argbuf"); }

bool dusk_read_bool(DuskReader* r) {
  const uint8_t b = dusk_read_u8(r);
  if (b > 1) dusk_panic("bad argument: a bool is neither 0 nor 1");
  return b == 1;
}

const uint8_t* dusk_read_bytes(DuskReader* r, uint32_t* len) {
  const uint32_t n = dusk_read_u32(r);
  const uint8_t* p = dusk_read_raw(r, n);
  *len = n;
  return p;
}

const char* dusk_read_string(DuskReader* r, uint32_t* len) {
  const uint8_t* p = dusk_read_bytes(r, len);
  if (!dusk_utf8_valid(p, *len)) dusk_panic("bad argument: a string is not UTF-8");
  return (const char*)p;
}

void dusk_read_end(const DuskReader* r) {
  if (r->at != r->len) dusk_panic("bad argument: trailing bytes");
}

/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
bool dusk_utf8_valid(const uint8_t* s, uint32_t len) {
  uint32_t i = 0;
  while (i < len) {
    const uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    uint32_t n;
    uint8_t lo = 0x80, hi = 0xbf;  /* the range of the second byte */
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c == 0xe0) lo = 0xa0;
      if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    } else {
      return false;
    }
    if (len - i - 1 < n) return false;
    if (s[i + 1] < lo || s[i + 1] > hi) return false;
    for (uint32_t k = 2; k <= n; ++k)
      if ((s[i + k] & 0xc0) != 0x80) return false;
    i += n + 1;
  }
  return true;
}
