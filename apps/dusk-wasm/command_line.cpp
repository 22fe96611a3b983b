#include "command_line.hpp"

#include "cli/command_line.hpp"
#include "cli/unsigned_option.hpp"

namespace dusk::wasm_cli {

namespace {

constexpr const char* kDescription =
    "DuskVM's WebAssembly engine as a command-line tool: runs WASI programs and single\n"
    "exported functions with gas metering, runs the WebAssembly spec-test scripts, and\n"
    "prints the interpreter's internal form.";

constexpr const char* kFooter = "Run 'dusk-wasm COMMAND --help' for the options of a command.";

constexpr const char* kRunDescription =
    "run a WebAssembly module (a WASI command, or one export with --invoke)\n"
    "\n"
    "Compiles FILE.wasm, links WASI (wasi_snapshot_preview1) and calls _start with ARGS as\n"
    "the program's arguments (argv[0] is FILE.wasm). Everything after FILE.wasm goes to the\n"
    "program, options included: give dusk-wasm's options before FILE.wasm.";

constexpr const char* kRunFooter =
    "Gas: 1 per instruction (4 for division and remainder), 4 more per call, 1024 per\n"
    "64 KiB page added by memory.grow, 1 per 64 bytes of bulk memory operations.\n"
    "\n"
    "exit status:\n"
    "  N      the program's exit code: its proc_exit code, or 0 when _start returns\n"
    "         (with --invoke: 0 when the function returns)\n"
    "  1      the program called proc_exit with a code above 255, which an exit status\n"
    "         cannot hold (\"dusk-wasm: exit code N is out of range 0-255\" on stderr)\n"
    "  2      bad arguments, or a module that cannot be read, compiled or linked\n"
    "  134    a trap, out of gas included (\"dusk-wasm: trap: MESSAGE\" on stderr)\n"
    "\n"
    "examples:\n"
    "  dusk-wasm run program.wasm -v input.txt    (-v and input.txt go to the program)\n"
    "  dusk-wasm run --gas 1000000000 --stats program.wasm\n"
    "  dusk-wasm run --invoke add arith.wasm 40 2    (prints i32:42)";

constexpr const char* kSpecTestDescription =
    "run WebAssembly spec-test scripts made by wast2json\n"
    "\n"
    "Runs each script (FILE.json and the .wasm modules beside it) in a fresh store and\n"
    "prints every failure, the skipped counts and finally 'N passed, M failed'.\n"
    "Text-format assert_malformed/assert_invalid modules are skipped: there is no text\n"
    "parser. A script nested more than 256 levels deep is an error, not parsed.";

constexpr const char* kSpecTestFooter =
    "exit status: 0 when nothing failed, 1 otherwise, 2 on bad arguments\n"
    "\n"
    "example:\n"
    "  wast2json i32.wast -o i32.json && dusk-wasm spectest i32.json";

constexpr const char* kDumpDescription =
    "print functions in the interpreter's internal form\n"
    "\n"
    "Compiles FILE.wasm and prints the given functions as the interpreter runs them: one\n"
    "internal instruction per line with its word offset and operands (frame slots,\n"
    "immediates, relative branch targets).";

constexpr const char* kDumpFooter =
    "exit status: 0, or 2 on bad arguments, a module that cannot be read or compiled, or\n"
    "a function index the module does not have\n"
    "\n"
    "example:\n"
    "  dusk-wasm dump program.wasm 3 4";

CLI::App* add_run(cli::Tool& tool, RunOptions& o) {
  CLI::App* command = tool.add_command("run", kRunDescription, kRunFooter);
  // After FILE.wasm every argument is the program's, even one that looks like an option.
  command->positionals_at_end();
  command->add_option("FILE.wasm", o.file, "the module, in the binary format")->required();
  command->add_option("ARGS", o.args,
                      "the program's arguments; with --invoke, the function's: integers\n"
                      "decimal or 0x-hex, floats decimal, hex float, inf or nan,\n"
                      "references 'null'");
  command->add_option("--invoke", o.invoke,
                      "call the exported function NAME instead of _start and print\n"
                      "its results one per line as TYPE:VALUE (e.g. i32:42)")
      ->type_name("NAME");
  CLI::Option* gas =
      command
          ->add_option("--gas", o.gas,
                       "stop the program with an out-of-gas trap once it has used N gas;\n"
                       "N from 0 to 18446744073709551615, decimal or 0x-hex\n"
                       "(default: no limit)")
          ->transform(cli::unsigned_up_to(~u64{0}))
          ->type_name("N");
  const std::string no_metering_help = "count no gas (faster); cannot be combined with --gas";
  CLI::Option* no_metering = command->add_flag("--no-metering", no_metering_help);
  command->add_option("--env", o.env, "add KEY=VALUE to the program's environment; repeatable\n(default: empty)")
      ->allow_extra_args(false)
      ->check([](const std::string& entry) -> std::string {
        const size_t eq = entry.find('=');
        if (eq == std::string::npos || eq == 0) return "expected KEY=VALUE, got '" + entry + "'";
        return {};
      })
      ->type_name("KEY=VALUE");
  command->add_flag("--stats", o.stats, "print the gas used and the wall time to stderr at the end");
  command->callback([gas, no_metering, &o] {
    if (gas->count() > 0 && no_metering->count() > 0) {
      throw CLI::ValidationError("--gas and --no-metering cannot be used together: without metering no gas is counted");
    }
    o.metering = no_metering->count() == 0;
  });
  return command;
}

CLI::App* add_spectest(cli::Tool& tool, SpecTestOptions& o) {
  CLI::App* command = tool.add_command("spectest", kSpecTestDescription, kSpecTestFooter);
  command->add_option("FILE.json", o.files, "scripts made by wast2json")->required();
  command->add_flag("-v,--verbose", o.verbose,
                    "per-file totals, skipped commands, trap and error messages next to\n"
                    "the expected ones, and the output of the spectest print functions");
  return command;
}

CLI::App* add_dump(cli::Tool& tool, DumpOptions& o) {
  CLI::App* command = tool.add_command("dump", kDumpDescription, kDumpFooter);
  command->add_option("FILE.wasm", o.file, "the module, in the binary format")->required();
  command
      ->add_option("INDEX", o.functions,
                   "function indices, imported functions counted first\n"
                   "(default: every function the module defines)")
      ->transform(cli::unsigned_up_to(0xffff'ffff));
  return command;
}

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv) {
  cli::Tool tool("dusk-wasm", kDescription, kFooter);
  RunOptions run;
  SpecTestOptions spectest;
  DumpOptions dump;
  const CLI::App* run_command = add_run(tool, run);
  const CLI::App* spectest_command = add_spectest(tool, spectest);
  add_dump(tool, dump);
  if (auto status = tool.parse(argc, argv)) return *status;
  if (run_command->parsed()) return run;
  if (spectest_command->parsed()) return spectest;
  return dump;
}

}  // namespace dusk::wasm_cli
