#include "password.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace dusk::wallet_cli {

Result<wallet::SecretString> prompt_hidden(const std::string& prompt) {
  if (!::isatty(STDIN_FILENO)) return Error("stdin is not a terminal");
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  termios old{};
  const bool have_termios = ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (have_termios) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  wallet::SecretString line;
  line.mutable_str().reserve(256);
  const bool got = static_cast<bool>(std::getline(std::cin, line.mutable_str()));
  if (have_termios) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  std::fputs("\n", stderr);
  if (!got) return Error("no input");
  return line;
}

Result<wallet::SecretString> read_password(const std::string& password_file, bool confirm) {
  if (!password_file.empty()) {
    std::ifstream f(password_file, std::ios::binary);
    if (!f) return Error("cannot read the password file " + password_file);
    wallet::SecretString line;
    line.mutable_str().reserve(256);
    std::getline(f, line.mutable_str());
    std::string& s = line.mutable_str();
    if (!s.empty() && s.back() == '\r') s.pop_back();
    if (s.empty()) return Error("the password file " + password_file + " is empty");
    return line;
  }
  if (const char* env = std::getenv("DUSK_PASSWORD"); env != nullptr) {
    if (*env == '\0') return Error("DUSK_PASSWORD is set but empty");
    return wallet::SecretString(env);
  }
  if (!::isatty(STDIN_FILENO))
    return Error("no password: give --password-file F or set DUSK_PASSWORD (stdin is not a terminal to ask on)");
  auto first = prompt_hidden(confirm ? "New wallet password: " : "Wallet password: ");
  if (!first.ok()) return first;
  if (first->str().empty()) return Error("an empty password");
  if (confirm) {
    auto again = prompt_hidden("Again: ");
    if (!again.ok()) return again;
    if (again->str() != first->str()) return Error("the two passwords differ");
  }
  return first;
}

}  // namespace dusk::wallet_cli
