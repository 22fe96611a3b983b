#include "crypto/kzg/default_setup.hpp"

#include <cstdlib>

namespace dusk::crypto::kzg {

std::string default_trusted_setup_path() {
  if (const char* env = std::getenv("DUSK_KZG_TRUSTED_SETUP"); env != nullptr && *env != '\0') return env;
  return DUSK_KZG_TRUSTED_SETUP_DEFAULT;
}

const KzgResult<TrustedSetup>& default_trusted_setup() {
  static const KzgResult<TrustedSetup> setup = TrustedSetup::load_file(default_trusted_setup_path());
  return setup;
}

}  // namespace dusk::crypto::kzg
