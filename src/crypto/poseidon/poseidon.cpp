#include "crypto/poseidon/poseidon.hpp"

#include <algorithm>
#include <string_view>

#include <openssl/evp.h>

namespace dusk::crypto::poseidon {

namespace {

Fr pow5(const Fr& x) {
  const Fr x2 = x.square();
  return x2.square() * x;
}

// 2^256 mod r: what upstream's raw load multiplies every constant by (see the header).
Fr montgomery_r() {
  std::array<u8, 64> wide{};
  wide[31] = 1;  // big-endian 2^256
  return Fr::from_uniform_bytes(wide);
}

Parameters generate() {
  Parameters p;
  const Fr r = montgomery_r();
  std::array<u8, 64> digest{};
  constexpr std::string_view kSeed = "poseidon-for-plonk";
  std::vector<u8> input(kSeed.begin(), kSeed.end());
  Fr previous = Fr::one();
  for (auto& round : p.round_constants) {
    for (Fr& c : round) {
      unsigned int n = 0;
      EVP_Digest(input.data(), input.size(), digest.data(), &n, EVP_sha512(), nullptr);
      input.assign(digest.begin(), digest.end());
      const Fr value = Fr::from_uniform_bytes_le(digest) + previous;
      previous = value;
      c = value * r;
    }
  }
  for (size_t i = 0; i < kWidth; ++i)
    for (size_t j = 0; j < kWidth; ++j) p.mds[i][j] = (Fr::from_u64(i + j + kWidth).inverse()) * r;
  return p;
}

void mix(std::array<Fr, kWidth>& s, const std::array<std::array<Fr, kWidth>, kWidth>& m) {
  std::array<Fr, kWidth> out{};
  for (size_t k = 0; k < kWidth; ++k) {
    Fr acc = Fr::zero();
    for (size_t j = 0; j < kWidth; ++j) acc = acc + m[k][j] * s[j];
    out[k] = acc;
  }
  s = out;
}

}  // namespace

const Parameters& parameters() {
  static const Parameters kParameters = generate();
  return kParameters;
}

void detail::permute_reference(std::array<Fr, kWidth>& s) {
  const Parameters& p = parameters();
  size_t round = 0;
  auto full = [&] {
    for (size_t i = 0; i < kWidth; ++i) s[i] = pow5(s[i] + p.round_constants[round][i]);
    mix(s, p.mds);
    ++round;
  };
  for (size_t i = 0; i < kFullRounds / 2; ++i) full();
  for (size_t i = 0; i < kPartialRounds; ++i) {
    for (size_t j = 0; j < kWidth; ++j) s[j] = s[j] + p.round_constants[round][j];
    s[kWidth - 1] = pow5(s[kWidth - 1]);
    mix(s, p.mds);
    ++round;
  }
  for (size_t i = 0; i < kFullRounds / 2; ++i) full();
}

namespace {

using Matrix = std::array<std::array<Fr, kWidth>, kWidth>;
using Small = std::array<std::array<Fr, kWidth - 1>, kWidth - 1>;

Matrix multiply(const Matrix& a, const Matrix& b) {
  Matrix out{};
  for (size_t i = 0; i < kWidth; ++i)
    for (size_t j = 0; j < kWidth; ++j)
      for (size_t k = 0; k < kWidth; ++k) out[i][j] = out[i][j] + a[i][k] * b[k][j];
  return out;
}

// The inverse of a 4x4 matrix by Gauss-Jordan elimination (the MDS matrix's minors are
// invertible: every square submatrix of a Cauchy matrix is).
Small invert(Small m) {
  Small inv{};
  for (size_t i = 0; i < kWidth - 1; ++i) inv[i][i] = Fr::one();
  for (size_t col = 0; col < kWidth - 1; ++col) {
    size_t pivot = col;
    while (m[pivot][col].is_zero()) ++pivot;  // exists: the matrix is invertible
    std::swap(m[pivot], m[col]);
    std::swap(inv[pivot], inv[col]);
    const Fr scale = m[col][col].inverse();
    for (size_t k = 0; k < kWidth - 1; ++k) {
      m[col][k] = m[col][k] * scale;
      inv[col][k] = inv[col][k] * scale;
    }
    for (size_t r = 0; r < kWidth - 1; ++r) {
      if (r == col) continue;
      const Fr f = m[r][col];
      for (size_t k = 0; k < kWidth - 1; ++k) {
        m[r][k] = m[r][k] - f * m[col][k];
        inv[r][k] = inv[r][k] - f * inv[col][k];
      }
    }
  }
  return inv;
}

OptimizedParameters optimize() {
  const Parameters& p = parameters();
  const Matrix& mds = p.mds;
  constexpr size_t s = kWidth - 1;  // the S-box element of partial rounds
  constexpr size_t first = kFullRounds / 2, after = first + kPartialRounds;
  OptimizedParameters o;
  o.round_constants = p.round_constants;

  // Constants: each partial round keeps its S-box element's; the rest goes through the
  // matrix into the next round, until the full round after the partials takes it.
  std::array<Fr, kWidth> carry{};
  for (size_t r = first; r < after; ++r) {
    std::array<Fr, kWidth> c{};
    for (size_t i = 0; i < kWidth; ++i) c[i] = p.round_constants[r][i] + carry[i];
    o.round_constants[r] = {};
    o.round_constants[r][s] = c[s];
    c[s] = Fr::zero();
    for (size_t i = 0; i < kWidth; ++i) {
      carry[i] = Fr::zero();
      for (size_t j = 0; j < kWidth; ++j) carry[i] = carry[i] + mds[i][j] * c[j];
    }
  }
  for (size_t i = 0; i < kWidth; ++i) o.round_constants[after][i] = o.round_constants[after][i] + carry[i];

  // Matrices, from the last partial round back: A = M'' M' with
  //   A = [[D, c], [b^T, a]],  M' = [[D, 0], [0, 1]],  M'' = [[I, c], [b^T D^-1, a]],
  // and the round before gets M' M.
  Matrix a = mds;
  for (size_t r = kPartialRounds - 1; r >= 1; --r) {
    Small d{};
    for (size_t i = 0; i < s; ++i)
      for (size_t j = 0; j < s; ++j) d[i][j] = a[i][j];
    const Small d_inv = invert(d);
    OptimizedParameters::Sparse& sp = o.sparse[r - 1];
    for (size_t i = 0; i < s; ++i) sp.column[i] = a[i][s];
    for (size_t j = 0; j < s; ++j) {
      Fr acc = Fr::zero();
      for (size_t k = 0; k < s; ++k) acc = acc + a[s][k] * d_inv[k][j];
      sp.row[j] = acc;
    }
    sp.row[s] = a[s][s];
    Matrix m_prime{};
    for (size_t i = 0; i < s; ++i)
      for (size_t j = 0; j < s; ++j) m_prime[i][j] = d[i][j];
    m_prime[s][s] = Fr::one();
    a = multiply(m_prime, mds);
  }
  o.first_partial = a;
  return o;
}

}  // namespace

const OptimizedParameters& optimized_parameters() {
  static const OptimizedParameters kOptimized = optimize();
  return kOptimized;
}

void permute(std::array<Fr, kWidth>& s) {
  const Parameters& p = parameters();
  const OptimizedParameters& o = optimized_parameters();
  size_t round = 0;
  auto full = [&] {
    for (size_t i = 0; i < kWidth; ++i) s[i] = pow5(s[i] + o.round_constants[round][i]);
    mix(s, p.mds);
    ++round;
  };
  constexpr size_t last = kWidth - 1;
  for (size_t i = 0; i < kFullRounds / 2; ++i) full();
  // The first partial round: its constant, the S-box, the dense matrix.
  s[last] = pow5(s[last] + o.round_constants[round][last]);
  mix(s, o.first_partial);
  ++round;
  for (const OptimizedParameters::Sparse& sp : o.sparse) {
    s[last] = pow5(s[last] + o.round_constants[round][last]);
    const Fr x = s[last];
    Fr out = sp.row[last] * x;
    for (size_t j = 0; j < last; ++j) {
      out = out + sp.row[j] * s[j];
      s[j] = s[j] + sp.column[j] * x;
    }
    s[last] = out;
    ++round;
  }
  for (size_t i = 0; i < kFullRounds / 2; ++i) full();
}

Sponge::Sponge(Fr tag) { state_[0] = tag; }

void Sponge::absorb(const Fr& x) {
  if (pos_absorb_ == kRate) {
    permute(state_);
    pos_absorb_ = 0;
  }
  state_[1 + pos_absorb_] = state_[1 + pos_absorb_] + x;
  ++pos_absorb_;
  pos_squeeze_ = kRate;  // the next squeeze permutes
}

Fr Sponge::squeeze() {
  if (pos_squeeze_ == kRate) {
    permute(state_);
    pos_squeeze_ = 0;
    pos_absorb_ = 0;
  }
  return state_[1 + pos_squeeze_++];
}

}  // namespace dusk::crypto::poseidon
