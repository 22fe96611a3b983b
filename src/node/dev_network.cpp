#include "node/dev_network.hpp"

#include "duskds/emission_schedule.hpp"

namespace dusk::node {

Result<std::vector<DevAccount>> dev_accounts(size_t n) {
  auto mnemonic = wallet::Mnemonic::parse(kDevPhrase);
  if (!mnemonic.ok()) return Error(mnemonic.error().message);
  auto seed = mnemonic->seed();
  if (!seed.ok()) return Error(seed.error().message);
  std::vector<DevAccount> out;
  for (size_t i = 0; i < n; ++i) {
    auto keys = wallet::derive(*seed, static_cast<u32>(i));
    if (!keys.ok()) return Error(keys.error().message);
    auto sk = crypto::bls::SecretKey::from_bytes(ByteView(keys->bls_secret_key.data(), 32));
    if (!sk.ok()) return Error(sk.error().message);
    DevAccount a{std::move(*keys), *sk, {}, {}};
    std::copy(a.keys.bls_public_key.begin(), a.keys.bls_public_key.end(), a.ds_key.begin());
    a.vm_address = vm::vm_address(a.ds_key);
    out.push_back(std::move(a));
  }
  return out;
}

ds::Genesis dev_genesis(const std::vector<DevAccount>& accounts) {
  ds::Genesis g;
  g.ledger.chain_id = kDevChainId;
  g.ledger.epoch_length = 10;
  g.ledger.minimum_stake = 1'000 * kLuxPerDusk;
  g.ledger.generator_share_bps = 7'000;
  g.ledger.emission = ds::EmissionSchedule::dusk_like();
  g.block_time_ms = 1'000;
  g.finality_depth = 1;
  g.phoenix_srs = std::string(kDevPhoenixSrs);
  g.phoenix_max_inputs = 2;
  for (size_t i = 0; i < accounts.size(); ++i) {
    const DevAccount& a = accounts[i];
    g.accounts.push_back({a.ds_key, 1'000'000 * kLuxPerDusk});
    g.evm_accounts.push_back({Bytes(a.keys.evm_address.begin(), a.keys.evm_address.end()), 10'000 * kLuxPerDusk});
    g.vm_accounts.push_back({Bytes(a.vm_address.begin(), a.vm_address.end()), 10'000 * kLuxPerDusk});
    if (i == 0) g.stakes.push_back({a.ds_key, 1'000 * kLuxPerDusk});
  }
  return g;
}

}  // namespace dusk::node
