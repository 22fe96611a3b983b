#include "crypto/kzg/trusted_setup.hpp"

#include <fstream>
#include <sstream>

#include "crypto/bls12_381/pairing.hpp"
#include "crypto/bls12_381/serialization.hpp"
#include "crypto/kzg/polynomial.hpp"

namespace dusk::crypto::kzg {

namespace {

using namespace bls12_381;

KzgFailure setup_error(size_t line, const std::string& what) {
  return KzgFailure(KzgError::kBadTrustedSetup, "trusted setup: line " + std::to_string(line) + ": " + what);
}
KzgFailure setup_error(const std::string& what) {
  return KzgFailure(KzgError::kBadTrustedSetup, "trusted setup: " + what);
}

// Splits the text into lines, numbered from 1, without their LF or CR LF.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

KzgResult<size_t> read_count(LineReader& in, size_t expected, const char* what) {
  std::string_view line;
  if (!in.next(line)) return setup_error(in.number() + 1, std::string("missing ") + what);
  if (line != std::to_string(expected)) {
    return setup_error(in.number(), std::string(what) + ": expected " + std::to_string(expected) +
                                        ", got \"" + std::string(line.substr(0, 32)) + "\"");
  }
  return expected;
}

template <typename Point, size_t kSize>
KzgResult<void> read_points(LineReader& in, size_t count, std::vector<Point>& out, const char* what,
                   EncodingResult<Point> (*decode)(ByteView)) {
  out.clear();
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    std::string_view line;
    if (!in.next(line)) {
      return setup_error(in.number() + 1, std::string("file ends after ") + std::to_string(i) +
                                              " of " + std::to_string(count) + " " + what +
                                              " points");
    }
    if (line.size() != 2 * kSize) {
      return setup_error(in.number(), std::string(what) + " point " + std::to_string(i) +
                                          ": expected " + std::to_string(2 * kSize) +
                                          " hex digits, got " + std::to_string(line.size()));
    }
    auto bytes = from_hex(line);
    if (!bytes || line.starts_with("0x") || line.starts_with("0X")) {
      return setup_error(in.number(), std::string(what) + " point " + std::to_string(i) +
                                          ": not hex");
    }
    auto p = decode(*bytes);
    if (!p) {
      return setup_error(in.number(), std::string(what) + " point " + std::to_string(i) + ": " +
                                          p.error().message);
    }
    out.push_back(*p);
  }
  return {};
}

}  // namespace

KzgResult<TrustedSetup> TrustedSetup::parse(std::string_view text) {
  LineReader in(text);
  DUSK_TRY(read_count(in, kFieldElementsPerBlob, "number of G1 points"));
  DUSK_TRY(read_count(in, kSetupG2Length, "number of G2 points"));

  TrustedSetup s;
  std::vector<G1Affine> lagrange;
  DUSK_TRY((read_points<G1Affine, kG1CompressedSize>(in, kFieldElementsPerBlob, lagrange,
                                                     "G1 Lagrange", g1_from_compressed)));
  DUSK_TRY((read_points<G2Affine, kG2CompressedSize>(in, kSetupG2Length, s.g2_monomial_,
                                                     "G2 monomial", g2_from_compressed)));
  DUSK_TRY((read_points<G1Affine, kG1CompressedSize>(in, kFieldElementsPerBlob, s.g1_monomial_,
                                                     "G1 monomial", g1_from_compressed)));
  std::string_view line;
  while (in.next(line)) {
    if (!line.empty()) return setup_error(in.number(), "unexpected content after the last point");
  }

  // One secret s behind all three lists.
  if (!(s.g1_monomial_[0] == G1Affine::generator()))
    return setup_error("G1 monomial point 0 is not the generator of G1");
  if (!(s.g2_monomial_[0] == G2Affine::generator()))
    return setup_error("G2 monomial point 0 is not the generator of G2");
  G1 sum;
  for (const G1Affine& p : lagrange) sum = sum.add_mixed(p);
  if (!(sum == G1::generator()))
    return setup_error("the G1 Lagrange points do not sum to the generator of G1");
  const PairingInput same_s[] = {{s.g1_monomial_[1], -G2Affine::generator()},
                                 {G1Affine::generator(), s.g2_monomial_[1]}};
  if (!multi_pairing(same_s).is_one())
    return setup_error("G1 and G2 monomial points are not powers of the same secret");

  s.s_g2_lines_ = prepare_g2(s.g2_monomial_[1]);
  s.neg_s_g2_lines_ = prepare_g2(-s.g2_monomial_[1]);
  s.g2_lines_ = prepare_g2(G2Affine::generator());
  s.neg_g2_lines_ = prepare_g2(-G2Affine::generator());
  s.g1_lagrange_brp_.resize(lagrange.size());
  for (size_t i = 0; i < lagrange.size(); ++i)
    s.g1_lagrange_brp_[i] = lagrange[reverse_bits(i, lagrange.size())];
  return s;
}

KzgResult<TrustedSetup> TrustedSetup::load_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    return KzgFailure(KzgError::kBadTrustedSetup, "trusted setup: cannot open " + path);
  }
  std::ostringstream text;
  text << f.rdbuf();
  if (f.bad()) {
    return KzgFailure(KzgError::kBadTrustedSetup, "trusted setup: cannot read " + path);
  }
  auto s = parse(text.str());
  if (!s) return KzgFailure(s.error().code, path + ": " + s.error().message);
  return s;
}

}  // namespace dusk::crypto::kzg
