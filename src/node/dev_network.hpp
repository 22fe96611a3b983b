// The development network duskd --dev runs: one provisioner, ten prefunded accounts on
// every layer, all derived from the well-known phrase every Ethereum developer knows
// from anvil and hardhat ("test test ... junk"), so that the EVM accounts are the same
// ones their tools already hold. Insecure by design: the keys are public.
//
//   chain id 1337; epoch 10 blocks; minimum stake 1,000 DUSK; the Dusk-like emission;
//   account i: 1,000,000 DUSK on DuskDS, 10,000 DUSK on DuskEVM (10^22 wei) and 10,000
//   DUSK on DuskVM; account 0 also stakes 1,000 DUSK from genesis and produces blocks.
#pragma once
#include <string_view>
#include <vector>

#include "crypto/bls/secret_key.hpp"
#include "duskds/genesis.hpp"
#include "duskvm/lane/vm_transaction.hpp"
#include "wallet/account_keys.hpp"

namespace dusk::node {

inline constexpr std::string_view kDevPhrase = "test test test test test test test test test test test junk";
inline constexpr u64 kDevChainId = 1337;
// The development chain's Phoenix setup: INSECURE (its seed, hence its secret, is public).
inline constexpr std::string_view kDevPhoenixSrs = "INSECURE-SEED:duskd --dev phoenix setup";
inline constexpr size_t kDevAccounts = 10;
inline constexpr u64 kLuxPerDusk = 1'000'000'000;

struct DevAccount {
  wallet::AccountKeys keys;
  crypto::bls::SecretKey ds_secret;
  vm::DsKey ds_key{};
  vm::VmAddress vm_address{};
};

// The development accounts 0..n-1.
Result<std::vector<DevAccount>> dev_accounts(size_t n = kDevAccounts);
// The development genesis for those accounts (account 0 staked).
ds::Genesis dev_genesis(const std::vector<DevAccount>& accounts);

}  // namespace dusk::node
