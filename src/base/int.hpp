// Fixed-width integer names used across the code base, and byte-order helpers.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace dusk {

using u8 = std::uint8_t;
using u16 = std::uint16_t;
using u32 = std::uint32_t;
using u64 = std::uint64_t;
using i8 = std::int8_t;
using i16 = std::int16_t;
using i32 = std::int32_t;
using i64 = std::int64_t;
__extension__ using u128 = unsigned __int128;
__extension__ using i128 = __int128;

static_assert(std::endian::native == std::endian::little, "dusk assumes a little-endian host");

// Unaligned little-endian loads and stores. memcpy compiles to a single move.
template <typename T>
inline T load_le(const void* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
template <typename T>
inline void store_le(void* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}
// Byte reversal of an unsigned integer (std::byteswap is C++23).
template <typename T>
constexpr T byteswap(T v) {
  if constexpr (sizeof(T) == 1) return v;
  else if constexpr (sizeof(T) == 2) return static_cast<T>(__builtin_bswap16(v));
  else if constexpr (sizeof(T) == 4) return static_cast<T>(__builtin_bswap32(v));
  else return static_cast<T>(__builtin_bswap64(v));
}
// Big-endian loads and stores of unsigned integers.
template <typename T>
inline T load_be(const void* p) {
  return byteswap(load_le<T>(p));
}
template <typename T>
inline void store_be(void* p, T v) {
  store_le<T>(p, byteswap(v));
}

}  // namespace dusk
