#include "wallet/derivation_path.hpp"

#include <string>

namespace dusk::wallet {

WalletResult<std::vector<u32>> parse_derivation_path(std::string_view path, PathForm form) {
  const bool bip32 = form == PathForm::kBip32;
  auto bad = [&](const std::string& why) {
    return WalletFailure(WalletError::kBadPath,
                         std::string(bip32 ? "BIP-32" : "EIP-2334") + " path \"" + std::string(path) + "\": " + why);
  };
  constexpr u64 kHardened = 0x80000000u;
  if (path.empty() || path[0] != 'm') return bad("must start with \"m\"");
  std::vector<u32> out;
  size_t pos = 1;
  while (pos < path.size()) {
    if (path[pos] != '/') return bad("expected \"/\" at character " + std::to_string(pos + 1));
    ++pos;
    const size_t start = pos;
    u64 value = 0;
    while (pos < path.size() && path[pos] >= '0' && path[pos] <= '9') {
      value = value * 10 + static_cast<u64>(path[pos] - '0');
      if (bip32 && value >= kHardened) return bad("an index is 2^31 or more (mark it hardened instead)");
      if (!bip32 && value > 0xffffffffu) return bad("an index is 2^32 or more");
      ++pos;
    }
    if (pos == start) return bad("expected a number at character " + std::to_string(start + 1));
    if (pos - start > 1 && path[start] == '0') return bad("an index has a leading zero");
    u32 index = static_cast<u32>(value);
    if (bip32 && pos < path.size() && (path[pos] == '\'' || path[pos] == 'h' || path[pos] == 'H')) {
      index |= static_cast<u32>(kHardened);
      ++pos;
    }
    out.push_back(index);
  }
  return out;
}

}  // namespace dusk::wallet
