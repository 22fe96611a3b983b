// Direct tests of Uint256 edge cases; uint256_oracle_test.cpp covers random values.
#include <gtest/gtest.h>

#include "base/uint256.hpp"

namespace dusk {
namespace {

Uint256 h(const char* s) { return *Uint256::from_hex(s); }
const Uint256 kMax = Uint256::max();
const Uint256 kMin = shl(Uint256{1}, 255);  // -2^255 as a signed word

TEST(Uint256, ConstexprBasics) {
  static_assert(Uint256{2} + Uint256{3} == Uint256{5});
  static_assert(Uint256{} - Uint256{1} == Uint256::max());
  static_assert(Uint256::max() * Uint256::max() == Uint256{1});
  static_assert(clz(Uint256{}) == 256 && clz(Uint256{1}) == 255 && clz(Uint256::max()) == 0);
  static_assert(shl(Uint256{1}, 64) == Uint256{0, 1, 0, 0});
  static_assert(shr(Uint256{0, 1, 0, 0}, 1) == Uint256{u64{1} << 63});
}

TEST(Uint256, AddSubCarries) {
  EXPECT_EQ(kMax + Uint256{1}, Uint256{});
  EXPECT_TRUE(add_with_carry(kMax, Uint256{1}).carry);
  EXPECT_FALSE(add_with_carry(kMax, Uint256{}).carry);
  EXPECT_EQ(Uint256(~u64{0}) + Uint256{1}, Uint256(0, 1, 0, 0));
  EXPECT_TRUE(sub_with_borrow(Uint256{}, Uint256{1}).carry);
}

TEST(Uint256, MulFull) {
  const auto p = mul_full(kMax, kMax);  // (2^256 - 1)^2 = 2^512 - 2^257 + 1
  const std::array<u64, 8> want = {1, 0, 0, 0, ~u64{1}, ~u64{0}, ~u64{0}, ~u64{0}};
  EXPECT_EQ(p, want);
}

TEST(Uint256, DivisionByZeroIsZero) {
  EXPECT_EQ(evm_div(kMax, Uint256{}), Uint256{});
  EXPECT_EQ(evm_mod(kMax, Uint256{}), Uint256{});
  EXPECT_EQ(evm_sdiv(kMax, Uint256{}), Uint256{});
  EXPECT_EQ(evm_smod(kMax, Uint256{}), Uint256{});
  EXPECT_EQ(evm_addmod(kMax, kMax, Uint256{}), Uint256{});
  EXPECT_EQ(evm_mulmod(kMax, kMax, Uint256{}), Uint256{});
}

TEST(Uint256, Division) {
  EXPECT_EQ(evm_div(kMax, Uint256{1}), kMax);
  EXPECT_EQ(evm_div(kMax, kMax), Uint256{1});
  EXPECT_EQ(evm_div(Uint256{5}, kMax), Uint256{});
  EXPECT_EQ(evm_mod(Uint256{5}, kMax), Uint256{5});
  EXPECT_EQ(evm_div(kMax, Uint256{0, 1, 0, 0}), Uint256(~u64{0}, ~u64{0}, ~u64{0}, 0));
  // Divisor and dividend with top limbs at the normalization boundary: the identity
  // n = q d + r with r < d must hold (the oracle test covers many more such limbs).
  const Uint256 n(0, 0, u64{1} << 63, u64{0x7fffffffffffffff});
  const Uint256 d(1, 0, u64{1} << 63, 0);
  const DivMod qr = divmod(n, d);
  EXPECT_EQ(qr.quot * d + qr.rem, n);
  EXPECT_LT(qr.rem, d);
}

TEST(Uint256, SignedDivision) {
  const Uint256 minus_one = kMax;
  EXPECT_EQ(evm_sdiv(kMin, minus_one), kMin);  // the only overflow wraps
  EXPECT_EQ(evm_smod(kMin, minus_one), Uint256{});
  EXPECT_EQ(evm_sdiv(-Uint256{7}, Uint256{2}), -Uint256{3});  // truncates toward zero
  EXPECT_EQ(evm_smod(-Uint256{7}, Uint256{2}), -Uint256{1});  // sign of the dividend
  EXPECT_EQ(evm_smod(Uint256{7}, -Uint256{2}), Uint256{1});
  // Sign-extended 64-bit operands take a 64-bit division; -2^63 / -1 = 2^63 fits 256 bits.
  const Uint256 min64 = -Uint256{u64{1} << 63};
  EXPECT_EQ(evm_sdiv(min64, minus_one), Uint256{u64{1} << 63});
  EXPECT_EQ(evm_smod(min64, minus_one), Uint256{});
  EXPECT_EQ(evm_sdiv(Uint256{7}, -Uint256{2}), -Uint256{3});
  EXPECT_EQ(evm_sdiv(-Uint256{6}, -Uint256{3}), Uint256{2});
  EXPECT_EQ(evm_smod(-Uint256{7}, -Uint256{3}), -Uint256{1});
  EXPECT_EQ(evm_sdiv(Uint256{1}, -Uint256{2}), Uint256{});  // -0 is 0
  // Just outside: 2^63 is not a sign-extended 64-bit value (its sign limb is 0).
  EXPECT_EQ(evm_sdiv(Uint256{u64{1} << 63}, minus_one), -Uint256{u64{1} << 63});
}

TEST(Uint256, ModularArithmeticIsExact) {
  // (2^256 - 1) + (2^256 - 1) mod (2^256 - 1) = 0 needs the 257th bit.
  EXPECT_EQ(evm_addmod(kMax, kMax, kMax), Uint256{});
  EXPECT_EQ(evm_addmod(kMax, Uint256{2}, Uint256{2}), Uint256{1});
  EXPECT_EQ(evm_mulmod(kMax, kMax, kMax), Uint256{});
  EXPECT_EQ(evm_mulmod(kMax, kMax, Uint256{12}), Uint256{9});  // (2^256 - 1) = 3 mod 12
}

TEST(Uint256, Exp) {
  EXPECT_EQ(exp(Uint256{}, Uint256{}), Uint256{1});
  EXPECT_EQ(exp(Uint256{2}, Uint256{255}), kMin);
  EXPECT_EQ(exp(Uint256{2}, Uint256{256}), Uint256{});
  EXPECT_EQ(exp(Uint256{3}, Uint256{5}), Uint256{243});
  EXPECT_EQ(exp(kMax, kMax), kMax);  // (-1)^odd
}

TEST(Uint256, SignExtendAndByte) {
  EXPECT_EQ(signextend(Uint256{0}, Uint256{0xff}), kMax);
  EXPECT_EQ(signextend(Uint256{0}, Uint256{0x7f}), Uint256{0x7f});
  EXPECT_EQ(signextend(Uint256{1}, Uint256{0x12ff80}), -Uint256{0x80});
  EXPECT_EQ(signextend(Uint256{31}, Uint256{0xff}), Uint256{0xff});
  EXPECT_EQ(signextend(kMax, Uint256{0xff}), Uint256{0xff});
  EXPECT_EQ(signextend(Uint256{7}, Uint256{u64{1} << 63}), Uint256(u64{1} << 63, ~u64{0}, ~u64{0}, ~u64{0}));
  EXPECT_EQ(byte(Uint256{0}, kMin), Uint256{0x80});
  EXPECT_EQ(byte(Uint256{31}, Uint256{0xab}), Uint256{0xab});
  EXPECT_EQ(byte(Uint256{32}, kMax), Uint256{});
  EXPECT_EQ(byte(kMax, kMax), Uint256{});
}

TEST(Uint256, Shifts) {
  EXPECT_EQ(shl(Uint256{1}, 255), kMin);
  EXPECT_EQ(shl(Uint256{1}, 256), Uint256{});
  EXPECT_EQ(shr(kMin, 255), Uint256{1});
  EXPECT_EQ(shr(kMax, 256), Uint256{});
  EXPECT_EQ(sar(kMin, 255), kMax);
  EXPECT_EQ(sar(kMin, 256), kMax);
  EXPECT_EQ(sar(Uint256{1} << 254, 300), Uint256{});
  EXPECT_EQ(shift_amount(Uint256(5, 1, 0, 0)), 256u);
}

TEST(Uint256, Comparisons) {
  EXPECT_TRUE(Uint256{1} < kMax);
  EXPECT_TRUE(slt(kMax, Uint256{1}));  // -1 < 1
  EXPECT_TRUE(sgt(Uint256{}, kMin));
  EXPECT_FALSE(slt(kMin, kMin));
}

TEST(Uint256, BigEndianAndHex) {
  std::array<u8, 32> be{};
  be[0] = 0x80;
  be[31] = 0x01;
  const Uint256 v = Uint256::from_be(be.data());
  EXPECT_EQ(v, kMin + Uint256{1});
  EXPECT_EQ(v.to_be(), be);
  const u8 two[2] = {0x01, 0x02};
  EXPECT_EQ(Uint256::from_be(two, 2), Uint256{0x0102});
  EXPECT_EQ(Uint256{}.to_hex(), "0x0");
  EXPECT_EQ(kMax.to_hex(), "0x" + std::string(64, 'f'));
  EXPECT_EQ(h("0xABcd"), Uint256{0xabcd});
  EXPECT_FALSE(Uint256::from_hex("0x").ok());
  EXPECT_FALSE(Uint256::from_hex("0xg").ok());
  EXPECT_FALSE(Uint256::from_hex("0x1" + std::string(64, '0')).ok());
}

}  // namespace
}  // namespace dusk
