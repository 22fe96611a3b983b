// The npm side of the BN254 comparison (scripts/bench-bn254.sh): @noble/curves's bn254
// (pinned in package-lock.json) on the workloads and names of bench/bn254_ops.cpp, timed
// like op_timer.h (one warm-up call, batches of about 0.2 s, the best average of five).
// pairing_check_2_pairs is what the EIP-197 precompile does with 2 pairs: decode the
// points from bytes with curve and subgroup checks, pair, compare with one.
//
//   node bench/reference/noble_bn254_ops.mjs
import { bn254 } from '@noble/curves/bn254';
import { run } from './op_timer.mjs';

const { G1, G2, fields } = bn254;
const { Fp, Fp2, Fp12 } = fields;
const P1 = G1.ProjectivePoint, P2 = G2.ProjectivePoint;
const r = bn254.params.r;
const a = 0x1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809n;
const b = 0x2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091an;
let p1 = P1.BASE.multiply(a);
const q1 = P1.BASE.multiply(b);
const p2 = P2.BASE.multiply(a);
const f = bn254.pairing(p1, p2, false);

const hex = (v) => v.toString(16).padStart(64, '0');
const enc1 = (P) => { const t = P.toAffine(); return hex(t.x) + hex(t.y); };
const enc2 = (P) => { const t = P.toAffine(); return hex(t.x.c1) + hex(t.x.c0) + hex(t.y.c1) + hex(t.y.c0); };
const input = Buffer.from(enc1(p1) + enc2(p2) + enc1(P1.BASE.multiply((a * a) % r).negate()) + enc2(P2.BASE), 'hex');
const word = (buf, off) => BigInt('0x' + buf.subarray(off, off + 32).toString('hex'));
function pairingCheck(buf) {
  const pairs = [];
  for (let off = 0; off < buf.length; off += 192) {
    const x = word(buf, off), y = word(buf, off + 32);
    const c = [64, 96, 128, 160].map((o) => word(buf, off + o));
    if ([x, y, ...c].some((v) => v >= Fp.ORDER)) throw new Error('coordinate exceeds modulus');
    const g1 = P1.fromAffine({ x, y });
    g1.assertValidity();
    const g2 = P2.fromAffine({ x: Fp2.fromBigTuple([c[1], c[0]]), y: Fp2.fromBigTuple([c[3], c[2]]) });
    g2.assertValidity();
    pairs.push({ g1, g2 });
  }
  return Fp12.eql(bn254.pairingBatch(pairs), Fp12.ONE);
}
if (!pairingCheck(input)) throw new Error('pairing check is not one');

run('g1_add', () => { p1 = p1.add(q1); });
run('g1_mul', () => p1.multiply(b));
run('g1_mul_vartime', () => p1.multiplyUnsafe(b));
run('g2_mul', () => p2.multiply(b));
run('g2_mul_vartime', () => p2.multiplyUnsafe(b));
run('miller_loop', () => bn254.pairing(p1, p2, false));
run('final_exponentiation', () => Fp12.finalExponentiate(f));
run('pairing', () => bn254.pairing(p1, p2));
run('pairing_check_2_pairs', () => pairingCheck(input));
