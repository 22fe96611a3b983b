// dusk-evm: the standalone EVM tool. `statetest` runs Ethereum state tests; `run`
// executes bytecode.
#include <pthread.h>

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "run.hpp"
#include "statetest.hpp"

namespace {

constexpr int kExitUsage = 2;

constexpr const char* kUsage =
    "usage: dusk-evm <command> [options]\n"
    "\n"
    "commands:\n"
    "  statetest  run Ethereum state-test JSON files or folders\n"
    "  run        execute bytecode as a call to an account holding it\n"
    "  help       show this help\n"
    "\n"
    "Run 'dusk-evm <command> --help' for the options of a command.\n";

constexpr const char* kStateTestUsage =
    "usage: dusk-evm statetest [--fork NAME] [--test NAME] [--known-failures FILE] [--verbose] PATH...\n"
    "\n"
    "Runs every post-state entry of the state tests in PATH (files, or folders searched\n"
    "for .json files) for the forks DuskEVM implements (Cancun, Prague), prints each\n"
    "failing case with its first difference (exception, logs, root) and finally\n"
    "'N passed, M failed'. Exits 0 iff nothing failed.\n"
    "\n"
    "options:\n"
    "  --fork NAME    only this fork's entries (Cancun or Prague)\n"
    "  --test NAME    only tests whose name contains NAME\n"
    "  --known-failures FILE\n"
    "                 tolerate the failures FILE lists (each with its reason); the last\n"
    "                 line becomes 'N passed, M failed (K known, J new)', exit 0 iff J = 0\n"
    "  -v, --verbose  on a root mismatch, list the accounts that differ; print known\n"
    "                 failures too\n"
    "  -h, --help     show this help\n";

constexpr const char* kRunUsage =
    "usage: dusk-evm run --code HEX [--input HEX] [--gas N] [--fork NAME] [--p256verify] [--json]\n"
    "                    [--trace]\n"
    "\n"
    "Executes HEX as the code of account 0x00..aa called by 0x00..cc (Prague rules unless\n"
    "--fork says otherwise) and prints the output, the gas used and the error, if any.\n"
    "\n"
    "options:\n"
    "  --code HEX     the bytecode (required)\n"
    "  --input HEX    calldata (default: empty)\n"
    "  --gas N        gas given to the call (default: 10000000)\n"
    "  --fork NAME    Cancun or Prague (default: Prague)\n"
    "  --p256verify   P256VERIFY (EIP-7951) at 0x100, as the DuskEVM chain has it (RIP-7212's\n"
    "                 address); Ethereum's Cancun and Prague have no precompile there\n"
    "  --json         print one JSON object {output, gasUsed, error}\n"
    "  --trace        print an EIP-3155 JSON line per instruction first\n"
    "  -h, --help     show this help\n";

int bad_usage(const std::string& message, const char* command) {
  std::fprintf(stderr, "dusk-evm: %s\nTry 'dusk-evm %s--help'.\n", message.c_str(), command);
  return kExitUsage;
}

bool is_help(std::string_view a) { return a == "-h" || a == "--help"; }

// "--name=value" or "--name value". False when the value is missing.
bool take_value(std::string_view name, const std::vector<std::string_view>& args, size_t& i, std::string_view& value) {
  const std::string_view a = args[i];
  if (a.size() > name.size() && a[name.size()] == '=') {
    value = a.substr(name.size() + 1);
    return true;
  }
  if (i + 1 >= args.size()) return false;
  value = args[++i];
  return true;
}

bool matches(std::string_view arg, std::string_view name) {
  return arg == name || (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=');
}

int statetest_main(const std::vector<std::string_view>& args) {
  dusk::evm_cli::StateTestOptions opts;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    std::string_view v;
    if (is_help(a)) {
      std::fputs(kStateTestUsage, stdout);
      return 0;
    } else if (matches(a, "--fork")) {
      if (!take_value("--fork", args, i, v)) return bad_usage("--fork needs a value", "statetest ");
      opts.fork = dusk::evm::fork_from_name(v);
      if (!opts.fork) return bad_usage("unknown fork '" + std::string(v) + "' (Cancun or Prague)", "statetest ");
    } else if (matches(a, "--test")) {
      if (!take_value("--test", args, i, v)) return bad_usage("--test needs a value", "statetest ");
      opts.test_filter = v;
    } else if (matches(a, "--known-failures")) {
      if (!take_value("--known-failures", args, i, v)) return bad_usage("--known-failures needs a value", "statetest ");
      opts.known_failures = v;
    } else if (a == "-v" || a == "--verbose") {
      opts.verbose = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return bad_usage("unknown option '" + std::string(a) + "'", "statetest ");
    } else {
      opts.paths.emplace_back(a);
    }
  }
  if (opts.paths.empty()) return bad_usage("no test files given", "statetest ");
  return dusk::evm_cli::run_statetests(opts);
}

int run_main(const std::vector<std::string_view>& args) {
  dusk::evm_cli::RunOptions opts;
  bool have_code = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    std::string_view v;
    if (is_help(a)) {
      std::fputs(kRunUsage, stdout);
      return 0;
    } else if (matches(a, "--code") || matches(a, "--input")) {
      const bool code = matches(a, "--code");
      if (!take_value(code ? "--code" : "--input", args, i, v))
        return bad_usage(std::string(code ? "--code" : "--input") + " needs a value", "run ");
      auto b = dusk::from_hex(v);
      if (!b.ok()) return bad_usage(std::string(code ? "--code" : "--input") + ": " + b.error().message, "run ");
      (code ? opts.code : opts.input) = std::move(b).value();
      have_code |= code;
    } else if (matches(a, "--gas")) {
      if (!take_value("--gas", args, i, v)) return bad_usage("--gas needs a value", "run ");
      dusk::u64 g = 0;
      bool ok = !v.empty() && v.size() <= 18;
      for (char c : v) {
        ok = ok && c >= '0' && c <= '9';
        g = g * 10 + static_cast<dusk::u64>(c - '0');
      }
      if (!ok) return bad_usage("--gas: '" + std::string(v) + "' is not an unsigned integer below 10^18", "run ");
      opts.gas = g;
    } else if (matches(a, "--fork")) {
      if (!take_value("--fork", args, i, v)) return bad_usage("--fork needs a value", "run ");
      const auto f = dusk::evm::fork_from_name(v);
      if (!f) return bad_usage("unknown fork '" + std::string(v) + "' (Cancun or Prague)", "run ");
      opts.fork = *f;
    } else if (a == "--p256verify") {
      opts.p256verify = true;
    } else if (a == "--json") {
      opts.json = true;
    } else if (a == "--trace") {
      opts.trace = true;
    } else {
      return bad_usage("unknown option '" + std::string(a) + "'", "run ");
    }
  }
  if (!have_code) return bad_usage("--code is required", "run ");
  return dusk::evm_cli::run_code(opts);
}

// Runs `body` on a thread with a 256 MiB stack (reserved, committed only as used). The
// EVM recurses natively once per call depth (up to 1024): about 3 KiB per level in an
// optimized build, but about 10 KiB under the sanitizers, more than a default 8 MiB
// stack holds.
int with_big_stack(const std::function<int()>& body) {
  struct Job {
    const std::function<int()>* body;
    int result = 0;
  } job{&body};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{256} << 20);
  pthread_t thread;
  auto entry = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    j->result = (*j->body)();
    return nullptr;
  };
  const int rc = pthread_create(&thread, &attr, entry, &job);
  pthread_attr_destroy(&attr);
  if (rc != 0) return body();  // no thread: run here, on the default stack
  pthread_join(thread, nullptr);
  return job.result;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || is_help(args[0]) || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? kExitUsage : 0;
  }
  const std::string_view command = args[0];
  args.erase(args.begin());
  if (command == "statetest") return with_big_stack([&] { return statetest_main(args); });
  if (command == "run") return with_big_stack([&] { return run_main(args); });
  return bad_usage("unknown command '" + std::string(command) + "'", "");
}
