#include "duskevm/block_env.hpp"

namespace dusk::evm {

Uint256 fake_exponential(const Uint256& factor, const Uint256& numerator, const Uint256& denominator) {
  if (denominator.is_zero()) return {};
  Uint256 output{};
  Uint256 accum = factor * denominator;
  for (u64 i = 1; !accum.is_zero(); ++i) {
    output = output + accum;
    accum = evm_div(accum * numerator, denominator * Uint256{i});
  }
  return evm_div(output, denominator);
}

Uint256 blob_base_fee(const BlockEnv& env) {
  return fake_exponential(Uint256{1}, Uint256{env.excess_blob_gas}, Uint256{env.blobs.base_fee_update_fraction});
}

}  // namespace dusk::evm
