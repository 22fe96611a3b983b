#include "wallet/keystore.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "storage/atomic_file.hpp"
#include "wallet/bip32.hpp"

namespace dusk::wallet {

namespace {

using Json = nlohmann::ordered_json;

constexpr int kVersion = 1;
constexpr std::string_view kKdfName = "argon2id";
constexpr std::string_view kCipherName = "xchacha20poly1305";
constexpr size_t kSaltSize = crypto_pwhash_SALTBYTES;
constexpr size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kKeySize = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
// The shortest plaintext: 12 words of 3 letters, 11 spaces and the 0 separator.
constexpr size_t kMinCiphertext = kTagSize + 12 * 3 + 11 + 1;

static_assert(kSaltSize == 16 && kNonceSize == 24 && kKeySize == 32 && kTagSize == 16);

WalletFailure bad(const std::string& why) {
  return WalletFailure(WalletError::kBadKeystore, "not a valid keystore: " + why);
}

// The header that seals the ciphertext to every other field of the file.
struct Header {
  u64 opslimit = 0;
  size_t memlimit = 0;
  std::array<u8, kSaltSize> salt{};
  std::array<u8, kNonceSize> nonce{};
  KeystorePublic public_keys;
};

// Version, names, limits and every binary field in one fixed form, fields separated by
// a 0 byte: the AEAD's associated data.
std::string associated_data(const Header& h) {
  std::string ad = "dusk-wallet-keystore";
  auto field = [&](std::string_view s) {
    ad.push_back('\0');
    ad.append(s);
  };
  field(std::to_string(kVersion));
  field(kKdfName);
  field(std::to_string(h.opslimit));
  field(std::to_string(h.memlimit));
  field(to_hex(h.salt));
  field(kCipherName);
  field(to_hex(h.nonce));
  field(to_hex(h.public_keys.duskds_public_key));
  field(to_hex(h.public_keys.evm_address));
  return ad;
}

WalletStatus ensure_sodium() {
  if (sodium_init() < 0) return WalletFailure(WalletError::kRandomness, "libsodium could not initialize");
  return {};
}

WalletResult<SecretArray<kKeySize>> derive_key(std::string_view password, const Header& h) {
  SecretArray<kKeySize> key;
  if (crypto_pwhash(key.data(), key.size(), password.data(), password.size(), h.salt.data(), h.opslimit, h.memlimit,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return WalletFailure(WalletError::kKdf, "Argon2id could not run with " + std::to_string(h.memlimit) +
                                                " bytes of memory (out of memory?)");
  }
  return key;
}

// Strict lowercase hex of exactly `size` bytes (size 0: any non-empty length).
WalletResult<Bytes> hex_field(const Json& obj, std::string_view name, size_t size) {
  const auto it = obj.find(name);
  if (it == obj.end()) return bad("missing \"" + std::string(name) + "\"");
  if (!it->is_string()) return bad("\"" + std::string(name) + "\" is not a string");
  const auto& s = it->get_ref<const std::string&>();
  if (std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'F'; }))
    return bad("\"" + std::string(name) + "\" is not lowercase hex");
  auto bytes = from_hex(s);
  if (!bytes.ok()) return bad("\"" + std::string(name) + "\" is not hex");
  if (size != 0 && bytes->size() != size) {
    return bad("\"" + std::string(name) + "\" is " + std::to_string(bytes->size()) + " bytes, not " +
               std::to_string(size));
  }
  return std::move(bytes).value();
}

WalletStatus exact_keys(const Json& obj, std::initializer_list<std::string_view> keys, std::string_view where) {
  for (const auto& [k, v] : obj.items()) {
    if (std::find(keys.begin(), keys.end(), k) == keys.end())
      return bad("unknown field \"" + k + "\" in " + std::string(where));
  }
  return {};
}

WalletResult<u64> unsigned_field(const Json& obj, std::string_view name, u64 min, u64 max) {
  const auto it = obj.find(name);
  if (it == obj.end()) return bad("missing \"kdf\".\"" + std::string(name) + "\"");
  if (!it->is_number_unsigned()) return bad("\"kdf\".\"" + std::string(name) + "\" is not an unsigned integer");
  const u64 v = it->get<u64>();
  if (v < min || v > max) {
    return bad("\"kdf\".\"" + std::string(name) + "\" is " + std::to_string(v) + ", outside " + std::to_string(min) +
               ".." + std::to_string(max));
  }
  return v;
}

struct Parsed {
  Header header;
  Bytes ciphertext;
};

WalletResult<Parsed> parse(std::string_view text) {
  if (text.size() > kMaxKeystoreFileSize) return bad("larger than " + std::to_string(kMaxKeystoreFileSize) + " bytes");
  const Json doc = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return bad("not JSON (truncated?)");
  if (!doc.is_object()) return bad("not a JSON object");
  DUSK_TRY(exact_keys(doc, {"version", "kdf", "cipher", "nonce", "ciphertext", "duskds_public_key", "evm_address"},
                      "the file"));
  const auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_unsigned()) return bad("missing or malformed \"version\"");
  if (version->get<u64>() != kVersion)
    return bad("version " + std::to_string(version->get<u64>()) + " is not supported (only 1)");
  const auto cipher = doc.find("cipher");
  if (cipher == doc.end() || !cipher->is_string() || cipher->get<std::string>() != kCipherName)
    return bad("\"cipher\" is not \"xchacha20poly1305\"");
  const auto kdf = doc.find("kdf");
  if (kdf == doc.end() || !kdf->is_object()) return bad("missing or malformed \"kdf\"");
  DUSK_TRY(exact_keys(*kdf, {"name", "opslimit", "memlimit", "salt"}, "\"kdf\""));
  const auto name = kdf->find("name");
  if (name == kdf->end() || !name->is_string() || name->get<std::string>() != kKdfName)
    return bad("\"kdf\".\"name\" is not \"argon2id\"");

  Parsed p;
  DUSK_ASSIGN(p.header.opslimit, unsigned_field(*kdf, "opslimit", crypto_pwhash_OPSLIMIT_MIN, kMaxOpsLimit));
  DUSK_ASSIGN(p.header.memlimit, unsigned_field(*kdf, "memlimit", crypto_pwhash_MEMLIMIT_MIN, kMaxMemLimit));
  DUSK_ASSIGN(const Bytes salt, hex_field(*kdf, "salt", kSaltSize));
  DUSK_ASSIGN(const Bytes nonce, hex_field(doc, "nonce", kNonceSize));
  DUSK_ASSIGN(const Bytes pk, hex_field(doc, "duskds_public_key", 96));
  DUSK_ASSIGN(p.ciphertext, hex_field(doc, "ciphertext", 0));
  if (p.ciphertext.size() < kMinCiphertext) return bad("\"ciphertext\" is too short");
  std::copy(salt.begin(), salt.end(), p.header.salt.begin());
  std::copy(nonce.begin(), nonce.end(), p.header.nonce.begin());
  std::copy(pk.begin(), pk.end(), p.header.public_keys.duskds_public_key.begin());

  const auto address = doc.find("evm_address");
  if (address == doc.end() || !address->is_string()) return bad("missing or malformed \"evm_address\"");
  const auto& a = address->get_ref<const std::string&>();
  if (a.size() != 42 || a[0] != '0' || a[1] != 'x') return bad("\"evm_address\" is not 0x and 40 hex digits");
  auto raw = from_hex(std::string_view(a).substr(2));
  if (!raw.ok() || raw->size() != 20) return bad("\"evm_address\" is not hex");
  std::copy(raw->begin(), raw->end(), p.header.public_keys.evm_address.begin());
  if (eip55_address(p.header.public_keys.evm_address) != a) return bad("\"evm_address\" is not in EIP-55 form");
  return p;
}

}  // namespace

KdfLimits KdfLimits::moderate() {
  return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}
KdfLimits KdfLimits::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
KdfLimits KdfLimits::minimum() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

WalletResult<std::string> seal_keystore(const Mnemonic& mnemonic, std::string_view passphrase,
                                        const KeystorePublic& public_keys, std::string_view password,
                                        KdfLimits limits) {
  DUSK_TRY(ensure_sodium());
  // The passphrase must be one that Mnemonic::seed accepts, or the file could not be used.
  for (size_t i = 0; i < passphrase.size(); ++i) {
    if (static_cast<u8>(passphrase[i]) >= 0x80)
      return WalletFailure(WalletError::kNonAscii, "the passphrase has a non-ASCII character at byte " +
                                                       std::to_string(i + 1) + " (NFKD is not implemented)");
  }
  if (limits.opslimit < crypto_pwhash_OPSLIMIT_MIN || limits.opslimit > kMaxOpsLimit ||
      limits.memlimit < crypto_pwhash_MEMLIMIT_MIN || limits.memlimit > kMaxMemLimit) {
    return WalletFailure(WalletError::kKdf, "Argon2id limits outside what a keystore may hold");
  }
  Header h;
  h.opslimit = limits.opslimit;
  h.memlimit = limits.memlimit;
  h.public_keys = public_keys;
  randombytes_buf(h.salt.data(), h.salt.size());
  randombytes_buf(h.nonce.data(), h.nonce.size());
  DUSK_ASSIGN(const auto key, derive_key(password, h));

  SecretString plaintext;
  plaintext.mutable_str().reserve(mnemonic.phrase().size() + 1 + passphrase.size());
  plaintext.mutable_str().append(mnemonic.phrase()).push_back('\0');
  plaintext.mutable_str().append(passphrase);
  const std::string& m = plaintext.str();
  const std::string ad = associated_data(h);
  Bytes ciphertext(m.size() + kTagSize);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(ciphertext.data(), &clen, reinterpret_cast<const u8*>(m.data()),
                                             m.size(), reinterpret_cast<const u8*>(ad.data()), ad.size(), nullptr,
                                             h.nonce.data(), key.data());
  ciphertext.resize(clen);

  Json doc;
  doc["version"] = kVersion;
  doc["kdf"] = Json{{"name", kKdfName}, {"opslimit", h.opslimit}, {"memlimit", h.memlimit}, {"salt", to_hex(h.salt)}};
  doc["cipher"] = kCipherName;
  doc["nonce"] = to_hex(h.nonce);
  doc["ciphertext"] = to_hex(ciphertext);
  doc["duskds_public_key"] = to_hex(public_keys.duskds_public_key);
  doc["evm_address"] = eip55_address(public_keys.evm_address);
  return doc.dump(2) + "\n";
}

WalletResult<KeystorePublic> read_keystore_public(std::string_view json) {
  DUSK_ASSIGN(const Parsed p, parse(json));
  return p.header.public_keys;
}

WalletResult<KeystoreContents> open_keystore(std::string_view json, std::string_view password) {
  DUSK_TRY(ensure_sodium());
  DUSK_ASSIGN(const Parsed p, parse(json));
  DUSK_ASSIGN(const auto key, derive_key(password, p.header));
  const std::string ad = associated_data(p.header);
  SecretString plaintext;
  std::string& m = plaintext.mutable_str();
  m.resize(p.ciphertext.size() - kTagSize);
  unsigned long long mlen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<u8*>(m.data()), &mlen, nullptr,
                                                 p.ciphertext.data(), p.ciphertext.size(),
                                                 reinterpret_cast<const u8*>(ad.data()), ad.size(),
                                                 p.header.nonce.data(), key.data()) != 0) {
    return WalletFailure(WalletError::kDecryption,
                         "cannot decrypt the keystore: wrong password, or the file was modified");
  }
  const size_t sep = m.find('\0');
  if (sep == std::string::npos) return bad("the decrypted contents have no phrase separator");
  auto mnemonic = Mnemonic::parse(std::string_view(m).substr(0, sep));
  if (!mnemonic.ok()) return bad("the decrypted phrase is invalid: " + mnemonic.error().message);
  KeystoreContents out{std::move(mnemonic).value(), SecretString(), p.header.public_keys};
  out.passphrase.mutable_str().reserve(m.size() - sep - 1);
  out.passphrase.mutable_str().append(std::string_view(m).substr(sep + 1));
  return out;
}

WalletStatus write_keystore_file(const std::string& path, const Mnemonic& mnemonic, std::string_view passphrase,
                                 const KeystorePublic& public_keys, std::string_view password, KdfLimits limits) {
  DUSK_ASSIGN(const std::string text, seal_keystore(mnemonic, passphrase, public_keys, password, limits));
  // write_file_atomically creates its temporary file 0644; the umask takes group and
  // other permissions away from the moment it exists.
  const mode_t old_mask = ::umask(077);
  auto written = storage::write_file_atomically(path, as_bytes(text));
  ::umask(old_mask);
  if (!written.ok()) return WalletFailure(WalletError::kIo, "cannot write the keystore: " + written.error().message);
  return {};
}

WalletResult<std::string> read_keystore_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return WalletFailure(WalletError::kIo, "cannot open the keystore " + path);
  std::string text;
  char buf[4096];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxKeystoreFileSize) return bad(path + " is larger than " + std::to_string(kMaxKeystoreFileSize) + " bytes");
  }
  if (in.bad()) return WalletFailure(WalletError::kIo, "cannot read the keystore " + path);
  return text;
}

WalletResult<KeystoreContents> open_keystore_file(const std::string& path, std::string_view password) {
  DUSK_ASSIGN(const std::string text, read_keystore_file(path));
  return open_keystore(text, password);
}

}  // namespace dusk::wallet
