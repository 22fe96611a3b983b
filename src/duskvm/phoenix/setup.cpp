#include "duskvm/phoenix/setup.hpp"

#include "duskvm/phoenix/transaction_circuit.hpp"

namespace dusk::duskvm::phoenix {

namespace plonk = crypto::plonk;

Result<Setup> Setup::parse(std::string srs, size_t max_inputs) {
  if (max_inputs < 1 || max_inputs > kMaxInputs)
    return Error("phoenix setup: max_inputs " + std::to_string(max_inputs) + ", expected 1 to " +
                 std::to_string(kMaxInputs));
  if (srs.empty()) return Error("phoenix setup: no SRS named (a DUSK-SRS file, or INSECURE-SEED:<text>)");
  if (srs.starts_with(kInsecureSeedPrefix) && srs.size() == kInsecureSeedPrefix.size())
    return Error("phoenix setup: INSECURE-SEED: needs a seed text after it");
  return Setup{std::move(srs), max_inputs};
}

std::string Setup::describe() const {
  if (insecure()) return "INSECURE development setup (seed \"" + srs.substr(kInsecureSeedPrefix.size()) + "\")";
  return "setup file " + srs;
}

size_t srs_powers(size_t inputs) {
  plonk::Composer shape;
  TransactionCircuit(inputs).circuit(shape);
  return *plonk::srs_powers_for(shape.gate_count());  // at most 2^18 rows: far below the limit
}

Result<plonk::Srs> load_srs(const Setup& setup, size_t powers) {
  if (setup.insecure())
    return plonk::Srs::insecure_from_seed(as_bytes(setup.srs.substr(kInsecureSeedPrefix.size())), powers);
  auto srs = plonk::Srs::load_file(setup.srs);
  if (!srs.ok()) return Error("phoenix setup: " + srs.error().message);
  auto cut = srs->truncated(powers);
  if (!cut.ok()) return Error("phoenix setup: " + setup.srs + ": " + cut.error().message);
  return std::move(*cut);
}

Result<plonk::Keys> circuit_keys(const plonk::Srs& srs, size_t inputs) {
  plonk::Composer shape;
  TransactionCircuit(inputs).circuit(shape);
  auto keys = plonk::preprocess(srs, shape);
  if (!keys.ok()) return Error("phoenix: keys of the " + std::to_string(inputs) + "-input circuit: " + keys.error().message);
  return std::move(*keys);
}

}  // namespace dusk::duskvm::phoenix
