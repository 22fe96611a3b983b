// The process's EIP-4844 trusted setup, shared by the EVM's point evaluation precompile
// and DuskVM's KZG query. Loaded once, on first use, thread-safely, from the file named
// by the environment variable DUSK_KZG_TRUSTED_SETUP if it is set, else from the path
// fixed at build time (CMake cache variable DUSK_KZG_TRUSTED_SETUP, by default
// ../shared/testdata/crypto/kzg/trusted_setup.txt beside the source tree). The result,
// setup or failure, is kept for the life of the process; a node loads it at start-up
// and refuses to start on a failure.
#pragma once

#include <string>

#include "crypto/kzg/trusted_setup.hpp"

namespace dusk::crypto::kzg {

std::string default_trusted_setup_path();
const KzgResult<TrustedSetup>& default_trusted_setup();

}  // namespace dusk::crypto::kzg
