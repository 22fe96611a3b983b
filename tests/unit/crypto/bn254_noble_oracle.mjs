// Differential-test oracle for src/crypto/bn254: prints random cases with the answers of
// @noble/curves (pinned in package-lock.json), one per line, every field hex, points in
// the EIP-196/197 encodings (G1 x || y, G2 x.c1 || x.c0 || y.c1 || y.c0, zeros for the
// identity):
//
//   g1mul P k | R          R = [k]P   (k 32-byte big-endian, < r)
//   g2mul Q k | R
//   g1add P Q | R          R = P + Q
//   g2add P Q | R
//   pair n P1 Q1 .. Pn Qn | one f0 .. f11
//                          one: 1 if noble's product of pairings is 1, else 0; f0..f11 the
//                          product's coefficients c0.c0.c0, c0.c0.c1, ..., c1.c2.c1.
//                          noble's final exponentiation (Fuentes-Castaneda et al.) gives
//                          the power 2u(6u^2 + 3u + 1) of ours (exactly (p^12 - 1)/r); the
//                          test raises ours to it before comparing.
//   dec1|dec2 bytes kind | verdict
//                          an EIP-196/197 decoding: kind is how the input was made
//                          (valid, infinity, offcurve, subgroup, noncanon); verdict "ok"
//                          or "err" by EIP-197's rules (coordinates < p, the all-zero
//                          identity) with noble's curve and subgroup checks
//                          (assertValidity).
//
// Deterministic (fixed seed). Usage: node bn254_noble_oracle.mjs SCALE
import { bn254 } from '@noble/curves/bn254';
import { splitmix64 } from '../../support/splitmix64.mjs';

const scale = Number(process.argv[2] ?? 10);
const { G1, G2, fields } = bn254;
const { Fp, Fp2, Fp12 } = fields;
const P1 = G1.ProjectivePoint;
const P2 = G2.ProjectivePoint;
const r = bn254.params.r;
const p = Fp.ORDER;

const next64 = splitmix64(0xb254_0c1e_d00d_f00dn);
const below = (n) => Number(next64() % BigInt(n));
const randBig = (words) => {
  let v = 0n;
  for (let i = 0; i < words; ++i) v = (v << 64n) | next64();
  return v;
};
const big2hex = (v) => v.toString(16).padStart(64, '0');
const randScalar = () => {
  const edge = below(16);
  if (edge === 0) return 0n;
  if (edge === 1) return 1n;
  if (edge === 2) return r - 1n;
  if (edge === 3) return BigInt(below(1000));
  return randBig(4) % r;
};
const randPoint = (P) => (below(20) === 0 ? P.ZERO : P.BASE.multiply(1n + (randBig(4) % (r - 1n))));
const enc1 = (P) => {
  if (P.equals(P1.ZERO)) return '0'.repeat(128);
  const a = P.toAffine();
  return big2hex(a.x) + big2hex(a.y);
};
const enc2raw = (x, y) => big2hex(x.c1) + big2hex(x.c0) + big2hex(y.c1) + big2hex(y.c0);
const enc2 = (Q) => {
  if (Q.equals(P2.ZERO)) return '0'.repeat(256);
  const a = Q.toAffine();
  return enc2raw(a.x, a.y);
};

const lines = [];
const emit = (s) => lines.push(s);

for (const [name, P, enc, n] of [['g1', P1, enc1, 40], ['g2', P2, enc2, 15]]) {
  for (let i = 0; i < n * scale; ++i) {
    const pt = randPoint(P);
    const k = randScalar();
    emit(`${name}mul ${enc(pt)} ${big2hex(k)} | ${enc(pt.multiplyUnsafe(k))}`);
  }
  for (let i = 0; i < n * scale; ++i) {
    const a = randPoint(P);
    const c = below(8);
    const b = c === 0 ? a : c === 1 ? a.negate() : c === 2 ? P.ZERO : randPoint(P);
    emit(`${name}add ${enc(a)} ${enc(b)} | ${enc(a.add(b))}`);
  }
}

const coeffs = (f) => {
  const out = [];
  for (const c6 of [f.c0, f.c1]) for (const c2 of [c6.c0, c6.c1, c6.c2]) out.push(big2hex(c2.c0), big2hex(c2.c1));
  return out.join(' ');
};
const nonzero = () => 1n + (randBig(4) % (r - 1n));
for (let i = 0; i < 2 * scale; ++i) {
  const pairs = [];
  if (below(3) === 0) {
    // A product that is one: e(aP, bQ) e(-abP, Q).
    const a = nonzero(), b = nonzero();
    pairs.push([P1.BASE.multiply(a), P2.BASE.multiply(b)], [P1.BASE.multiply((a * b) % r).negate(), P2.BASE]);
  } else {
    const n = 1 + below(3);
    for (let j = 0; j < n; ++j) pairs.push([P1.BASE.multiply(nonzero()), P2.BASE.multiply(nonzero())]);
  }
  const f = bn254.pairingBatch(pairs.map(([g1, g2]) => ({ g1, g2 })));
  const ins = pairs.map(([a, b]) => `${enc1(a)} ${enc2(b)}`).join(' ');
  emit(`pair ${pairs.length} ${ins} | ${Fp12.eql(f, Fp12.ONE) ? 1 : 0} ${coeffs(f)}`);
}

// Decoding by EIP-197's rules, noble deciding curve and subgroup membership.
const verdict1 = (x, y) => {
  if (x >= p || y >= p) return 'err';
  if (x === 0n && y === 0n) return 'ok';
  try {
    P1.fromAffine({ x, y }).assertValidity();
    return 'ok';
  } catch {
    return 'err';
  }
};
const verdict2 = (x, y) => {
  for (const c of [x.c0, x.c1, y.c0, y.c1]) if (c >= p) return 'err';
  if (Fp2.is0(x) && Fp2.is0(y)) return 'ok';
  try {
    P2.fromAffine({ x: Fp2.create(x), y: Fp2.create(y) }).assertValidity();
    return 'ok';
  } catch {
    return 'err';
  }
};
const randFp = () => randBig(5) % p;
const randFp2 = () => Fp2.fromBigTuple([randFp(), randFp()]);
const twistB = G2.CURVE.b;
for (let i = 0; i < 10 * scale; ++i) {
  const kind = ['valid', 'infinity', 'offcurve', 'noncanon'][below(4)];
  let x = 0n, y = 0n;
  if (kind !== 'infinity') ({ x, y } = P1.BASE.multiply(nonzero()).toAffine());
  if (kind === 'offcurve') y = Fp.add(y, 1n);
  if (kind === 'noncanon') {
    if (below(2) === 0) x += p; else y += p;  // still < 2^256
  }
  emit(`dec1 ${big2hex(x) + big2hex(y)} ${kind} | ${verdict1(x, y)}`);
}
for (let i = 0; i < 10 * scale; ++i) {
  const kind = ['valid', 'infinity', 'offcurve', 'subgroup', 'noncanon'][below(5)];
  let x = Fp2.ZERO, y = Fp2.ZERO;
  if (kind === 'valid' || kind === 'offcurve' || kind === 'noncanon') ({ x, y } = P2.BASE.multiply(nonzero()).toAffine());
  if (kind === 'offcurve') y = Fp2.add(y, Fp2.ONE);
  if (kind === 'subgroup') {
    for (;;) {
      x = randFp2();
      try {
        y = Fp2.sqrt(Fp2.add(Fp2.mul(Fp2.sqr(x), x), twistB));
        if (Fp2.eql(Fp2.sqr(y), Fp2.add(Fp2.mul(Fp2.sqr(x), x), twistB))) break;
      } catch {
        // not a square: try another x
      }
    }
  }
  if (kind === 'noncanon') x = { c0: x.c0, c1: x.c1 + p };
  emit(`dec2 ${enc2raw(x, y)} ${kind} | ${verdict2(x, y)}`);
}

process.stdout.write(lines.join('\n') + '\n');
