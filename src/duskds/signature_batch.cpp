#include "duskds/signature_batch.hpp"

namespace dusk::ds {

using crypto::bls::BlsMinSig;

std::vector<LedgerStatus> verify_signature_checks(std::span<const SignatureCheck> checks,
                                                  crypto::bls::BatchSecurity security,
                                                  const crypto::bls::RandomSource& rng) {
  std::vector<LedgerStatus> out(checks.size());
  if (checks.empty()) return out;
  std::vector<BlsMinSig::BatchItem> items;
  items.reserve(checks.size());
  std::vector<const crypto::bls12_381::G2Prepared*> lines;
  lines.reserve(checks.size());
  for (const auto& c : checks) {
    items.push_back({c.public_key, c.message, c.signature});
    lines.push_back(c.key_lines.get());
  }
  if (crypto::bls::batch_verify_prepared(items, lines, security, rng).ok()) return out;

  // At least one is bad (or the random source failed): verify each on its own.
  for (size_t i = 0; i < checks.size(); ++i) {
    if (!BlsMinSig::verify(checks[i].public_key, checks[i].message, checks[i].signature).ok())
      out[i] =
          ledger_error(LedgerError::kInvalidSignature, "signature does not verify under the sender's key");
  }
  return out;
}

std::vector<LedgerStatus> verify_signatures(std::span<const Transaction* const> txs,
                                            crypto::bls::BatchSecurity security,
                                            const crypto::bls::RandomSource& rng) {
  std::vector<LedgerStatus> out(txs.size());
  std::vector<SignatureCheck> checks;
  std::vector<size_t> index;  // of the transactions whose key and signature decode
  for (size_t i = 0; i < txs.size(); ++i) {
    auto c = signature_check(*txs[i]);
    if (!c.ok()) {
      out[i] = c.take_error();
      continue;
    }
    checks.push_back(std::move(c).value());
    index.push_back(i);
  }
  auto verdicts = verify_signature_checks(checks, security, rng);
  for (size_t k = 0; k < index.size(); ++k) out[index[k]] = std::move(verdicts[k]);
  return out;
}

}  // namespace dusk::ds
