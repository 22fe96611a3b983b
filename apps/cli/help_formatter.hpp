// The help layout of our tools, a CLI11 formatter:
//
//   usage: dusk-wasm run [OPTIONS] FILE.wasm [ARGS...]
//
//   <the command's description>
//
//   arguments:
//     FILE.wasm             ...
//   options:
//     -h,--help             show this help
//     --gas N               ...
//
//   <the footer: exit status, examples>
//
// The usage line comes first and names required options (`--code HEX`); an option shows
// only its value's name (N, HEX, FILE), since its description says the rest (default,
// unit, range); a tool's list of commands shows the first line of each description.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace dusk::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter();

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
  std::string make_usage(const CLI::App* app, std::string name) const override;
  std::string make_subcommand(const CLI::App* command) const override;
  std::string make_option_opts(const CLI::Option* option) const override;
};

}  // namespace dusk::cli
