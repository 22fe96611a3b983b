#include "crypto/jubjub/jubjub.hpp"

namespace dusk::crypto::jubjub {

namespace {

const Fq& two_d() {
  static const Fq k = edwards_d() + edwards_d();
  return k;
}

bool on_curve(const Fq& u, const Fq& v) {
  const Fq u2 = u.square(), v2 = v.square();
  return v2 - u2 == Fq::one() + edwards_d() * u2 * v2;
}

bool low_bit(const Fq& x) { return (x.to_bytes_le()[0] & 1) != 0; }

}  // namespace

// r_J = 0x0e7db4ea6533afa906673b0101343b00a6682093ccc81082d0970e5ed6f72cb7
const std::array<u8, 32> kSubgroupOrderLe = {
    0xb7, 0x2c, 0xf7, 0xd6, 0x5e, 0x0e, 0x97, 0xd0, 0x82, 0x10, 0xc8, 0xcc, 0x93, 0x20, 0x68, 0xa6,
    0x00, 0x3b, 0x34, 0x01, 0x01, 0x3b, 0x67, 0x06, 0xa9, 0xaf, 0x33, 0x65, 0xea, 0xb4, 0x7d, 0x0e};

const Fq& edwards_d() {
  static const Fq d = -(Fq::from_u64(10240) * Fq::from_u64(10241).inverse());
  return d;
}

Point::Point() : u_(Fq::zero()), v_(Fq::one()), z_(Fq::one()), t_(Fq::zero()) {}

std::optional<Point> Point::from_affine(const Fq& u, const Fq& v) {
  if (!on_curve(u, v)) return std::nullopt;
  return Point(u, v, Fq::one(), u * v);
}

std::optional<Point> Point::decode(std::span<const u8, 32> bytes) {
  std::array<u8, 32> b{};
  std::copy(bytes.begin(), bytes.end(), b.begin());
  const bool sign = (b[31] & 0x80) != 0;
  b[31] &= 0x7f;
  auto v = Fq::from_bytes_le(b);
  if (!v.ok()) return std::nullopt;  // v >= q
  const Fq v2 = v->square();
  // -u^2 + v^2 = 1 + d u^2 v^2  =>  u^2 = (v^2 - 1) / (1 + d v^2); the denominator is
  // never zero (d is not a square).
  const Fq u2 = (v2 - Fq::one()) * (Fq::one() + edwards_d() * v2).inverse();
  auto u = u2.sqrt_vartime();
  if (!u) return std::nullopt;
  if (u->is_zero() && sign) return std::nullopt;  // ZIP-216: no "negative zero"
  Fq uu = *u;
  if (low_bit(uu) != sign) uu = -uu;
  return Point(uu, *v, Fq::one(), uu * *v);
}

std::optional<Point> Point::decode_prime_order(std::span<const u8, 32> bytes) {
  auto p = decode(bytes);
  if (!p || !p->is_prime_order()) return std::nullopt;
  return p;
}

Fq Point::u() const { return u_ * z_.inverse(); }
Fq Point::v() const { return v_ * z_.inverse(); }

std::array<u8, 32> Point::encode() const {
  const Fq zi = z_.inverse();
  const Fq u = u_ * zi, v = v_ * zi;
  std::array<u8, 32> out = v.to_bytes_le();
  if (low_bit(u)) out[31] |= 0x80;
  return out;
}

Point Point::operator+(const Point& o) const {
  // add-2008-hwcd-3 (a = -1, k = 2d): complete on Jubjub.
  const Fq a = (v_ - u_) * (o.v_ - o.u_);
  const Fq b = (v_ + u_) * (o.v_ + o.u_);
  const Fq c = t_ * two_d() * o.t_;
  const Fq d = (z_ + z_) * o.z_;
  const Fq e = b - a, f = d - c, g = d + c, h = b + a;
  return Point(e * f, g * h, f * g, e * h);
}

Point Point::operator-() const { return Point(-u_, v_, z_, -t_); }

Point Point::dbl() const {
  // dbl-2008-hwcd with a = -1.
  const Fq a = u_.square();
  const Fq b = v_.square();
  const Fq c = z_.square() + z_.square();
  const Fq d = -a;
  const Fq e = (u_ + v_).square() - a - b;
  const Fq g = d + b;
  const Fq f = g - c;
  const Fq h = d - b;
  return Point(e * f, g * h, f * g, e * h);
}

Point Point::mul_vartime(std::span<const u8> scalar_le) const {
  // Fixed 4-bit windows, most significant first; zero windows skip the addition.
  std::array<Point, 16> table;
  table[1] = *this;
  for (size_t i = 2; i < table.size(); ++i) table[i] = table[i - 1] + *this;
  Point acc;
  bool started = false;
  for (size_t i = scalar_le.size(); i-- > 0;) {
    for (int half = 1; half >= 0; --half) {
      const unsigned nibble = (scalar_le[i] >> (4 * half)) & 0xF;
      if (started) acc = acc.dbl().dbl().dbl().dbl();
      if (nibble != 0) {
        acc = started ? acc + table[nibble] : table[nibble];
        started = true;
      }
    }
  }
  return acc;
}

Point Point::mul_add_vartime(const Point& p, std::span<const u8, 32> a_le, const Point& q,
                             std::span<const u8, 32> b_le) {
  const Point pq = p + q;
  Point acc;
  for (size_t i = 32; i-- > 0;) {
    for (int bit = 7; bit >= 0; --bit) {
      acc = acc.dbl();
      const bool x = (a_le[i] >> bit) & 1, y = (b_le[i] >> bit) & 1;
      if (x && y)
        acc = acc + pq;
      else if (x)
        acc = acc + p;
      else if (y)
        acc = acc + q;
    }
  }
  return acc;
}

bool Point::is_identity() const { return u_.is_zero() && v_ == z_; }

Point Point::select(bool choose_b, const Point& a, const Point& b) {
  return Point(Fq::select(choose_b, a.u_, b.u_), Fq::select(choose_b, a.v_, b.v_),
               Fq::select(choose_b, a.z_, b.z_), Fq::select(choose_b, a.t_, b.t_));
}

Point Point::mul(const Scalar& k) const {
  // table[i] = i * this, i = 0..15.
  std::array<Point, 16> table;
  table[1] = *this;
  for (size_t i = 2; i < table.size(); ++i) table[i] = table[i - 1] + *this;
  const auto bytes = k.to_bytes_le();  // canonical: below r_J < 2^252
  Point acc;
  for (size_t w = 64; w-- > 0;) {  // 64 windows of 4 bits, the top one always zero
    acc = acc.dbl().dbl().dbl().dbl();
    const unsigned nibble = (bytes[w / 2] >> (4 * (w % 2))) & 0xF;
    Point chosen;
    for (unsigned i = 0; i < table.size(); ++i) chosen = select(i == nibble, chosen, table[i]);
    acc = acc + chosen;
  }
  return acc;
}

bool Point::is_torsion_free() const { return mul_vartime(kSubgroupOrderLe).is_identity(); }

const Point& generator() {
  static const Point g = *Point::from_affine(
      *Fq::from_canonical(ff::from_hex<4>("3fd2814c43ac65a6f1fbf02d0fd6cce62e3ebb21fd6c54ed4df7b7ffec7beaca")),
      Fq::from_u64(0x12));
  return g;
}

const Point& generator_nums() {
  static const Point g = *Point::from_affine(
      *Fq::from_canonical(ff::from_hex<4>("5e67b8f316f414f7bd9514c773fd4456931e316a39fe4541921710179df76377")),
      *Fq::from_canonical(ff::from_hex<4>("43d80eb3b2f3eb1b7b162dbeeb3b34fd9949ba0f82a5507a6705b707162e3ef8")));
  return g;
}

bool Point::operator==(const Point& o) const {
  // u1/z1 = u2/z2 and v1/z1 = v2/z2, cross-multiplied.
  return u_ * o.z_ == o.u_ * z_ && v_ * o.z_ == o.v_ * z_;
}

}  // namespace dusk::crypto::jubjub
