// Helpers shared by the hash tests: hex output, a deterministic byte stream, chunked
// feeding of the incremental APIs, and the "length sweep" digest.
#pragma once

#include <algorithm>
#include <array>
#include <string>

#include "base/bytes.hpp"
#include "base/int.hpp"

namespace dusk::crypto::test {

template <size_t N>
std::string hex(const std::array<u8, N>& digest) {
  return to_hex(digest);
}

// xorshift64*: deterministic, so a failing split reproduces.
class Rng {
 public:
  explicit Rng(u64 seed) : s_(seed | 1) {}
  u64 next() {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return s_ * 0x2545f4914f6cdd1dull;
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  Bytes bytes(size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<u8>(next() >> 56);
    return b;
  }

 private:
  u64 s_;
};

// Feeds `data` to an initialised incremental hasher in chunks of pseudo-random sizes
// 0..max_chunk (empty updates included on purpose) and returns final().
template <class Hasher>
auto final_in_chunks(Hasher& h, ByteView data, Rng& rng, size_t max_chunk) {
  size_t pos = 0;
  while (pos < data.size()) {
    size_t n = std::min(rng.below(max_chunk + 1), data.size() - pos);
    h.update(data.subspan(pos, n));
    pos += n;
  }
  h.update({});
  return h.final();
}

// Bytes 0, 1, 2, ... (mod 256).
inline Bytes counting_bytes(size_t n) {
  Bytes b(n);
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<u8>(i);
  return b;
}

// hash(hash(m[0..0)) || hash(m[0..1)) || ... || hash(m[0..max_len))) for m =
// counting_bytes: one digest that covers every message length around the block
// boundaries (64, 128, 136 and their multiples up to max_len).
template <class HashFn>
auto length_sweep(HashFn hash, size_t max_len = 300) {
  Bytes m = counting_bytes(max_len);
  Bytes all;
  for (size_t len = 0; len <= max_len; ++len) {
    auto d = hash(ByteView(m).first(len));
    all.insert(all.end(), d.begin(), d.end());
  }
  return hash(ByteView(all));
}

}  // namespace dusk::crypto::test
