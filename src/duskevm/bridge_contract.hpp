// DuskEVM's side of the native bridge (docs/bridge.md): the system contract that takes
// withdrawals to DuskDS, and the reading of its events.
//
// The contract (bridge/DuskBridge.sol, compiled by bridge/compile.mjs with solc 0.8.30)
// lives at kBridgeAddress from the lane's genesis on. A call of withdraw(bytes dsKey)
// with value v (wei) succeeds only when dsKey is 96 bytes, v > 0, v is a whole number of
// LUX (v % 10^9 == 0) and v / 10^9 fits in 64 bits; it then emits
//   Withdrawal(address indexed from, bytes to, uint256 amountLux)
// and keeps v. The lane reads these events from the successful transactions of a block
// (withdrawal_of), and burns the contract's balance at the end of the block (evm_lane.hpp).
// tests/unit/duskevm/bridge_contract_test.cpp compiles the source again and checks that
// kBridgeRuntimeCode is what solc makes of it.
#pragma once

#include <optional>

#include "base/address.hpp"
#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "duskevm/log.hpp"
#include "lane/lane.hpp"

namespace dusk::evm {

// 0x0000000000000000000000000000000000B41D6E ("BRIDGE").
inline constexpr Address kBridgeAddress = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xB4, 0x1D, 0x6E};

// The runtime bytecode of bridge/DuskBridge.sol.
ByteView bridge_runtime_code();
// keccak256("withdraw(bytes)")[0:4] and keccak256("Withdrawal(address,bytes,uint256)").
inline constexpr std::array<u8, 4> kWithdrawSelector = {0x09, 0x68, 0xf2, 0x64};
Hash256 withdrawal_event_topic();

// The call data of withdraw(ds_key) (ABI encoding), for wallets and tests.
Bytes encode_withdraw_call(ByteView ds_key);

// The withdrawal a log announces: a Withdrawal event of kBridgeAddress with a 96-byte key
// and an amount that fits in 64 bits; nullopt for any other log.
std::optional<lane::Withdrawal> withdrawal_of(const Log& log);

}  // namespace dusk::evm
