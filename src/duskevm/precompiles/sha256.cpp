// 0x02 SHA2-256 of the input. Gas 60 + 12 per word.
#include "crypto/hash/sha256.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "duskevm/precompiles/word_cost.hpp"

namespace dusk::evm {
namespace {
u64 sha256_gas(ByteView in) { return word_cost(60, 12, in.size()); }
PrecompileResult sha256_run(ByteView in) {
  const auto h = crypto::sha256(in);
  return Bytes(h.begin(), h.end());
}
}  // namespace

const Precompile kSha256{"sha256", sha256_gas, sha256_run};

}  // namespace dusk::evm
