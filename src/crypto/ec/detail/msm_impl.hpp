// Pippenger's method over any a = 0 short Weierstrass curve of point.hpp (see msm.hpp for
// the algorithm in bls12_381/msm.hpp). Included only by bls12_381/msm.cpp, which
// instantiates it for G1 and G2; another curve can instantiate it the same way.
#pragma once

#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include "crypto/ec/point.hpp"

namespace dusk::crypto::ec::detail {

// A point in XYZZ coordinates: (X/ZZ, Y/ZZZ) with ZZ^3 = ZZZ^2; ZZ = 0 is the identity.
template <typename F>
struct Xyzz {
  F x, y, zz, zzz;
  bool is_identity() const { return zz.is_zero(); }
};

// 2 (x, y) for an affine point, into XYZZ (mdbl-2008-s, a = 0).
template <typename F>
Xyzz<F> xyzz_dbl_affine(const F& x, const F& y) {
  const F u = y.dbl();
  const F v = u.square();
  const F w = u * v;
  const F s = x * v;
  const F xx = x.square();
  const F m = xx.dbl() + xx;
  Xyzz<F> r;
  r.x = m.square() - s.dbl();
  r.y = m * (s - r.x) - w * y;
  r.zz = v;
  r.zzz = w;
  return r;
}

// 2 P in XYZZ (dbl-2008-s, a = 0).
template <typename F>
Xyzz<F> xyzz_dbl(const Xyzz<F>& p) {
  const F u = p.y.dbl();
  const F v = u.square();
  const F w = u * v;
  const F s = p.x * v;
  const F xx = p.x.square();
  const F m = xx.dbl() + xx;
  Xyzz<F> r;
  r.x = m.square() - s.dbl();
  r.y = m * (s - r.x) - w * p.y;
  r.zz = v * p.zz;
  r.zzz = w * p.zzz;
  return r;
}

// acc += (x, -y) or (x, y): mixed addition (madd-2008-s), with the identity and
// doubling cases handled by branches (variable time).
template <typename F>
void xyzz_add_affine(Xyzz<F>& acc, const F& x, const F& y_signed) {
  if (acc.is_identity()) {
    acc = {x, y_signed, F::one(), F::one()};
    return;
  }
  const F u2 = x * acc.zz;
  const F s2 = y_signed * acc.zzz;
  const F p = u2 - acc.x;
  const F r = s2 - acc.y;
  if (p.is_zero()) {
    if (r.is_zero()) acc = xyzz_dbl_affine(x, y_signed);
    else acc.zz = F::zero(), acc.zzz = F::zero();  // P + (-P)
    return;
  }
  const F pp = p.square();
  const F ppp = p * pp;
  const F q = acc.x * pp;
  const F x3 = r.square() - ppp - q.dbl();
  acc.y = r * (q - x3) - acc.y * ppp;
  acc.x = x3;
  acc.zz = acc.zz * pp;
  acc.zzz = acc.zzz * ppp;
}

// acc += b, both XYZZ (add-2008-s), variable time.
template <typename F>
void xyzz_add(Xyzz<F>& acc, const Xyzz<F>& b) {
  if (b.is_identity()) return;
  if (acc.is_identity()) {
    acc = b;
    return;
  }
  const F u1 = acc.x * b.zz;
  const F u2 = b.x * acc.zz;
  const F s1 = acc.y * b.zzz;
  const F s2 = b.y * acc.zzz;
  const F p = u2 - u1;
  const F r = s2 - s1;
  if (p.is_zero()) {
    if (r.is_zero()) acc = xyzz_dbl(acc);
    else acc.zz = F::zero(), acc.zzz = F::zero();
    return;
  }
  const F pp = p.square();
  const F ppp = p * pp;
  const F q = u1 * pp;
  const F x3 = r.square() - ppp - q.dbl();
  acc.y = r * (q - x3) - s1 * ppp;
  acc.x = x3;
  acc.zz = acc.zz * b.zz * pp;
  acc.zzz = acc.zzz * b.zzz * ppp;
}

// XYZZ to homogeneous projective: (X ZZZ : Y ZZ : ZZ ZZZ).
template <typename Curve>
Projective<Curve> xyzz_to_projective(const Xyzz<typename Curve::F>& p) {
  if (p.is_identity()) return Projective<Curve>::identity();
  Projective<Curve> r;
  r.x = p.x * p.zzz;
  r.y = p.y * p.zz;
  r.z = p.zz * p.zzz;
  return r;
}

inline unsigned pippenger_window_bits(size_t n) {
  unsigned log2n = 0;
  while ((n >> (log2n + 1)) != 0) ++log2n;
  if (log2n > 12) return log2n - 3;
  if (log2n > 8) return log2n - 2;
  if (log2n > 4) return log2n - 1;
  return 2;
}

// The signed digit of window w (bits w c - 1 .. w c + c - 1, bit -1 being 0) of a
// 4-limb scalar: in [-2^(c-1), 2^(c-1)].
inline int booth_window(const std::array<u64, 4>& k, unsigned w, unsigned c) {
  const int start = static_cast<int>(w * c) - 1;
  u64 v = 0;
  for (unsigned b = 0; b <= c; ++b) {  // c + 1 bits, lowest first
    const int bit = start + static_cast<int>(b);
    if (bit < 0 || bit >= 256) continue;
    v |= ((k[static_cast<unsigned>(bit) / 64] >> (static_cast<unsigned>(bit) % 64)) & 1) << b;
  }
  const int iv = static_cast<int>(v);
  return (iv & 1) + (iv >> 1) - ((iv >> c) << c);
}

// The buckets of one window kept affine and updated in batches that share one inversion
// (Montgomery's trick), for large inputs. An affine addition is
// lambda = (y2 - y1) / (x2 - x1), x3 = lambda^2 - x1 - x2, y3 = lambda (x1 - x3) - y1;
// with the inversion spread over the batch (3M per element) that is about 5M + 1S,
// against 8M + 2S for the XYZZ mixed addition. A batch touches each bucket at most once:
// a point whose bucket is already in the pending batch, or whose x equals the bucket's
// (a doubling or a cancellation, which the affine formula cannot do), goes into a second
// set of XYZZ buckets instead, and the two sets are added at the reduction.
template <typename F>
class AffineBuckets {
 public:
  static constexpr size_t kBatch = 128;

  explicit AffineBuckets(size_t count)
      : x_(count), y_(count), set_(count), busy_(count), extra_(count) {}

  void clear() {
    std::fill(set_.begin(), set_.end(), u8{0});
    std::fill(extra_.begin(), extra_.end(), Xyzz<F>{});
  }

  // bucket[b] += (x, y).
  void add(size_t b, const F& x, const F& y) {
    if (!set_[b]) {
      x_[b] = x;
      y_[b] = y;
      set_[b] = 1;
    } else if (busy_[b] || x == x_[b]) {
      xyzz_add_affine(extra_[b], x, y);
    } else {
      busy_[b] = 1;
      pending_[count_] = Pending{b, x, y};
      if (++count_ == kBatch) flush();
    }
  }

  // Applies the pending additions with one inversion for the whole batch.
  void flush() {
    if (count_ == 0) return;
    std::array<F, kBatch> prefix;  // prefix[i] = product of the first i differences
    F acc = F::one();
    for (size_t i = 0; i < count_; ++i) {
      prefix[i] = acc;
      acc = acc * (pending_[i].x - x_[pending_[i].bucket]);
    }
    F inv = acc.inverse_vartime();  // 1 / (product of all differences)
    for (size_t i = count_; i-- > 0;) {
      const Pending& p = pending_[i];
      const size_t b = p.bucket;
      const F dx = p.x - x_[b];
      const F lambda = (p.y - y_[b]) * (inv * prefix[i]);
      inv = inv * dx;  // now 1 / (product of the first i differences)
      const F x3 = lambda.square() - x_[b] - p.x;
      y_[b] = lambda * (x_[b] - x3) - y_[b];
      x_[b] = x3;
      busy_[b] = 0;
    }
    count_ = 0;
  }

  // sum over buckets of (b + 1) bucket[b], by the running sum from the top.
  Xyzz<F> weighted_sum() {
    flush();
    Xyzz<F> running{}, sum{};
    for (size_t b = x_.size(); b-- > 0;) {
      xyzz_add(running, extra_[b]);
      if (set_[b]) xyzz_add_affine(running, x_[b], y_[b]);
      xyzz_add(sum, running);
    }
    return sum;
  }

 private:
  struct Pending {
    size_t bucket;
    F x, y;
  };
  std::vector<F> x_, y_;
  std::vector<u8> set_, busy_;
  std::vector<Xyzz<F>> extra_;
  std::array<Pending, kBatch> pending_;
  size_t count_ = 0;
};

template <typename Curve>
Projective<Curve> pippenger(std::span<const Affine<Curve>> points, std::span<const std::array<u64, 4>> scalars,
                            unsigned c, bool batch_affine) {
  using F = typename Curve::F;
  const size_t n = points.size();
  // c windows cover bits up to windows * c - 1 >= 255, whose top bit (the sign of the last
  // digit) is 0 for scalars below 2^255, so the digits sum to k.
  const unsigned windows = (256 + c - 1) / c;
  std::vector<Xyzz<F>> buckets(batch_affine ? 0 : size_t{1} << (c - 1));
  std::vector<AffineBuckets<F>> affine;
  if (batch_affine) affine.emplace_back(size_t{1} << (c - 1));
  Projective<Curve> result;
  for (unsigned w = windows; w-- > 0;) {
    for (unsigned d = 0; d < c && w + 1 != windows; ++d) result = result.dbl();
    if (batch_affine) {
      AffineBuckets<F>& ab = affine.front();
      ab.clear();
      for (size_t i = 0; i < n; ++i) {
        if (points[i].infinity) continue;
        const int digit = booth_window(scalars[i], w, c);
        if (digit > 0) ab.add(static_cast<size_t>(digit - 1), points[i].x, points[i].y);
        else if (digit < 0) ab.add(static_cast<size_t>(-digit - 1), points[i].x, -points[i].y);
      }
      result = result + xyzz_to_projective<Curve>(ab.weighted_sum());
      continue;
    }
    for (auto& b : buckets) b.zz = F::zero(), b.zzz = F::zero();
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      if (points[i].infinity) continue;
      const int digit = booth_window(scalars[i], w, c);
      if (digit == 0) continue;
      any = true;
      if (digit > 0) xyzz_add_affine(buckets[static_cast<size_t>(digit - 1)], points[i].x, points[i].y);
      else xyzz_add_affine(buckets[static_cast<size_t>(-digit - 1)], points[i].x, -points[i].y);
    }
    if (!any) continue;
    // sum_j (j + 1) B_j by a running sum from the top bucket down.
    Xyzz<F> running{F::zero(), F::zero(), F::zero(), F::zero()};
    Xyzz<F> sum = running;
    for (size_t j = buckets.size(); j-- > 0;) {
      xyzz_add(running, buckets[j]);
      xyzz_add(sum, running);
    }
    result = result + xyzz_to_projective<Curve>(sum);
  }
  return result;
}

}  // namespace dusk::crypto::ec::detail
