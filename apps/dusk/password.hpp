// Where the wallet's password comes from, in order: --password-file F (its first line),
// $DUSK_PASSWORD, else a prompt on the terminal without echo (only when stdin is one;
// a script without a password gets an error, never a hang).
#pragma once

#include <string>

#include "base/result.hpp"
#include "wallet/secret.hpp"

namespace dusk::wallet_cli {

// `confirm`: a prompt asks twice and refuses a mismatch (for a new wallet). Errors: the
// file cannot be read or is empty, no source is available, the prompt's two answers
// differ, an empty password typed.
Result<wallet::SecretString> read_password(const std::string& password_file, bool confirm);

// A line typed on the terminal without echo (the prompt on stderr). Errors: stdin is not
// a terminal, end of input.
Result<wallet::SecretString> prompt_hidden(const std::string& prompt);

}  // namespace dusk::wallet_cli
