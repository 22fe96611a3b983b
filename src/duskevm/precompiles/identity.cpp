// 0x04 IDENTITY: returns its input. Gas 15 + 3 per word.
#include "duskevm/precompiles/registry.hpp"
#include "duskevm/precompiles/word_cost.hpp"

namespace dusk::evm {
namespace {
u64 identity_gas(ByteView in) { return word_cost(15, 3, in.size()); }
PrecompileResult identity_run(ByteView in) { return Bytes(in.begin(), in.end()); }
}  // namespace

const Precompile kIdentity{"identity", identity_gas, identity_run};

}  // namespace dusk::evm
