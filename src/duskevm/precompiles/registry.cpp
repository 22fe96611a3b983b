#include "duskevm/precompiles/registry.hpp"

#include "duskevm/precompiles/bn254.hpp"
#include "duskevm/precompiles/point_evaluation.hpp"

#include <array>

namespace dusk::evm {
namespace {

// Index = address - 1.
const std::array<const Precompile*, 0x11> kByAddress = {
    &kEcrecover, &kSha256, &kRipemd160, &kIdentity, &kModexp, &kBn254Add, &kBn254Mul,
    &kBn254Pairing, &kBlake2f, &kPointEvaluation, &kBlsG1Add, &kBlsG1Msm, &kBlsG2Add,
    &kBlsG2Msm, &kBlsPairing, &kBlsMapFpToG1, &kBlsMapFp2ToG2,
};

}  // namespace

u8 last_precompile(Fork fork) { return fork == Fork::kCancun ? 0x0a : 0x11; }

std::vector<Address> precompile_addresses(Fork fork, bool p256verify) {
  std::vector<Address> out;
  for (u8 i = 1; i <= last_precompile(fork); ++i) out.push_back(address_from_u8(i));
  if (p256verify) out.push_back(kP256VerifyAddress);
  return out;
}

const Precompile* find_precompile(const Address& a, Fork fork, bool p256verify) {
  if (p256verify && a == kP256VerifyAddress) return &kP256Verify;
  for (size_t i = 0; i < 19; ++i)
    if (a[i] != 0) return nullptr;
  const u8 n = a[19];
  if (n == 0 || n > last_precompile(fork)) return nullptr;
  return kByAddress[n - 1];
}

}  // namespace dusk::evm
