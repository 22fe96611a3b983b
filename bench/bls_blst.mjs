// blst (through the npm package @chainsafe/blst, native bindings) timed on the same
// min-pk workloads as bench/bench_bls.cpp, for a side-by-side ratio:
//
//   build/release/bench/bench_bls --benchmark_filter=MinPk && node bench/bls_blst.mjs
//
// Same shapes: 32-byte messages, 64 signers, keys from KeyGen. Objects are decoded once
// outside the timed loops and verified without re-validation, as the C++ benchmark
// verifies already-decoded PublicKey/Signature objects. Prints microseconds per call
// (the median of 5 timed runs of a loop of at least 0.3 s).
import blst from "@chainsafe/blst";

const N = 64;

function time(name, fn) {
  fn();  // warm-up
  const runs = [];
  for (let r = 0; r < 5; ++r) {
    let iters = 0;
    const start = process.hrtime.bigint();
    let now = start;
    while (now - start < 300_000_000n) {
      fn();
      ++iters;
      now = process.hrtime.bigint();
    }
    runs.push(Number(now - start) / 1000 / iters);
  }
  runs.sort((a, b) => a - b);
  console.log(`${name.padEnd(40)} ${runs[2].toFixed(1).padStart(10)} us`);
}

function check(ok, what) {
  if (!ok) throw new Error(`${what} failed`);
}

const sks = [];
const msgs = [];
for (let i = 0; i < N; ++i) {
  const ikm = new Uint8Array(32).fill(0x5a);
  ikm[0] = i;
  sks.push(blst.SecretKey.fromKeygen(ikm));
  msgs.push(new Uint8Array(32).fill(i));
}
const pks = sks.map((sk) => sk.toPublicKey());
const sigs = sks.map((sk, i) => sk.sign(msgs[i]));
const common = new Uint8Array(32).fill(0x42);
const commonSigs = sks.map((sk) => sk.sign(common));
const aggDistinct = blst.aggregateSignatures(sigs);
const pkBytes = pks[0].toBytes();
const sigBytes = sigs[0].toBytes();

time("sign", () => sks[1].sign(msgs[7]));
time("verify", () => check(blst.verify(msgs[0], pks[0], sigs[0], false, false), "verify"));
time("verify_bytes (decode + checks)", () =>
  check(blst.verify(msgs[0], blst.PublicKey.fromBytes(pkBytes, true),
                    blst.Signature.fromBytes(sigBytes, true), true, true), "verify_bytes"));
time("aggregate_verify_64", () =>
  check(blst.aggregateVerify(msgs, pks, aggDistinct, false, false), "aggregateVerify"));
time("fast_aggregate_verify_64", () =>
  check(blst.fastAggregateVerify(common, pks, blst.aggregateSignatures(commonSigs, false), false),
        "fastAggregateVerify"));
const sets = pks.map((pk, i) => ({ msg: msgs[i], pk, sig: sigs[i] }));
time("batch_verify_64 (64-bit randomness)", () =>
  check(blst.verifyMultipleAggregateSignatures(sets, false, false), "batch"));
time("verify_each_64", () => {
  for (let i = 0; i < N; ++i) check(blst.verify(msgs[i], pks[i], sigs[i], false, false), "verify");
});
