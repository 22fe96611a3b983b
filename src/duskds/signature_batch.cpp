#include "duskds/signature_batch.hpp"

#include <optional>

namespace dusk::ds {

using crypto::bls::BlsMinSig;

std::vector<LedgerStatus> verify_signatures(std::span<const Transaction* const> txs,
                                            crypto::bls::BatchSecurity security,
                                            const crypto::bls::RandomSource& rng) {
  std::vector<LedgerStatus> out(txs.size());
  std::vector<std::optional<SignatureCheck>> checks(txs.size());
  std::vector<size_t> batched;  // indices of transactions whose key and signature decode
  for (size_t i = 0; i < txs.size(); ++i) {
    auto c = signature_check(*txs[i]);
    if (!c.ok()) {
      out[i] = c.take_error();
      continue;
    }
    checks[i].emplace(std::move(c).value());
    batched.push_back(i);
  }
  if (batched.empty()) return out;

  std::vector<BlsMinSig::BatchItem> items;
  items.reserve(batched.size());
  for (size_t i : batched) items.push_back({checks[i]->public_key, checks[i]->message, checks[i]->signature});
  if (BlsMinSig::batch_verify(items, security, rng).ok()) return out;

  // At least one is bad (or the random source failed): verify each on its own.
  for (size_t i : batched) {
    if (!BlsMinSig::verify(checks[i]->public_key, checks[i]->message, checks[i]->signature).ok())
      out[i] =
          ledger_error(LedgerError::kInvalidSignature, "signature does not verify under the sender's key");
  }
  return out;
}

}  // namespace dusk::ds
