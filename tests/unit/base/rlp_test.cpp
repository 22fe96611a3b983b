// RLP: the examples of the Ethereum wiki's RLP page (ethereum.org "Recursive-length
// prefix (RLP) serialization"), round trips, and every rejection rule.
#include <gtest/gtest.h>

#include "base/rlp.hpp"

namespace dusk::rlp {
namespace {

Bytes hex(const char* s) { return *from_hex(s); }
Value str(std::string_view s) { return Value::str(as_bytes(s)); }
const Value kEmptyList = Value::list({});

void expect_round_trip(const Value& v, const Bytes& want) {
  EXPECT_EQ(to_hex(encode(v)), to_hex(want));
  auto back = decode(want);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, v);
}

TEST(Rlp, WikiExamples) {
  expect_round_trip(str("dog"), hex("83646f67"));
  expect_round_trip(Value::list({str("cat"), str("dog")}), hex("c88363617483646f67"));
  expect_round_trip(str(""), hex("80"));
  expect_round_trip(kEmptyList, hex("c0"));
  expect_round_trip(Value::str(Bytes{0x00}), hex("00"));
  expect_round_trip(Value::str(Bytes{0x0f}), hex("0f"));
  expect_round_trip(Value::str(Bytes{0x04, 0x00}), hex("820400"));
  // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
  const Value one = Value::list({kEmptyList});
  expect_round_trip(Value::list({kEmptyList, one, Value::list({kEmptyList, one})}),
                    hex("c7c0c1c0c3c0c1c0"));
  const std::string lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";
  ASSERT_EQ(lorem.size(), 56u);
  Bytes want = {0xb8, 0x38};
  want.insert(want.end(), lorem.begin(), lorem.end());
  expect_round_trip(str(lorem), want);
}

TEST(Rlp, Integers) {
  EXPECT_EQ(to_hex(encode_uint(Uint256{0})), "80");
  EXPECT_EQ(to_hex(encode_uint(Uint256{15})), "0f");
  EXPECT_EQ(to_hex(encode_uint(Uint256{1024})), "820400");
  EXPECT_EQ(to_hex(encode_uint(Uint256{0x80})), "8180");
  EXPECT_EQ(to_hex(encode_uint(Uint256::max())), "a0" + std::string(64, 'f'));
  for (const Uint256 v : {Uint256{0}, Uint256{1}, Uint256{0x7f}, Uint256{0x80}, Uint256{1} << 64,
                          Uint256::max()}) {
    const Bytes enc = encode_uint(v);  // the Item views its input: keep it alive
    auto item = decode_single(enc);
    ASSERT_TRUE(item.ok());
    auto back = decode_uint256(*item);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, v);
  }
  const Bytes kilo = hex("820400");
  auto small = decode_u64(*decode_single(kilo));
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(*small, 1024u);
}

TEST(Rlp, LongFormsRoundTrip) {
  for (size_t n : {55u, 56u, 255u, 256u, 65535u, 65536u, 100000u}) {
    Bytes data(n, 0xab);
    const Value v = Value::str(data);
    const Bytes enc = encode(v);
    auto back = decode(enc);
    ASSERT_TRUE(back.ok()) << n << ": " << back.error().message;
    EXPECT_EQ(*back, v);
    std::vector<Value> items(n / 8 + 1, str("abcdefg"));  // lists of 8-byte items
    const Value l = Value::list(items);
    auto lback = decode(encode(l));
    ASSERT_TRUE(lback.ok()) << n;
    EXPECT_EQ(*lback, l);
  }
  const Bytes kilo = encode_bytes(Bytes(1024, 0));
  EXPECT_EQ(to_hex(ByteView(kilo).first(3)), "b90400");
}

void expect_rejected(const char* hexs, RlpError code) {
  auto r = decode(hex(hexs));
  ASSERT_FALSE(r.ok()) << hexs;
  EXPECT_EQ(r.error().code, code) << hexs << ": " << r.error().message;
}

TEST(Rlp, RejectsNonCanonicalAndTruncated) {
  expect_rejected("", RlpError::kTruncated);
  expect_rejected("8100", RlpError::kNonCanonicalByte);       // 0x00 must be 00
  expect_rejected("817f", RlpError::kNonCanonicalByte);
  expect_rejected("b801aa", RlpError::kNonCanonicalLength);   // long form for 1 byte
  expect_rejected("b837" "00", RlpError::kNonCanonicalLength); // 55 fits the short form
  expect_rejected("f800", RlpError::kLeadingZeroLength);
  expect_rejected("b90038" "00", RlpError::kLeadingZeroLength);
  expect_rejected("83646f", RlpError::kTruncated);            // "dog" missing a byte
  expect_rejected("b9", RlpError::kTruncated);                 // length cut off
  expect_rejected("bfffffffffffffffff", RlpError::kTruncated); // 2^64-1 bytes announced
  expect_rejected("c3646f", RlpError::kTruncated);
  expect_rejected("83646f6700", RlpError::kTrailingBytes);
  expect_rejected("c28364", RlpError::kTruncated);             // an item overruns its list
  expect_rejected("c1" "81", RlpError::kTruncated);
}

TEST(Rlp, RejectsWrongTypesAndIntegers) {
  const Bytes c0 = hex("c0"), x80 = hex("80");
  auto list = decode_single(c0);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(decode_bytes(*list).error().code, RlpError::kExpectedString);
  auto s = decode_single(x80);
  EXPECT_EQ(decode_list(*s).error().code, RlpError::kExpectedList);
  const Bytes padded = hex("820001"), zero_byte = hex("00"), nine = hex("89010000000000000000");
  const Bytes wide = encode_bytes(Bytes(33, 1));
  EXPECT_EQ(decode_uint256(*decode_single(padded)).error().code,
            RlpError::kLeadingZeroInteger);
  EXPECT_EQ(decode_uint256(*decode_single(zero_byte)).error().code,
            RlpError::kLeadingZeroInteger);  // zero is 0x80, not 0x00
  EXPECT_EQ(decode_uint256(*decode_single(wide)).error().code, RlpError::kIntegerTooLarge);
  EXPECT_EQ(decode_u64(*decode_single(nine)).error().code, RlpError::kIntegerTooLarge);
}

TEST(Rlp, DepthLimit) {
  Value v = kEmptyList;
  for (int i = 0; i < kMaxDepth; ++i) v = Value::list({v});  // kMaxDepth + 1 lists
  auto back = decode(encode(v));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, v);
  v = Value::list({v});
  EXPECT_EQ(decode(encode(v)).error().code, RlpError::kTooDeep);
}

}  // namespace
}  // namespace dusk::rlp
