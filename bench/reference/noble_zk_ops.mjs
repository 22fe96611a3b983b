// The @noble/curves side of the zero-knowledge verification comparison
// (scripts/bench-zk.sh): Groth16 verification written on noble's bn254 and bls12_381
// (@noble/curves 1.9.7, pinned in package-lock.json; noble has no Groth16 verifier of its
// own) under the names of bench/zk_ops.cpp, timed like op_timer.h. Same work as ours:
// the key is prepared once (points decoded, e(alpha, beta), -gamma, -delta), then per
// proof the input sum IC_0 + sum x_i IC_i (multiplyUnsafe) and one three-pair
// pairingBatch compared with e(alpha, beta). *_from_json decodes the snarkjs files
// (checking the points) and prepares the key on every call. No PLONK column: noble has
// no PLONK verifier and writing one here would be a second implementation to trust.
//
//   node bench/reference/noble_zk_ops.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bn254 } from '@noble/curves/bn254';
import { bls12_381 } from '@noble/curves/bls12-381';
import { run } from './op_timer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'tests/fixtures/zk');

function engine(curve) {
  const P1 = curve.G1.ProjectivePoint, P2 = curve.G2.ProjectivePoint;
  const { Fp2, Fp12 } = curve.fields;
  const g1 = (v) => {
    if (v[2] === '0') return P1.ZERO;
    const p = P1.fromAffine({ x: BigInt(v[0]), y: BigInt(v[1]) });
    p.assertValidity();
    return p;
  };
  const g2 = (v) => {
    if (v[2][0] === '0' && v[2][1] === '0') return P2.ZERO;
    const p = P2.fromAffine({
      x: Fp2.fromBigTuple([BigInt(v[0][0]), BigInt(v[0][1])]),
      y: Fp2.fromBigTuple([BigInt(v[1][0]), BigInt(v[1][1])]),
    });
    p.assertValidity();
    return p;
  };
  const prepare = (vk) => {
    const alpha = g1(vk.vk_alpha_1), beta = g2(vk.vk_beta_2);
    return {
      alphaBeta: curve.pairing(alpha, beta),
      negGamma: g2(vk.vk_gamma_2).negate(),
      negDelta: g2(vk.vk_delta_2).negate(),
      ic: vk.IC.map(g1),
    };
  };
  const decodeProof = (p) => ({ a: g1(p.pi_a), b: g2(p.pi_b), c: g1(p.pi_c) });
  const decodeInputs = (x) => x.map((s) => {
    const v = BigInt(s);
    if (v >= curve.params.r) throw new Error('public input >= r');
    return v;
  });
  const verify = (pvk, proof, inputs) => {
    let l = pvk.ic[0];
    inputs.forEach((x, i) => { if (x !== 0n) l = l.add(pvk.ic[i + 1].multiplyUnsafe(x)); });
    const f = curve.pairingBatch([
      { g1: proof.a, g2: proof.b }, { g1: l, g2: pvk.negGamma }, { g1: proof.c, g2: pvk.negDelta },
    ]);
    return Fp12.eql(f, pvk.alphaBeta);
  };
  return { P1, P2, prepare, decodeProof, decodeInputs, verify };
}

for (const [name, dir, curve] of [['bn254', 'bn128', bn254], ['bls12381', 'bls12381', bls12_381]]) {
  const e = engine(curve);
  for (const [circuit, n] of [['poseidon_preimage', 1], ['sixteen_inputs', 16]]) {
    const files = ['verification_key', 'proof', 'public'].map((f) =>
      readFileSync(path.join(fixtures, `groth16_${dir}`, circuit, `${f}.json`), 'utf8'));
    const [vk, proof, pub] = files.map((t) => JSON.parse(t));
    const pvk = e.prepare(vk), p = e.decodeProof(proof), x = e.decodeInputs(pub);
    if (!e.verify(pvk, p, x)) throw new Error(`noble-based verifier rejects ${dir} ${circuit}`);
    run(`groth16_${name}_${n}`, () => e.verify(pvk, p, x));
    run(`groth16_${name}_${n}_from_json`, () => {
      const [k, q, y] = files.map((t) => JSON.parse(t));
      return e.verify(e.prepare(k), e.decodeProof(q), e.decodeInputs(y));
    });
    if (n === 1) {
      run(`${name}_pairing`, () => curve.pairing(p.a, p.b));
      run(`${name}_pairing_3`, () => curve.pairingBatch([
        { g1: p.a, g2: p.b }, { g1: pvk.ic[0], g2: pvk.negGamma }, { g1: p.c, g2: pvk.negDelta }]));
    }
  }
}
