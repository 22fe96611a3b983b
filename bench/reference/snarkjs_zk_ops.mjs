// The snarkjs side of the zero-knowledge verification comparison (scripts/bench-zk.sh):
// snarkjs 0.7.6 (pinned in package-lock.json) verifying the fixtures of tests/fixtures/zk
// through its public API, under the names of bench/zk_ops.cpp, timed like op_timer.h.
// snarkjs's verify takes the parsed JSON objects and converts them to points on every
// call (its only API), so groth16_* here is what a snarkjs user pays per proof;
// *_from_json adds JSON.parse of the three files. The pairings are ffjavascript's (the
// wasm field arithmetic snarkjs runs on).
//
//   node bench/reference/snarkjs_zk_ops.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as snarkjs from 'snarkjs';
import { getCurveFromName } from 'ffjavascript';
import { runAsync } from './op_timer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'tests/fixtures/zk');
const text = (protocol, curve, circuit, file) =>
  readFileSync(path.join(fixtures, `${protocol}_${curve}`, circuit, `${file}.json`), 'utf8');

const circuits = [['poseidon_preimage', 1], ['sixteen_inputs', 16]];
const curves = [['bn254', 'bn128', ['groth16', 'plonk']], ['bls12381', 'bls12381', ['groth16']]];
const silent = { error() {}, info() {}, debug() {}, warn() {} };

for (const [name, snarkjsCurve, protocols] of curves) {
  for (const protocol of protocols) {
    for (const [circuit, n] of circuits) {
      const files = ['verification_key', 'proof', 'public'].map((f) => text(protocol, snarkjsCurve, circuit, f));
      const [vk, proof, pub] = files.map((t) => JSON.parse(t));
      if (!(await snarkjs[protocol].verify(vk, pub, proof, silent))) {
        throw new Error(`snarkjs rejects the fixture ${protocol} ${snarkjsCurve} ${circuit}`);
      }
      const base = `${protocol}_${name}_${n}`;
      await runAsync(base, () => snarkjs[protocol].verify(vk, pub, proof, silent));
      await runAsync(`${base}_from_json`, () => {
        const [k, p, x] = files.map((t) => JSON.parse(t));
        return snarkjs[protocol].verify(k, x, p, silent);
      });
    }
  }
  const curve = await getCurveFromName(snarkjsCurve);
  const g1 = curve.G1.toAffine(curve.G1.timesScalar(curve.G1.g, 0x1234567n));
  const g2 = curve.G2.toAffine(curve.G2.timesScalar(curve.G2.g, 0x7654321n));
  await runAsync(`${name}_pairing`, () => curve.pairing(g1, g2));
  await runAsync(`${name}_pairing_3`, () => curve.pairingEq(g1, g2, g1, g2, curve.G1.neg(g1), g2));
}
// ffjavascript leaves its worker threads alive.
process.exit(0);
