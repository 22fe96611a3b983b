#include "duskvm/runtime/contract_id.hpp"

#include <algorithm>

#include "crypto/hash/blake2b.hpp"

namespace dusk::vm {

ContractId contract_id(ByteView bytecode, u64 nonce, ByteView owner) {
  crypto::Blake2b h;
  (void)h.init(32);
  h.update(bytecode);
  u8 n[8];
  store_le<u64>(n, nonce);
  h.update(ByteView(n, 8));
  h.update(owner);
  const auto d = h.final();
  ContractId id;
  std::copy_n(d.begin(), id.size(), id.begin());
  return id;
}

}  // namespace dusk::vm
