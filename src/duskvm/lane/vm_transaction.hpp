// A DuskVM transaction: a contract deploy or call, a native transfer between DuskVM
// accounts, a withdrawal to DuskDS (the bridge), or shielding into a Phoenix note, signed
// by a DuskDS (BLS min-sig) key; or a Phoenix transaction, which no key signs (its proof
// authorizes it: duskvm/phoenix/transaction.hpp). Gas of a signed transaction is paid
// from the signer's DuskVM account in LUX: gas_limit x gas_price up front, the unused
// part refunded, the rest owed to the block's generator; a Phoenix transaction pays its
// max_fee from the shielded pool.
//
// Encoding, version 1 (integers little-endian):
//   version 1 | kind 1 (1 deploy, 2 call, 3 transfer, 4 withdraw, 5 shield) | chain_id 8 |
//   sender 96 | nonce 8 | gas_limit 8 | gas_price 8 | then by kind:
//     deploy:   code_length 4 | code | init_length 4 | init argument
//     call:     contract 32 | function_length 1 | function | argument_length 4 | argument
//     transfer: to 32 (a DuskVM address) | amount 8
//     withdraw: to 96 (a DuskDS key) | amount 8
//     shield:   to 64 (a Phoenix stealth address) | amount 8
//   | signature 48
// or, for a Phoenix transaction:
//   version 1 | kind 6 | the Phoenix transaction's encoding (which starts with its chain
//   id, 8 bytes, so that every kind has the chain id at offset 2)
// The signature is over BLAKE2b-256("DUSK_VM_TX_V1" || everything before it); the id
// is BLAKE2b-256 of the whole encoding. Decoding is strict (one encoding per
// transaction, keys and signature checked as points).
//
// The DuskVM address of a DuskDS key is BLAKE2b-256("DUSK_VM_ACCOUNT" || key): accounts
// and contracts (contract_id.hpp) share one 32-byte address space.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/int.hpp"
#include "base/result.hpp"
#include "crypto/bls/secret_key.hpp"

namespace dusk::duskvm::phoenix {
struct Transaction;
}

namespace dusk::vm {

enum class VmTxKind : u8 { kDeploy = 1, kCall = 2, kTransfer = 3, kWithdraw = 4, kShield = 5, kPhoenix = 6 };

inline constexpr size_t kMaxVmTransactionBytes = 512 * 1024;
inline constexpr size_t kMaxFunctionName = 64;
inline constexpr u64 kVmTransferGas = 20'000;
inline constexpr u64 kVmWithdrawGas = 30'000;
// Shielding appends a note: its hash and 17 Merkle nodes, 18 Poseidon permutations at
// the poseidon_merkle4 host query's price (35,000), and the transfer's base.
inline constexpr u64 kVmShieldGas = 20'000 + 18 * 35'000;
// A Phoenix transaction's gas: its proof verified at the plonk_verify_bls12_381 host
// query's price (5,000,000 + 15,000 a public input; a spend of n inputs has 28 + n) and
// its two notes appended (2 x 18 permutations). Its max_fee must cover this at the
// pool's minimum gas price; the whole max_fee is charged.
constexpr u64 phoenix_gas(size_t inputs) { return 5'000'000 + 15'000 * (28 + inputs) + 2 * 18 * 35'000; }
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
  std::array<u8, 64> stealth{};  // shield: the note's stealth address
  u64 amount = 0;            // transfer, withdraw, shield (LUX)
  Bytes phoenix;             // phoenix: the Phoenix transaction's encoding
  // phoenix: the same, decoded by decode_vm_transaction (a decoding checks a dozen
  // points' orders, about as long as verifying the proof: done once per transaction).
  std::shared_ptr<const duskvm::phoenix::Transaction> phoenix_decoded;
  std::array<u8, 48> signature{};
};

VmAddress vm_address(const DsKey& key);
Bytes encode_vm_unsigned(const VmTransaction& tx);
Bytes encode_vm_transaction(const VmTransaction& tx);
Result<VmTransaction> decode_vm_transaction(ByteView bytes);
Hash256 vm_signing_hash(const VmTransaction& tx);
Hash256 vm_transaction_id(ByteView encoded);
void sign_vm_transaction(VmTransaction& tx, const crypto::bls::SecretKey& sk);
// The number of inputs of an encoded Phoenix transaction (a cheap look, before decoding
// it), or nullopt when the bytes are not one.
std::optional<size_t> phoenix_input_count(ByteView encoded);
// Fails for a Phoenix transaction, which has no signature (the lane verifies its proof).
Status verify_vm_signature(const VmTransaction& tx);
std::string_view vm_kind_name(VmTxKind kind);

}  // namespace dusk::vm
