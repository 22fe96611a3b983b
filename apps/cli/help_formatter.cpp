#include "cli/help_formatter.hpp"

#include <sstream>

namespace dusk::cli {

namespace {

bool is_vector(const CLI::Option* option) { return option->get_expected_max() == CLI::detail::expected_max_vector_size; }

bool has_commands(const CLI::App* app) {
  return !app->get_subcommands([](const CLI::App* c) { return !c->get_disabled() && !c->get_name().empty(); }).empty();
}

}  // namespace

HelpFormatter::HelpFormatter() {
  column_width(24);
  label("Positionals", "arguments");
  label("Options", "options");
  label("Subcommands", "commands");
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const {
  if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
  std::string out = make_usage(app, name);
  const std::string description = app->get_description();
  if (!description.empty()) out += "\n" + description + "\n";
  out += make_positionals(app);
  out += make_groups(app, mode);
  out += make_subcommands(app, mode);
  const std::string footer = app->get_footer();
  if (!footer.empty()) out += "\n" + footer + "\n";
  return out;
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
  std::string out = "usage: " + name;
  if (has_commands(app)) return out + " COMMAND [OPTIONS]\n";
  const auto options = app->get_options([](const CLI::Option* o) { return o->nonpositional(); });
  for (const CLI::Option* o : options) {
    if (o->get_required()) out += " " + o->get_name(false, true) + make_option_opts(o);
  }
  out += " [OPTIONS]";
  for (const CLI::Option* o : app->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
    out += " " + make_option_usage(o);
  }
  return out + "\n";
}

std::string HelpFormatter::make_subcommand(const CLI::App* command) const {
  const std::string description = command->get_description();
  std::stringstream out;
  CLI::detail::format_help(out, command->get_name(), description.substr(0, description.find('\n')), column_width_);
  return out.str();
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (option->get_positional()) return is_vector(option) ? "..." : "";
  if (!option->get_option_text().empty()) return " " + option->get_option_text();
  if (option->get_type_size() == 0) return "";  // a flag
  return " " + option->get_type_name();
}

}  // namespace dusk::cli
