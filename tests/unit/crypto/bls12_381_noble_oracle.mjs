// Differential-test oracle for src/crypto/bls12_381: prints random cases with the answers
// of @noble/curves (pinned in package-lock.json), one per line, every field hex:
//
//   g1mul P k | R          R = [k]P            (P, R compressed; k 32-byte big-endian, < r)
//   g2mul P k | R
//   g1add P Q | R          R = P + Q           (uncompressed in, compressed out)
//   g2add P Q | R
//   pair n P1 Q1 .. Pn Qn | f0 .. f11
//                          the product of the n pairings as the 12 Fp coefficients
//                          c0.c0.c0, c0.c0.c1, c0.c1.c0, ..., c1.c2.c1 (noble's final
//                          exponentiation, like ours and zkcrypto's, yields the cube of
//                          the textbook value; see pairing.hpp)
//   h2g1 msg dst | RO NU   hash_to_curve and encode_to_curve (compressed)
//   h2g2 msg dst | RO NU
//   dec1c|dec1u|dec2c|dec2u bytes kind | verdict
//                          a decoding of G1/G2, compressed/uncompressed: kind names how the
//                          input was made (valid, offcurve, subgroup, noncanon, flags,
//                          infinity); verdict is noble's, "ok" or "err"
//
// Inputs include the edge cases: identity points, P + P, P + (-P), scalars 0, 1, r - 1.
// Deterministic (fixed seed), so a failure reproduces.
//
// Usage: node bls12_381_noble_oracle.mjs SCALE   (case counts are multiples of SCALE)
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { splitmix64 } from '../../support/splitmix64.mjs';

const scale = Number(process.argv[2] ?? 10);
const { G1, G2, fields } = bls;
const { Fp, Fp2, Fp12 } = fields;
const r = bls.params.r;
const P1 = G1.ProjectivePoint;
const P2 = G2.ProjectivePoint;

const next64 = splitmix64(0xb15_1238_1d1f_f0c1en);
const below = (n) => Number(next64() % BigInt(n));
const randBig = (words) => {
  let v = 0n;
  for (let i = 0; i < words; ++i) v = (v << 64n) | next64();
  return v;
};
const randBytes = (n) => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; ++i) out[i] = Number(next64() & 0xffn);
  return out;
};
const hex = (b) => Buffer.from(b).toString('hex');
const big2hex = (v, bytes) => v.toString(16).padStart(2 * bytes, '0');
const randScalar = () => {
  const edge = below(16);
  if (edge === 0) return 0n;
  if (edge === 1) return 1n;
  if (edge === 2) return r - 1n;
  if (edge === 3) return BigInt(below(1000));
  return randBig(4) % r;
};
// A random point of the group: [s]G, the identity now and then.
const randPoint = (P) => (below(20) === 0 ? P.ZERO : P.BASE.multiply(1n + (randBig(4) % (r - 1n))));

const lines = [];
const emit = (s) => lines.push(s);

for (const [name, P] of [['g1', P1], ['g2', P2]]) {
  const n = (name === 'g1' ? 60 : 20) * scale;
  for (let i = 0; i < n; ++i) {
    const p = randPoint(P);
    const k = randScalar();
    emit(`${name}mul ${hex(p.toRawBytes(true))} ${big2hex(k, 32)} | ${hex(p.multiplyUnsafe(k).toRawBytes(true))}`);
  }
  for (let i = 0; i < n; ++i) {
    const p = randPoint(P);
    const choice = below(8);
    const q = choice === 0 ? p : choice === 1 ? p.negate() : choice === 2 ? P.ZERO : randPoint(P);
    emit(`${name}add ${hex(p.toRawBytes(false))} ${hex(q.toRawBytes(false))} | ${hex(p.add(q).toRawBytes(true))}`);
  }
}

const fp12Coefficients = (f) => {
  const out = [];
  for (const c6 of [f.c0, f.c1])
    for (const c2 of [c6.c0, c6.c1, c6.c2]) out.push(big2hex(c2.c0, 48), big2hex(c2.c1, 48));
  return out.join(' ');
};
for (let i = 0; i < 3 * scale; ++i) {
  const n = 1 + below(4);
  const pairs = [];
  let f = Fp12.ONE;
  if (below(3) === 0) {
    // A product that is one: e(aP, bQ) e(-abP, Q).
    const a = 1n + (randBig(4) % (r - 1n));
    const b = 1n + (randBig(4) % (r - 1n));
    pairs.push([P1.BASE.multiply(a), P2.BASE.multiply(b)], [P1.BASE.multiply((a * b) % r).negate(), P2.BASE]);
  } else {
    for (let j = 0; j < n; ++j) pairs.push([randPoint(P1), randPoint(P2)]);
  }
  // noble refuses the identity; e(O, Q) = e(P, O) = 1 by definition.
  for (const [p, q] of pairs) if (!p.equals(P1.ZERO) && !q.equals(P2.ZERO)) f = Fp12.mul(f, bls.pairing(p, q));
  const ins = pairs.map(([p, q]) => `${hex(p.toRawBytes(true))} ${hex(q.toRawBytes(true))}`).join(' ');
  emit(`pair ${pairs.length} ${ins} | ${fp12Coefficients(f)}`);
}

for (const [name, G] of [['h2g1', G1], ['h2g2', G2]]) {
  const n = (name === 'h2g1' ? 30 : 10) * scale;
  for (let i = 0; i < n; ++i) {
    const msg = randBytes(below(4) === 0 ? 0 : below(300));
    const dst = randBytes(1 + below(below(10) === 0 ? 300 : 60));  // sometimes > 255: hashed
    const ro = G.hashToCurve(msg, { DST: dst });
    const nu = G.encodeToCurve(msg, { DST: dst });
    emit(`${name} ${hex(msg) || '-'} ${hex(dst)} | ${hex(ro.toRawBytes(true))} ${hex(nu.toRawBytes(true))}`);
  }
}

// Decoding. Invalid inputs are built from coordinates we control, encoded by hand in the
// ZCash format (big-endian, Fp2 as c1 || c0, flags in the top three bits).
const fpBytes = (v) => Buffer.from(big2hex(v, 48), 'hex');
const coordBytes = (c) => (typeof c === 'bigint' ? fpBytes(c) : Buffer.concat([fpBytes(c.c1), fpBytes(c.c0)]));
const encode = (x, y, compressed, flags) => {
  const b = compressed ? coordBytes(x) : Buffer.concat([coordBytes(x), coordBytes(y)]);
  b[0] |= flags;
  return b;
};
const verdict = (P, bytes) => {
  try {
    P.fromHex(hex(bytes)).assertValidity();
    return 'ok';
  } catch {
    return 'err';
  }
};
// A point on the curve (x, y) with a random x, not cleared: outside the subgroup (the
// cofactors are large, so a random curve point is in the subgroup with negligible chance).
const curvePoint = (F, b, randElement) => {
  for (;;) {
    const x = randElement();
    try {
      const y = F.sqrt(F.add(F.mul(F.sqr(x), x), b));
      if (y !== undefined) return { x, y };
    } catch { /* not a square */ }
  }
};
const offCurveX = (F, b, randElement) => {
  for (;;) {
    const x = randElement();
    let square = true;
    try {
      square = F.sqrt(F.add(F.mul(F.sqr(x), x), b)) !== undefined;
    } catch {
      square = false;
    }
    if (!square) return x;
  }
};
const groups = [
  ['1', P1, Fp, Fp.create(4n), () => Fp.create(randBig(6)), (v) => v + Fp.ORDER < (1n << 381n)],
  ['2', P2, Fp2, Fp2.fromBigTuple([4n, 4n]), () => Fp2.fromBigTuple([randBig(6) % Fp.ORDER, randBig(6) % Fp.ORDER]), null],
];
for (const [g, P, F, b, randElement, canAddP] of groups) {
  const n = 15 * scale;
  for (const compressed of [true, false]) {
    const op = `dec${g}${compressed ? 'c' : 'u'}`;
    const out = (bytes, kind) => emit(`${op} ${hex(bytes)} ${kind} | ${verdict(P, bytes)}`);
    for (let i = 0; i < n; ++i) {
      const p = randPoint(P);
      out(p.toRawBytes(compressed), 'valid');
      const q = curvePoint(F, b, randElement);
      out(encode(q.x, q.y, compressed, compressed ? 0x80 : 0), 'subgroup');
      const x = offCurveX(F, b, randElement);
      out(encode(x, F.ONE, compressed, compressed ? 0x80 : 0), 'offcurve');
      if (!p.equals(P.ZERO)) {
        const a = p.toAffine();
        // Flags that do not match the form: the compression bit clear in the compressed
        // form, set in the uncompressed form.
        const wrong = Buffer.from(p.toRawBytes(compressed));
        wrong[0] ^= 0x80;
        out(wrong, 'flags');
        // A coordinate >= p (x + p in the compressed G1 form when it fits in 381 bits).
        if (g === '1' && compressed && canAddP(a.x)) {
          const nc = encode(a.x + Fp.ORDER, 0n, true, 0x80);
          nc[0] |= p.toRawBytes(true)[0] & 0x20;
          out(nc, 'noncanon');
        }
        if (!compressed) {
          const ncy = Buffer.from(p.toRawBytes(false));
          const yOff = g === '1' ? 48 : 96;  // G1: y; G2: y.c1 (its first half)
          const yv = BigInt('0x' + hex(ncy.subarray(yOff, yOff + 48))) + Fp.ORDER;
          if (yv < 1n << 384n) fpBytes(yv).copy(ncy, yOff);
          out(ncy, 'noncanon');
        }
      }
      const inf = Buffer.alloc(compressed ? (g === '1' ? 48 : 96) : (g === '1' ? 96 : 192));
      inf[0] = (compressed ? 0x80 : 0) | 0x40;
      if (below(2) === 0) inf[inf.length - 1 - below(8)] = 1 + below(255);  // garbage
      else inf[0] |= 0x20;  // the sort flag with infinity
      out(inf, 'infinity');
    }
  }
}

process.stdout.write(lines.join('\n') + '\n');
