// What the Groth16 and PLONK tests share about the zk fixtures (tests/fixtures/zk, made
// by scripts/make-zk-fixtures.mjs): the circuit names, reading the files, and writing
// values back the way snarkjs writes them (decimal strings, [x, y, "1"] points) so that
// a test can change one member of a file and check the reader's answer.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "base/int.hpp"
#include "base/result.hpp"
#include "crypto/ff/detail/limbs.hpp"
#include "crypto/zk/proof_error.hpp"

namespace dusk::test {

inline const char* const kZkCircuits[] = {"poseidon_preimage", "range_check",
                                          "merkle_membership", "sixteen_inputs"};

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Decimal spelling of a little-endian limb array.
template <size_t N>
std::string decimal(crypto::ff::Limbs<N> v) {
  std::string digits;
  bool nonzero = true;
  while (nonzero) {
    u64 rem = 0;
    nonzero = false;
    for (size_t i = N; i-- > 0;) {
      const u128 cur = (static_cast<u128>(rem) << 64) | v[i];
      v[i] = static_cast<u64>(cur / 10);
      rem = static_cast<u64>(cur % 10);
      nonzero |= v[i] != 0;
    }
    digits.insert(digits.begin(), static_cast<char>('0' + rem));
  }
  return digits;
}

template <typename F>
std::string dec(const F& f) { return decimal(f.to_canonical()); }

// snarkjs's JSON for a G1 point (over a prime field) and a G2 point (over Fp2).
template <typename P>
nlohmann::json g1_json(const P& p) {
  if (p.infinity) return nlohmann::json::array({"0", "1", "0"});
  return nlohmann::json::array({dec(p.x), dec(p.y), "1"});
}

template <typename P>
nlohmann::json g2_json(const P& p) {
  if (p.infinity) return nlohmann::json::array({{"0", "0"}, {"1", "0"}, {"0", "0"}});
  return nlohmann::json::array(
      {{dec(p.x.c0), dec(p.x.c1)}, {dec(p.y.c0), dec(p.y.c1)}, {"1", "0"}});
}

// A point on the twist curve (that of P's generator) outside G2, found from x = 1, 2, ...
template <typename P>
P g2_outside_subgroup(bool in_subgroup(const P&)) {
  using Fq2 = typename P::F;
  using Fq = typename Fq2::Base;
  const P g = P::generator();
  const Fq2 b = g.y.square() - g.x.square() * g.x;  // the twist's b'
  for (u64 k = 1;; ++k) {
    const Fq2 x(Fq::from_u64(k), Fq::zero());
    const auto y = (x.square() * x + b).sqrt();
    if (!y) continue;
    const P q{x, *y, false};
    if (q.is_on_curve() && !in_subgroup(q)) return q;
  }
}

// The error code of a result, 0 when it holds a value.
template <typename T>
crypto::zk::ProofError code_of(const crypto::zk::ProofResult<T>& r) { return r.ok() ? crypto::zk::ProofError{} : r.error().code; }

// One malformed-file case: a change to one of a circuit's three files (0 the key,
// 1 the proof, 2 the public inputs) and the error its reader must give.
struct FileCase {
  const char* what;
  int file;
  std::function<void(nlohmann::json&)> change;
  crypto::zk::ProofError code;
};

// The error code of reading a text with one of the three readers.
using ReadCode = std::function<crypto::zk::ProofError(const std::string&)>;

// Applies each case to the parsed file and checks the reader's code; then checks that
// empty, cut-short and non-JSON texts are kBadJson for all three readers.
inline void expect_file_errors(const std::array<std::string, 3>& files,
                               const std::vector<FileCase>& cases,
                               const std::array<ReadCode, 3>& read) {
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    nlohmann::json doc = nlohmann::json::parse(files[c.file]);
    c.change(doc);
    EXPECT_EQ(read[c.file](doc.dump()), c.code);
  }
  const std::string& key = files[0];
  for (const std::string& text : {std::string(), std::string("{"), key.substr(0, key.size() / 2),
                                  std::string("\x80\x81"), std::string("null")}) {
    for (const ReadCode& r : read) EXPECT_EQ(r(text), crypto::zk::ProofError::kBadJson);
  }
}

}  // namespace dusk::test
