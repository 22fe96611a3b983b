#include "duskevm/bridge_contract.hpp"

#include <string_view>

#include "base/uint256.hpp"
#include "crypto/hash/keccak.hpp"

namespace dusk::evm {
namespace {

// node src/duskevm/bridge/compile.mjs (solc 0.8.30, cancun, optimizer 200 runs, no metadata).
constexpr std::string_view kRuntimeHex =
    "60806040526004361061001d575f3560e01c80630968f26414610021575b5f5ffd5b61003461002f366004610201565b"
    "610036565b005b606081146100975760405162461bcd60e51b8152602060048201526024808201527f4475736b427269"
    "6467653a20746865206b6579206d75737420626520393620626044820152637974657360e01b60648201526084015b60"
    "405180910390fd5b5f34116100e65760405162461bcd60e51b815260206004820152601f60248201527f4475736b4272"
    "696467653a206e6f7468696e6720746f20776974686472617700604482015260640161008e565b6100f4633b9aca0034"
    "610283565b1561014f5760405162461bcd60e51b815260206004820152602560248201527f4475736b4272696467653a"
    "206e6f7420612077686f6c65206e756d626572206f6044820152640cc4098aab60db1b606482015260840161008e565b"
    "67ffffffffffffffff610166633b9aca0034610296565b11156101b45760405162461bcd60e51b815260206004820152"
    "601c60248201527f4475736b4272696467653a20616d6f756e7420746f6f206c61726765000000006044820152606401"
    "61008e565b337fdc826303f7dae7bbeb3114366260e897a82d2679aa3f493a22a6706e3e22c4b483836101e6633b9aca"
    "0034610296565b6040516101f5939291906102a9565b60405180910390a25050565b5f5f60208385031215610212575f"
    "5ffd5b823567ffffffffffffffff811115610228575f5ffd5b8301601f81018513610238575f5ffd5b803567ffffffff"
    "ffffffff81111561024e575f5ffd5b85602082840101111561025f575f5ffd5b6020919091019590945092505050565b"
    "634e487b7160e01b5f52601260045260245ffd5b5f826102915761029161026f565b500690565b5f826102a4576102a4"
    "61026f565b500490565b60408152826040820152828460608301375f606084830101525f6060601f19601f8601168301"
    "01905082602083015294935050505056"
    ;

Bytes decode_runtime() {
  auto b = from_hex(kRuntimeHex);
  return b ? std::move(*b) : Bytes{};
}

Bytes32 word(u64 v) { return Uint256{v}.to_be(); }

void append(Bytes& out, const Bytes32& w) { out.insert(out.end(), w.begin(), w.end()); }

}  // namespace

ByteView bridge_runtime_code() {
  static const Bytes code = decode_runtime();
  return code;
}

Hash256 withdrawal_event_topic() {
  static const Hash256 topic = crypto::keccak256(as_bytes(std::string_view("Withdrawal(address,bytes,uint256)")));
  return topic;
}

Bytes encode_withdraw_call(ByteView ds_key) {
  Bytes out(kWithdrawSelector.begin(), kWithdrawSelector.end());
  append(out, word(32));                // offset of the bytes argument
  append(out, word(ds_key.size()));     // its length
  out.insert(out.end(), ds_key.begin(), ds_key.end());
  out.resize(out.size() + (32 - ds_key.size() % 32) % 32, 0);
  return out;
}

std::optional<lane::Withdrawal> withdrawal_of(const Log& log) {
  if (log.address != kBridgeAddress || log.topics.size() != 2 || log.topics[0] != withdrawal_event_topic())
    return std::nullopt;
  // data: offset of `to` (0x40), amountLux, then `to`: its length (96) and 96 bytes.
  constexpr size_t kKeyWords = lane::kDsKeyBytes / 32;
  if (log.data.size() != 32 * (3 + kKeyWords)) return std::nullopt;
  const u8* d = log.data.data();
  const Uint256 offset = Uint256::from_be(d);
  const Uint256 amount = Uint256::from_be(d + 32);
  const Uint256 length = Uint256::from_be(d + 64);
  if (offset != Uint256{64} || length != Uint256{lane::kDsKeyBytes} || !amount.fits_u64() || amount.is_zero())
    return std::nullopt;
  for (size_t i = 0; i < 12; ++i)
    if (log.topics[1][i] != 0) return std::nullopt;
  lane::Withdrawal w;
  w.from.assign(log.topics[1].begin() + 12, log.topics[1].end());
  w.to.assign(d + 96, d + 96 + lane::kDsKeyBytes);
  w.amount = amount.low64();
  return w;
}

}  // namespace dusk::evm
