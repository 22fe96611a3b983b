// RLP, Ethereum's Recursive Length Prefix serialization (yellow paper, appendix B).
//
// An item is a byte string or a list of items. Encoders append to a Bytes buffer. The
// decoder is strict: it accepts only the canonical encoding of each item, so that
// distinct byte strings never decode to the same value (transaction and block hashes
// are taken over the encoding). Every rule it enforces has an RlpError code.
#pragma once

#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"

namespace dusk::rlp {

// ---- encoding ------------------------------------------------------------------

// A byte string: a single byte below 0x80 is itself; otherwise a length prefix.
void encode_bytes(Bytes& out, ByteView data);
Bytes encode_bytes(ByteView data);
// An integer as its minimal big-endian byte string (0 is the empty string, 0x80).
void encode_uint(Bytes& out, const Uint256& v);
Bytes encode_uint(const Uint256& v);
// A list whose items are already encoded and concatenated in `payload`.
void encode_list_payload(Bytes& out, ByteView payload);
// A list of already encoded items.
Bytes encode_list(const std::vector<Bytes>& encoded_items);

// A whole RLP value, for callers that build or inspect trees generically.
struct Value {
  bool is_list = false;
  Bytes bytes;                // when !is_list
  std::vector<Value> items;   // when is_list

  static Value str(ByteView b) { return {false, Bytes(b.begin(), b.end()), {}}; }
  static Value list(std::vector<Value> v) { return {true, {}, std::move(v)}; }
  friend bool operator==(const Value&, const Value&) = default;
};
Bytes encode(const Value& v);

// ---- decoding ------------------------------------------------------------------

enum class RlpError : u8 {
  kTruncated = 1,        // the input ends before the item or its length does
  kLeadingZeroLength,    // a long-form length starts with a zero byte
  kNonCanonicalByte,     // a single byte < 0x80 encoded as a one-byte string (0x81 xx)
  kNonCanonicalLength,   // long form used for a payload of 55 bytes or fewer
  kTrailingBytes,        // bytes left after the top-level item or inside a list
  kExpectedString,       // a list where a byte string was required
  kExpectedList,         // a byte string where a list was required
  kLeadingZeroInteger,   // an integer with leading zero bytes (0 must be 0x80)
  kIntegerTooLarge,      // an integer wider than its type
  kTooDeep,              // nesting beyond kMaxDepth (generic decode only)
};

using RlpFailure = Failure<RlpError>;
template <typename T>
using RlpResult = Result<T, RlpFailure>;

// One item: its kind and its payload (the string's bytes or the list's encoded items).
// The payload views the decoder's input.
struct Item {
  bool is_list = false;
  ByteView payload;
};

// Decodes the item at the front of `in` and advances `in` past it.
RlpResult<Item> decode_item(ByteView& in);
// Decodes `in` as exactly one item (kTrailingBytes otherwise).
RlpResult<Item> decode_single(ByteView in);
// Splits a list item into its items (each checked, not recursed into).
RlpResult<std::vector<Item>> decode_list(const Item& list);
// A byte string item's bytes.
RlpResult<ByteView> decode_bytes(const Item& item);
// A canonical integer: no leading zeros, at most 32 (Uint256) or 8 (u64) bytes.
RlpResult<Uint256> decode_uint256(const Item& item);
RlpResult<u64> decode_u64(const Item& item);

// Decodes `in` as exactly one value, recursively, up to kMaxDepth nested lists.
inline constexpr int kMaxDepth = 1024;
RlpResult<Value> decode(ByteView in);

}  // namespace dusk::rlp
