// Differential-test oracle for src/crypto/bls (BLS signatures, both variants), answered
// by @noble/curves (pinned in package-lock.json): noble's shortSignatures are min-sig
// (keys in G2, signatures in G1), its longSignatures min-pk. Messages are hashed with the
// draft's proof-of-possession ciphersuite tags, as Scheme<V> does. One case per line,
// fields hex, "-" for an empty message:
//
//   sign V sk msg | pk sig pop      sk_to_pk, Sign, PopProve (the key signed under the
//                                   BLS_POP_ tag); noble's verify of sig and pop is
//                                   checked here and the line ends in "rejected" otherwise
//   fast V n sk_1..sk_n msg | apk agg
//                                   n signers of one message: the plain sum of the keys
//                                   and of the signatures (noble's aggregate functions),
//                                   checked with noble's verify
//   multi V n sk_1..sk_n msg_1..msg_n | agg
//                                   n signers, distinct messages: the aggregate
//                                   signature, checked with noble's verifyBatch
//
// V is minsig or minpk. A line whose noble check failed ends in "rejected". Secret keys
// include 1 and r - 1. Deterministic (fixed seed).
//
// Usage: node bls_noble_oracle.mjs SCALE   (case counts are multiples of SCALE)
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { splitmix64 } from '../../support/splitmix64.mjs';

const scale = Number(process.argv[2] ?? 4);
const r = bls.params.r;
const variants = {
  minsig: {
    sigs: bls.shortSignatures,
    dst: 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_',
    pop: 'BLS_POP_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_',
  },
  minpk: {
    sigs: bls.longSignatures,
    dst: 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_',
    pop: 'BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_',
  },
};

const next64 = splitmix64(0x5168_a7e5_0b15_c0den);
const below = (n) => Number(next64() % BigInt(n));
const randBytes = (n) => Uint8Array.from({ length: n }, () => Number(next64() & 0xffn));
const hex = (b) => (b.length === 0 ? '-' : Buffer.from(b).toString('hex'));
const beBytes = (v) => {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0; --i, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
};
function randSecret() {
  const edge = below(10);
  if (edge === 0) return beBytes(1n);
  if (edge === 1) return beBytes(r - 1n);
  let v = 0n;
  for (let i = 0; i < 4; ++i) v = (v << 64n) | next64();
  v %= r;
  return beBytes(v === 0n ? 1n : v);
}
const randMessage = () => randBytes(below(4) === 0 ? 0 : 1 + below(80));

for (const [name, { sigs, dst, pop }] of Object.entries(variants)) {
  for (let c = 0; c < 10 * scale; ++c) {
    const sk = randSecret();
    const msg = randMessage();
    const pk = sigs.getPublicKey(sk);
    const pkBytes = pk.toBytes(true);
    const h = sigs.hash(msg, dst);
    const sig = sigs.sign(h, sk);
    const hp = sigs.hash(pkBytes, pop);
    const proof = sigs.sign(hp, sk);
    const ok = sigs.verify(sig, h, pk) && sigs.verify(proof, hp, pk);
    console.log(`sign ${name} ${hex(sk)} ${hex(msg)} | ${hex(pkBytes)} ${hex(sig.toBytes(true))} ` +
                `${hex(proof.toBytes(true))}${ok ? '' : ' rejected'}`);
  }
  for (let c = 0; c < 2 * scale; ++c) {
    const n = 1 + below(12);
    const sks = Array.from({ length: n }, randSecret);
    const msg = randMessage();
    const h = sigs.hash(msg, dst);
    const apk = sigs.aggregatePublicKeys(sks.map((sk) => sigs.getPublicKey(sk)));
    const agg = sigs.aggregateSignatures(sks.map((sk) => sigs.sign(h, sk)));
    const ok = sigs.verify(agg, h, apk);
    console.log(`fast ${name} ${n} ${sks.map(hex).join(' ')} ${hex(msg)} | ` +
                `${hex(apk.toBytes(true))} ${hex(agg.toBytes(true))}${ok ? '' : ' rejected'}`);
  }
  for (let c = 0; c < 2 * scale; ++c) {
    const n = 1 + below(8);
    const sks = Array.from({ length: n }, randSecret);
    // Distinct messages: a counter byte in front of random bytes.
    const msgs = Array.from({ length: n }, (_, i) => Uint8Array.from([i, ...randBytes(below(40))]));
    const hs = msgs.map((m) => sigs.hash(m, dst));
    const agg = sigs.aggregateSignatures(sks.map((sk, i) => sigs.sign(hs[i], sk)));
    const ok = sigs.verifyBatch(agg, hs, sks.map((sk) => sigs.getPublicKey(sk)));
    console.log(`multi ${name} ${n} ${sks.map(hex).join(' ')} ${msgs.map(hex).join(' ')} | ` +
                `${hex(agg.toBytes(true))}${ok ? '' : ' rejected'}`);
  }
}
