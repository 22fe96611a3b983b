// The verifier keys of a chain's Phoenix circuits (1 to the setup's max_inputs inputs),
// made when first needed and kept: in memory, and in the node's database (family
// vm_phoenix_keys, keyed by the setup and the input count) so that a restart reads them
// back in milliseconds instead of making them again (seconds: the setup's powers, then
// the circuit's preprocessing). Thread safe: one key is made at a time, under the
// object's own lock, never under the chain's (the node asks for a key before it takes
// the chain's lock to admit a Phoenix transaction).
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <thread>

#include "base/result.hpp"
#include "crypto/plonk/verifier_key.hpp"
#include "duskvm/phoenix/setup.hpp"
#include "duskvm/phoenix/transaction_circuit.hpp"
#include "storage/database.hpp"

namespace dusk::vm {

class PhoenixKeys {
 public:
  static constexpr std::string_view kFamily = "vm_phoenix_keys";
  PhoenixKeys(storage::Database& db, duskvm::phoenix::Setup setup);
  ~PhoenixKeys();  // waits for a prepare_all() under way
  PhoenixKeys(const PhoenixKeys&) = delete;
  PhoenixKeys& operator=(const PhoenixKeys&) = delete;

  // The key for `inputs` inputs (made or read when missing); an error above max_inputs,
  // or when the setup cannot be read.
  Result<std::shared_ptr<const crypto::plonk::VerifierKey>> get(size_t inputs);
  // Whether get(inputs) would answer at once.
  bool ready(size_t inputs) const;
  // Starts making every missing key on a thread of its own and returns at once (a
  // wallet asks for this before it proves, so that the node's keys are made meanwhile).
  // Does nothing while such a thread runs; failures are logged.
  void prepare_all();
  const duskvm::phoenix::Setup& setup() const { return setup_; }

 private:
  Bytes record_key(size_t inputs) const;

  storage::Database* db_;
  duskvm::phoenix::Setup setup_;
  mutable std::mutex mu_;     // guards keys_
  std::mutex making_;         // one key made at a time
  std::array<std::shared_ptr<const crypto::plonk::VerifierKey>, duskvm::phoenix::kMaxInputs> keys_;
  std::thread preparing_;  // guarded by mu_
  bool prepare_running_ = false;
};

}  // namespace dusk::vm
