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
import { splitmix64 } from '../../tests/support/splitmix64.mjs';
import { run } from './op_timer.mjs';


const next64 = splitmix64(0x0123456789abcdefn);
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
