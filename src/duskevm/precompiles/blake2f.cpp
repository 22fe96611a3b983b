// 0x09 BLAKE2F (EIP-152): the BLAKE2b compression function F with a caller-chosen round
// count. Input exactly 213 bytes: rounds (4, big-endian) || h (64) || m (128) ||
// t (16) || f (1); the words of h, m and t are little-endian; f must be 0 or 1.
// Output: the new h (64 bytes). Gas: one per round.
#include "crypto/hash/blake2b.hpp"
#include "duskevm/precompiles/registry.hpp"

namespace dusk::evm {
namespace {
constexpr size_t kInputSize = 213;

u64 blake2f_gas(ByteView in) {
  if (in.size() != kInputSize) return 0;  // run() fails; the call costs all its gas anyway
  return load_be<u32>(in.data());
}

PrecompileResult blake2f_run(ByteView in) {
  if (in.size() != kInputSize) return invalid_input("invalid input length");
  const u8 f = in[212];
  if (f > 1) return invalid_input("invalid final flag");
  const u32 rounds = load_be<u32>(in.data());
  std::array<u64, 8> h;
  std::array<u64, 16> m;
  for (size_t i = 0; i < 8; ++i) h[i] = load_le<u64>(in.data() + 4 + 8 * i);
  for (size_t i = 0; i < 16; ++i) m[i] = load_le<u64>(in.data() + 68 + 8 * i);
  const u64 t0 = load_le<u64>(in.data() + 196), t1 = load_le<u64>(in.data() + 204);
  crypto::blake2b_compress(h, m, t0, t1, f == 1, rounds);
  Bytes out(64);
  for (size_t i = 0; i < 8; ++i) store_le<u64>(out.data() + 8 * i, h[i]);
  return out;
}
}  // namespace

const Precompile kBlake2f{"blake2f", blake2f_gas, blake2f_run};

}  // namespace dusk::evm
