#include "base/rlp.hpp"

#include <string>

namespace dusk::rlp {
namespace {

RlpFailure fail(RlpError code, const std::string& what) {
  return RlpFailure(code, "rlp: " + what);
}

// The prefix for a payload of `len` bytes: short form (base + len) up to 55 bytes, long
// form (base + 55 + length-of-length, then the length big-endian) above.
void encode_header(Bytes& out, u8 base, size_t len) {
  if (len <= 55) {
    out.push_back(static_cast<u8>(base + len));
    return;
  }
  u8 be[8];
  store_be<u64>(be, len);
  int skip = 0;
  while (be[skip] == 0) ++skip;
  out.push_back(static_cast<u8>(base + 55 + (8 - skip)));
  out.insert(out.end(), be + skip, be + 8);
}

RlpResult<Value> decode_value(ByteView& in, int depth) {
  if (depth > kMaxDepth) return fail(RlpError::kTooDeep, "nesting deeper than 1024 lists");
  DUSK_ASSIGN(Item item, decode_item(in));
  if (!item.is_list) return Value::str(item.payload);
  Value v;
  v.is_list = true;
  ByteView rest = item.payload;
  while (!rest.empty()) {
    DUSK_ASSIGN(Value child, decode_value(rest, depth + 1));
    v.items.push_back(std::move(child));
  }
  return v;
}

}  // namespace

void encode_bytes(Bytes& out, ByteView data) {
  if (data.size() == 1 && data[0] < 0x80) {
    out.push_back(data[0]);
    return;
  }
  encode_header(out, 0x80, data.size());
  out.insert(out.end(), data.begin(), data.end());
}

Bytes encode_bytes(ByteView data) {
  Bytes out;
  encode_bytes(out, data);
  return out;
}

void encode_uint(Bytes& out, const Uint256& v) {
  const auto be = v.to_be();
  const size_t skip = clz(v) / 8;
  encode_bytes(out, ByteView(be.data() + skip, be.size() - skip));
}

Bytes encode_uint(const Uint256& v) {
  Bytes out;
  encode_uint(out, v);
  return out;
}

void encode_list_payload(Bytes& out, ByteView payload) {
  encode_header(out, 0xc0, payload.size());
  out.insert(out.end(), payload.begin(), payload.end());
}

Bytes encode_list(const std::vector<Bytes>& encoded_items) {
  Bytes payload;
  for (const Bytes& item : encoded_items) payload.insert(payload.end(), item.begin(), item.end());
  Bytes out;
  encode_list_payload(out, payload);
  return out;
}

Bytes encode(const Value& v) {
  if (!v.is_list) return encode_bytes(v.bytes);
  Bytes payload;
  for (const Value& item : v.items) {
    const Bytes e = encode(item);
    payload.insert(payload.end(), e.begin(), e.end());
  }
  Bytes out;
  encode_list_payload(out, payload);
  return out;
}

RlpResult<Item> decode_item(ByteView& in) {
  if (in.empty()) return fail(RlpError::kTruncated, "empty input where an item was expected");
  const u8 prefix = in[0];
  if (prefix < 0x80) {  // a single byte is its own encoding
    Item item{false, in.subspan(0, 1)};
    in = in.subspan(1);
    return item;
  }
  const bool is_list = prefix >= 0xc0;
  const u8 base = is_list ? 0xc0 : 0x80;
  size_t header = 1;
  u64 len;
  if (prefix - base <= 55) {
    len = prefix - base;
  } else {
    const size_t len_of_len = prefix - base - 55u;  // 1..8
    if (in.size() < 1 + len_of_len) return fail(RlpError::kTruncated, "input ends inside a length");
    if (in[1] == 0) return fail(RlpError::kLeadingZeroLength, "length with a leading zero byte");
    len = 0;
    for (size_t i = 0; i < len_of_len; ++i) len = (len << 8) | in[1 + i];
    if (len <= 55) return fail(RlpError::kNonCanonicalLength, "long form for a payload of 55 bytes or fewer");
    header += len_of_len;
  }
  if (len > in.size() - header)
    return fail(RlpError::kTruncated, "payload of " + std::to_string(len) + " bytes exceeds the input");
  Item item{is_list, in.subspan(header, static_cast<size_t>(len))};
  if (!is_list && len == 1 && item.payload[0] < 0x80)
    return fail(RlpError::kNonCanonicalByte, "single byte below 0x80 encoded as a string");
  in = in.subspan(header + static_cast<size_t>(len));
  return item;
}

RlpResult<Item> decode_single(ByteView in) {
  DUSK_ASSIGN(Item item, decode_item(in));
  if (!in.empty()) return fail(RlpError::kTrailingBytes, std::to_string(in.size()) + " bytes after the item");
  return item;
}

RlpResult<std::vector<Item>> decode_list(const Item& list) {
  if (!list.is_list) return fail(RlpError::kExpectedList, "expected a list, found a byte string");
  std::vector<Item> items;
  ByteView rest = list.payload;
  while (!rest.empty()) {
    DUSK_ASSIGN(Item item, decode_item(rest));
    items.push_back(item);
  }
  return items;
}

RlpResult<ByteView> decode_bytes(const Item& item) {
  if (item.is_list) return fail(RlpError::kExpectedString, "expected a byte string, found a list");
  return item.payload;
}

RlpResult<Uint256> decode_uint256(const Item& item) {
  DUSK_ASSIGN(ByteView b, decode_bytes(item));
  if (b.size() > 32) return fail(RlpError::kIntegerTooLarge, "integer wider than 256 bits");
  if (!b.empty() && b[0] == 0) return fail(RlpError::kLeadingZeroInteger, "integer with a leading zero byte");
  return Uint256::from_be(b.data(), b.size());
}

RlpResult<u64> decode_u64(const Item& item) {
  DUSK_ASSIGN(Uint256 v, decode_uint256(item));
  if (!v.fits_u64()) return fail(RlpError::kIntegerTooLarge, "integer wider than 64 bits");
  return v.low64();
}

RlpResult<Value> decode(ByteView in) {
  DUSK_ASSIGN(Value v, decode_value(in, 0));
  if (!in.empty()) return fail(RlpError::kTrailingBytes, std::to_string(in.size()) + " bytes after the item");
  return v;
}

}  // namespace dusk::rlp
