import { splitmix64 } from '../../support/splitmix64.mjs';
// Differential-test oracle for src/duskevm/uint256: prints `count` test cases computed
// with JavaScript BigInt, one per line, every number as minimal lower-case hex (0x...):
//
//   a b m s | add sub mul div mod sdiv smod addmod mulmod exp exps shl shr sar byte
//             signextend lt gt slt sgt eq iszero and or xor not clz
//
// where div/mod/sdiv/smod use (a, b), addmod/mulmod use (a, b, m), exp is a^b and exps
// a^s, the shifts shift a by s, byte is BYTE(s, a) and signextend SIGNEXTEND(s, a).
// EVM semantics throughout: division by zero gives 0. Deterministic: fixed seed.
//
// Usage: node uint256_oracle.mjs COUNT
const count = Number(process.argv[2] ?? 1000);
const M = 1n << 256n;
const MASK = M - 1n;

const next64 = splitmix64(0x5eed_d05c_0ffe_e123n);
const below = (n) => Number(next64() % BigInt(n));

const edges = [0n, 1n, 2n, 3n, (1n << 64n) - 1n, 1n << 64n, (1n << 64n) + 1n, 1n << 128n,
  (1n << 128n) - 1n, 1n << 192n, 1n << 255n, (1n << 255n) - 1n, (1n << 255n) + 1n, MASK,
  MASK - 1n];
for (let k = 1; k < 256; k += 7) edges.push(1n << BigInt(k), (1n << BigInt(k)) - 1n, (1n << BigInt(k)) + 1n);

const specialLimbs = [0n, 1n, 0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffffffffffffn,
  0xfffffffffffffffen];
function value() {
  switch (below(5)) {
    case 4: {  // small magnitude, either sign: SDIV and SMOD's 64-bit path
      const v = next64() >> BigInt(below(64));
      return below(2) ? (M - v) & MASK : v;
    }
    case 0: return edges[below(edges.length)];
    case 1: {  // random width: exercises every divisor and dividend limb count
      const bits = 1 + below(256);
      let v = 0n;
      for (let i = 0; i < 4; ++i) v = (v << 64n) | next64();
      return v & ((1n << BigInt(bits)) - 1n);
    }
    case 2: {  // limbs drawn from special values: the corners of Knuth's algorithm D
      let v = 0n;
      for (let i = 0; i < 4; ++i) v = (v << 64n) | (below(2) ? specialLimbs[below(specialLimbs.length)] : next64());
      return v >> BigInt(64 * below(4));
    }
    default: {
      let v = 0n;
      for (let i = 0; i < 4; ++i) v = (v << 64n) | next64();
      return v;
    }
  }
}
function small() {
  const r = below(8);
  if (r === 0) return value();
  if (r === 1) return BigInt(below(40));
  return BigInt(below(300));
}

const signed = (x) => (x >> 255n ? x - M : x);
const unsigned = (x) => ((x % M) + M) % M;
const hex = (x) => '0x' + x.toString(16);
const bool = (b) => (b ? 1n : 0n);

function modexp(base, e) {
  let r = 1n, b = base;
  while (e > 0n) {
    if (e & 1n) r = (r * b) & MASK;
    b = (b * b) & MASK;
    e >>= 1n;
  }
  return r;
}

function row(a, b, m, s) {
  const sa = signed(a), sb = signed(b);
  const sdiv = b === 0n ? 0n : unsigned(sa / sb);  // BigInt division truncates toward 0
  const smod = b === 0n ? 0n : unsigned(sa % sb);  // and % takes the dividend's sign
  const shift = s < 256n ? s : 256n;
  const sar = s >= 256n ? (sa < 0n ? MASK : 0n) : unsigned(sa >> s);
  const byte = s < 32n ? (a >> (8n * (31n - s))) & 0xffn : 0n;
  let sext = a;
  if (s < 31n) {
    const bits = 8n * (s + 1n);
    const low = a & ((1n << bits) - 1n);
    sext = (low >> (bits - 1n)) ? (MASK ^ ((1n << bits) - 1n)) | low : low;
  }
  let clz = 256n;
  if (a !== 0n) clz = 256n - BigInt(a.toString(2).length);
  return [
    (a + b) & MASK, unsigned(a - b), (a * b) & MASK,
    b === 0n ? 0n : a / b, b === 0n ? 0n : a % b, sdiv, smod,
    m === 0n ? 0n : (a + b) % m, m === 0n ? 0n : (a * b) % m,
    modexp(a, b), modexp(a, s),
    shift >= 256n ? 0n : (a << s) & MASK, shift >= 256n ? 0n : a >> s, sar, byte, sext,
    bool(a < b), bool(a > b), bool(sa < sb), bool(sa > sb), bool(a === b), bool(a === 0n),
    a & b, a | b, a ^ b, MASK ^ a, clz,
  ];
}

const out = [];
for (let i = 0; i < count; ++i) {
  const a = value(), b = value(), m = value(), s = small();
  out.push([a, b, m, s].map(hex).join(' ') + ' | ' + row(a, b, m, s).map(hex).join(' '));
  if (out.length >= 1000) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
