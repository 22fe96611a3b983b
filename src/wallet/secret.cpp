#include "wallet/secret.hpp"

#include <sodium.h>

namespace dusk::wallet {

void wipe(void* data, size_t size) {
  if (data != nullptr && size != 0) sodium_memzero(data, size);
}

}  // namespace dusk::wallet
