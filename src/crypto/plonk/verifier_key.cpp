#include "crypto/plonk/verifier_key.hpp"

#include <algorithm>
#include <string>

#include "crypto/bls12_381/serialization.hpp"
#include "crypto/hash/blake2b.hpp"

namespace dusk::crypto::plonk {
namespace {

constexpr std::array<u8, 8> kMagic = {'D', 'U', 'S', 'K', '-', 'P', 'V', 'K'};
constexpr u32 kVersion = 1;

PlonkFailure bad_key(const std::string& msg) { return PlonkFailure(PlonkError::kBadKey, "verifier key: " + msg); }

}  // namespace

VerifierKey::VerifierKey(VerifierKeyData data)
    : data_(std::move(data)), opening_key_(std::make_shared<OpeningKey>(data_.g2, data_.x_g2)) {
  const Bytes b = to_bytes();
  digest_ = blake2b<32>(ByteView(b));
}

Bytes VerifierKey::to_bytes() const {
  Bytes out(kMagic.begin(), kMagic.end());
  append_be<u32>(out, kVersion);
  out.push_back(static_cast<u8>(data_.log_n));
  out.insert(out.end(), data_.circuit_id.begin(), data_.circuit_id.end());
  append_be<u32>(out, static_cast<u32>(data_.public_input_rows.size()));
  for (u32 r : data_.public_input_rows) append_be<u32>(out, r);
  for (const auto& p : data_.selectors) {
    const auto b = bls12_381::g1_to_compressed(p);
    out.insert(out.end(), b.begin(), b.end());
  }
  for (const auto& p : data_.sigmas) {
    const auto b = bls12_381::g1_to_compressed(p);
    out.insert(out.end(), b.begin(), b.end());
  }
  for (const auto* q : {&data_.g2, &data_.x_g2}) {
    const auto b = bls12_381::g2_to_compressed(*q);
    out.insert(out.end(), b.begin(), b.end());
  }
  return out;
}

PlonkResult<VerifierKey> VerifierKey::from_bytes(ByteView bytes) {
  constexpr size_t kFixed = 8 + 4 + 1 + 32 + 4;
  if (bytes.size() < kFixed) return bad_key("too short");
  if (!std::equal(kMagic.begin(), kMagic.end(), bytes.begin())) return bad_key("bad magic (not DUSK-PVK)");
  if (load_be<u32>(bytes.data() + 8) != kVersion) return bad_key("unsupported version");
  VerifierKeyData d;
  d.log_n = bytes[12];
  if (d.log_n < kMinCircuitLog || d.log_n > kMaxCircuitLog) return bad_key("log_n out of range");
  std::copy(bytes.begin() + 13, bytes.begin() + 45, d.circuit_id.begin());
  const size_t m = load_be<u32>(bytes.data() + 45);
  const size_t n = size_t{1} << d.log_n;
  if (m > n) return bad_key("more public inputs than rows");
  const size_t want = kFixed + 4 * m + (kSelectorCount + 4) * 48 + 2 * 96;
  if (bytes.size() != want) {
    return PlonkFailure(PlonkError::kBadLength, "verifier key: expected " + std::to_string(want) + " bytes, got " +
                                                    std::to_string(bytes.size()));
  }
  size_t at = kFixed;
  for (size_t i = 0; i < m; ++i, at += 4) {
    const u32 row = load_be<u32>(bytes.data() + at);
    if (row >= n || (i > 0 && row <= d.public_input_rows.back())) return bad_key("public input rows out of order");
    d.public_input_rows.push_back(row);
  }
  auto g1 = [&](bls12_381::G1Affine& out) -> PlonkResult<bool> {
    auto r = bls12_381::g1_from_compressed(bytes.subspan(at, 48));
    at += 48;
    if (!r.ok()) return PlonkFailure(static_cast<PlonkError>(r.error().code), "verifier key: " + r.error().message);
    out = *r;
    return true;
  };
  for (auto& p : d.selectors) DUSK_TRY(g1(p));
  for (auto& p : d.sigmas) DUSK_TRY(g1(p));
  for (auto* q : {&d.g2, &d.x_g2}) {
    auto r = bls12_381::g2_from_compressed(bytes.subspan(at, 96));
    at += 96;
    if (!r.ok()) return PlonkFailure(static_cast<PlonkError>(r.error().code), "verifier key: " + r.error().message);
    *q = *r;
  }
  if (!(d.g2 == bls12_381::G2Affine::generator())) return bad_key("[1]_2 is not the G2 generator");
  return VerifierKey(std::move(d));
}

}  // namespace dusk::crypto::plonk
