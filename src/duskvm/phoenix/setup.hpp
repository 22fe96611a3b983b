// Which universal setup a chain's Phoenix proofs use, and the circuit keys from it. A
// chain's genesis names it (lanes.phoenix_srs); the node derives verifier keys from it
// and wallets derive prover keys from the same, so both sides agree on every circuit.
//
//   srs = "INSECURE-SEED:<text>"  the development setup of plonk::Srs::insecure_from_seed
//                                 (its secret is known: proofs can be forged; for
//                                 development chains and tests only)
//   srs = "<path>"                a DUSK-SRS file (crypto/plonk/srs.hpp): a ceremony's output
//   max_inputs (1..4)             the largest spend accepted; the setup must hold the
//                                 powers of that circuit's domain
#pragma once

#include <string>

#include "base/result.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "crypto/plonk/srs.hpp"

namespace dusk::duskvm::phoenix {

inline constexpr std::string_view kInsecureSeedPrefix = "INSECURE-SEED:";

struct Setup {
  std::string srs;
  size_t max_inputs = 2;

  // Checks the form (not the file: that is read when keys are made).
  static Result<Setup> parse(std::string srs, size_t max_inputs);
  bool insecure() const { return srs.starts_with(kInsecureSeedPrefix); }
  // For people and logs: "INSECURE development setup (seed ...)" or "setup file ...".
  std::string describe() const;
};

// The G1 powers a spend of `inputs` inputs needs (plonk::srs_powers_for its circuit).
size_t srs_powers(size_t inputs);
// The setup's SRS with `powers` powers (generated, or read from the file, validated and
// truncated). Seconds for 2^17 powers.
Result<crypto::plonk::Srs> load_srs(const Setup& setup, size_t powers);
// The prover and verifier keys of the `inputs`-input transaction circuit.
Result<crypto::plonk::Keys> circuit_keys(const crypto::plonk::Srs& srs, size_t inputs);

}  // namespace dusk::duskvm::phoenix
