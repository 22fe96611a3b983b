#include "duskvm/runtime/contract_id.hpp"

#include <algorithm>

#include "crypto/hash/blake2b.hpp"

namespace dusk::vm {

ContractId contract_id(ByteView bytecode, u64 nonce, ByteView owner) {
  u8 n[8];
  store_le<u64>(n, nonce);
  return crypto::blake2b<32>({bytecode, ByteView(n, 8), owner});
}

}  // namespace dusk::vm
