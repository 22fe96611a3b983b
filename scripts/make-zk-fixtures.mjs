#!/usr/bin/env node
// Makes the Groth16 and PLONK fixtures of tests/fixtures/zk from the real toolchain,
// offline: circom2 (the circom compiler as wasm) compiles our circuits
// (tests/fixtures/zk/circuits/*.circom, using circomlib), snarkjs runs a small
// powers-of-tau ceremony per curve (new, two contributions with fixed entropy, prepare
// phase 2), a Groth16 setup (plus one phase-2 contribution) and proof for every circuit
// on bn128 and bls12381, and a PLONK setup and proof on bn128. It exports
// verification_key.json, proof.json and public.json into
// tests/fixtures/zk/<protocol>_<curve>/<circuit>/ and checks that snarkjs itself
// accepts every proof before writing it.
//
// Usage: node scripts/make-zk-fixtures.mjs [output dir]   (default tests/fixtures/zk)
//
// Why the fixtures are committed rather than made in the build: one run takes about a
// minute of both cores (the bls12381 ceremony alone is most of it, snarkjs's wasm field
// arithmetic being slow) and needs node_modules, while the outputs are 25 small JSON
// files (under 100 KB in all). Generating them in every build would slow every CI run
// and make the C++ tests depend on node; committing them keeps the tests self-contained,
// and this script stays the record of how they were made (rerun it to regenerate; the
// proofs differ run to run, as Groth16 and PLONK proofs are randomized, but the
// verification keys are fixed by the entropy below).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const snarkjs = await import(path.join(root, "node_modules/snarkjs/main.js"));
const { getCurveFromName } = await import(path.join(root, "node_modules/ffjavascript/main.js"));

const outDir = path.resolve(process.argv[2] ?? path.join(root, "tests/fixtures/zk"));
const work = mkdtempSync(path.join(tmpdir(), "dusk-zk-"));

// circuit name -> its input (private and public signals).
const circuits = {
  poseidon_preimage: { a: "12345", b: "67890" },
  range_check: { x: "4000000000", offset: "17", total: "4000000017" },
  merkle_membership: {
    leaf: "42",
    path: ["7", "11", "13"],
    index_bits: ["1", "0", "1"],
  },
  sixteen_inputs: {
    w: "3",
    x: ["1", "2", "3", "4", "5", "6", "7", "8"],
    y: ["3", "6", "9", "12", "15", "18", "21", "24"],
  },
};

// Powers of tau: 2^11 covers every Groth16 circuit here (the largest, the Merkle proof,
// has about 1,600 constraints); PLONK counts every addition as a gate and needs 2^13.
const ceremonies = [
  { curve: "bn128", prime: "bn128", power: 13, protocols: ["groth16", "plonk"] },
  { curve: "bls12381", prime: "bls12381", power: 11, protocols: ["groth16"] },
];

function compile(name, prime) {
  const dir = path.join(work, prime);
  mkdirSync(dir, { recursive: true });
  // circom2 runs under WASI with the working directory as its only preopened root, so
  // it gets paths relative to the repository.
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/circom2/cli.js"),
      path.relative(root, path.join(root, "tests/fixtures/zk/circuits", `${name}.circom`)),
      "--r1cs", "--wasm", "-p", prime, "-l", "node_modules",
      "-o", path.relative(root, dir),
    ],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  return { r1cs: path.join(dir, `${name}.r1cs`), wasm: path.join(dir, `${name}_js`, `${name}.wasm`) };
}

async function ceremony({ curve, power }) {
  const c = await getCurveFromName(curve);
  const p0 = path.join(work, `${curve}_0.ptau`);
  const p1 = path.join(work, `${curve}_1.ptau`);
  const p2 = path.join(work, `${curve}_2.ptau`);
  const final = path.join(work, `${curve}_final.ptau`);
  await snarkjs.powersOfTau.newAccumulator(c, power, p0);
  await snarkjs.powersOfTau.contribute(p0, p1, "dusk fixture 1", "dusk-zk-fixture-entropy-one");
  await snarkjs.powersOfTau.contribute(p1, p2, "dusk fixture 2", "dusk-zk-fixture-entropy-two");
  await snarkjs.powersOfTau.preparePhase2(p2, final);
  return final;
}

function write(dir, vk, proof, pub) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "verification_key.json"), JSON.stringify(vk, null, 1) + "\n");
  writeFileSync(path.join(dir, "proof.json"), JSON.stringify(proof, null, 1) + "\n");
  writeFileSync(path.join(dir, "public.json"), JSON.stringify(pub, null, 1) + "\n");
}

try {
  for (const cer of ceremonies) {
    console.log(`${cer.curve}: powers of tau 2^${cer.power}`);
    const ptau = await ceremony(cer);
    for (const [name, input] of Object.entries(circuits)) {
      const { r1cs, wasm } = compile(name, cer.prime);
      for (const protocol of cer.protocols) {
        const zkey = path.join(work, `${cer.curve}_${protocol}_${name}.zkey`);
        let proved;
        if (protocol === "groth16") {
          const z0 = zkey + ".0";
          await snarkjs.zKey.newZKey(r1cs, ptau, z0);
          await snarkjs.zKey.contribute(z0, zkey, "dusk fixture phase 2", `dusk-zk-${name}-phase2`);
          proved = await snarkjs.groth16.fullProve(input, wasm, zkey);
        } else {
          await snarkjs.plonk.setup(r1cs, ptau, zkey);
          proved = await snarkjs.plonk.fullProve(input, wasm, zkey);
        }
        const vk = await snarkjs.zKey.exportVerificationKey(zkey);
        const ok = await snarkjs[protocol].verify(vk, proved.publicSignals, proved.proof);
        if (!ok) throw new Error(`snarkjs rejects its own ${protocol} ${cer.curve} proof of ${name}`);
        write(path.join(outDir, `${protocol}_${cer.curve}`, name), vk, proved.proof, proved.publicSignals);
        console.log(`  ${protocol} ${name}: ${proved.publicSignals.length} public inputs, verified`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
// snarkjs leaves its worker threads alive.
process.exit(0);
