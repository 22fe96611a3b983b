// Keystores: round trip (text and file), the file's format, mode 0600 and atomic
// replacement; a wrong password, tampering with every protected field, truncation at
// every length and malformed files are refused with a clear error and nothing decrypted.
// Argon2id runs with libsodium's minimum limits here to stay fast.
#include "wallet/keystore.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "wallet/account_keys.hpp"
#include "wallet/bip32.hpp"

namespace dusk::wallet {
namespace {

using Json = nlohmann::ordered_json;

const char* const kPhrase = "legal winner thank year wave sausage worth useful legal winner thank yellow";
const char* const kPassword = "correct horse battery staple";

class KeystoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto m = Mnemonic::parse(kPhrase);
    ASSERT_TRUE(m.ok());
    mnemonic_.emplace(*m);
    auto keys = derive(*mnemonic_, "my passphrase", 0);
    ASSERT_TRUE(keys.ok());
    public_.duskds_public_key = keys->bls_public_key;
    public_.evm_address = keys->evm_address;
    dir_ = std::filesystem::temp_directory_path() /
           ("dusk_keystore_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string seal(std::string_view passphrase = "my passphrase") {
    auto text = seal_keystore(*mnemonic_, passphrase, public_, kPassword, KdfLimits::minimum());
    EXPECT_TRUE(text.ok()) << text.error().message;
    return text.ok() ? *text : std::string();
  }

  // `text` with the JSON edited by `edit`.
  template <typename F>
  static std::string edited(const std::string& text, F edit) {
    Json doc = Json::parse(text);
    edit(doc);
    return doc.dump(2);
  }

  static void expect_refused(const std::string& text, WalletError code, const std::string& what) {
    auto r = open_keystore(text, kPassword);
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.error().code, code) << what << ": " << r.error().message;
  }

  std::optional<Mnemonic> mnemonic_;
  KeystorePublic public_;
  std::filesystem::path dir_;
};

TEST_F(KeystoreTest, RoundTripAndFormat) {
  const std::string text = seal();
  auto opened = open_keystore(text, kPassword);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->mnemonic.phrase(), kPhrase);
  EXPECT_EQ(opened->passphrase.str(), "my passphrase");
  EXPECT_EQ(opened->public_keys, public_);
  auto pub = read_keystore_public(text);
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(*pub, public_);

  const Json doc = Json::parse(text);
  EXPECT_EQ(doc["version"], 1);
  EXPECT_EQ(doc["kdf"]["name"], "argon2id");
  EXPECT_EQ(doc["kdf"]["opslimit"], KdfLimits::minimum().opslimit);
  EXPECT_EQ(doc["kdf"]["memlimit"], KdfLimits::minimum().memlimit);
  EXPECT_EQ(doc["kdf"]["salt"].get<std::string>().size(), 32u);
  EXPECT_EQ(doc["cipher"], "xchacha20poly1305");
  EXPECT_EQ(doc["nonce"].get<std::string>().size(), 48u);
  EXPECT_EQ(doc["duskds_public_key"], to_hex(public_.duskds_public_key));
  EXPECT_EQ(doc["evm_address"].get<std::string>().substr(0, 2), "0x");
  EXPECT_EQ(text.find(kPhrase), std::string::npos);
  EXPECT_EQ(text.find("my passphrase"), std::string::npos);

  // Fresh salt and nonce each time.
  const Json again = Json::parse(seal());
  EXPECT_NE(again["kdf"]["salt"], doc["kdf"]["salt"]);
  EXPECT_NE(again["nonce"], doc["nonce"]);
  EXPECT_NE(again["ciphertext"], doc["ciphertext"]);

  // No passphrase, and one with spaces and a 0 byte.
  auto none = open_keystore(seal(""), kPassword);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->passphrase.str(), "");
  const std::string odd("a b\0c ", 6);
  auto with_nul = open_keystore(seal(odd), kPassword);
  ASSERT_TRUE(with_nul.ok());
  EXPECT_EQ(with_nul->passphrase.str(), odd);
}

TEST_F(KeystoreTest, DefaultLimitsAreModerate) {
  const KdfLimits d;
  (void)d;
  EXPECT_EQ(KdfLimits::moderate().opslimit, 3u);
  EXPECT_EQ(KdfLimits::moderate().memlimit, size_t{256} << 20);
  EXPECT_LT(KdfLimits::interactive().memlimit, KdfLimits::moderate().memlimit);
  auto r = seal_keystore(*mnemonic_, "", public_, kPassword, KdfLimits{kMaxOpsLimit + 1, KdfLimits::minimum().memlimit});
  ASSERT_FALSE(r.ok());
  auto na = seal_keystore(*mnemonic_, "\xc3\xa9", public_, kPassword, KdfLimits::minimum());
  ASSERT_FALSE(na.ok());
  EXPECT_EQ(na.error().code, WalletError::kNonAscii);
}

TEST_F(KeystoreTest, WrongPassword) {
  const std::string text = seal();
  for (const char* pw : {"", "correct horse battery stapl", "Correct horse battery staple", "correct horse battery staple "}) {
    auto r = open_keystore(text, pw);
    ASSERT_FALSE(r.ok()) << pw;
    EXPECT_EQ(r.error().code, WalletError::kDecryption);
    EXPECT_NE(r.error().message.find("wrong password"), std::string::npos) << r.error().message;
  }
}

TEST_F(KeystoreTest, TamperingIsDetected) {
  const std::string text = seal();
  const Json doc = Json::parse(text);
  auto flip_hex = [](std::string s, size_t i) {
    s[i] = s[i] == '0' ? '1' : '0';
    return s;
  };
  const std::string ct = doc["ciphertext"];
  for (size_t i : {size_t{0}, ct.size() / 2, ct.size() - 1}) {
    expect_refused(edited(text, [&](Json& d) { d["ciphertext"] = flip_hex(ct, i); }), WalletError::kDecryption,
                   "ciphertext " + std::to_string(i));
  }
  expect_refused(edited(text, [&](Json& d) { d["ciphertext"] = ct.substr(0, ct.size() - 2); }),
                 WalletError::kDecryption, "ciphertext shortened");
  expect_refused(edited(text, [&](Json& d) { d["ciphertext"] = ct + "00"; }), WalletError::kDecryption,
                 "ciphertext lengthened");
  expect_refused(edited(text, [&](Json& d) { d["kdf"]["salt"] = flip_hex(d["kdf"]["salt"], 5); }),
                 WalletError::kDecryption, "salt");
  expect_refused(edited(text, [&](Json& d) { d["nonce"] = flip_hex(d["nonce"], 7); }), WalletError::kDecryption,
                 "nonce");
  expect_refused(edited(text, [&](Json& d) { d["kdf"]["opslimit"] = 2; }), WalletError::kDecryption, "opslimit");
  expect_refused(edited(text, [&](Json& d) { d["kdf"]["memlimit"] = 16384; }), WalletError::kDecryption,
                 "memlimit");
  // Public fields: another valid key and another valid EIP-55 address.
  auto other = derive(*mnemonic_, "", 7);
  ASSERT_TRUE(other.ok());
  expect_refused(edited(text, [&](Json& d) { d["duskds_public_key"] = to_hex(other->bls_public_key); }),
                 WalletError::kDecryption, "duskds_public_key");
  expect_refused(edited(text, [&](Json& d) { d["evm_address"] = eip55_address(other->evm_address); }),
                 WalletError::kDecryption, "evm_address");
  // The same address in lowercase is not the EIP-55 form.
  expect_refused(edited(text, [&](Json& d) { d["evm_address"] = "0x" + to_hex(public_.evm_address); }),
                 WalletError::kBadKeystore, "evm_address case");
}

TEST_F(KeystoreTest, TruncatedAtEveryLength) {
  const std::string text = seal();
  // The last byte is the newline after the object: every shorter prefix is cut JSON.
  for (size_t n = 0; n + 1 < text.size(); ++n) {
    auto r = open_keystore(text.substr(0, n), kPassword);
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_EQ(r.error().code, WalletError::kBadKeystore) << n;
  }
}

TEST_F(KeystoreTest, MalformedFiles) {
  const std::string text = seal();
  expect_refused("", WalletError::kBadKeystore, "empty");
  expect_refused("[1,2]", WalletError::kBadKeystore, "array");
  expect_refused(std::string(kMaxKeystoreFileSize + 1, ' '), WalletError::kBadKeystore, "too large");
  expect_refused(edited(text, [](Json& d) { d["extra"] = 1; }), WalletError::kBadKeystore, "extra field");
  expect_refused(edited(text, [](Json& d) { d["kdf"]["p"] = 1; }), WalletError::kBadKeystore, "extra kdf field");
  for (const char* f : {"version", "kdf", "cipher", "nonce", "ciphertext", "duskds_public_key", "evm_address"}) {
    expect_refused(edited(text, [&](Json& d) { d.erase(f); }), WalletError::kBadKeystore, std::string("no ") + f);
  }
  for (const char* f : {"name", "opslimit", "memlimit", "salt"}) {
    expect_refused(edited(text, [&](Json& d) { d["kdf"].erase(f); }), WalletError::kBadKeystore,
                   std::string("no kdf ") + f);
  }
  expect_refused(edited(text, [](Json& d) { d["version"] = 2; }), WalletError::kBadKeystore, "version 2");
  expect_refused(edited(text, [](Json& d) { d["version"] = "1"; }), WalletError::kBadKeystore, "version string");
  expect_refused(edited(text, [](Json& d) { d["cipher"] = "aes-256-gcm"; }), WalletError::kBadKeystore, "cipher");
  expect_refused(edited(text, [](Json& d) { d["kdf"]["name"] = "scrypt"; }), WalletError::kBadKeystore, "kdf name");
  // Limits a file must not impose: refused before Argon2id runs.
  expect_refused(edited(text, [](Json& d) { d["kdf"]["memlimit"] = u64{1} << 40; }), WalletError::kBadKeystore,
                 "memlimit 1 TiB");
  expect_refused(edited(text, [](Json& d) { d["kdf"]["opslimit"] = 1000000; }), WalletError::kBadKeystore,
                 "opslimit");
  expect_refused(edited(text, [](Json& d) { d["kdf"]["opslimit"] = 0; }), WalletError::kBadKeystore, "opslimit 0");
  expect_refused(edited(text, [](Json& d) { d["kdf"]["opslimit"] = -1; }), WalletError::kBadKeystore, "negative");
  expect_refused(edited(text, [](Json& d) { d["kdf"]["opslimit"] = 1.5; }), WalletError::kBadKeystore, "float");
  expect_refused(edited(text, [](Json& d) { d["kdf"]["salt"] = "00"; }), WalletError::kBadKeystore, "short salt");
  expect_refused(edited(text, [](Json& d) { d["nonce"] = "zz"; }), WalletError::kBadKeystore, "nonce not hex");
  expect_refused(edited(text, [](Json& d) {
                   std::string s = d["nonce"];
                   for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                   d["nonce"] = s;
                 }),
                 WalletError::kBadKeystore, "uppercase hex");
  expect_refused(edited(text, [](Json& d) { d["ciphertext"] = "00"; }), WalletError::kBadKeystore, "ciphertext short");
  expect_refused(edited(text, [](Json& d) { d["duskds_public_key"] = "00"; }), WalletError::kBadKeystore, "pk short");
  expect_refused(edited(text, [](Json& d) { d["evm_address"] = "0x1234"; }), WalletError::kBadKeystore, "address");
}

mode_t file_mode(const std::filesystem::path& p) {
  struct stat st{};
  EXPECT_EQ(::stat(p.c_str(), &st), 0);
  return st.st_mode & 0777;
}

TEST_F(KeystoreTest, FilesAreWrittenAtomicallyWithMode0600) {
  const std::string path = (dir_ / "wallet.json").string();
  // An existing, world-readable file is replaced by a 0600 one.
  { std::ofstream(path) << "old"; }
  ::chmod(path.c_str(), 0644);
  const mode_t before = ::umask(022);
  ASSERT_TRUE(write_keystore_file(path, *mnemonic_, "pp", public_, kPassword, KdfLimits::minimum()).ok());
  EXPECT_EQ(::umask(before), 022u) << "the process umask was not restored";
  EXPECT_EQ(file_mode(path), 0600u);
  // Only the keystore is left in the directory: no temporary file.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 1u);

  auto opened = open_keystore_file(path, kPassword);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->mnemonic.phrase(), kPhrase);
  EXPECT_EQ(opened->passphrase.str(), "pp");
  auto text = read_keystore_file(path);
  ASSERT_TRUE(text.ok());
  auto pub = read_keystore_public(*text);
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(*pub, public_);
  auto wrong = open_keystore_file(path, "nope");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, WalletError::kDecryption);

  // A truncated file on disk.
  { std::ofstream(path, std::ios::trunc) << text->substr(0, text->size() / 2); }
  auto cut = open_keystore_file(path, kPassword);
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().code, WalletError::kBadKeystore);
  // An oversized one.
  { std::ofstream(path, std::ios::trunc) << std::string(kMaxKeystoreFileSize + 10, ' '); }
  auto big = read_keystore_file(path);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, WalletError::kBadKeystore);
}

TEST_F(KeystoreTest, IoErrors) {
  auto missing = open_keystore_file((dir_ / "absent.json").string(), kPassword);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, WalletError::kIo);
  auto no_dir = write_keystore_file((dir_ / "no" / "such" / "wallet.json").string(), *mnemonic_, "", public_,
                                    kPassword, KdfLimits::minimum());
  ASSERT_FALSE(no_dir.ok());
  EXPECT_EQ(no_dir.error().code, WalletError::kIo);
}

}  // namespace
}  // namespace dusk::wallet
