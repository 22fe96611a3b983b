#include "wallet/account_keys.hpp"

#include "crypto/bls/scheme.hpp"
#include "wallet/bip32.hpp"
#include "wallet/eip2333.hpp"

namespace dusk::wallet {

WalletResult<AccountKeys> derive(const Bip39Seed& seed, u32 index) {
  const ByteView seed_view(seed.data(), seed.size());
  DUSK_ASSIGN(const EvmKey evm, evm_key(seed_view, index));  // checks index < 2^31
  DUSK_ASSIGN(const crypto::bls::SecretKey bls, eip2333_derive(seed_view, duskds_path(index)));
  AccountKeys keys;
  keys.index = index;
  keys.bls_secret_key = SecretArray<32>(bls.to_bytes());
  keys.bls_public_key = crypto::bls::Scheme<crypto::bls::MinSig>::sk_to_pk(bls).to_bytes();
  keys.evm_secret_key = evm.secret_key;
  keys.evm_address = evm.address;
  return keys;
}

WalletResult<AccountKeys> derive(const Mnemonic& mnemonic, std::string_view passphrase, u32 index) {
  DUSK_ASSIGN(const Bip39Seed seed, mnemonic.seed(passphrase));
  return derive(seed, index);
}

}  // namespace dusk::wallet
