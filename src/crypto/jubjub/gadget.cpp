#include "crypto/jubjub/gadget.hpp"

namespace dusk::crypto::jubjub::gadget {

namespace {

// 2^i for i <= 254 (below r).
Fq pow2(unsigned i) {
  std::array<u8, 32> b{};
  b[i / 8] = static_cast<u8>(1u << (i % 8));
  return *Fq::from_bytes_le(b);
}

// The affine coordinates of a natively computed point.
std::pair<Fq, Fq> affine(const Point& p) { return {p.u(), p.v()}; }

}  // namespace

WitnessPoint append_point(Composer& cs, const Point& p) {
  const auto [u, v] = affine(p);
  const WitnessPoint w{cs.append_witness(u), cs.append_witness(v)};
  assert_on_curve(cs, w);
  return w;
}

WitnessPoint append_constant_point(Composer& cs, const Point& p) {
  const auto [u, v] = affine(p);
  return {cs.append_constant(u), cs.append_constant(v)};
}

void assert_on_curve(Composer& cs, const WitnessPoint& p) {
  const Witness uu = cs.gate_mul(p.u, p.u), vv = cs.gate_mul(p.v, p.v);
  // -uu + vv - 1 - d uu vv = 0
  cs.append_gate({.a = uu, .b = vv, .q_m = -edwards_d(), .q_l = -Fq::one(), .q_r = Fq::one(), .q_c = -Fq::one()});
}

void assert_equal_point(Composer& cs, const WitnessPoint& a, const WitnessPoint& b) {
  cs.assert_equal(a.u, b.u);
  cs.assert_equal(a.v, b.v);
}

Point value(const Composer& cs, const WitnessPoint& p) {
  auto q = Point::from_affine(cs.value(p.u), cs.value(p.v));
  return q.value_or(Point{});  // off the curve only in an unsatisfied witness
}

WitnessPoint add(Composer& cs, const WitnessPoint& a, const WitnessPoint& b) {
  const Witness t1 = cs.gate_mul(a.u, b.v);  // u1 v2
  const Witness t2 = cs.gate_mul(a.v, b.u);  // v1 u2
  const Witness t3 = cs.gate_mul(a.v, b.v);  // v1 v2
  const Witness t4 = cs.gate_mul(a.u, b.u);  // u1 u2
  const Witness t = cs.gate_mul(t3, t4);     // u1 u2 v1 v2
  const Fq& d = edwards_d();
  const Fq dt = d * cs.value(t);
  // Complete: 1 +- d t is never zero for points on the curve (d is not a square); for
  // an unsatisfied witness off the curve it may be, and the gate then fails.
  const Fq plus = Fq::one() + dt, minus = Fq::one() - dt;
  const Fq u3 = plus.is_zero() ? Fq::zero() : (cs.value(t1) + cs.value(t2)) * plus.inverse();
  const Fq v3 = minus.is_zero() ? Fq::zero() : (cs.value(t3) + cs.value(t4)) * minus.inverse();
  const WitnessPoint out{cs.append_witness(u3), cs.append_witness(v3)};
  // u3 + d u3 t - t1 - t2 = 0
  cs.append_gate({.a = out.u, .b = t, .c = t1, .d = t2, .q_m = d, .q_l = Fq::one(), .q_o = -Fq::one(),
                  .q_4 = -Fq::one()});
  // v3 - d v3 t - t3 - t4 = 0
  cs.append_gate({.a = out.v, .b = t, .c = t3, .d = t4, .q_m = -d, .q_l = Fq::one(), .q_o = -Fq::one(),
                  .q_4 = -Fq::one()});
  return out;
}

WitnessPoint dbl(Composer& cs, const WitnessPoint& p) {
  const Witness uu = cs.gate_mul(p.u, p.u), vv = cs.gate_mul(p.v, p.v), uv = cs.gate_mul(p.u, p.v);
  const Witness t = cs.gate_add(vv, uu, Fq::one(), -Fq::one());  // v^2 - u^2 = 1 + d u^2 v^2 on the curve
  const Fq tv = cs.value(t), s = Fq::from_u64(2) - tv;
  // Never zero on the curve (d is not a square); off it, the gates below fail.
  const Fq u3 = tv.is_zero() ? Fq::zero() : cs.value(uv).dbl() * tv.inverse();
  const Fq v3 = s.is_zero() ? Fq::zero() : (cs.value(uu) + cs.value(vv)) * s.inverse();
  const WitnessPoint out{cs.append_witness(u3), cs.append_witness(v3)};
  // u3 t - 2 uv = 0
  cs.append_gate({.a = out.u, .b = t, .c = uv, .q_m = Fq::one(), .q_o = -Fq::from_u64(2)});
  // 2 v3 - v3 t - uu - vv = 0
  cs.append_gate({.a = out.v, .b = t, .c = uu, .d = vv, .q_m = -Fq::one(), .q_l = Fq::from_u64(2), .q_o = -Fq::one(),
                  .q_4 = -Fq::one()});
  return out;
}

WitnessPoint append_prime_order_point(Composer& cs, const Point& p) {
  static const Scalar kInverseOfEight = Scalar::from_u64(8).inverse();
  const WitnessPoint q = append_point(cs, p * kInverseOfEight);
  return dbl(cs, dbl(cs, dbl(cs, q)));
}

std::vector<Witness> decompose(Composer& cs, Witness x, unsigned n) {
  const auto bytes = cs.value(x).to_bytes_le();
  std::vector<Witness> bits(n);
  for (unsigned i = 0; i < n; ++i) {
    bits[i] = cs.append_witness(Fq::from_u64((bytes[i / 8] >> (i % 8)) & 1));
    cs.component_boolean(bits[i]);
  }
  // acc_{i+2} = acc_i + 2^i b_i + 2^(i+1) b_(i+1), from the least significant end.
  Witness acc = Composer::zero();
  Fq acc_value = Fq::zero();
  for (unsigned i = 0; i < n; i += 2) {
    const bool pair = i + 1 < n;
    const Witness hi = pair ? bits[i + 1] : Composer::zero();
    const Fq w_lo = pow2(i), w_hi = pair ? pow2(i + 1) : Fq::zero();
    acc_value = acc_value + w_lo * cs.value(bits[i]) + w_hi * cs.value(hi);
    const Witness next = cs.append_witness(acc_value);
    cs.append_gate({.a = acc, .b = bits[i], .c = next, .d = hi, .q_l = Fq::one(), .q_r = w_lo, .q_o = -Fq::one(),
                    .q_4 = w_hi});
    acc = next;
  }
  cs.assert_equal(acc, x);
  return bits;
}

WitnessPoint mul_variable(Composer& cs, Witness k, const WitnessPoint& p) {
  return mul_variable(cs, decompose(cs, k, kScalarBits), p);
}

WitnessPoint mul_fixed(Composer& cs, Witness k, const Point& base) {
  return mul_fixed(cs, decompose(cs, k, kScalarBits), base);
}

WitnessPoint mul_variable(Composer& cs, std::span<const Witness> bits, const WitnessPoint& p) {
  WitnessPoint acc{cs.append_constant(Fq::zero()), cs.append_constant(Fq::one())};  // the identity
  for (size_t i = bits.size(); i-- > 0;) {
    acc = dbl(cs, acc);
    const Witness b = bits[i];
    // The addend: p when b, else the identity (0, 1).
    const Witness u = cs.gate_mul(b, p.u);
    const Witness v = cs.append_witness(cs.value(b) * (cs.value(p.v) - Fq::one()) + Fq::one());
    cs.append_gate({.a = b, .b = p.v, .c = v, .q_m = Fq::one(), .q_l = -Fq::one(), .q_o = -Fq::one(),
                    .q_c = Fq::one()});
    acc = add(cs, acc, {u, v});
  }
  return acc;
}

WitnessPoint mul_fixed(Composer& cs, std::span<const Witness> bits, const Point& base) {
  std::optional<WitnessPoint> acc;
  Point window_base = base;  // 4^w * base
  for (size_t w = 0; 2 * w < bits.size(); ++w) {
    // An odd count's last window has one bit: its high bit is the zero witness.
    const Witness b0 = bits[2 * w], b1 = 2 * w + 1 < bits.size() ? bits[2 * w + 1] : Composer::zero();
    // The window's multiple j * 4^w * base for j = b0 + 2 b1, selected from four constants:
    // c0 + b0 (c1 - c0) + b1 (c2 - c0) + b0 b1 (c3 - c2 - c1 + c0).
    const Point m1 = window_base, m2 = window_base.dbl(), m3 = m2 + window_base;
    const std::array<std::pair<Fq, Fq>, 4> c{std::pair{Fq::zero(), Fq::one()}, affine(m1), affine(m2), affine(m3)};
    const Witness both = cs.gate_mul(b0, b1);
    auto select = [&](Fq std::pair<Fq, Fq>::*coord) {
      const Fq k0 = c[0].*coord, k1 = c[1].*coord - k0, k2 = c[2].*coord - k0,
               k3 = c[3].*coord - c[2].*coord - c[1].*coord + k0;
      const Witness out = cs.append_witness(k0 + k1 * cs.value(b0) + k2 * cs.value(b1) + k3 * cs.value(both));
      cs.append_gate({.a = b0, .b = b1, .c = out, .d = both, .q_l = k1, .q_r = k2, .q_o = -Fq::one(), .q_4 = k3,
                      .q_c = k0});
      return out;
    };
    const WitnessPoint addend{select(&std::pair<Fq, Fq>::first), select(&std::pair<Fq, Fq>::second)};
    acc = acc ? add(cs, *acc, addend) : addend;
    window_base = m2.dbl();
  }
  if (!acc) return {cs.append_constant(Fq::zero()), cs.append_constant(Fq::one())};  // no bits: the identity
  return *acc;
}

}  // namespace dusk::crypto::jubjub::gadget
