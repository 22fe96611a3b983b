#include "crypto/poseidon/safe.hpp"

#include <algorithm>
#include <string>

#include "crypto/hash/blake2b.hpp"

namespace dusk::crypto::poseidon {

namespace {

constexpr u32 kAbsorbFlag = 0x8000'0000;
constexpr size_t kMaxCallLength = 0x7FFF'FFFF;

Status validate(std::span<const Call> pattern) {
  if (pattern.empty() || pattern.front().kind != Call::Kind::kAbsorb ||
      pattern.back().kind != Call::Kind::kSqueeze)
    return Error("SAFE IO pattern must start with an absorb and end with a squeeze");
  for (const Call& c : pattern)
    if (c.length == 0 || c.length > kMaxCallLength)
      return Error("SAFE IO pattern call lengths must be 1.." + std::to_string(kMaxCallLength));
  return {};
}

}  // namespace

Result<std::vector<u8>> tag_input(std::span<const Call> pattern, u64 domain_separator) {
  if (auto s = validate(pattern); !s.ok()) return s.take_error();
  std::vector<u32> words{kAbsorbFlag};
  for (const Call& c : pattern) {
    const bool absorb = c.kind == Call::Kind::kAbsorb;
    const bool previous_absorb = (words.back() & kAbsorbFlag) != 0;
    // Lengths below 2^31 each; a run of calls sums modulo 2^32 as upstream's u32 does.
    if (absorb == previous_absorb)
      words.back() += static_cast<u32>(c.length);
    else
      words.push_back((absorb ? kAbsorbFlag : 0) + static_cast<u32>(c.length));
  }
  std::vector<u8> out;
  out.reserve(words.size() * 4 + 8);
  for (u32 w : words)
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<u8>(w >> shift));
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<u8>(domain_separator >> shift));
  return out;
}

Result<Fr> tag(std::span<const Call> pattern, u64 domain_separator) {
  auto input = tag_input(pattern, domain_separator);
  if (!input.ok()) return input.take_error();
  const auto digest = blake2b(ByteView(input->data(), input->size()));
  return Fr::from_uniform_bytes_le(digest);
}

Result<Safe> Safe::start(std::vector<Call> pattern, u64 domain_separator) {
  auto t = tag(pattern, domain_separator);
  if (!t.ok()) return t.take_error();
  return Safe(std::move(pattern), *t);
}

Status Safe::next(Call::Kind kind, size_t length) {
  if (spent_) return Error("SAFE sponge already failed or finished");
  if (calls_ >= pattern_.size() || pattern_[calls_].kind != kind || pattern_[calls_].length != length) {
    spent_ = true;
    return Error("SAFE call does not follow the sponge's IO pattern");
  }
  ++calls_;
  return {};
}

Status Safe::absorb(std::span<const Fr> inputs) {
  if (auto s = next(Call::Kind::kAbsorb, inputs.size()); !s.ok()) return s;
  for (const Fr& x : inputs) sponge_.absorb(x);
  return {};
}

Result<std::vector<Fr>> Safe::squeeze(size_t n) {
  if (auto s = next(Call::Kind::kSqueeze, n); !s.ok()) return s.take_error();
  std::vector<Fr> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(sponge_.squeeze());
  return out;
}

Status Safe::finish() {
  const bool complete = !spent_ && calls_ == pattern_.size();
  spent_ = true;
  if (!complete) return Error("SAFE sponge finished before its IO pattern ran");
  return {};
}

}  // namespace dusk::crypto::poseidon
