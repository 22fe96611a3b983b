// Scheme<V>::batch_verify and the OS random source (declared in scheme.hpp).
//
// With random scalars r_i the batch holds iff
//   prod_i e([r_i] pk_i, H(m_i)) * e(-g, sum_i [r_i] s_i) == 1
// (pairs written key side first; V::pair puts them in (G1, G2) order). The randomizer of
// each pair goes on its G1 point, the cheaper group to multiply in. The signature sum is
// one multi-scalar multiplication with short scalars, done by Straus' method: one chain
// of 64 or 128 doublings shared by all points, width-4 NAF digits, odd multiples P, 3P,
// 5P, 7P precomputed per point. Everything here is public data: variable time.

#include <array>
#include <type_traits>
#include <vector>

#include "crypto/bls/scheme.hpp"
#include "crypto/bls12_381/fp12.hpp"

namespace dusk::crypto::bls {

using bls12_381::G1;
using bls12_381::PairingInput;

namespace {

// Digits of a batch scalar: at most 128 bits, so at most 129 NAF digits.
constexpr size_t kMaxDigits = 130;
using Naf = std::array<i8, kMaxDigits>;

// Width-4 NAF of the two-limb little-endian integer k (odd digits in [-7, 7] or zero, at
// most one nonzero in any four consecutive), least significant first. Returns the length.
size_t naf4(u64 lo, u64 hi, Naf& out) {
  u64 top = 0;  // a carry above bit 127, so k + 7 cannot overflow
  size_t len = 0;
  while ((lo | hi | top) != 0) {
    i8 d = 0;
    if (lo & 1) {
      int m = static_cast<int>(lo & 15);
      if (m >= 8) m -= 16;
      d = static_cast<i8>(m);
      if (m > 0) {  // k -= m: no borrow beyond lo, since the low bits of lo are m
        lo -= static_cast<u64>(m);
      } else {  // k += -m
        const u64 old = lo;
        lo += static_cast<u64>(-m);
        if (lo < old && ++hi == 0) ++top;
      }
    }
    out[len++] = d;
    lo = (lo >> 1) | (hi << 63);
    hi = (hi >> 1) | (top << 63);
    top >>= 1;
  }
  return len;
}

// sum [k_i] P_i, k_i = (lo_i, hi_i) from `scalars` two words per point.
template <typename P>
P short_multi_scalar_sum(const std::vector<P>& points, const std::vector<u64>& scalars) {
  const size_t n = points.size();
  std::vector<std::array<P, 4>> odd(n);
  std::vector<Naf> nafs(n);
  std::vector<size_t> lens(n);
  size_t max_len = 0;
  for (size_t i = 0; i < n; ++i) {
    const P twice = points[i].dbl();
    odd[i][0] = points[i];
    for (size_t j = 1; j < 4; ++j) odd[i][j] = odd[i][j - 1] + twice;
    lens[i] = naf4(scalars[2 * i], scalars[2 * i + 1], nafs[i]);
    max_len = std::max(max_len, lens[i]);
  }
  P acc;
  for (size_t b = max_len; b-- > 0;) {
    acc = acc.dbl();
    for (size_t i = 0; i < n; ++i) {
      if (b >= lens[i]) continue;
      const int d = nafs[i][b];
      if (d > 0) acc += odd[i][static_cast<size_t>(d / 2)];
      if (d < 0) acc += -odd[i][static_cast<size_t>(-d / 2)];
    }
  }
  return acc;
}

}  // namespace

namespace {

// Random nonzero scalars of `limbs` 64-bit words for n items, stored two words per item.
BlsResult<std::vector<u64>> draw_scalars(size_t n, size_t limbs, std::string_view name, const RandomSource& rng) {
  std::vector<u64> scalars(n * 2, 0);
  std::vector<u8> bytes(n * limbs * 8);
  if (!rng(bytes)) return bls_error(BlsError::kRandomness, name, "random source failed");
  for (size_t i = 0; i < n; ++i) {
    for (int attempt = 0;; ++attempt) {
      u64 acc = 0;
      for (size_t l = 0; l < limbs; ++l) {
        u64 w = 0;
        for (size_t b = 0; b < 8; ++b) w = (w << 8) | bytes[(i * limbs + l) * 8 + b];
        scalars[2 * i + l] = w;
        acc |= w;
      }
      if (acc != 0) break;
      // A zero scalar would drop the item from the check: draw again (probability
      // 2^-64 per item at most). A source that keeps giving zeros is broken.
      if (attempt == 8) return bls_error(BlsError::kRandomness, name, "random source keeps returning zeros");
      if (!rng(std::span<u8>(bytes).subspan(i * limbs * 8, limbs * 8)))
        return bls_error(BlsError::kRandomness, name, "random source failed");
    }
  }
  return scalars;
}

// The pieces both forms of the check share: the scalars, each item's hash scaled by its
// scalar (affine), and the scalars' sum of the signatures (affine).
template <typename V>
struct BatchTerms {
  std::vector<typename V::SigPoint::AffinePoint> scaled_hashes;
  typename V::SigPoint::AffinePoint signature_sum;
};

template <typename V>
BlsResult<BatchTerms<V>> batch_terms(std::span<const typename Scheme<V>::BatchItem> items, BatchSecurity security,
                                     const RandomSource& rng) {
  if (items.empty()) return bls_error(BlsError::kEmptyAggregate, V::kName, "batch_verify over no signatures");
  const size_t limbs = security == BatchSecurity::k64 ? 1 : 2;
  DUSK_ASSIGN(const std::vector<u64> scalars, draw_scalars(items.size(), limbs, V::kName, rng));
  const auto scalar = [&](size_t i) { return std::span<const u64>(&scalars[2 * i], limbs); };

  std::vector<typename V::SigPoint> hashes;
  hashes.reserve(items.size());
  for (const auto& item : items) hashes.push_back(V::hash_to_sig_group(item.message, as_bytes(V::kSignatureDst)));
  const auto hashes_affine = V::SigPoint::batch_to_affine(hashes);
  std::vector<typename V::SigPoint> scaled;
  scaled.reserve(items.size());
  std::vector<typename V::SigPoint> sigs;
  sigs.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    scaled.push_back(V::SigPoint::from_affine(hashes_affine[i]).mul_vartime(scalar(i)));
    sigs.push_back(V::SigPoint::from_affine(items[i].signature.point()));
  }
  return BatchTerms<V>{V::SigPoint::batch_to_affine(scaled), short_multi_scalar_sum(sigs, scalars).to_affine()};
}

}  // namespace

template <typename V>
BlsStatus Scheme<V>::batch_verify(std::span<const BatchItem> items, BatchSecurity security,
                               const RandomSource& rng) {
  // The randomizer goes on each pair's G1 point. For min-sig that is the hash (the
  // signature group); for min-pk, the key.
  if constexpr (std::is_same_v<V, MinSig>) {
    return batch_verify_prepared(items, {}, security, rng);
  } else {
    if (items.empty()) return bls_error(BlsError::kEmptyAggregate, V::kName, "batch_verify over no signatures");
    const size_t limbs = security == BatchSecurity::k64 ? 1 : 2;
    DUSK_ASSIGN(const std::vector<u64> scalars, draw_scalars(items.size(), limbs, V::kName, rng));
    const auto scalar = [&](size_t i) { return std::span<const u64>(&scalars[2 * i], limbs); };
    std::vector<typename V::SigPoint> hashes;
    hashes.reserve(items.size());
    for (const auto& item : items)
      hashes.push_back(V::hash_to_sig_group(item.message, as_bytes(V::kSignatureDst)));
    const auto hashes_affine = V::SigPoint::batch_to_affine(hashes);
    std::vector<G1> scaled;
    scaled.reserve(items.size());
    std::vector<PairingInput> pairs;
    pairs.reserve(items.size() + 1);
    std::vector<typename V::SigPoint> sigs;
    sigs.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      PairingInput p = V::pair(items[i].public_key.point(), hashes_affine[i]);
      scaled.push_back(G1::from_affine(p.first).mul_vartime(scalar(i)));
      pairs.push_back(p);
      sigs.push_back(V::SigPoint::from_affine(items[i].signature.point()));
    }
    const auto scaled_affine = G1::batch_to_affine(scaled);
    for (size_t i = 0; i < items.size(); ++i) pairs[i].first = scaled_affine[i];
    const auto sig_sum = short_multi_scalar_sum(sigs, scalars);
    pairs.push_back(V::pair(-V::KeyPoint::AffinePoint::generator(), sig_sum.to_affine()));
    if (!bls12_381::multi_pairing(pairs).is_one())
      return bls_error(BlsError::kInvalidSignature, V::kName,
                       "batch does not verify: at least one signature is invalid");
    return {};
  }
}

BlsStatus batch_verify_prepared(std::span<const Scheme<MinSig>::BatchItem> items,
                                std::span<const bls12_381::G2Prepared* const> key_lines, BatchSecurity security,
                                const RandomSource& rng) {
  if (!key_lines.empty() && key_lines.size() != items.size())
    return bls_error(BlsError::kLengthMismatch, MinSig::kName, "batch_verify_prepared: one set of lines per item");
  DUSK_ASSIGN(const BatchTerms<MinSig> terms, batch_terms<MinSig>(items, security, rng));
  // Keys with lines go through the loop over prepared pairs; the others through the
  // plain loop (computing their lines on the way costs less than preparing them first);
  // the two products share one final exponentiation.
  std::vector<bls12_381::PreparedPairingInput> prepared;
  std::vector<PairingInput> plain;
  prepared.reserve(items.size() + 1);
  for (size_t i = 0; i < items.size(); ++i) {
    const bls12_381::G2Prepared* lines = key_lines.empty() ? nullptr : key_lines[i];
    if (lines)
      prepared.push_back({terms.scaled_hashes[i], lines});
    else
      plain.push_back({terms.scaled_hashes[i], items[i].public_key.point()});
  }
  prepared.push_back({terms.signature_sum, &bls12_381::neg_g2_generator_lines()});
  auto f = bls12_381::miller_loop(prepared);
  if (!plain.empty()) f = f * bls12_381::miller_loop(plain);
  if (!bls12_381::final_exponentiation(f).is_one())
    return bls_error(BlsError::kInvalidSignature, MinSig::kName,
                     "batch does not verify: at least one signature is invalid");
  return {};
}

template BlsStatus Scheme<MinSig>::batch_verify(std::span<const BatchItem>, BatchSecurity,
                                             const RandomSource&);
template BlsStatus Scheme<MinPk>::batch_verify(std::span<const BatchItem>, BatchSecurity,
                                            const RandomSource&);

}  // namespace dusk::crypto::bls
