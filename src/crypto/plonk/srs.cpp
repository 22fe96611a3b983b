#include "crypto/plonk/srs.hpp"

#include <fstream>
#include <iterator>
#include <optional>

#include "base/log.hpp"
#include "crypto/bls12_381/msm.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "crypto/bls12_381/serialization.hpp"
#include "crypto/hash/blake2b.hpp"
#include "crypto/plonk/parallel.hpp"

namespace dusk::crypto::plonk {
namespace {

using bls12_381::Fr;
using bls12_381::G1;
using bls12_381::G2;
using bls12_381::kG1CompressedSize;
using bls12_381::kG2CompressedSize;

PlonkFailure bad_srs(std::string msg) { return PlonkFailure(PlonkError::kBadSrs, "SRS: " + std::move(msg)); }


// [k]G1 for many scalars k by fixed 8-bit windows over a table of d 2^(8j) G1 (32 windows
// of 255 affine points): 32 mixed additions per point instead of a scalar
// multiplication. Used only for the INSECURE setup, whose scalars are not secret.
class FixedBaseG1 {
 public:
  FixedBaseG1() {
    std::vector<G1> t(kWindows * 255);
    G1 base = G1::generator();
    for (size_t j = 0; j < kWindows; ++j) {
      G1 acc = base;
      for (size_t d = 0; d < 255; ++d) {
        t[j * 255 + d] = acc;
        acc = acc + base;
      }
      base = acc;  // 256 * base
    }
    table_ = G1::batch_to_affine(t);
  }
  G1 mul(const Fr& k) const {
    const auto limbs = k.to_canonical();
    G1 acc;
    for (size_t j = 0; j < kWindows; ++j) {
      const unsigned d = static_cast<unsigned>((limbs[j / 8] >> (8 * (j % 8))) & 0xff);
      if (d != 0) acc = acc.add_mixed(table_[j * 255 + d - 1]);
    }
    return acc;
  }

 private:
  static constexpr size_t kWindows = 32;
  std::vector<G1Affine> table_;
};

}  // namespace

PlonkResult<Srs> Srs::from_bytes(ByteView bytes) {
  if (bytes.size() < kSrsHeaderSize) return bad_srs("shorter than its 16-byte header");
  if (!std::equal(kSrsMagic.begin(), kSrsMagic.end(), bytes.begin())) return bad_srs("bad magic (not DUSK-SRS)");
  const u32 version = load_be<u32>(bytes.data() + 8);
  if (version != kSrsVersion) return bad_srs("unsupported version " + std::to_string(version));
  const size_t n = load_be<u32>(bytes.data() + 12);
  if (n < 2 || n > kMaxSrsPowers) return bad_srs("power count " + std::to_string(n) + " out of range");
  const size_t want = kSrsHeaderSize + n * kG1CompressedSize + 2 * kG2CompressedSize;
  if (bytes.size() != want) {
    return bad_srs("expected " + std::to_string(want) + " bytes for " + std::to_string(n) + " powers, got " +
                   std::to_string(bytes.size()));
  }

  Srs srs;
  srs.powers_g1_.resize(n);
  // Decode on both cores; each half remembers its first failure.
  std::optional<PlonkFailure> errors[2];
  parallel_for(n, 64, [&](size_t begin, size_t end) {
    std::optional<PlonkFailure>& err = errors[begin == 0 ? 0 : 1];
    for (size_t i = begin; i < end; ++i) {
      auto p = bls12_381::g1_from_compressed(bytes.subspan(kSrsHeaderSize + i * kG1CompressedSize, kG1CompressedSize));
      if (!p.ok()) {
        auto f = p.take_error();
        err.emplace(PlonkFailure(static_cast<PlonkError>(f.code), "SRS: [x^" + std::to_string(i) + "]_1: " + f.message));
        return;
      }
      srs.powers_g1_[i] = *p;
    }
  });
  for (auto& e : errors) {
    if (e) return std::move(*e);
  }
  const size_t g2_at = kSrsHeaderSize + n * kG1CompressedSize;
  auto g2 = bls12_381::g2_from_compressed(bytes.subspan(g2_at, kG2CompressedSize));
  if (!g2.ok()) return PlonkFailure(PlonkError::kBadSrs, "SRS: [1]_2: " + g2.error().message);
  auto x_g2 = bls12_381::g2_from_compressed(bytes.subspan(g2_at + kG2CompressedSize, kG2CompressedSize));
  if (!x_g2.ok()) return PlonkFailure(PlonkError::kBadSrs, "SRS: [x]_2: " + x_g2.error().message);
  srs.g2_ = *g2;
  srs.x_g2_ = *x_g2;

  if (!(srs.powers_g1_[0] == G1Affine::generator())) return bad_srs("[x^0]_1 is not the G1 generator");
  if (!(srs.g2_ == G2Affine::generator())) return bad_srs("[1]_2 is not the G2 generator");
  if (srs.x_g2_.infinity) return bad_srs("[x]_2 is the identity");

  // The powers follow one another: sum rho^i P_i against sum rho^i P_(i+1).
  const auto digest = blake2b<64>({as_bytes("dusk-plonk srs check v1"), bytes});
  const Fr rho = Fr::from_uniform_bytes(digest);
  std::vector<Fr> rhos(n - 1);
  Fr r = Fr::one();
  for (Fr& x : rhos) {
    x = r;
    r *= rho;
  }
  const std::span<const G1Affine> all(srs.powers_g1_);
  G1 lo, hi;
  run_in_parallel([&] { lo = bls12_381::g1_msm(all.first(n - 1), rhos); },
                  [&] { hi = bls12_381::g1_msm(all.subspan(1), rhos); });
  const bls12_381::PairingInput pairs[] = {{lo.to_affine(), srs.x_g2_}, {(-hi).to_affine(), srs.g2_}};
  if (!bls12_381::multi_pairing(pairs).is_one()) {
    return bad_srs("the G1 powers are not successive powers of the x of [x]_2");
  }
  return srs;
}

PlonkResult<Srs> Srs::load_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return bad_srs("cannot open " + path);
  Bytes bytes{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  if (f.bad()) return bad_srs("cannot read " + path);
  auto srs = from_bytes(bytes);
  if (!srs.ok()) {
    auto e = srs.take_error();
    return PlonkFailure(e.code, path + ": " + e.message);
  }
  return srs;
}

Bytes Srs::to_bytes() const {
  Bytes out(kSrsMagic.begin(), kSrsMagic.end());
  append_be<u32>(out, kSrsVersion);
  append_be<u32>(out, static_cast<u32>(powers_g1_.size()));
  out.reserve(kSrsHeaderSize + powers_g1_.size() * kG1CompressedSize + 2 * kG2CompressedSize);
  for (const auto& p : powers_g1_) {
    const auto b = bls12_381::g1_to_compressed(p);
    out.insert(out.end(), b.begin(), b.end());
  }
  for (const auto* q : {&g2_, &x_g2_}) {
    const auto b = bls12_381::g2_to_compressed(*q);
    out.insert(out.end(), b.begin(), b.end());
  }
  return out;
}

Srs Srs::insecure_from_seed(ByteView seed, size_t powers) {
  DUSK_LOG(kWarn, "plonk",
           "generating an INSECURE SRS of " << powers << " powers from a seed: its secret is known, proofs "
                                                 "under it can be forged (tests and benchmarks only)");
  const auto digest = blake2b<64>({as_bytes("dusk-plonk INSECURE srs v1"), seed});
  const Fr x = Fr::from_uniform_bytes(digest);
  std::vector<Fr> xs(powers);
  Fr p = Fr::one();
  for (Fr& v : xs) {
    v = p;
    p *= x;
  }
  const FixedBaseG1 table;
  std::vector<G1> points(powers);
  parallel_for(powers, 256, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) points[i] = table.mul(xs[i]);
  });
  Srs srs;
  srs.powers_g1_ = G1::batch_to_affine(points);
  srs.g2_ = G2Affine::generator();
  srs.x_g2_ = bls12_381::g2_mul_gls(G2::generator(), x).to_affine();
  return srs;
}

PlonkResult<Srs> Srs::truncated(size_t count) const {
  if (count < 2) return bad_srs("an SRS holds at least 2 powers");
  if (count > size()) {
    return PlonkFailure(PlonkError::kSrsTooSmall,
                        "SRS: " + std::to_string(count) + " powers asked of " + std::to_string(size()));
  }
  Srs s = *this;
  s.powers_g1_.resize(count);
  return s;
}

}  // namespace dusk::crypto::plonk
