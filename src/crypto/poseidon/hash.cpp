#include "crypto/poseidon/hash.hpp"

#include <cstdlib>

#include "crypto/poseidon/safe.hpp"

namespace dusk::crypto::poseidon {

Result<std::vector<Fr>> digest(Domain domain, std::span<const Fr> inputs, size_t outputs) {
  if ((domain == Domain::kMerkle4 && (inputs.size() != 4 || outputs != 1)) ||
      (domain == Domain::kMerkle2 && (inputs.size() != 2 || outputs != 1)))
    return Error("Poseidon Merkle domains hash exactly their arity into one output");
  auto sponge = Safe::start({Call::absorb(inputs.size()), Call::squeeze(outputs)}, static_cast<u64>(domain));
  if (!sponge.ok()) return sponge.take_error();
  if (auto s = sponge->absorb(inputs); !s.ok()) return s.take_error();
  auto out = sponge->squeeze(outputs);
  if (!out.ok()) return out.take_error();
  if (auto s = sponge->finish(); !s.ok()) return s.take_error();
  return out;
}

namespace {

Fr single(Domain domain, std::span<const Fr> inputs) {
  auto out = digest(domain, inputs, 1);
  // Callers pass fixed, valid lengths (the templates and arrays check them): a failure
  // here is a bug in this file.
  if (!out.ok()) std::abort();
  return out->front();
}

}  // namespace

Fr detail::hash_nonempty(std::span<const Fr> inputs) { return single(Domain::kOther, inputs); }
Fr merkle4(const std::array<Fr, 4>& children) { return single(Domain::kMerkle4, children); }
Fr merkle2(const std::array<Fr, 2>& children) { return single(Domain::kMerkle2, children); }

jubjub::Scalar truncate_to_scalar(const Fr& x) {
  auto bytes = x.to_bytes_le();
  bytes[31] &= 0x03;  // keep bits 0..249
  // Below 2^250 < r_J: always canonical.
  return *jubjub::Scalar::from_bytes_le(bytes);
}

}  // namespace dusk::crypto::poseidon
