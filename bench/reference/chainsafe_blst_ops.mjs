// The npm reference of `make bench`'s BLS12-381 comparison: Ethereum's signature variant
// (min-pk: keys in G1, signatures in G2, DST BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_)
// through @chainsafe/blst, the native blst that Ethereum's JavaScript clients use
// (pinned in package-lock.json). Same workloads and names as bench/crypto_ops.cpp and
// bench/reference/blst_ops.c (32-byte messages, 64 signers), timed like op_timer.h:
// one warm-up call, batches of about 0.2 s, the best average of five.
// Prints "NAME NANOSECONDS" lines. DUSK_BENCH_FILTER=substring selects operations.
//
//   node bench/reference/chainsafe_blst_ops.mjs
import * as blst from '@chainsafe/blst';

const filter = process.env.DUSK_BENCH_FILTER ?? '';
const batchSeconds = Number(process.env.DUSK_BENCH_BATCH_SECONDS) > 0 ? Number(process.env.DUSK_BENCH_BATCH_SECONDS) : 0.2;
const now = () => Number(process.hrtime.bigint()) / 1e9;

function run(name, fn) {
  if (filter !== '' && !name.includes(filter)) return;
  fn();
  let n = 1;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < n; ++i) fn();
    if (now() - t0 >= batchSeconds || n >= 2 ** 30) break;
    n *= 2;
  }
  let best = Infinity;
  for (let b = 0; b < 5; ++b) {
    const t0 = now();
    for (let i = 0; i < n; ++i) fn();
    best = Math.min(best, (now() - t0) / n);
  }
  console.log(`${name} ${Math.round(best * 1e9)}`);
}

// splitmix64, as in blst_ops.c.
let state = 0x0123456789abcdefn;
function next64() {
  state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
  return z ^ (z >> 31n);
}
const randomBytes = (n) => Uint8Array.from({ length: n }, () => Number(next64() & 0xffn));
const check = (ok, what) => {
  if (!ok) throw new Error(`${what} failed`);
};

const SIGNERS = 64;
const sks = [], pks = [], msgs = [], sigs = [], sameMsgSigs = [];
for (let i = 0; i < SIGNERS; ++i) {
  sks.push(blst.SecretKey.fromKeygen(randomBytes(32)));
  msgs.push(randomBytes(32));
}
for (let i = 0; i < SIGNERS; ++i) {
  pks.push(sks[i].toPublicKey());
  sigs.push(sks[i].sign(msgs[i]));
  sameMsgSigs.push(sks[i].sign(msgs[0]));
}
const aggSig = blst.aggregateSignatures(sigs);
const sameMsgAgg = blst.aggregateSignatures(sameMsgSigs);

// Verification checks that the key and the signature are in their groups, as blst's
// core verify does (pkValidate, sigGroupcheck).
run('minpk_sign', () => sks[0].sign(msgs[0]));
run('minpk_verify', () => check(blst.verify(msgs[0], pks[0], sigs[0], true, true), 'verify'));
run('minpk_aggregate_verify_64', () => check(blst.aggregateVerify(msgs, pks, aggSig, true, true), 'aggregate verify'));
run('minpk_fast_aggregate_verify_64', () => check(blst.fastAggregateVerify(msgs[0], pks, sameMsgAgg, true), 'fast aggregate verify'));
