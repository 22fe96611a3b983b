#include "cli/command_line.hpp"

#include <cstdio>
#include <memory>

#include "cli/help_formatter.hpp"

namespace dusk::cli {

namespace {

constexpr const char* kHelpFlag = "-h,--help";
constexpr const char* kHelpFlagText = "show this help";
constexpr const char* kOptionsGroup = "options";
constexpr const char* kCommandsGroup = "commands";

// The first argument `app` did not recognize ("--" ends the options and is not one).
std::optional<std::string> first_unknown(const CLI::App& app) {
  for (const std::string& a : app.remaining()) {
    if (a != "--") return a;
  }
  return std::nullopt;
}

bool is_option(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

}  // namespace

Tool::Tool(const std::string& name, const std::string& description, const std::string& footer)
    : app_(description, name) {
  app_.formatter(std::make_shared<HelpFormatter>());
  app_.option_defaults()->group(kOptionsGroup);
  app_.set_help_flag(kHelpFlag, kHelpFlagText);
  app_.footer(footer);
  // Unknown arguments are not CLI11 errors: parse() names them itself.
  app_.allow_extras();
  // One command at a time: after it, a command's name is an argument like any other
  // (`help run`, or a file named `dump`).
  app_.require_subcommand(0, 1);
  help_ = add_command("help", "show this help, or a command's: help [COMMAND]", "");
  help_->add_option("COMMAND", help_topic_, "the command to show the help of");
}

CLI::App* Tool::add_command(const std::string& name, const std::string& description, const std::string& footer) {
  CLI::App* command = app_.add_subcommand(name, description);
  command->group(kCommandsGroup);
  command->footer(footer);
  // Again, now in the options group: a command makes its help flag before it copies
  // the tool's option defaults.
  command->set_help_flag(kHelpFlag, kHelpFlagText);
  return command;
}

std::optional<int> Tool::parse(int argc, const char* const* argv) {
  if (argc <= 1) {
    std::fputs(app_.help().c_str(), stderr);
    return kExitUsage;
  }
  try {
    app_.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app_.help().c_str(), stdout);  // the help of the command given, if any
    return 0;
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what());
  }
  if (auto unknown = first_unknown(app_)) {
    return usage_error((is_option(*unknown) ? "unknown option '" : "unknown command '") + *unknown + "'");
  }
  for (const CLI::App* command : app_.get_subcommands()) {  // the one given, or help
    if (auto unknown = first_unknown(*command)) {
      return usage_error((is_option(*unknown) ? "unknown option '" : "unexpected argument '") + *unknown + "'");
    }
  }
  if (help_->parsed()) return print_help();
  if (given_command() == nullptr) return usage_error("no command given");
  return std::nullopt;
}

CLI::App* Tool::given_command() const {
  for (CLI::App* c : app_.get_subcommands()) {
    if (c != help_) return c;
  }
  return nullptr;
}

int Tool::usage_error(const std::string& message) const {
  const CLI::App* command = given_command();
  const std::string& name = app_.get_name();
  const std::string hint = command ? name + " " + command->get_name() : name;
  std::fprintf(stderr, "%s: %s\nTry '%s --help'.\n", name.c_str(), message.c_str(), hint.c_str());
  return kExitUsage;
}

int Tool::print_help() const {
  if (help_topic_.empty()) {
    // Not app_.help(), which would show the help of the command given: `help`.
    std::fputs(app_.get_formatter()->make_help(&app_, app_.get_name(), CLI::AppFormatMode::Normal).c_str(), stdout);
    return 0;
  }
  for (const CLI::App* c : app_.get_subcommands({})) {
    if (c != help_ && c->get_name() == help_topic_) {
      std::fputs(c->help(app_.get_name()).c_str(), stdout);
      return 0;
    }
  }
  return usage_error("unknown command '" + help_topic_ + "'");
}

}  // namespace dusk::cli
