// A DuskVM transaction: a contract deploy or call, a native transfer between DuskVM
// accounts, or a withdrawal to DuskDS (the bridge), signed by a DuskDS (BLS min-sig) key.
// Gas is paid from the signer's DuskVM account in LUX: gas_limit x gas_price up front,
// the unused part refunded, the rest owed to the block's generator.
//
// Encoding, version 1 (integers little-endian):
//   version 1 | kind 1 (1 deploy, 2 call, 3 transfer, 4 withdraw) | chain_id 8 |
//   sender 96 | nonce 8 | gas_limit 8 | gas_price 8 | then by kind:
//     deploy:   code_length 4 | code | init_length 4 | init argument
//     call:     contract 32 | function_length 1 | function | argument_length 4 | argument
//     transfer: to 32 (a DuskVM address) | amount 8
//     withdraw: to 96 (a DuskDS key) | amount 8
//   | signature 48
// The signature is over BLAKE2b-256("DUSK_VM_TX_V1" || everything before it); the id
// is BLAKE2b-256 of the whole encoding. Decoding is strict (one encoding per
// transaction, keys and signature checked as points).
//
// The DuskVM address of a DuskDS key is BLAKE2b-256("DUSK_VM_ACCOUNT" || key): accounts
// and contracts (contract_id.hpp) share one 32-byte address space.
#pragma once
#include <string>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/int.hpp"
#include "base/result.hpp"
#include "crypto/bls/secret_key.hpp"

namespace dusk::vm {

enum class VmTxKind : u8 { kDeploy = 1, kCall = 2, kTransfer = 3, kWithdraw = 4 };

inline constexpr size_t kMaxVmTransactionBytes = 512 * 1024;
inline constexpr size_t kMaxFunctionName = 64;
inline constexpr u64 kVmTransferGas = 20'000;
inline constexpr u64 kVmWithdrawGas = 30'000;
inline constexpr std::string_view kVmSigningDomain = "DUSK_VM_TX_V1";

using DsKey = std::array<u8, 96>;
using VmAddress = Hash256;

struct VmTransaction {
  VmTxKind kind = VmTxKind::kCall;
  u64 chain_id = 0;
  DsKey sender{};
  u64 nonce = 0;
  u64 gas_limit = 0;
  u64 gas_price = 0;
  Bytes code;                // deploy
  Bytes argument;            // deploy: init's; call: the entry point's
  Hash256 contract{};        // call
  std::string function;      // call
  VmAddress to_address{};    // transfer
  DsKey to_key{};            // withdraw
  u64 amount = 0;            // transfer, withdraw (LUX)
  std::array<u8, 48> signature{};
  bool operator==(const VmTransaction&) const = default;
};

VmAddress vm_address(const DsKey& key);
Bytes encode_vm_unsigned(const VmTransaction& tx);
Bytes encode_vm_transaction(const VmTransaction& tx);
Result<VmTransaction> decode_vm_transaction(ByteView bytes);
Hash256 vm_signing_hash(const VmTransaction& tx);
Hash256 vm_transaction_id(ByteView encoded);
void sign_vm_transaction(VmTransaction& tx, const crypto::bls::SecretKey& sk);
Status verify_vm_signature(const VmTransaction& tx);
std::string_view vm_kind_name(VmTxKind kind);

}  // namespace dusk::vm
