#include "base/leb128.hpp"

namespace dusk::leb128 {

const char* status_message(ReadStatus s) {
  switch (s) {
    case ReadStatus::kOk: return "ok";
    case ReadStatus::kUnexpectedEnd: return "unexpected end";
    case ReadStatus::kTooLong: return "integer representation too long";
    case ReadStatus::kTooLarge: return "integer too large";
  }
  return "?";
}

ReadStatus read_unsigned(const u8** p, const u8* end, unsigned bits, u64* out) {
  const u8* q = *p;
  const unsigned max_bytes = (bits + 6) / 7;
  u64 result = 0;
  for (unsigned i = 0;; ++i) {
    if (q == end) return ReadStatus::kUnexpectedEnd;
    const u8 byte = *q++;
    const unsigned shift = 7 * i;
    if (i == max_bytes - 1) {
      // Last permitted byte: no continuation, and only (bits - shift) payload bits.
      if (byte & 0x80) return ReadStatus::kTooLong;
      const unsigned rem = bits - shift;
      if (rem < 7 && (byte >> rem) != 0) return ReadStatus::kTooLarge;
      result |= static_cast<u64>(byte) << shift;
      break;
    }
    result |= static_cast<u64>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) break;
  }
  *p = q;
  *out = result;
  return ReadStatus::kOk;
}

ReadStatus read_signed(const u8** p, const u8* end, unsigned bits, i64* out) {
  const u8* q = *p;
  const unsigned max_bytes = (bits + 6) / 7;
  u64 result = 0;
  unsigned shift = 0;
  u8 byte = 0;
  for (unsigned i = 0;; ++i) {
    if (q == end) return ReadStatus::kUnexpectedEnd;
    byte = *q++;
    shift = 7 * i;
    if (i == max_bytes - 1) {
      if (byte & 0x80) return ReadStatus::kTooLong;
      // The bits at and above position (bits-1-shift) must all equal the sign bit.
      const unsigned rem = bits - shift;  // payload bits in this byte, 1..7
      if (rem < 7) {
        const int sign_and_unused = static_cast<int8_t>(byte << 1) >> rem;  // bits 6..rem-1
        if (sign_and_unused != 0 && sign_and_unused != -1) return ReadStatus::kTooLarge;
      }
      result |= static_cast<u64>(byte & 0x7f) << shift;
      shift += 7;
      break;
    }
    result |= static_cast<u64>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) {
      shift += 7;
      break;
    }
  }
  if (shift < 64 && (byte & 0x40)) result |= ~u64{0} << shift;
  *p = q;
  *out = static_cast<i64>(result);
  return ReadStatus::kOk;
}

size_t write_unsigned(u64 v, u8* out) {
  size_t n = 0;
  do {
    u8 byte = v & 0x7f;
    v >>= 7;
    if (v) byte |= 0x80;
    out[n++] = byte;
  } while (v);
  return n;
}

size_t write_signed(i64 v, u8* out) {
  size_t n = 0;
  for (;;) {
    u8 byte = v & 0x7f;
    v >>= 7;  // arithmetic shift
    const bool done = (v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40));
    if (!done) byte |= 0x80;
    out[n++] = byte;
    if (done) return n;
  }
}

}  // namespace dusk::leb128
