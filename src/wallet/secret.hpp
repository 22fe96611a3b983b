// Secrets that wipe themselves: fixed-size key material and strings (phrases,
// passphrases) overwritten with sodium_memzero when they are destroyed, so a key does not
// outlive its use in freed memory. Copies are wiped in turn. What cannot be covered: the
// copies a caller makes elsewhere, and strings that reallocate while they grow (build
// them with reserve() first).
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "base/int.hpp"

namespace dusk::wallet {

// sodium_memzero: a write the compiler may not remove.
void wipe(void* data, size_t size);

template <size_t N>
struct SecretArray {
  std::array<u8, N> bytes{};

  SecretArray() = default;
  explicit SecretArray(const std::array<u8, N>& b) : bytes(b) {}
  SecretArray(const SecretArray&) = default;
  SecretArray& operator=(const SecretArray&) = default;
  ~SecretArray() { wipe(bytes.data(), bytes.size()); }

  u8* data() { return bytes.data(); }
  const u8* data() const { return bytes.data(); }
  static constexpr size_t size() { return N; }
};

// A std::string whose buffer is wiped on destruction and before reassignment.
class SecretString {
 public:
  SecretString() = default;
  explicit SecretString(std::string s) : s_(std::move(s)) {}
  SecretString(const SecretString&) = default;
  SecretString& operator=(const SecretString& o) {
    if (this != &o) {
      clear();
      s_ = o.s_;
    }
    return *this;
  }
  ~SecretString() { clear(); }

  const std::string& str() const { return s_; }
  std::string& mutable_str() { return s_; }
  void clear() {
    wipe(s_.data(), s_.capacity());
    s_.clear();
  }

 private:
  std::string s_;
};

}  // namespace dusk::wallet
