#include "base/address.hpp"

namespace dusk {

Result<Address> address_from_hex(std::string_view hex) {
  DUSK_ASSIGN(Bytes b, from_hex(hex));
  if (b.size() != 20) return Error("address must be 20 bytes, got " + std::to_string(b.size()));
  Address a;
  for (size_t i = 0; i < 20; ++i) a[i] = b[i];
  return a;
}

std::string address_hex(const Address& a) { return "0x" + to_hex(a); }

}  // namespace dusk
