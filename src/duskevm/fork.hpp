// The Ethereum forks DuskEVM implements, and the parameters that differ between them.
//
// Cancun (EIP-1153 transient storage, EIP-4844 blobs, EIP-5656 MCOPY, EIP-6780
// SELFDESTRUCT, EIP-7516 BLOBBASEFEE) is the oldest rule set; Prague adds EIP-7702
// set-code transactions, EIP-7623's calldata floor, EIP-2537's BLS12-381 precompiles and
// EIP-7691's larger blob schedule. Prague is the default.
#pragma once

#include <optional>
#include <string_view>

#include "base/int.hpp"

namespace dusk::evm {

enum class Fork : u8 { kCancun = 0, kPrague = 1 };
inline constexpr int kForkCount = 2;

// "Cancun" / "Prague" (the names the state tests use as post-state keys).
std::optional<Fork> fork_from_name(std::string_view name);
const char* fork_name(Fork f);

// EIP-4844 / EIP-7691 blob schedule of a fork (a state test's config may override it).
struct BlobSchedule {
  u64 target = 0;               // blobs per block the base fee aims at
  u64 max = 0;                  // blobs per block at most
  u64 base_fee_update_fraction = 0;
};
BlobSchedule default_blob_schedule(Fork f);

inline constexpr u64 kGasPerBlob = 131072;        // EIP-4844 GAS_PER_BLOB
inline constexpr u64 kMaxCodeSize = 24576;        // EIP-170
inline constexpr u64 kMaxInitCodeSize = 49152;    // EIP-3860: 2 * kMaxCodeSize
inline constexpr int kMaxCallDepth = 1024;

}  // namespace dusk::evm
