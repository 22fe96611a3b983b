#include "duskvm/lane/phoenix_keys.hpp"

#include <chrono>

#include "base/log.hpp"
#include "crypto/hash/blake2b.hpp"

namespace dusk::vm {

namespace plonk = crypto::plonk;

PhoenixKeys::PhoenixKeys(storage::Database& db, duskvm::phoenix::Setup setup) : db_(&db), setup_(std::move(setup)) {}

PhoenixKeys::~PhoenixKeys() {
  std::thread t;
  {
    std::lock_guard g(mu_);
    t = std::move(preparing_);
    if (prepare_running_) DUSK_LOG(kInfo, "phoenix", "waiting for the verifier keys being made");
  }
  if (t.joinable()) t.join();
}

void PhoenixKeys::prepare_all() {
  std::thread previous;
  {
    std::lock_guard g(mu_);
    if (prepare_running_) return;
    bool missing = false;
    for (size_t n = 1; n <= setup_.max_inputs; ++n) missing = missing || !keys_[n - 1];
    if (!missing) return;
    prepare_running_ = true;
    previous = std::move(preparing_);  // finished: joined below
    preparing_ = std::thread([this] {
      for (size_t n = 1; n <= setup_.max_inputs; ++n)
        if (auto k = get(n); !k.ok()) DUSK_LOG(kError, "phoenix", k.error().message);
      std::lock_guard done(mu_);
      prepare_running_ = false;
    });
  }
  if (previous.joinable()) previous.join();
}

Bytes PhoenixKeys::record_key(size_t inputs) const {
  const auto h = crypto::blake2b<32>({as_bytes(std::string_view("DUSK_PHOENIX_VK_V1")), as_bytes(setup_.srs)});
  Bytes k(h.begin(), h.end());
  k.push_back(static_cast<u8>(inputs));
  return k;
}

bool PhoenixKeys::ready(size_t inputs) const {
  if (inputs < 1 || inputs > setup_.max_inputs) return false;
  std::lock_guard g(mu_);
  return keys_[inputs - 1] != nullptr;
}

Result<std::shared_ptr<const plonk::VerifierKey>> PhoenixKeys::get(size_t inputs) {
  if (inputs < 1 || inputs > setup_.max_inputs)
    return Error("this chain accepts Phoenix spends of 1 to " + std::to_string(setup_.max_inputs) + " inputs, not " +
                 std::to_string(inputs));
  {
    std::lock_guard g(mu_);
    if (keys_[inputs - 1]) return keys_[inputs - 1];
  }
  std::lock_guard making(making_);
  {
    std::lock_guard g(mu_);
    if (keys_[inputs - 1]) return keys_[inputs - 1];  // made while we waited
  }
  const storage::Family& family = db_->family(kFamily);
  const Bytes key = record_key(inputs);
  std::shared_ptr<const plonk::VerifierKey> vk;
  auto stored = db_->get(family, key);
  if (!stored.ok()) return Error("phoenix keys: " + stored.error().message);
  if (*stored) {
    auto decoded = plonk::VerifierKey::from_bytes(**stored);
    if (decoded.ok())
      vk = std::make_shared<const plonk::VerifierKey>(std::move(*decoded));
    else
      DUSK_LOG(kWarn, "phoenix", "the stored verifier key of " << inputs << " inputs is unreadable ("
                                     << decoded.error().message << "): making it again");
  }
  if (!vk) {
    const auto t0 = std::chrono::steady_clock::now();
    DUSK_LOG(kInfo, "phoenix", "making the verifier key of " << inputs << "-input spends from the "
                                   << setup_.describe() << " (once; some seconds)");
    DUSK_ASSIGN(plonk::Srs srs, duskvm::phoenix::load_srs(setup_, duskvm::phoenix::srs_powers(inputs)));
    DUSK_ASSIGN(plonk::Keys keys, duskvm::phoenix::circuit_keys(srs, inputs));
    vk = keys.verifier;
    storage::WriteBatch batch;
    batch.put(family, key, vk->to_bytes());
    if (auto w = db_->write(batch); !w.ok()) return Error("phoenix keys: storing: " + w.error().message);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    DUSK_LOG(kInfo, "phoenix", "verifier key of " << inputs << "-input spends ready in " << ms << " ms, stored");
  }
  std::lock_guard g(mu_);
  keys_[inputs - 1] = vk;
  return vk;
}

}  // namespace dusk::vm
