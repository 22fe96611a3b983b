// 0x05 MODEXP (EIP-198, priced by EIP-2565): base^exp mod m on arbitrary-length
// big-endian integers. Input: base_len, exp_len, mod_len (32-byte words) then the three
// numbers; missing input bytes are zeros. Output: mod_len bytes (a zero modulus gives
// zeros). The arithmetic is OpenSSL's BIGNUM (Debian's libssl-dev); this file parses,
// prices and bounds.
#include <openssl/bn.h>

#include <algorithm>
#include <memory>

#include "duskevm/precompiles/registry.hpp"

namespace dusk::evm {
namespace {

// Bytes [off, off + len) of the input, zero past its end.
Bytes slice(ByteView in, u64 off, u64 len) {
  Bytes out(len, 0);
  if (off < in.size()) std::copy_n(in.begin() + static_cast<ptrdiff_t>(off), std::min<u64>(len, in.size() - off), out.begin());
  return out;
}

// A 32-byte big-endian length word, saturated: values that do not fit in 64 bits
// read as ~0.
u64 header_word(ByteView in, size_t index) {
  const Bytes w = slice(in, 32 * index, 32);
  for (size_t i = 0; i < 24; ++i)
    if (w[i] != 0) return ~u64{0};
  return load_be<u64>(w.data() + 24);
}

// Number of significant bits of a big-endian byte string.
unsigned bit_length(const Bytes& b) {
  for (size_t i = 0; i < b.size(); ++i)
    if (b[i] != 0) return static_cast<unsigned>((b.size() - i) * 8 - static_cast<size_t>(__builtin_clz(b[i]) - 24));
  return 0;
}

// Lengths beyond this make the price exceed any gas limit (or are priced at 200 when
// the other lengths are zero, in which case run() reads nothing).
constexpr u64 kLengthCap = u64{1} << 32;

u64 modexp_gas(ByteView in) {
  const u64 base_len = header_word(in, 0), exp_len = header_word(in, 1), mod_len = header_word(in, 2);
  const u64 max_len = std::max(base_len, mod_len);
  if (max_len == 0) return 200;
  if (max_len > kLengthCap || exp_len > kLengthCap) return ~u64{0};
  const u64 words = (max_len + 7) / 8;
  const u128 complexity = static_cast<u128>(words) * words;
  // The exponent's head: its first min(exp_len, 32) bytes.
  const Bytes head = slice(in, 96 + base_len, std::min<u64>(exp_len, 32));
  const unsigned bits = bit_length(head);
  u128 iterations;
  if (exp_len <= 32) iterations = bits == 0 ? 0 : bits - 1;
  else iterations = static_cast<u128>(8) * (exp_len - 32) + (bits == 0 ? 0 : bits - 1);
  if (iterations == 0) iterations = 1;
  const u128 gas = complexity * iterations / 3;
  if (gas > ~u64{0}) return ~u64{0};
  return std::max<u64>(200, static_cast<u64>(gas));
}

struct BnFree {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
struct CtxFree {
  void operator()(BN_CTX* c) const { BN_CTX_free(c); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

Bn to_bn(const Bytes& b) { return Bn(BN_bin2bn(b.data(), static_cast<int>(b.size()), nullptr)); }

PrecompileResult modexp_run(ByteView in) {
  const u64 base_len = header_word(in, 0), exp_len = header_word(in, 1), mod_len = header_word(in, 2);
  if (mod_len == 0) return Bytes{};
  // Longer operands price far beyond any block's gas (see modexp_gas).
  constexpr u64 kMaxOperand = u64{1} << 24;
  if (base_len > kMaxOperand || exp_len > kMaxOperand || mod_len > kMaxOperand)
    return invalid_input("modexp operand too long");
  Bytes out(mod_len, 0);
  const Bn base = to_bn(slice(in, 96, base_len));
  const Bn exponent = to_bn(slice(in, 96 + base_len, exp_len));
  const Bn modulus = to_bn(slice(in, 96 + base_len + exp_len, mod_len));
  if (!base || !exponent || !modulus) return invalid_input("out of memory");
  if (BN_is_zero(modulus.get())) return out;
  std::unique_ptr<BN_CTX, CtxFree> ctx(BN_CTX_new());
  Bn result(BN_new());
  if (!ctx || !result || !BN_mod_exp(result.get(), base.get(), exponent.get(), modulus.get(), ctx.get()))
    return invalid_input("modexp arithmetic failed");
  BN_bn2binpad(result.get(), out.data(), static_cast<int>(mod_len));
  return out;
}

}  // namespace

const Precompile kModexp{"modexp", modexp_gas, modexp_run};

}  // namespace dusk::evm
