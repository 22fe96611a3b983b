// Byte strings and their hex form.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk {

using Bytes = std::vector<u8>;
using ByteView = std::span<const u8>;

// Appends `v` little-endian: the fixed-width integers of the node's records and
// encodings.
template <typename T>
inline void append_le(Bytes& out, T v) {
  const size_t at = out.size();
  out.resize(at + sizeof(T));
  store_le<T>(out.data() + at, v);
}

// Appends `v` big-endian (the encodings of formats that define it so: SRS files, PLONK
// keys).
template <typename T>
inline void append_be(Bytes& out, T v) {
  const size_t at = out.size();
  out.resize(at + sizeof(T));
  store_be<T>(out.data() + at, v);
}

// Lower-case hex without prefix.
std::string to_hex(ByteView data);
// Accepts an optional 0x prefix, upper or lower case; rejects odd length and non-hex.
Result<Bytes> from_hex(std::string_view hex);

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const u8*>(s.data()), s.size()};
}

}  // namespace dusk
