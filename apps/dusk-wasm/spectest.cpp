#include "spectest.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "base/json_depth.hpp"
#include "duskvm/engine/linker.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "read_file.hpp"
#include "spec_value.hpp"
#include "spectest_module.hpp"

namespace dusk::wasm_cli {

using nlohmann::json;

namespace {

// Without --verbose, a broken engine should not bury the summary: print at most this
// many failures per file and then how many more there were.
constexpr u64 kMaxPrintedFailures = 100;

struct Tally {
  u64 passed = 0;
  u64 failed = 0;
  std::map<std::string, u64> skipped;  // by kind
};

// The outcome of an action: either the harness could not perform it (`error`, e.g.
// an unknown export), or the engine ran it (`exec`, and `results` when it returned).
struct Outcome {
  std::string error;
  wasm::ExecResult exec;
  std::vector<wasm::Value> results;

  std::string describe() const {
    if (!error.empty()) return error;
    if (!exec.ok()) return "trap: " + exec.describe();
    std::string s = "(";
    for (size_t i = 0; i < results.size(); ++i) s += (i ? " " : "") + describe_value(results[i]);
    return s + ")";
  }
};

std::string directory_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

std::string str(const json& c, const char* key) {
  auto it = c.find(key);
  return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class ScriptRunner {
 public:
  ScriptRunner(std::string path, bool verbose, Tally* tally)
      : path_(std::move(path)), dir_(directory_of(path_)), verbose_(verbose), tally_(tally), store_(config_) {
    define_spectest_module(store_, linker_, verbose_);
  }

  void run() {
    source_ = path_;
    auto bytes = read_file(path_);
    if (!bytes) return script_error(bytes.error().message);
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    // Before parsing: walks over the parsed value recurse once per level.
    if (Status depth = check_json_depth(text, kMaxScriptDepth); !depth) return script_error(depth.error().message);
    json script;
    try {
      script = json::parse(text);
    } catch (const json::exception& e) {
      return script_error(std::string("not a JSON spec-test script: ") + e.what());
    }
    if (script.contains("source_filename") && script["source_filename"].is_string()) {
      source_ = script["source_filename"].get<std::string>();
    }
    const json& commands = script.contains("commands") ? script["commands"] : json();
    if (!commands.is_array()) return script_error("no \"commands\" array");
    for (const json& c : commands) {
      try {
        run_command(c);
      } catch (const json::exception& e) {
        fail(c, "a well-formed command", std::string("malformed command: ") + e.what());
      }
    }
    if (verbose_) {
      std::printf("%s: %llu passed, %llu failed\n", path_.c_str(), static_cast<unsigned long long>(passed_),
                  static_cast<unsigned long long>(failed_));
    } else if (failed_ > kMaxPrintedFailures) {
      std::printf("%s: ... and %llu more failures\n", source_.c_str(),
                  static_cast<unsigned long long>(failed_ - kMaxPrintedFailures));
    }
  }

 private:
  void run_command(const json& c) {
    const std::string type = str(c, "type");
    if (type == "module") return on_module(c);
    if (type == "register") return on_register(c);
    if (type == "action") return on_action(c);
    if (type == "assert_return") return on_assert_return(c);
    if (type == "assert_trap") return on_assert_trap(c);
    if (type == "assert_exhaustion") return on_assert_exhaustion(c);
    if (type == "assert_invalid" || type == "assert_malformed") return on_assert_rejected(c, type);
    if (type == "assert_unlinkable") return on_assert_unlinkable(c);
    if (type == "assert_uninstantiable") return on_assert_uninstantiable(c);
    skip(c, type.empty() ? "(no type)" : type);
  }

  // --- commands -----------------------------------------------------------------------

  void on_module(const json& c) {
    current_ = nullptr;  // a module that fails leaves no current module behind
    auto module = load(c);
    if (!module) return fail(c, "module instantiates", module.error().message);
    auto inst = instantiate(*module);
    if (!inst) return fail(c, "module instantiates", inst.error().message);
    current_ = *inst;
    if (const std::string name = str(c, "name"); !name.empty()) named_[name] = current_;
    pass();
  }

  void on_register(const json& c) {
    const std::string name = str(c, "name");
    wasm::Instance* inst = name.empty() ? current_ : lookup(name);
    if (inst == nullptr) return fail(c, "a module to register", "no module " + (name.empty() ? "instantiated" : name));
    linker_.define_instance(str(c, "as"), *inst);
    pass();
  }

  void on_action(const json& c) {
    Outcome out = perform(c.at("action"));
    if (!out.error.empty() || !out.exec.ok()) return fail(c, "no trap", out.describe());
    check_results(c, out);
  }

  void on_assert_return(const json& c) {
    Outcome out = perform(c.at("action"));
    if (!out.error.empty() || !out.exec.ok()) return fail(c, expected_results(c), out.describe());
    check_results(c, out);
  }

  void on_assert_trap(const json& c) {
    const std::string text = str(c, "text");
    if (!c.contains("action")) return expect_instantiation_trap(c, text);
    Outcome out = perform(c.at("action"));
    if (!out.error.empty() || out.exec.ok()) return fail(c, "trap: " + text, out.describe());
    note_message(c, text, out.exec.describe());
    pass();
  }

  void on_assert_exhaustion(const json& c) {
    const std::string text = str(c, "text");
    Outcome out = perform(c.at("action"));
    if (!out.error.empty() || out.exec.trap != wasm::Trap::kCallStackExhausted) {
      return fail(c, "trap: " + text, out.describe());
    }
    note_message(c, text, out.exec.describe());
    pass();
  }

  // assert_invalid and assert_malformed: the binary must not compile.
  void on_assert_rejected(const json& c, const std::string& type) {
    if (str(c, "module_type") == "text") return skip(c, type + " (text)");
    auto bytes = read_module_bytes(c);
    if (!bytes) return fail(c, "compile error: " + str(c, "text"), bytes.error().message);
    auto module = wasm::compile(*bytes, config_);
    if (module) return fail(c, "compile error: " + str(c, "text"), "module compiled");
    note_message(c, str(c, "text"), module.error().message);
    pass();
  }

  void on_assert_unlinkable(const json& c) {
    const std::string expected = "link error: " + str(c, "text");
    auto module = load(c);
    if (!module) return fail(c, expected, module.error().message);
    auto imports = linker_.resolve(**module);
    if (!imports) {
      note_message(c, str(c, "text"), imports.error().message);
      return pass();
    }
    auto inst = store_.instantiate(*module, *imports);
    if (inst) return fail(c, expected, "module instantiated");
    if (inst.error().code != wasm::InstantiateError::kLinkError) return fail(c, expected, inst.error().message);
    note_message(c, str(c, "text"), inst.error().message);
    pass();
  }

  void on_assert_uninstantiable(const json& c) { expect_instantiation_trap(c, str(c, "text")); }

  void expect_instantiation_trap(const json& c, const std::string& text) {
    const std::string expected = "instantiation trap: " + text;
    auto module = load(c);
    if (!module) return fail(c, expected, module.error().message);
    auto imports = linker_.resolve(**module);
    if (!imports) return fail(c, expected, imports.error().message);
    auto inst = store_.instantiate(*module, *imports);
    if (inst) return fail(c, expected, "module instantiated");
    if (inst.error().code != wasm::InstantiateError::kInstantiationTrap) return fail(c, expected, inst.error().message);
    note_message(c, text, inst.error().message);
    pass();
  }

  // --- helpers ------------------------------------------------------------------------

  Result<Bytes> read_module_bytes(const json& c) {
    const std::string file = str(c, "filename");
    if (file.empty()) return Error("command has no module file");
    return read_file(dir_ + "/" + file);
  }

  Result<std::shared_ptr<const wasm::Module>> load(const json& c) {
    DUSK_ASSIGN(Bytes bytes, read_module_bytes(c));
    auto module = wasm::compile(bytes, config_);
    if (!module) return Error("compile error: " + module.error().message);
    return std::move(module).value();
  }

  Result<wasm::Instance*> instantiate(const std::shared_ptr<const wasm::Module>& module) {
    auto imports = linker_.resolve(*module);
    if (!imports) return Error("link error: " + imports.error().message);
    auto inst = store_.instantiate(module, *imports);
    if (!inst) {
      const char* kind = inst.error().code == wasm::InstantiateError::kInstantiationTrap ? "instantiation trap: " : "link error: ";
      return Error(kind + inst.error().message);
    }
    return *inst;
  }

  wasm::Instance* lookup(const std::string& name) {
    auto it = named_.find(name);
    return it == named_.end() ? nullptr : it->second;
  }

  Outcome perform(const json& action) {
    Outcome out;
    const std::string module_name = str(action, "module");
    wasm::Instance* inst = module_name.empty() ? current_ : lookup(module_name);
    if (inst == nullptr) {
      out.error = module_name.empty() ? "no module instantiated" : "unknown module " + module_name;
      return out;
    }
    const std::string field = str(action, "field");
    const std::string type = str(action, "type");
    if (type == "get") {
      const wasm::Extern* ext = inst->find_export(field);
      wasm::GlobalInst* global = ext ? ext->as_global() : nullptr;
      if (global == nullptr) out.error = "no exported global \"" + field + "\"";
      else out.results.push_back(global->get());
      return out;
    }
    if (type != "invoke") {
      out.error = "unknown action type \"" + type + "\"";
      return out;
    }
    wasm::FuncInst* f = inst->exported_func(field);
    if (f == nullptr) {
      out.error = "no exported function \"" + field + "\"";
      return out;
    }
    std::vector<wasm::Value> args;
    for (const json& a : action.value("args", json::array())) {
      auto v = parse_spec_arg(str(a, "type"), str(a, "value"));
      if (!v) {
        out.error = "bad argument: " + v.error().message;
        return out;
      }
      args.push_back(*v);
    }
    if (args.size() != f->type().params.size()) {
      out.error = "\"" + field + "\" takes " + std::to_string(f->type().params.size()) + " arguments, script passes " +
                  std::to_string(args.size());
      return out;
    }
    out.exec = store_.invoke(f, args, &out.results);
    return out;
  }

  std::string expected_results(const json& c) {
    std::string s = "(";
    bool first = true;
    for (const json& e : c.value("expected", json::array())) {
      auto exp = parse_spec_expected(str(e, "type"), str(e, "value"));
      s += (first ? "" : " ") + (exp ? exp->to_string() : "?" + str(e, "type"));
      first = false;
    }
    return s + ")";
  }

  void check_results(const json& c, const Outcome& out) {
    const json expected = c.value("expected", json::array());
    bool ok = expected.size() == out.results.size();
    for (size_t i = 0; ok && i < expected.size(); ++i) {
      auto exp = parse_spec_expected(str(expected[i], "type"), str(expected[i], "value"));
      if (!exp) return fail(c, "a well-formed expectation", exp.error().message);
      ok = exp->matches(out.results[i]);
    }
    if (!ok) return fail(c, expected_results(c), out.describe());
    pass();
  }

  // With --verbose, shows the suite's expected message next to ours.
  void note_message(const json& c, const std::string& expected, const std::string& ours) {
    if (!verbose_) return;
    const bool same = ours.find(expected) != std::string::npos;
    std::printf("%s:%lld: %s: expected \"%s\", got \"%s\"%s\n", source_.c_str(), line(c), str(c, "type").c_str(),
                expected.c_str(), ours.c_str(), same ? "" : " (message differs)");
  }

  static long long line(const json& c) {
    auto it = c.find("line");
    return it != c.end() && it->is_number_integer() ? it->get<long long>() : 0;
  }

  void pass() {
    ++passed_;
    ++tally_->passed;
  }

  void fail(const json& c, const std::string& expected, const std::string& got) {
    ++failed_;
    ++tally_->failed;
    if (!verbose_ && failed_ > kMaxPrintedFailures) return;
    std::printf("%s:%lld: %s: expected %s, got %s\n", source_.c_str(), line(c), str(c, "type").c_str(),
                expected.c_str(), got.c_str());
  }

  void skip(const json& c, const std::string& kind) {
    ++tally_->skipped[kind];
    if (verbose_) std::printf("%s:%lld: skipped %s\n", source_.c_str(), line(c), kind.c_str());
  }

  void script_error(const std::string& message) {
    ++failed_;
    ++tally_->failed;
    std::printf("%s: error: %s\n", path_.c_str(), message.c_str());
  }

  std::string path_;
  std::string dir_;
  std::string source_;  // the .wast the script came from, for messages
  bool verbose_;
  Tally* tally_;
  wasm::EngineConfig config_;
  wasm::Store store_;
  wasm::Linker linker_;
  std::map<std::string, wasm::Instance*> named_;
  wasm::Instance* current_ = nullptr;
  u64 passed_ = 0;
  u64 failed_ = 0;
};

}  // namespace

int run_spectest(const SpecTestOptions& options) {
  Tally tally;
  for (const std::string& file : options.files) {
    ScriptRunner(file, options.verbose, &tally).run();
    std::fflush(stdout);
  }
  u64 skipped = 0;
  std::string kinds;
  for (const auto& [kind, n] : tally.skipped) {
    skipped += n;
    kinds += (kinds.empty() ? "" : ", ") + kind + ": " + std::to_string(n);
  }
  std::printf("%llu skipped%s%s%s\n", static_cast<unsigned long long>(skipped), kinds.empty() ? "" : " (",
              kinds.c_str(), kinds.empty() ? "" : ")");
  std::printf("%llu passed, %llu failed\n", static_cast<unsigned long long>(tally.passed),
              static_cast<unsigned long long>(tally.failed));
  return tally.failed == 0 ? 0 : 1;
}

}  // namespace dusk::wasm_cli
