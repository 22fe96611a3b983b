// The failures of the wallet's key library: every Result it returns is a WalletResult.
// Messages are written for the user of the `dusk` CLI: they say what is wrong and where.
#pragma once

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::wallet {

enum class WalletError : u8 {
  kNonAscii = 1,       // a phrase or passphrase with a non-ASCII byte (NFKD is not implemented)
  kWordCount = 2,      // a phrase of other than 12, 15, 18, 21 or 24 words
  kUnknownWord = 3,    // a word outside BIP-39's English list (the message names it and its position)
  kChecksum = 4,       // the words are valid but their checksum bits do not match
  kEntropySize = 5,    // entropy not 16..32 bytes in steps of 4
  kRandomness = 6,     // the system's random source failed
  kBadPath = 7,        // a derivation path that does not parse, or an index out of range
  kBadSeed = 8,        // a seed of a length the derivation refuses
  kInvalidChild = 9,   // BIP-32: the derived key is 0 or not below n (probability < 2^-127)
  kBadKeystore = 10,   // a keystore file that is not one (JSON, fields, lengths, version, limits)
  kDecryption = 11,    // wrong password, or the keystore was modified: nothing was decrypted
  kIo = 12,            // reading or writing a keystore file failed
  kKdf = 13,           // Argon2id could not run (out of memory for its limits)
};

using WalletFailure = Failure<WalletError>;
template <typename T>
using WalletResult = Result<T, WalletFailure>;
using WalletStatus = Result<void, WalletFailure>;

}  // namespace dusk::wallet
