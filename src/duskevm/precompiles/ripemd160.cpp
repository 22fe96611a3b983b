// 0x03 RIPEMD-160 of the input, left-padded with zeros to 32 bytes. Gas 600 + 120 per
// word.
#include "crypto/hash/ripemd160.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "duskevm/precompiles/word_cost.hpp"

namespace dusk::evm {
namespace {
u64 ripemd160_gas(ByteView in) { return word_cost(600, 120, in.size()); }
PrecompileResult ripemd160_run(ByteView in) {
  const auto h = crypto::ripemd160(in);
  Bytes out(12, 0);
  out.insert(out.end(), h.begin(), h.end());
  return out;
}
}  // namespace

const Precompile kRipemd160{"ripemd160", ripemd160_gas, ripemd160_run};

}  // namespace dusk::evm
