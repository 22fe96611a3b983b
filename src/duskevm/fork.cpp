#include "duskevm/fork.hpp"

namespace dusk::evm {

std::optional<Fork> fork_from_name(std::string_view name) {
  if (name == "Cancun") return Fork::kCancun;
  if (name == "Prague") return Fork::kPrague;
  return std::nullopt;
}

const char* fork_name(Fork f) { return f == Fork::kCancun ? "Cancun" : "Prague"; }

BlobSchedule default_blob_schedule(Fork f) {
  // EIP-4844 (Cancun) and EIP-7691 (Prague).
  if (f == Fork::kCancun) return {3, 6, 3338477};
  return {6, 9, 5007716};
}

}  // namespace dusk::evm
