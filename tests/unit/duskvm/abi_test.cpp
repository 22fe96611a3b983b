// Contract ABI descriptions (src/duskvm/runtime/abi.hpp, docs/contract-abi.md): parsing
// and its refusals, the encoding of every type both ways and its errors, the description
// carried in a module's custom section and checked at deploy, and Session::abi.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "duskvm/runtime/abi.hpp"
#include "duskvm/runtime/session.hpp"

namespace dusk::vm::abi {
namespace {

namespace fs = std::filesystem;

const char* kToken = R"({
  "functions": [
    {"name": "transfer",
     "inputs": [{"name": "to", "type": "bytes32"}, {"name": "amount", "type": "u64"}],
     "outputs": [{"name": "balance", "type": "u64"}]},
    {"name": "get", "outputs": [{"name": "count", "type": "u32"}]}
  ],
  "events": [{"topic": "count", "fields": [{"name": "value", "type": "u32"}]}]
})";

std::vector<Field> fields(const char* types_json) {
  auto abi = parse(std::string(R"({"functions":[{"name":"f","inputs":)") + types_json + "}]}");
  EXPECT_TRUE(abi.ok()) << abi.error().message;
  return abi.ok() ? abi->functions[0].inputs : std::vector<Field>{};
}

std::string error_of(const Result<Bytes>& r) { return r.ok() ? "(ok)" : r.error().message; }

TEST(AbiTest, ParsesADescription) {
  auto abi = parse(kToken);
  ASSERT_TRUE(abi.ok()) << abi.error().message;
  ASSERT_EQ(abi->functions.size(), 2u);
  const Function* t = abi->function("transfer");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->inputs.size(), 2u);
  EXPECT_EQ(t->inputs[0].name, "to");
  EXPECT_EQ(t->inputs[0].type.name(), "bytes32");
  EXPECT_EQ(t->inputs[1].type.name(), "u64");
  EXPECT_TRUE(abi->function("get")->inputs.empty());
  EXPECT_EQ(abi->function("nothing"), nullptr);
  ASSERT_NE(abi->event("count"), nullptr);
  EXPECT_EQ(abi->event("count")->fields[0].type.name(), "u32");
  for (const char* name : {"bool", "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "bytes1", "bytes64", "bytes",
                           "string", "u64[]", "bytes32[]", "string[]"}) {
    auto type = Type::parse(name);
    ASSERT_TRUE(type.ok()) << name;
    EXPECT_EQ(type->name(), name);
  }
}

TEST(AbiTest, RefusesBadDescriptions) {
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "not valid JSON"},
      {"[]", "must be a JSON object"},
      {R"({"functions": [], "extra": 1})", "unknown key \"extra\""},
      {R"({"functions": [{"name": "f", "inputs": [{"name": "a", "type": "u128"}]}]})", "unknown type \"u128\""},
      {R"({"functions": [{"name": "f", "inputs": [{"name": "a", "type": "bytes65"}]}]})", "unknown type"},
      {R"({"functions": [{"name": "f", "inputs": [{"name": "a", "type": "bytes0"}]}]})", "unknown type"},
      {R"({"functions": [{"name": "f", "inputs": [{"name": "a", "type": "bytes08"}]}]})", "unknown type"},
      {R"({"functions": [{"name": "f", "inputs": [{"name": "a", "type": "u8[][]"}]}]})", "arrays of arrays"},
      {R"({"functions": [{"name": "f"}, {"name": "f"}]})", "appears twice"},
      {R"({"functions": [{"name": "f", "inputs": [{"name": "a", "type": "u8"}, {"name": "a", "type": "u8"}]}]})",
       "\"a\" appears twice"},
      {R"({"functions": [{"name": ""}]})", "non-empty \"name\""},
      {R"({"functions": [{"name": "f", "input": []}]})", "unknown key \"input\""},
      {R"({"functions": [{"name": "f", "inputs": [{"name": "a"}]}]})", "needs a \"type\""},
      {R"({"events": [{"topic": "t", "fields": {}}]})", "must be an array"},
      {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "nested deeper"},
  };
  for (const auto& [text, why] : cases) {
    auto abi = parse(text);
    ASSERT_FALSE(abi.ok()) << text;
    EXPECT_NE(abi.error().message.find(why), std::string::npos) << text << ": " << abi.error().message;
  }
  std::string many = R"({"functions": [)";
  for (int i = 0; i <= 256; ++i) many += std::string(i ? "," : "") + R"({"name": "f)" + std::to_string(i) + "\"}";
  EXPECT_FALSE(parse(many + "]}").ok());
}

TEST(AbiTest, EncodesEveryTypeBothWays) {
  const auto fs = fields(R"([{"name": "b", "type": "bool"}, {"name": "x", "type": "u16"},
      {"name": "y", "type": "i32"}, {"name": "big", "type": "u64"}, {"name": "neg", "type": "i64"},
      {"name": "id", "type": "bytes4"}, {"name": "data", "type": "bytes"}, {"name": "s", "type": "string"},
      {"name": "list", "type": "u8[]"}])");
  const Json value = Json::parse(R"({"b": true, "x": 513, "y": -2, "big": "18446744073709551615",
      "neg": -9007199254740993, "id": "0x01020304", "data": "0xabcd", "s": "héllo", "list": [1, 2, 255]})");
  auto bytes = encode(fs, value);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  const Bytes expected = [] {
    Bytes e = {1, 0x01, 0x02, 0xfe, 0xff, 0xff, 0xff};
    for (int i = 0; i < 8; ++i) e.push_back(0xff);
    const u64 neg = static_cast<u64>(-9007199254740993LL);
    for (int i = 0; i < 8; ++i) e.push_back(static_cast<u8>(neg >> (8 * i)));
    const Bytes rest = {1, 2, 3, 4, 2, 0, 0, 0, 0xab, 0xcd, 6, 0, 0, 0, 'h', 0xc3, 0xa9, 'l', 'l', 'o', 3, 0, 0, 0, 1, 2, 255};
    e.insert(e.end(), rest.begin(), rest.end());
    return e;
  }();
  EXPECT_EQ(*bytes, expected);
  auto back = decode(fs, *bytes);
  ASSERT_TRUE(back.ok()) << back.error().message;
  // Numbers beyond 2^53 come back as strings; the rest as they went in.
  EXPECT_EQ(back->dump(), R"({"b":true,"x":513,"y":-2,"big":"18446744073709551615","neg":"-9007199254740993",)"
                          R"("id":"0x01020304","data":"0xabcd","s":"héllo","list":[1,2,255]})");
  // In order, as an array, the same bytes.
  auto ordered = encode(fs, Json::parse(R"([true, 513, -2, "18446744073709551615", -9007199254740993,
      "0x01020304", "0xabcd", "héllo", [1, 2, 255]])"));
  ASSERT_TRUE(ordered.ok()) << ordered.error().message;
  EXPECT_EQ(*ordered, expected);
  // No fields: {}, [] or null, and nothing comes out.
  for (const char* empty : {"{}", "[]", "null"}) {
    auto e = encode({}, Json::parse(empty));
    ASSERT_TRUE(e.ok()) << empty;
    EXPECT_TRUE(e->empty());
  }
  EXPECT_EQ(decode({}, {})->dump(), "{}");
}

TEST(AbiTest, EncodingErrorsNameTheField) {
  const auto fs = fields(R"([{"name": "n", "type": "u8"}, {"name": "id", "type": "bytes2"}])");
  auto with = [&](const char* json) { return error_of(encode(fs, Json::parse(json))); };
  EXPECT_NE(with(R"({"n": 256, "id": "0x0102"})").find("n: 256 is out of range for u8"), std::string::npos);
  EXPECT_NE(with(R"({"n": -1, "id": "0x0102"})").find("n: negative"), std::string::npos);
  EXPECT_NE(with(R"({"n": 1.5, "id": "0x0102"})").find("n: expected an integer"), std::string::npos);
  EXPECT_NE(with(R"({"n": "12x", "id": "0x0102"})").find("not a decimal number"), std::string::npos);
  EXPECT_NE(with(R"({"n": 1, "id": "0x01"})").find("id: expected 2 bytes, got 1"), std::string::npos);
  EXPECT_NE(with(R"({"n": 1, "id": "0102"})").find("0x-prefixed"), std::string::npos);
  EXPECT_NE(with(R"({"n": 1, "id": "0xzz01"})").find("id:"), std::string::npos);
  EXPECT_NE(with(R"({"n": 1})").find("missing field \"id\" (bytes2)"), std::string::npos);
  EXPECT_NE(with(R"({"n": 1, "id": "0x0102", "x": 0})").find("no field \"x\""), std::string::npos);
  EXPECT_NE(with(R"([1])").find("expected 2 values"), std::string::npos);
  EXPECT_NE(with(R"("text")").find("object or array"), std::string::npos);
  const auto signed8 = fields(R"([{"name": "v", "type": "i8"}])");
  EXPECT_TRUE(encode(signed8, Json::parse(R"({"v": -128})")).ok());
  EXPECT_FALSE(encode(signed8, Json::parse(R"({"v": -129})")).ok());
  EXPECT_FALSE(encode(signed8, Json::parse(R"({"v": 128})")).ok());
}

TEST(AbiTest, DecodingRefusesWhatDoesNotMatch) {
  const auto fs = fields(R"([{"name": "b", "type": "bool"}, {"name": "s", "type": "string"}])");
  EXPECT_TRUE(decode(fs, Bytes{1, 1, 0, 0, 0, 'a'}).ok());
  EXPECT_FALSE(decode(fs, Bytes{2, 1, 0, 0, 0, 'a'}).ok());             // a bool of 2
  EXPECT_FALSE(decode(fs, Bytes{1, 2, 0, 0, 0, 'a'}).ok());             // ends early
  EXPECT_FALSE(decode(fs, Bytes{1, 1, 0, 0, 0, 'a', 0}).ok());          // a byte left over
  EXPECT_FALSE(decode(fs, Bytes{1, 2, 0, 0, 0, 0xc3, 0x28}).ok());      // not UTF-8
  const auto list = fields(R"([{"name": "l", "type": "u32[]"}])");
  EXPECT_FALSE(decode(list, Bytes{0xff, 0xff, 0xff, 0xff, 0}).ok());    // a count beyond the bytes
  EXPECT_EQ(decode(list, Bytes{1, 0, 0, 0, 7, 0, 0, 0})->dump(), R"({"l":[7]})");
}

// The counter test contract with a custom section appended.
Bytes with_section(Bytes wasm, std::string_view name, std::string_view contents) {
  Bytes payload;
  payload.push_back(static_cast<u8>(name.size()));
  payload.insert(payload.end(), name.begin(), name.end());
  payload.insert(payload.end(), contents.begin(), contents.end());
  wasm.push_back(0);
  for (u64 n = payload.size();;) {  // LEB128 size
    const u8 b = n & 0x7f;
    n >>= 7;
    wasm.push_back(static_cast<u8>(b | (n ? 0x80 : 0)));
    if (!n) break;
  }
  wasm.insert(wasm.end(), payload.begin(), payload.end());
  return wasm;
}

Bytes counter_code() {
  std::ifstream in(DUSK_CONTRACTS_DIR "/counter.wasm", std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(AbiTest, TravelsInTheCodeAndIsCheckedAtDeploy) {
  const fs::path dir = fs::temp_directory_path() / ("dusk-abi-" + std::to_string(getpid()));
  fs::remove_all(dir);
  {
    auto store = StateStore::open(dir.string());
    ASSERT_TRUE(store.ok());
    auto session = Session::open(**store, Hash256{});
    ASSERT_TRUE(session.ok());
    const char* described = R"({"functions": [
        {"name": "init", "inputs": [{"name": "start", "type": "u32"}]},
        {"name": "get", "outputs": [{"name": "count", "type": "u32"}]}],
      "events": [{"topic": "count", "fields": [{"name": "value", "type": "u32"}]}]})";
    const Receipt d = (*session)->deploy(with_section(counter_code(), kSectionName, described), {}, 0, Bytes{5, 0, 0, 0},
                                         10'000'000);
    ASSERT_TRUE(d.ok) << d.error;
    auto abi = (*session)->abi(*d.deployed);
    ASSERT_TRUE(abi.ok() && abi->has_value());
    const Receipt r = (*session)->call(*d.deployed, "get", {}, 10'000'000);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(decode((*abi)->function("get")->outputs, r.result)->dump(), R"({"count":5})");
    // Without a section: no description. With a bad one, or one naming what the code
    // does not export, the deploy is refused.
    const Receipt plain = (*session)->deploy(counter_code(), {}, 1, {}, 10'000'000);
    ASSERT_TRUE(plain.ok);
    EXPECT_FALSE((*session)->abi(*plain.deployed)->has_value());
    Receipt bad = (*session)->deploy(with_section(counter_code(), kSectionName, "{"), {}, 2, {}, 10'000'000);
    EXPECT_FALSE(bad.ok);
    EXPECT_NE(bad.error.find("ABI description"), std::string::npos) << bad.error;
    bad = (*session)->deploy(with_section(counter_code(), kSectionName, R"({"functions": [{"name": "burn"}]})"), {}, 3,
                             {}, 10'000'000);
    EXPECT_FALSE(bad.ok);
    EXPECT_NE(bad.error.find("burn, which is not an exported entry point"), std::string::npos) << bad.error;
    // Another custom section is no description.
    const Receipt other = (*session)->deploy(with_section(counter_code(), "name", "x"), {}, 4, {}, 10'000'000);
    ASSERT_TRUE(other.ok) << other.error;
    EXPECT_FALSE((*session)->abi(*other.deployed)->has_value());
  }
  fs::remove_all(dir);
}

TEST(AbiTest, AttachReplacesTheSection) {
  const char* first = R"({"functions": [{"name": "get", "outputs": [{"name": "count", "type": "u32"}]}]})";
  const char* second = R"({"functions": [{"name": "get", "outputs": [{"name": "n", "type": "u32"}]}]})";
  auto once = attach(counter_code(), first);
  ASSERT_TRUE(once.ok()) << once.error().message;
  auto twice = attach(*once, second);
  ASSERT_TRUE(twice.ok()) << twice.error().message;
  auto m = wasm::compile(*twice);
  ASSERT_TRUE(m.ok());
  auto abi = of_module(**m);
  ASSERT_TRUE(abi.ok() && abi->has_value());
  EXPECT_EQ((*abi)->function("get")->outputs[0].name, "n");
  // One section, not two: the second attach is as long as attaching to the original.
  EXPECT_EQ(twice->size(), attach(counter_code(), second)->size());
  // Refusals: a bad description, one that names a missing export, code that is no module.
  EXPECT_FALSE(attach(counter_code(), "{").ok());
  EXPECT_FALSE(attach(counter_code(), R"({"functions": [{"name": "burn"}]})").ok());
  EXPECT_FALSE(attach(Bytes{1, 2, 3}, first).ok());
}

}  // namespace
}  // namespace dusk::vm::abi
