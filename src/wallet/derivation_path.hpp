// The "m/44'/60'/0'/0/0" path form BIP-32 and EIP-2334 share: "m", then "/" and a decimal
// index per level, no leading zeros. BIP-32 marks hardened levels with ', h or H (its
// indices below 2^31, the mark adding 2^31); EIP-2334 has no marks and indices below 2^32.
#pragma once
#include <string_view>
#include <vector>

#include "base/int.hpp"
#include "wallet/wallet_error.hpp"

namespace dusk::wallet {

enum class PathForm { kBip32, kEip2334 };

// Errors: kBadPath, naming the path and what is wrong with it.
WalletResult<std::vector<u32>> parse_derivation_path(std::string_view path, PathForm form);

}  // namespace dusk::wallet
