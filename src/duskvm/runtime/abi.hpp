// Contract ABI descriptions (docs/contract-abi.md): what a contract says about its entry
// points and events, in the custom section "dusk-abi" of its code, and the encoding of
// arguments, results and event data between JSON and bytes that follows from it.
//
//   auto abi = abi::parse(json_text);                       // or abi::of_module(module)
//   const abi::Function* f = abi->function("transfer");
//   auto arg = abi::encode(f->inputs, Json::parse(R"({"to": "0x..", "amount": 5})"));
//   auto result = abi::decode(f->outputs, receipt.result);  // {"balance": 95}
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "duskvm/engine/module.hpp"

namespace dusk::vm::abi {

using Json = nlohmann::ordered_json;  // keeps the order of fields in what we print

inline constexpr std::string_view kSectionName = "dusk-abi";
inline constexpr size_t kMaxDescriptionBytes = 64 * 1024;
inline constexpr size_t kMaxFunctions = 256;

struct Type {
  enum class Kind { kBool, kUint, kInt, kFixedBytes, kBytes, kString, kArray };
  Kind kind = Kind::kBool;
  u32 size = 0;                         // ints: bytes (1, 2, 4, 8); fixed bytes: N
  std::shared_ptr<const Type> element;  // arrays

  // Its name as the description writes it ("u64", "bytes32", "string[]").
  std::string name() const;
  // The type of that name; fails for unknown names and arrays of arrays.
  static Result<Type> parse(std::string_view name);
};

struct Field {
  std::string name;
  Type type;
};

struct Function {
  std::string name;
  std::vector<Field> inputs, outputs;
};

struct EventType {
  std::string topic;
  std::vector<Field> fields;
};

struct ContractAbi {
  std::vector<Function> functions;
  std::vector<EventType> events;

  const Function* function(std::string_view name) const;
  const EventType* event(std::string_view topic) const;
};

// A description, checked: JSON of the documented shape, at most kMaxDescriptionBytes and
// kMaxFunctions, names unique, types known, no unknown keys.
Result<ContractAbi> parse(std::string_view json);

// A description as JSON again (what parse reads; optional parts written out).
Json to_json(const ContractAbi& abi);

// The description a module carries, checked against it (every function an export of
// type (i32) -> i32, or init, or migrate); nullopt when it carries none.
Result<std::optional<ContractAbi>> of_module(const wasm::Module& module);

// `wasm` with `description` as its dusk-abi section (replacing any it had), after
// checking that the module compiles and the description fits it: how a toolchain that
// cannot emit custom sections ships a description (dusk-vm attach-abi).
Result<Bytes> attach(ByteView wasm, std::string_view description);

// `value`: an object naming every field, or an array of them in order (for no fields:
// {}, [] or null). Errors name the field and say what is wrong.
Result<Bytes> encode(const std::vector<Field>& fields, const Json& value);
// An object naming every field; fails when the bytes do not match exactly.
Result<Json> decode(const std::vector<Field>& fields, ByteView bytes);

}  // namespace dusk::vm::abi
