// 0x01 ECRECOVER: input hash(32) || v(32) || r(32) || s(32), zero-padded to 128 bytes.
// Output: the signer's address left-padded to 32 bytes, or nothing at all (the call
// still succeeds) when v is not 27 or 28, r or s is not in [1, n), or no key recovers.
// Unlike transaction signatures, s may be in the upper half of the range. Gas 3000.
#include <algorithm>

#include "crypto/secp256k1.hpp"
#include "duskevm/precompiles/registry.hpp"

namespace dusk::evm {
namespace {
u64 ecrecover_gas(ByteView) { return 3000; }

PrecompileResult ecrecover_run(ByteView in) {
  std::array<u8, 128> buf{};
  std::copy_n(in.begin(), std::min<size_t>(in.size(), buf.size()), buf.begin());
  // v is a whole word: 27 or 28, with 31 leading zero bytes.
  for (size_t i = 32; i < 63; ++i)
    if (buf[i] != 0) return Bytes{};
  if (buf[63] != 27 && buf[63] != 28) return Bytes{};
  std::array<u8, 32> hash, r, s;
  std::copy_n(buf.begin(), 32, hash.begin());
  std::copy_n(buf.begin() + 64, 32, r.begin());
  std::copy_n(buf.begin() + 96, 32, s.begin());
  const auto key = crypto::secp256k1_recover(hash, r, s, buf[63] - 27);
  if (!key) return Bytes{};
  const auto addr = crypto::public_key_address(*key);
  Bytes out(12, 0);
  out.insert(out.end(), addr.begin(), addr.end());
  return out;
}
}  // namespace

const Precompile kEcrecover{"ecrecover", ecrecover_gas, ecrecover_run};

}  // namespace dusk::evm
