// LEB128 variable-length integers (used by the WebAssembly binary format and others).
//
// Decoding is strict: an N-bit value may use at most ceil(N/7) bytes, and the unused
// high bits of the last byte must be zero (unsigned) or a sign extension (signed).
#pragma once

#include "base/int.hpp"

namespace dusk::leb128 {

enum class ReadStatus : u8 {
  kOk,
  kUnexpectedEnd,  // input ended inside the number
  kTooLong,        // more bytes than an N-bit value can need
  kTooLarge,       // the last byte sets bits beyond N
};

const char* status_message(ReadStatus s);

// Decodes an unsigned value of `bits` bits (1..64) from [*p, end); advances *p on success.
ReadStatus read_unsigned(const u8** p, const u8* end, unsigned bits, u64* out);
// Decodes a signed value of `bits` bits (1..64), sign-extended to 64 bits.
ReadStatus read_signed(const u8** p, const u8* end, unsigned bits, i64* out);

// Appends the shortest encoding of v to out (which must have room for 10 bytes);
// returns the number of bytes written.
size_t write_unsigned(u64 v, u8* out);
size_t write_signed(i64 v, u8* out);

}  // namespace dusk::leb128
