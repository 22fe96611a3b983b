// dusk-wasm: the standalone WebAssembly tool. Parses the command line and dispatches to
// `run` (run.hpp) or `spectest` (spectest.hpp).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "dump.hpp"
#include "run.hpp"
#include "spectest.hpp"
#include "value_text.hpp"

namespace {

using dusk::wasm_cli::kExitUsage;

constexpr const char* kUsage =
    "usage: dusk-wasm <command> [options]\n"
    "\n"
    "commands:\n"
    "  run        run a WebAssembly module (a WASI command, or one export with --invoke)\n"
    "  spectest   run WebAssembly spec-test scripts made by wast2json\n"
    "  dump       print functions in the interpreter's internal form\n"
    "  help       show this help\n"
    "\n"
    "Run 'dusk-wasm <command> --help' for the options of a command.\n";

constexpr const char* kRunUsage =
    "usage: dusk-wasm run [OPTIONS] FILE.wasm [ARGS...]\n"
    "\n"
    "Compiles FILE.wasm, links WASI (wasi_snapshot_preview1) and calls _start with ARGS as\n"
    "the program's arguments. Exits with the program's exit code; a proc_exit code above\n"
    "255 prints \"dusk-wasm: exit code N is out of range 0-255\" and exits 1; on a trap prints\n"
    "\"dusk-wasm: trap: <message>\" and exits 134; on bad arguments or a module that does not\n"
    "compile or link, exits 2. Everything after FILE.wasm goes to the program.\n"
    "\n"
    "options:\n"
    "  --invoke NAME   call the exported function NAME instead of _start; ARGS are its\n"
    "                  arguments (integers decimal or 0x-hex, floats decimal, references\n"
    "                  'null'); prints the results one per line, e.g. i32:42\n"
    "  --gas N         gas limit (default: unlimited)\n"
    "  --no-metering   do not charge gas\n"
    "  --env K=V       add K=V to the program's environment (repeatable; default: empty)\n"
    "  --stats         print gas used and wall time to stderr at the end\n"
    "  -h, --help      show this help\n";

constexpr const char* kSpecTestUsage =
    "usage: dusk-wasm spectest [--verbose] FILE.json...\n"
    "\n"
    "Runs WebAssembly spec-test scripts converted by wast2json (each file in a fresh\n"
    "store) and prints every failure, the skipped counts and finally 'N passed, M failed'.\n"
    "Exits 0 iff nothing failed. Text-format assert_malformed/assert_invalid modules are\n"
    "skipped: there is no text parser. A script nested more than 256 levels deep is an\n"
    "error, not parsed.\n"
    "\n"
    "options:\n"
    "  -v, --verbose   per-file totals, skipped commands, trap and error messages next to\n"
    "                  the expected ones, and the output of the spectest print functions\n"
    "  -h, --help      show this help\n";

constexpr const char* kDumpUsage =
    "usage: dusk-wasm dump FILE.wasm [FUNCTION_INDEX...]\n"
    "\n"
    "Compiles FILE.wasm and prints the given functions (default: every defined function)\n"
    "as the interpreter runs them: one internal instruction per line with its word offset\n"
    "and operands (frame slots, immediates, relative branch targets).\n";

int bad_usage(const std::string& message, const char* command) {
  std::fprintf(stderr, "dusk-wasm: %s\nTry 'dusk-wasm %s--help'.\n", message.c_str(), command);
  return kExitUsage;
}

bool is_help(std::string_view a) { return a == "-h" || a == "--help"; }

// Splits "--name=value" or takes the next argument as the value of option `name`.
// Returns false (and sets *error) when the value is missing.
bool option_value(std::string_view name, const std::vector<std::string_view>& args, size_t* i,
                  std::string_view* value, std::string* error) {
  const std::string_view a = args[*i];
  if (a.size() > name.size() && a[name.size()] == '=') {
    *value = a.substr(name.size() + 1);
    return true;
  }
  if (*i + 1 >= args.size()) {
    *error = "option " + std::string(name) + " needs a value";
    return false;
  }
  *value = args[++*i];
  return true;
}

// Whether argument `a` is option `name`, alone or as "name=value".
bool is_option(std::string_view a, std::string_view name) {
  return a.substr(0, name.size()) == name && (a.size() == name.size() || a[name.size()] == '=');
}

int command_run(const std::vector<std::string_view>& args) {
  dusk::wasm_cli::RunOptions o;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string_view a = args[i];
    std::string_view value;
    std::string error;
    if (a == "--") {
      ++i;
      break;
    }
    if (a.empty() || a[0] != '-') break;  // FILE: everything from here on is not ours
    if (is_help(a)) {
      std::fputs(kRunUsage, stdout);
      return 0;
    } else if (a == "--no-metering") {
      o.metering = false;
    } else if (a == "--stats") {
      o.stats = true;
    } else if (is_option(a, "--gas")) {
      if (!option_value("--gas", args, &i, &value, &error)) return bad_usage(error, "run ");
      auto gas = dusk::wasm_cli::parse_unsigned(value);
      if (!gas) return bad_usage("--gas: " + gas.error().message, "run ");
      o.gas = *gas;
    } else if (is_option(a, "--env")) {
      if (!option_value("--env", args, &i, &value, &error)) return bad_usage(error, "run ");
      const size_t eq = value.find('=');
      if (eq == std::string_view::npos || eq == 0) {
        return bad_usage("--env needs KEY=VALUE, got '" + std::string(value) + "'", "run ");
      }
      o.env.emplace_back(value);
    } else if (is_option(a, "--invoke")) {
      if (!option_value("--invoke", args, &i, &value, &error)) return bad_usage(error, "run ");
      o.invoke = std::string(value);
    } else {
      return bad_usage("unknown option '" + std::string(a) + "'", "run ");
    }
  }
  if (i >= args.size()) return bad_usage("no module file given", "run ");
  o.file = args[i];
  for (++i; i < args.size(); ++i) o.args.emplace_back(args[i]);
  return dusk::wasm_cli::run_module(o);
}

int command_spectest(const std::vector<std::string_view>& args) {
  dusk::wasm_cli::SpecTestOptions o;
  bool options_done = false;
  for (const std::string_view a : args) {
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && is_help(a)) {
      std::fputs(kSpecTestUsage, stdout);
      return 0;
    } else if (!options_done && (a == "-v" || a == "--verbose")) {
      o.verbose = true;
    } else if (!options_done && !a.empty() && a[0] == '-') {
      return bad_usage("unknown option '" + std::string(a) + "'", "spectest ");
    } else {
      o.files.emplace_back(a);
    }
  }
  if (o.files.empty()) return bad_usage("no script file given", "spectest ");
  return dusk::wasm_cli::run_spectest(o);
}

int command_dump(const std::vector<std::string_view>& args) {
  dusk::wasm_cli::DumpOptions o;
  for (std::string_view a : args) {
    if (is_help(a)) {
      std::fputs(kDumpUsage, stdout);
      return 0;
    }
    if (o.file.empty()) {
      o.file = std::string(a);
      continue;
    }
    char* end = nullptr;
    const std::string s(a);
    const unsigned long v = std::strtoul(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || v > 0xffffffffu) return bad_usage("bad function index '" + s + "'", "dump ");
    o.functions.push_back(static_cast<unsigned>(v));
  }
  if (o.file.empty()) return bad_usage("no module file given", "dump ");
  return dusk::wasm_cli::run_dump(o);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  const std::string_view command = args[0];
  args.erase(args.begin());
  if (command == "help" || is_help(command)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (command == "run") return command_run(args);
  if (command == "spectest") return command_spectest(args);
  if (command == "dump") return command_dump(args);
  return bad_usage("unknown command '" + std::string(command) + "'", "");
}
