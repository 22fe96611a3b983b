// A contract's identity: BLAKE2b-256(bytecode || nonce as 8 bytes little-endian ||
// owner), Dusk's derivation. The same code deployed by the same owner gets a new ID
// with each nonce; an ID never depends on state.
#pragma once

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"

namespace dusk::vm {

using ContractId = Bytes32;

ContractId contract_id(ByteView bytecode, u64 nonce, ByteView owner);

}  // namespace dusk::vm
