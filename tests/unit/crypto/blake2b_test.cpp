#include "crypto/hash/blake2b.hpp"

#include <gtest/gtest.h>

#include <string>

#include "hash_test_util.hpp"

namespace dusk::crypto {
namespace {

using test::hex;

Bytes unhex(std::string_view s) {
  auto r = from_hex(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? *r : Bytes{};
}

// RFC 7693 Appendix A: BLAKE2b-512("abc").
TEST(Blake2b, Rfc7693AppendixA) {
  EXPECT_EQ(hex(blake2b(as_bytes("abc"))),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

// Unkeyed vectors computed with Python's hashlib.blake2b (digest_size 64, 32 and 20).
TEST(Blake2b, Unkeyed) {
  EXPECT_EQ(hex(blake2b(as_bytes(""))),
            "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
            "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce");
  EXPECT_EQ(hex(blake2b<32>(as_bytes(""))), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(hex(blake2b<32>(as_bytes("abc"))), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  EXPECT_EQ(hex(blake2b<20>(as_bytes("abc"))), "384264f676f39536840523f284921cdc68b6846b");
}

// The keyed known-answer tests of the BLAKE2 reference package (blake2b-kat.txt): key
// 00 01 .. 3f, message 00 01 .. (n-1) for n = 0, 1, 128 (exactly one block after the
// key block) and 255 (the last entry). All checked against Python's hashlib.blake2b.
TEST(Blake2b, KeyedKat) {
  Bytes key = test::counting_bytes(64);
  Bytes msg = test::counting_bytes(255);
  auto keyed = [&](size_t n) {
    auto r = blake2b(ByteView(msg).first(n), key);
    EXPECT_TRUE(r.ok());
    return r.ok() ? hex(*r) : std::string();
  };
  EXPECT_EQ(keyed(0),
            "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786"
            "b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568");
  EXPECT_EQ(keyed(1),
            "961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4"
            "187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd");
  EXPECT_EQ(keyed(128),
            "72065ee4dd91c2d8509fa1fc28a37c7fc9fa7d5b3f8ad3d0d7a25626b57b1b44"
            "788d4caf806290425f9890a3a2a35a905ab4b37acfd0da6e4517b2525c9651e4");
  EXPECT_EQ(keyed(255),
            "142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e9248"
            "4be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461");
}

// Every length 0..300 of the counting message, unkeyed BLAKE2b-512 and BLAKE2b-256 keyed
// with 00..1f; expected values computed with Python's hashlib.blake2b.
TEST(Blake2b, LengthSweep) {
  auto d = test::length_sweep([](ByteView m) { return blake2b(m); });
  EXPECT_EQ(hex(d),
            "fddbba9d138b3b20fb0e41c9d4c6553f269854cc6faef99fd2d83ec40b1f98f0"
            "1452f33d4600b2d356c6a06f8efb2e024cce1f5aa0c6e34d1559e84e64f30469");
  Bytes key = test::counting_bytes(32);
  auto k = test::length_sweep([&](ByteView m) {
    auto r = blake2b<32>(m, key);
    return r.ok() ? *r : std::array<u8, 32>{};
  });
  EXPECT_EQ(hex(k), "9896324bd11305e789dbe55b3a82db883ccdfbbad966663e60b0e20665939224");
}

// The several-part one-shot is the one-shot of the concatenation, wherever the cuts fall
// (across and on block boundaries, with empty parts).
TEST(Blake2b, PartsHashAsTheirConcatenation) {
  const Bytes m = test::counting_bytes(300);
  for (size_t a : {size_t{0}, size_t{1}, size_t{127}, size_t{128}, size_t{129}, size_t{256}}) {
    for (size_t b : {a, a + 1, size_t{300}}) {
      if (b > m.size()) continue;
      const ByteView v(m);
      EXPECT_EQ(blake2b<32>({v.first(a), v.subspan(a, b - a), v.subspan(b)}), blake2b<32>(v)) << a << " " << b;
      EXPECT_EQ(blake2b({v.first(a), v.subspan(a)}), blake2b(v)) << a;
    }
  }
}

TEST(Blake2b, RejectsBadParameters) {
  Blake2b h;
  EXPECT_FALSE(h.init(0).ok());
  EXPECT_FALSE(h.init(65).ok());
  EXPECT_FALSE(h.init(32, test::counting_bytes(65)).ok());
  EXPECT_TRUE(h.init(1).ok());
  EXPECT_TRUE(h.init(64, test::counting_bytes(64)).ok());
  EXPECT_FALSE(blake2b(as_bytes("abc"), test::counting_bytes(65)).ok());
  // A failed init leaves plain BLAKE2b-512.
  EXPECT_FALSE(h.init(65).ok());
  h.update(as_bytes("abc"));
  EXPECT_EQ(h.final(), blake2b(as_bytes("abc")));
}

TEST(Blake2b, ShortDigestIsZeroPaddedInFinal) {
  Blake2b h;
  ASSERT_TRUE(h.init(20).ok());
  EXPECT_EQ(h.digest_size(), 20u);
  h.update(as_bytes("abc"));
  auto full = h.final();
  auto expected = blake2b<20>(as_bytes("abc"));
  EXPECT_TRUE(std::equal(expected.begin(), expected.end(), full.begin()));
  for (size_t i = 20; i < full.size(); ++i) EXPECT_EQ(full[i], 0) << i;
}

TEST(Blake2b, ChunkedEqualsOneShot) {
  test::Rng rng(4);
  Blake2b h;
  Bytes key = rng.bytes(40);
  for (size_t len : {0, 1, 127, 128, 129, 255, 256, 257, 1000, 5000}) {
    Bytes m = rng.bytes(len);
    for (size_t max_chunk : {1, 5, 128, 140, 400}) {
      h.init();
      EXPECT_EQ(test::final_in_chunks(h, m, rng, max_chunk), blake2b(m)) << len << " " << max_chunk;

      ASSERT_TRUE(h.init(32, key).ok());
      auto full = test::final_in_chunks(h, m, rng, max_chunk);
      auto one = blake2b<32>(m, key);
      ASSERT_TRUE(one.ok());
      EXPECT_TRUE(std::equal(one->begin(), one->end(), full.begin())) << len << " " << max_chunk;
    }
  }
}

// Runs F on an EIP-152 precompile input: rounds (4 bytes big-endian), h (8 x 8 bytes),
// m (16 x 8 bytes), t (2 x 8 bytes), all little-endian words, and the final-block flag.
std::string eip152_f(std::string_view input_hex) {
  Bytes in = unhex(input_hex);
  EXPECT_EQ(in.size(), 213u);
  if (in.size() != 213) return {};
  const u8* p = in.data();
  u32 rounds = load_be<u32>(p);
  std::array<u64, 8> h;
  std::array<u64, 16> m;
  for (size_t i = 0; i < 8; ++i) h[i] = load_le<u64>(p + 4 + 8 * i);
  for (size_t i = 0; i < 16; ++i) m[i] = load_le<u64>(p + 68 + 8 * i);
  u64 t0 = load_le<u64>(p + 196), t1 = load_le<u64>(p + 204);
  EXPECT_LE(p[212], 1);
  blake2b_compress(h, m, t0, t1, p[212] == 1, rounds);
  std::array<u8, 64> out;
  for (size_t i = 0; i < 8; ++i) store_le<u64>(out.data() + 8 * i, h[i]);
  return hex(out);
}

// EIP-152 test vectors 4 to 7: the state after initialising BLAKE2b-512 and the "abc"
// block, with 0 rounds, 12 rounds (= RFC 7693's BLAKE2b-512("abc")), 12 rounds with the
// final flag clear, and 1 round. Also in ../shared/testdata/crypto/precompiles/blake2F.json.
// Vector 8 (8,000,000 rounds) belongs to the precompile's conformance tests.
constexpr const char* kEip152Abc =
    "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b"
    "6bbd41fbabd9831f79217e1319cde05b6162630000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "03000000000000000000000000000000";

TEST(Blake2bCompress, Eip152Vectors) {
  const std::string abc = kEip152Abc;
  EXPECT_EQ(eip152_f("00000000" + abc + "01"),
            "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
            "d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b");
  EXPECT_EQ(eip152_f("0000000c" + abc + "01"),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  EXPECT_EQ(eip152_f("0000000c" + abc + "00"),
            "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d28752"
            "98743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735");
  EXPECT_EQ(eip152_f("00000001" + abc + "01"),
            "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fb"
            "a551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421");
}

}  // namespace
}  // namespace dusk::crypto
