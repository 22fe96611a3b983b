#include "duskvm/runtime/abi.hpp"

#include <charconv>
#include <limits>
#include <set>

#include "base/json_depth.hpp"
#include "base/leb128.hpp"
#include "base/utf8.hpp"

namespace dusk::vm::abi {

namespace {

using Kind = Type::Kind;

constexpr size_t kMaxNameBytes = 255;
constexpr u64 kMaxSafeJsonInteger = u64{1} << 53;  // beyond it, JSON numbers lose precision

Error fail(const std::string& where, const std::string& what) {
  return Error(where.empty() ? what : where + ": " + what);
}

// ---- the description ----

Result<std::vector<Field>> parse_fields(const Json& j, const std::string& where) {
  std::vector<Field> fields;
  if (j.is_null()) return fields;
  if (!j.is_array()) return fail(where, "must be an array of {\"name\", \"type\"}");
  std::set<std::string> names;
  for (const Json& f : j) {
    if (!f.is_object()) return fail(where, "each field must be an object {\"name\", \"type\"}");
    for (const auto& [key, _] : f.items())
      if (key != "name" && key != "type") return fail(where, "unknown key \"" + key + "\" in a field");
    if (!f.contains("name") || !f["name"].is_string() || f["name"].get_ref<const std::string&>().empty())
      return fail(where, "each field needs a non-empty \"name\"");
    const std::string& name = f["name"].get_ref<const std::string&>();
    if (name.size() > kMaxNameBytes) return fail(where, "field name longer than 255 bytes");
    if (!names.insert(name).second) return fail(where, "field \"" + name + "\" appears twice");
    if (!f.contains("type") || !f["type"].is_string()) return fail(where + "." + name, "needs a \"type\"");
    auto type = Type::parse(f["type"].get_ref<const std::string&>());
    if (!type.ok()) return fail(where + "." + name, type.error().message);
    fields.push_back({name, std::move(type).value()});
  }
  return fields;
}

Status check_keys(const Json& j, std::initializer_list<std::string_view> allowed, const std::string& where) {
  for (const auto& [key, _] : j.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (!known) return fail(where, "unknown key \"" + key + "\"");
  }
  return {};
}

Result<std::string> name_of(const Json& j, const char* key, const std::string& where) {
  if (!j.contains(key) || !j[key].is_string() || j[key].get_ref<const std::string&>().empty())
    return fail(where, std::string("needs a non-empty \"") + key + "\"");
  const std::string& name = j[key].get_ref<const std::string&>();
  if (name.size() > kMaxNameBytes) return fail(where, std::string("\"") + key + "\" longer than 255 bytes");
  return name;
}

// ---- JSON to bytes ----

void put_le(Bytes& out, u64 v, u32 size) {
  for (u32 i = 0; i < size; ++i) out.push_back(static_cast<u8>(v >> (8 * i)));
}

Result<u64> unsigned_of(const Json& v, u32 size, const std::string& where) {
  const u64 max = size == 8 ? ~u64{0} : (u64{1} << (8 * size)) - 1;
  u64 x = 0;
  if (v.is_number_unsigned()) {
    x = v.get<u64>();
  } else if (v.is_number_integer()) {
    return fail(where, "negative, but the type is unsigned");
  } else if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return fail(where, "\"" + s + "\" is not a decimal number in range");
  } else {
    return fail(where, "expected an integer, got " + std::string(v.type_name()) + (v.is_number_float() ? " with a fraction or exponent" : ""));
  }
  if (x > max) return fail(where, std::to_string(x) + " is out of range for u" + std::to_string(8 * size));
  return x;
}

Result<i64> signed_of(const Json& v, u32 size, const std::string& where) {
  const i64 max = size == 8 ? std::numeric_limits<i64>::max() : (i64{1} << (8 * size - 1)) - 1;
  const i64 min = -max - 1;
  i64 x = 0;
  if (v.is_number_unsigned()) {
    if (v.get<u64>() > static_cast<u64>(max)) return fail(where, v.dump() + " is out of range for i" + std::to_string(8 * size));
    x = static_cast<i64>(v.get<u64>());
  } else if (v.is_number_integer()) {
    x = v.get<i64>();
  } else if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return fail(where, "\"" + s + "\" is not a decimal number in range");
  } else {
    return fail(where, "expected an integer, got " + std::string(v.type_name()));
  }
  if (x < min || x > max) return fail(where, std::to_string(x) + " is out of range for i" + std::to_string(8 * size));
  return x;
}

Result<Bytes> hex_of(const Json& v, const std::string& where) {
  if (!v.is_string()) return fail(where, "expected a 0x-prefixed hex string, got " + std::string(v.type_name()));
  const std::string& s = v.get_ref<const std::string&>();
  if (!s.starts_with("0x")) return fail(where, "expected a 0x-prefixed hex string");
  auto b = from_hex(s);
  if (!b.ok()) return fail(where, b.error().message);
  return b;
}

Status encode_value(const Type& t, const Json& v, const std::string& where, Bytes& out) {
  switch (t.kind) {
    case Kind::kBool:
      if (!v.is_boolean()) return fail(where, "expected true or false, got " + std::string(v.type_name()));
      out.push_back(v.get<bool>() ? 1 : 0);
      return {};
    case Kind::kUint: {
      DUSK_ASSIGN(const u64 x, unsigned_of(v, t.size, where));
      put_le(out, x, t.size);
      return {};
    }
    case Kind::kInt: {
      DUSK_ASSIGN(const i64 x, signed_of(v, t.size, where));
      put_le(out, static_cast<u64>(x), t.size);
      return {};
    }
    case Kind::kFixedBytes: {
      DUSK_ASSIGN(const Bytes b, hex_of(v, where));
      if (b.size() != t.size)
        return fail(where, "expected " + std::to_string(t.size) + " bytes, got " + std::to_string(b.size()));
      out.insert(out.end(), b.begin(), b.end());
      return {};
    }
    case Kind::kBytes: {
      DUSK_ASSIGN(const Bytes b, hex_of(v, where));
      put_le(out, b.size(), 4);
      out.insert(out.end(), b.begin(), b.end());
      return {};
    }
    case Kind::kString: {
      if (!v.is_string()) return fail(where, "expected a string, got " + std::string(v.type_name()));
      const std::string& s = v.get_ref<const std::string&>();
      put_le(out, s.size(), 4);
      out.insert(out.end(), s.begin(), s.end());
      return {};
    }
    case Kind::kArray: {
      if (!v.is_array()) return fail(where, "expected an array, got " + std::string(v.type_name()));
      put_le(out, v.size(), 4);
      for (size_t i = 0; i < v.size(); ++i)
        DUSK_TRY(encode_value(*t.element, v[i], where + "[" + std::to_string(i) + "]", out));
      return {};
    }
  }
  return fail(where, "unknown type");
}

// ---- bytes to JSON ----

struct Cursor {
  ByteView bytes;
  size_t at = 0;
  size_t left() const { return bytes.size() - at; }
  bool take(size_t n, ByteView* out) {
    if (n > left()) return false;
    *out = bytes.subspan(at, n);
    at += n;
    return true;
  }
  bool le(u32 size, u64* out) {
    ByteView b;
    if (!take(size, &b)) return false;
    *out = 0;
    for (u32 i = 0; i < size; ++i) *out |= u64{b[i]} << (8 * i);
    return true;
  }
};

Json number_json(u64 magnitude, bool negative) {
  if (magnitude > kMaxSafeJsonInteger)
    return negative ? "-" + std::to_string(magnitude) : std::to_string(magnitude);
  if (negative) return -static_cast<i64>(magnitude);
  return magnitude;
}

Result<Json> decode_value(const Type& t, Cursor& c, const std::string& where) {
  auto short_input = [&] { return fail(where, "the bytes end early"); };
  switch (t.kind) {
    case Kind::kBool: {
      u64 b = 0;
      if (!c.le(1, &b)) return short_input();
      if (b > 1) return fail(where, "a bool must be 0 or 1, got " + std::to_string(b));
      return Json(b == 1);
    }
    case Kind::kUint: {
      u64 x = 0;
      if (!c.le(t.size, &x)) return short_input();
      return number_json(x, false);
    }
    case Kind::kInt: {
      u64 x = 0;
      if (!c.le(t.size, &x)) return short_input();
      const u32 bits = 8 * t.size;
      if (bits < 64 && (x >> (bits - 1)) & 1) x |= ~u64{0} << bits;  // sign-extend
      const i64 v = static_cast<i64>(x);
      const u64 magnitude = v < 0 ? ~static_cast<u64>(v) + 1 : static_cast<u64>(v);
      return number_json(magnitude, v < 0);
    }
    case Kind::kFixedBytes: {
      ByteView b;
      if (!c.take(t.size, &b)) return short_input();
      return Json("0x" + to_hex(b));
    }
    case Kind::kBytes:
    case Kind::kString: {
      u64 n = 0;
      ByteView b;
      if (!c.le(4, &n) || !c.take(n, &b)) return short_input();
      if (t.kind == Kind::kBytes) return Json("0x" + to_hex(b));
      if (!is_valid_utf8(b)) return fail(where, "the string is not valid UTF-8");
      return Json(std::string(reinterpret_cast<const char*>(b.data()), b.size()));
    }
    case Kind::kArray: {
      u64 n = 0;
      if (!c.le(4, &n)) return short_input();
      if (n > c.left()) return short_input();  // every element takes at least a byte
      Json out = Json::array();
      for (u64 i = 0; i < n; ++i) {
        DUSK_ASSIGN(Json e, decode_value(*t.element, c, where + "[" + std::to_string(i) + "]"));
        out.push_back(std::move(e));
      }
      return out;
    }
  }
  return fail(where, "unknown type");
}

}  // namespace

std::string Type::name() const {
  switch (kind) {
    case Kind::kBool: return "bool";
    case Kind::kUint: return "u" + std::to_string(8 * size);
    case Kind::kInt: return "i" + std::to_string(8 * size);
    case Kind::kFixedBytes: return "bytes" + std::to_string(size);
    case Kind::kBytes: return "bytes";
    case Kind::kString: return "string";
    case Kind::kArray: return element->name() + "[]";
  }
  return "?";
}

Result<Type> Type::parse(std::string_view name) {
  Type t;
  if (name.ends_with("[]")) {
    DUSK_ASSIGN(Type element, parse(name.substr(0, name.size() - 2)));
    if (element.kind == Kind::kArray) return Error("arrays of arrays are not supported: " + std::string(name));
    t.kind = Kind::kArray;
    t.element = std::make_shared<const Type>(std::move(element));
    return t;
  }
  static constexpr std::pair<std::string_view, std::pair<Kind, u32>> kNamed[] = {
      {"bool", {Kind::kBool, 1}}, {"u8", {Kind::kUint, 1}},  {"u16", {Kind::kUint, 2}},
      {"u32", {Kind::kUint, 4}},  {"u64", {Kind::kUint, 8}}, {"i8", {Kind::kInt, 1}},
      {"i16", {Kind::kInt, 2}},   {"i32", {Kind::kInt, 4}},  {"i64", {Kind::kInt, 8}},
      {"bytes", {Kind::kBytes, 0}}, {"string", {Kind::kString, 0}},
  };
  for (const auto& [n, kind_size] : kNamed) {
    if (name == n) {
      t.kind = kind_size.first;
      t.size = kind_size.second;
      return t;
    }
  }
  if (name.starts_with("bytes")) {
    const std::string_view digits = name.substr(5);
    u32 n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc() && end == digits.data() + digits.size() && digits[0] != '0' && n >= 1 && n <= 64) {
      t.kind = Kind::kFixedBytes;
      t.size = n;
      return t;
    }
  }
  return Error("unknown type \"" + std::string(name) + "\" (bool, u8..u64, i8..i64, bytes1..bytes64, bytes, string, T[])");
}

const Function* ContractAbi::function(std::string_view name) const {
  for (const Function& f : functions)
    if (f.name == name) return &f;
  return nullptr;
}

const EventType* ContractAbi::event(std::string_view topic) const {
  for (const EventType& e : events)
    if (e.topic == topic) return &e;
  return nullptr;
}

Result<ContractAbi> parse(std::string_view text) {
  if (text.size() > kMaxDescriptionBytes) return Error("the ABI description is longer than 64 KiB");
  // Types do not nest beyond T[], so a description nests 4 levels; allow some slack.
  DUSK_TRY(check_json_depth(text, 16));
  const Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error("the ABI description is not valid JSON");
  if (!j.is_object()) return Error("the ABI description must be a JSON object");
  DUSK_TRY(check_keys(j, {"functions", "events"}, "the ABI description"));
  ContractAbi abi;
  if (j.contains("functions")) {
    const Json& fs = j["functions"];
    if (!fs.is_array()) return Error("\"functions\" must be an array");
    if (fs.size() > kMaxFunctions) return Error("more than 256 functions");
    std::set<std::string> names;
    for (const Json& f : fs) {
      if (!f.is_object()) return Error("each function must be an object");
      DUSK_ASSIGN(std::string name, name_of(f, "name", "a function"));
      const std::string where = "function " + name;
      DUSK_TRY(check_keys(f, {"name", "inputs", "outputs"}, where));
      if (!names.insert(name).second) return Error(where + " appears twice");
      Function fn{name, {}, {}};
      DUSK_ASSIGN(fn.inputs, parse_fields(f.value("inputs", Json()), where + " inputs"));
      DUSK_ASSIGN(fn.outputs, parse_fields(f.value("outputs", Json()), where + " outputs"));
      abi.functions.push_back(std::move(fn));
    }
  }
  if (j.contains("events")) {
    const Json& es = j["events"];
    if (!es.is_array()) return Error("\"events\" must be an array");
    if (es.size() > kMaxFunctions) return Error("more than 256 events");
    std::set<std::string> topics;
    for (const Json& e : es) {
      if (!e.is_object()) return Error("each event must be an object");
      DUSK_ASSIGN(std::string topic, name_of(e, "topic", "an event"));
      const std::string where = "event " + topic;
      DUSK_TRY(check_keys(e, {"topic", "fields"}, where));
      if (!topics.insert(topic).second) return Error(where + " appears twice");
      EventType ev{topic, {}};
      DUSK_ASSIGN(ev.fields, parse_fields(e.value("fields", Json()), where));
      abi.events.push_back(std::move(ev));
    }
  }
  return abi;
}

Json to_json(const ContractAbi& abi) {
  auto fields = [](const std::vector<Field>& fs) {
    Json out = Json::array();
    for (const Field& f : fs) out.push_back({{"name", f.name}, {"type", f.type.name()}});
    return out;
  };
  Json j = {{"functions", Json::array()}, {"events", Json::array()}};
  for (const Function& f : abi.functions)
    j["functions"].push_back({{"name", f.name}, {"inputs", fields(f.inputs)}, {"outputs", fields(f.outputs)}});
  for (const EventType& e : abi.events) j["events"].push_back({{"topic", e.topic}, {"fields", fields(e.fields)}});
  return j;
}

Result<std::optional<ContractAbi>> of_module(const wasm::Module& module) {
  const Bytes* section = module.custom_section(kSectionName);
  if (!section) return std::optional<ContractAbi>();
  auto abi = parse(std::string_view(reinterpret_cast<const char*>(section->data()), section->size()));
  if (!abi.ok()) return Error("the contract's ABI description: " + abi.error().message);
  for (const Function& f : abi->functions) {
    bool found = false;
    for (const wasm::Export& e : module.exports()) {
      if (e.kind != wasm::ExternKind::kFunc || e.name != f.name) continue;
      const wasm::FuncType& t = module.func_type(e.index);
      found = t.params == std::vector<wasm::ValType>{wasm::ValType::kI32} &&
              t.results == std::vector<wasm::ValType>{wasm::ValType::kI32};
    }
    if (!found)
      return Error("the contract's ABI description names " + f.name +
                   ", which is not an exported entry point of type (i32) -> i32");
  }
  return std::optional<ContractAbi>(std::move(abi).value());
}

Result<Bytes> attach(ByteView wasm, std::string_view description) {
  {
    auto m = wasm::compile(wasm);
    if (!m.ok()) return Error("the module does not compile: " + m.error().message);
  }
  // The module's sections but its dusk-abi ones (the compile above checked the framing).
  Bytes out(wasm.begin(), wasm.begin() + 8);
  const u8* p = wasm.data() + 8;
  const u8* const end = wasm.data() + wasm.size();
  while (p < end) {
    const u8* const section = p++;
    u64 size = 0, name_len = 0;
    if (leb128::read_unsigned(&p, end, 32, &size) != leb128::ReadStatus::kOk) return Error("malformed section");
    const u8* const body = p;
    p += size;
    if (*section == 0) {
      const u8* q = body;
      if (leb128::read_unsigned(&q, p, 32, &name_len) != leb128::ReadStatus::kOk) return Error("malformed custom section");
      if (std::string_view(reinterpret_cast<const char*>(q), name_len) == kSectionName) continue;
    }
    out.insert(out.end(), section, p);
  }
  u8 leb[10];
  Bytes payload(leb, leb + leb128::write_unsigned(kSectionName.size(), leb));
  payload.insert(payload.end(), kSectionName.begin(), kSectionName.end());
  payload.insert(payload.end(), description.begin(), description.end());
  out.push_back(0);
  out.insert(out.end(), leb, leb + leb128::write_unsigned(payload.size(), leb));
  out.insert(out.end(), payload.begin(), payload.end());
  // The result, checked as a deploy would check it.
  auto m = wasm::compile(out);
  if (!m.ok()) return Error("the module does not compile with the section: " + m.error().message);
  DUSK_TRY(of_module(**m));
  return out;
}

Result<Bytes> encode(const std::vector<Field>& fields, const Json& value) {
  Bytes out;
  if (value.is_null() || (value.is_object() && value.empty() && fields.empty()) ||
      (value.is_array() && value.empty() && fields.empty())) {
    if (!fields.empty()) return Error("the argument needs " + std::to_string(fields.size()) + " fields");
    return out;
  }
  if (value.is_array()) {
    if (value.size() != fields.size())
      return Error("expected " + std::to_string(fields.size()) + " values in order, got " + std::to_string(value.size()));
    for (size_t i = 0; i < fields.size(); ++i) DUSK_TRY(encode_value(fields[i].type, value[i], fields[i].name, out));
    return out;
  }
  if (!value.is_object()) return Error("the argument must be a JSON object or array, got " + std::string(value.type_name()));
  for (const auto& [key, _] : value.items()) {
    bool known = false;
    for (const Field& f : fields) known = known || f.name == key;
    if (!known) return Error("no field \"" + key + "\"");
  }
  for (const Field& f : fields) {
    if (!value.contains(f.name)) return Error("missing field \"" + f.name + "\" (" + f.type.name() + ")");
    DUSK_TRY(encode_value(f.type, value[f.name], f.name, out));
  }
  return out;
}

Result<Json> decode(const std::vector<Field>& fields, ByteView bytes) {
  Cursor c{bytes};
  Json out = Json::object();
  for (const Field& f : fields) {
    DUSK_ASSIGN(Json v, decode_value(f.type, c, f.name));
    out[f.name] = std::move(v);
  }
  if (c.left()) return Error(std::to_string(c.left()) + " bytes left after the last field");
  return out;
}

}  // namespace dusk::vm::abi
