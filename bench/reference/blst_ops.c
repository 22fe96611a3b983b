/* The reference side of `make bench`'s BLS12-381 comparison: the operations of
 * bench/crypto_ops.cpp, done with blst (supranational/blst) through its public C API and
 * timed the same way (op_timer.h). Not part of the default build: blst is built beside
 * the project and this file is compiled against it only when CMake is given
 * -DDUSK_BLST_DIR=/path/to/blst (a directory holding libblst.a and bindings/blst.h);
 * see docs/PERFORMANCE.md.
 *
 * Operation names and workloads match crypto_ops.cpp: 32-byte messages, the DSTs of the
 * two signature variants, 255-bit scalars, 64 signers, MSM of 2^12 and 2^16 points. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blst.h"
#include "op_timer.h"

static const char kDstMinSig[] = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_";
static const char kDstMinPk[] = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
#define SIGNERS 64

static uint64_t rng_state = 0x0123456789abcdefull;
static uint64_t next64(void) { /* splitmix64 */
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
/* A random 255-bit scalar below r, little-endian bytes (blst's scalar byte order). */
static void random_scalar_le(byte out[32]) {
  for (int i = 0; i < 32; ++i) out[i] = (byte)next64();
  out[31] &= 0x3f; /* < 2^254 < r */
}
static void random_msg(byte out[32]) {
  for (int i = 0; i < 32; ++i) out[i] = (byte)next64();
}

/* ---- field arithmetic: dependent chains, x = x op y ---- */
static blst_fp fx, fy;
static blst_fp2 f2x, f2y;
static blst_fp12 f12x, f12y;
static void op_fp_mul(void* c) { (void)c; blst_fp_mul(&fx, &fx, &fy); }
static void op_fp_sqr(void* c) { (void)c; blst_fp_sqr(&fx, &fx); }
static void op_fp_inverse(void* c) { (void)c; blst_fp_inverse(&fx, &fx); }
static void op_fp2_mul(void* c) { (void)c; blst_fp2_mul(&f2x, &f2x, &f2y); }
static void op_fp12_mul(void* c) { (void)c; blst_fp12_mul(&f12x, &f12x, &f12y); }
static void op_fp12_sqr(void* c) { (void)c; blst_fp12_sqr(&f12x, &f12x); }

/* ---- pairing ---- */
static blst_p1_affine g1a;
static blst_p2_affine g2a;
static blst_fp12 ml_out;
static void op_miller_loop(void* c) { (void)c; blst_miller_loop(&ml_out, &g2a, &g1a); }
static void op_final_exp(void* c) { (void)c; blst_fp12 f; blst_final_exp(&f, &ml_out); }
static void op_pairing(void* c) {
  (void)c;
  blst_fp12 f, e;
  blst_miller_loop(&f, &g2a, &g1a);
  blst_final_exp(&e, &f);
}

/* ---- scalar multiplication (blst_p1_mult is constant time, with GLV) ---- */
static byte scalar[32];
static blst_p1 p1;
static blst_p2 p2;
static void op_g1_mul(void* c) { (void)c; blst_p1 r; blst_p1_mult(&r, &p1, scalar, 255); }
static void op_g2_mul(void* c) { (void)c; blst_p2 r; blst_p2_mult(&r, &p2, scalar, 255); }

/* ---- hash to curve ---- */
static byte msg[32];
static void op_hash_to_g1(void* c) {
  (void)c;
  blst_p1 r;
  blst_hash_to_g1(&r, msg, 32, (const byte*)kDstMinSig, strlen(kDstMinSig), NULL, 0);
}
static void op_hash_to_g2(void* c) {
  (void)c;
  blst_p2 r;
  blst_hash_to_g2(&r, msg, 32, (const byte*)kDstMinPk, strlen(kDstMinPk), NULL, 0);
}

/* ---- signatures: min-sig (Dusk consensus: keys in G2, signatures in G1) and min-pk
 * (Ethereum: keys in G1, signatures in G2) ---- */
static blst_scalar sks[SIGNERS];
static byte msgs[SIGNERS][32];
static blst_p2_affine minsig_pks[SIGNERS];
static blst_p1_affine minsig_sigs[SIGNERS], minsig_agg_sig, minsig_same_msg_agg;
static blst_p1_affine minpk_pks[SIGNERS];
static blst_p2_affine minpk_sigs[SIGNERS], minpk_agg_sig, minpk_same_msg_agg;
static blst_pairing* pairing_ctx;

static void fail(const char* what) {
  fprintf(stderr, "blst_ops: %s\n", what);
  exit(1);
}

static void op_minsig_sign(void* c) {
  (void)c;
  blst_p1 h, s;
  blst_hash_to_g1(&h, msgs[0], 32, (const byte*)kDstMinSig, strlen(kDstMinSig), NULL, 0);
  blst_sign_pk_in_g2(&s, &h, &sks[0]);
}
static void op_minsig_verify(void* c) {
  (void)c;
  if (blst_core_verify_pk_in_g2(&minsig_pks[0], &minsig_sigs[0], 1, msgs[0], 32,
                                (const byte*)kDstMinSig, strlen(kDstMinSig), NULL, 0) != BLST_SUCCESS)
    fail("min-sig verify failed");
}
/* 64 signers, 64 distinct messages, one aggregate signature. */
static void op_minsig_aggregate_verify(void* c) {
  (void)c;
  blst_pairing_init(pairing_ctx, 1, (const byte*)kDstMinSig, strlen(kDstMinSig));
  for (int i = 0; i < SIGNERS; ++i)
    if (blst_pairing_chk_n_aggr_pk_in_g2(pairing_ctx, &minsig_pks[i], 0, i == 0 ? &minsig_agg_sig : NULL,
                                         1, msgs[i], 32, NULL, 0) != BLST_SUCCESS)
      fail("min-sig aggregate failed");
  blst_pairing_commit(pairing_ctx);
  if (!blst_pairing_finalverify(pairing_ctx, NULL)) fail("min-sig aggregate verify failed");
}
/* 64 signers of one message: aggregate the keys, then one verification. */
static void op_minsig_fast_aggregate_verify(void* c) {
  (void)c;
  blst_p2 apk;
  blst_p2_from_affine(&apk, &minsig_pks[0]);
  for (int i = 1; i < SIGNERS; ++i) blst_p2_add_or_double_affine(&apk, &apk, &minsig_pks[i]);
  blst_p2_affine apka;
  blst_p2_to_affine(&apka, &apk);
  if (blst_core_verify_pk_in_g2(&apka, &minsig_same_msg_agg, 1, msgs[0], 32, (const byte*)kDstMinSig,
                                strlen(kDstMinSig), NULL, 0) != BLST_SUCCESS)
    fail("min-sig fast aggregate verify failed");
}
static void op_minpk_sign(void* c) {
  (void)c;
  blst_p2 h, s;
  blst_hash_to_g2(&h, msgs[0], 32, (const byte*)kDstMinPk, strlen(kDstMinPk), NULL, 0);
  blst_sign_pk_in_g1(&s, &h, &sks[0]);
}
static void op_minpk_verify(void* c) {
  (void)c;
  if (blst_core_verify_pk_in_g1(&minpk_pks[0], &minpk_sigs[0], 1, msgs[0], 32, (const byte*)kDstMinPk,
                                strlen(kDstMinPk), NULL, 0) != BLST_SUCCESS)
    fail("min-pk verify failed");
}
static void op_minpk_aggregate_verify(void* c) {
  (void)c;
  blst_pairing_init(pairing_ctx, 1, (const byte*)kDstMinPk, strlen(kDstMinPk));
  for (int i = 0; i < SIGNERS; ++i)
    if (blst_pairing_chk_n_aggr_pk_in_g1(pairing_ctx, &minpk_pks[i], 0, i == 0 ? &minpk_agg_sig : NULL,
                                         1, msgs[i], 32, NULL, 0) != BLST_SUCCESS)
      fail("min-pk aggregate failed");
  blst_pairing_commit(pairing_ctx);
  if (!blst_pairing_finalverify(pairing_ctx, NULL)) fail("min-pk aggregate verify failed");
}
static void op_minpk_fast_aggregate_verify(void* c) {
  (void)c;
  blst_p1 apk;
  blst_p1_from_affine(&apk, &minpk_pks[0]);
  for (int i = 1; i < SIGNERS; ++i) blst_p1_add_or_double_affine(&apk, &apk, &minpk_pks[i]);
  blst_p1_affine apka;
  blst_p1_to_affine(&apka, &apk);
  if (blst_core_verify_pk_in_g1(&apka, &minpk_same_msg_agg, 1, msgs[0], 32, (const byte*)kDstMinPk,
                                strlen(kDstMinPk), NULL, 0) != BLST_SUCCESS)
    fail("min-pk fast aggregate verify failed");
}

static void setup_signatures(void) {
  blst_p1 agg1, same1;
  blst_p2 agg2, same2;
  for (int i = 0; i < SIGNERS; ++i) {
    byte ikm[32];
    random_msg(ikm);
    random_msg(msgs[i]);
    blst_keygen(&sks[i], ikm, 32, NULL, 0);
    blst_p2 pk2;
    blst_p1 pk1, h1, s1, hs1;
    blst_p2 h2, s2, hs2;
    blst_sk_to_pk_in_g2(&pk2, &sks[i]);
    blst_p2_to_affine(&minsig_pks[i], &pk2);
    blst_sk_to_pk_in_g1(&pk1, &sks[i]);
    blst_p1_to_affine(&minpk_pks[i], &pk1);
    blst_hash_to_g1(&h1, msgs[i], 32, (const byte*)kDstMinSig, strlen(kDstMinSig), NULL, 0);
    blst_sign_pk_in_g2(&s1, &h1, &sks[i]);
    blst_p1_to_affine(&minsig_sigs[i], &s1);
    blst_hash_to_g2(&h2, msgs[i], 32, (const byte*)kDstMinPk, strlen(kDstMinPk), NULL, 0);
    blst_sign_pk_in_g1(&s2, &h2, &sks[i]);
    blst_p2_to_affine(&minpk_sigs[i], &s2);
    /* signatures of msgs[0] by every signer, for fast aggregate verify */
    blst_hash_to_g1(&h1, msgs[0], 32, (const byte*)kDstMinSig, strlen(kDstMinSig), NULL, 0);
    blst_sign_pk_in_g2(&hs1, &h1, &sks[i]);
    blst_hash_to_g2(&h2, msgs[0], 32, (const byte*)kDstMinPk, strlen(kDstMinPk), NULL, 0);
    blst_sign_pk_in_g1(&hs2, &h2, &sks[i]);
    if (i == 0) {
      agg1 = s1, agg2 = s2, same1 = hs1, same2 = hs2;
    } else {
      blst_p1_add_or_double(&agg1, &agg1, &s1);
      blst_p2_add_or_double(&agg2, &agg2, &s2);
      blst_p1_add_or_double(&same1, &same1, &hs1);
      blst_p2_add_or_double(&same2, &same2, &hs2);
    }
  }
  blst_p1_to_affine(&minsig_agg_sig, &agg1);
  blst_p2_to_affine(&minpk_agg_sig, &agg2);
  blst_p1_to_affine(&minsig_same_msg_agg, &same1);
  blst_p2_to_affine(&minpk_same_msg_agg, &same2);
  pairing_ctx = malloc(blst_pairing_sizeof());
}

/* ---- multi-scalar multiplication ---- */
struct msm_input {
  size_t n;
  blst_p1_affine* p1s;
  blst_p2_affine* p2s;
  const blst_p1_affine** p1_ptrs;
  const blst_p2_affine** p2_ptrs;
  byte* scalars;
  const byte** scalar_ptrs;
  limb_t* scratch;
};
static void op_g1_msm(void* c) {
  struct msm_input* in = c;
  blst_p1 r;
  blst_p1s_mult_pippenger(&r, in->p1_ptrs, in->n, in->scalar_ptrs, 255, in->scratch);
}
static void op_g2_msm(void* c) {
  struct msm_input* in = c;
  blst_p2 r;
  blst_p2s_mult_pippenger(&r, in->p2_ptrs, in->n, in->scalar_ptrs, 255, in->scratch);
}
/* n distinct points P_i = P_0 + i Q (cheap to make; the cost of an MSM does not depend
 * on which points it is given), random scalars. */
static void setup_msm(struct msm_input* in, size_t n, int g2) {
  in->n = n;
  in->scalars = malloc(32 * n);
  in->scalar_ptrs = malloc(sizeof(byte*) * n);
  for (size_t i = 0; i < n; ++i) {
    random_scalar_le(in->scalars + 32 * i);
    in->scalar_ptrs[i] = in->scalars + 32 * i;
  }
  byte k[32];
  random_scalar_le(k);
  if (!g2) {
    blst_p1* pts = malloc(sizeof(blst_p1) * n);
    blst_p1 q;
    blst_p1_mult(&q, blst_p1_generator(), k, 255);
    pts[0] = *blst_p1_generator();
    for (size_t i = 1; i < n; ++i) blst_p1_add_or_double(&pts[i], &pts[i - 1], &q);
    const blst_p1* ptrs[2] = {pts, NULL};
    in->p1s = malloc(sizeof(blst_p1_affine) * n);
    blst_p1s_to_affine(in->p1s, ptrs, n);
    free(pts);
    in->p1_ptrs = malloc(sizeof(void*) * 2);
    in->p1_ptrs[0] = in->p1s;
    in->p1_ptrs[1] = NULL;
    in->scratch = malloc(blst_p1s_mult_pippenger_scratch_sizeof(n));
  } else {
    blst_p2* pts = malloc(sizeof(blst_p2) * n);
    blst_p2 q;
    blst_p2_mult(&q, blst_p2_generator(), k, 255);
    pts[0] = *blst_p2_generator();
    for (size_t i = 1; i < n; ++i) blst_p2_add_or_double(&pts[i], &pts[i - 1], &q);
    const blst_p2* ptrs[2] = {pts, NULL};
    in->p2s = malloc(sizeof(blst_p2_affine) * n);
    blst_p2s_to_affine(in->p2s, ptrs, n);
    free(pts);
    in->p2_ptrs = malloc(sizeof(void*) * 2);
    in->p2_ptrs[0] = in->p2s;
    in->p2_ptrs[1] = NULL;
    in->scratch = malloc(blst_p2s_mult_pippenger_scratch_sizeof(n));
  }
  /* blst reads the point array as one contiguous run when ptrs[1] is NULL; the scalar
   * array likewise. */
  in->scalar_ptrs[1] = NULL;
}

/* ---- KZG: verify_kzg_proof as c-kzg-4844 does it with blst: decode and check the
 * commitment and the proof, [s - z]G2 and C - [y]G1, one two-pair pairing check. The
 * instance is a valid one for f(X) = a + bX: C = [f(s)]G1, proof = [b]G1. ---- */
static byte kzg_commitment[48], kzg_proof[48];
static blst_scalar kzg_z, kzg_y;
static blst_p2_affine kzg_s_g2;
static void op_kzg_verify_proof(void* c) {
  (void)c;
  blst_p1_affine cm, pf;
  if (blst_p1_uncompress(&cm, kzg_commitment) != BLST_SUCCESS || !blst_p1_affine_in_g1(&cm)) fail("kzg commitment");
  if (blst_p1_uncompress(&pf, kzg_proof) != BLST_SUCCESS || !blst_p1_affine_in_g1(&pf)) fail("kzg proof");
  blst_p2 xz, zg2;
  blst_p2_mult(&zg2, blst_p2_generator(), kzg_z.b, 255);
  blst_p2_cneg(&zg2, 1);
  blst_p2_add_or_double_affine(&xz, &zg2, &kzg_s_g2);
  blst_p1 py, yg1;
  blst_p1_mult(&yg1, blst_p1_generator(), kzg_y.b, 255);
  blst_p1_cneg(&yg1, 1);
  blst_p1_add_or_double_affine(&py, &yg1, &cm);
  blst_p1_cneg(&py, 1); /* e(C - y, -G2) e(proof, s - z) == 1 */
  blst_p1_affine pya;
  blst_p2_affine xza;
  blst_p1_to_affine(&pya, &py);
  blst_p2_to_affine(&xza, &xz);
  const blst_p1_affine* ps[2] = {&pya, &pf};
  const blst_p2_affine* qs[2] = {&BLS12_381_G2, &xza};
  blst_fp12 f, e;
  blst_miller_loop_n(&f, qs, ps, 2);
  blst_final_exp(&e, &f);
  if (!blst_fp12_is_one(&e)) fail("kzg verify failed");
}
static void setup_kzg(void) {
  /* s, a, b, z as scalars; y = a + b z and f(s) = a + b s mod r, computed with blst's
   * scalar-field (fr) arithmetic. */
  byte sb[32], ab[32], bb[32], zb[32];
  random_scalar_le(sb), random_scalar_le(ab), random_scalar_le(bb), random_scalar_le(zb);
  blst_fr s, a, b, z, t, y, fs;
  blst_scalar tmp;
  blst_scalar_from_lendian(&tmp, sb), blst_fr_from_scalar(&s, &tmp);
  blst_scalar_from_lendian(&tmp, ab), blst_fr_from_scalar(&a, &tmp);
  blst_scalar_from_lendian(&tmp, bb), blst_fr_from_scalar(&b, &tmp);
  blst_scalar_from_lendian(&tmp, zb), blst_fr_from_scalar(&z, &tmp);
  blst_fr_mul(&t, &b, &z), blst_fr_add(&y, &a, &t);
  blst_fr_mul(&t, &b, &s), blst_fr_add(&fs, &a, &t);
  blst_scalar_from_fr(&kzg_z, &z);
  blst_scalar_from_fr(&kzg_y, &y);
  blst_scalar fss, bs, ss;
  blst_scalar_from_fr(&fss, &fs), blst_scalar_from_fr(&bs, &b), blst_scalar_from_fr(&ss, &s);
  blst_p1 cm, pf;
  blst_p2 sg2;
  blst_p1_mult(&cm, blst_p1_generator(), fss.b, 255);
  blst_p1_mult(&pf, blst_p1_generator(), bs.b, 255);
  blst_p2_mult(&sg2, blst_p2_generator(), ss.b, 255);
  blst_p1_compress(kzg_commitment, &cm);
  blst_p1_compress(kzg_proof, &pf);
  blst_p2_to_affine(&kzg_s_g2, &sg2);
}

int main(void) {
  g1a = *blst_p1_affine_generator();
  g2a = *blst_p2_affine_generator();
  random_scalar_le(scalar);
  random_msg(msg);
  blst_p1_mult(&p1, blst_p1_generator(), scalar, 255);
  blst_p2_mult(&p2, blst_p2_generator(), scalar, 255);
  blst_miller_loop(&ml_out, &g2a, &g1a);

  fx = g1a.x, fy = g1a.y, f2x = g2a.x, f2y = g2a.y, f12x = ml_out;
  blst_miller_loop(&f12y, &g2a, &BLS12_381_NEG_G1);
  op_timer_run("fp_mul", op_fp_mul, NULL);
  op_timer_run("fp_sqr", op_fp_sqr, NULL);
  op_timer_run("fp_inverse", op_fp_inverse, NULL);
  op_timer_run("fp2_mul", op_fp2_mul, NULL);
  op_timer_run("fp12_mul", op_fp12_mul, NULL);
  op_timer_run("fp12_sqr", op_fp12_sqr, NULL);
  op_timer_run("miller_loop", op_miller_loop, NULL);
  op_timer_run("final_exp", op_final_exp, NULL);
  op_timer_run("pairing", op_pairing, NULL);
  op_timer_run("g1_mul", op_g1_mul, NULL);
  op_timer_run("g2_mul", op_g2_mul, NULL);
  op_timer_run("hash_to_g1", op_hash_to_g1, NULL);
  op_timer_run("hash_to_g2", op_hash_to_g2, NULL);

  setup_signatures();
  op_timer_run("minsig_sign", op_minsig_sign, NULL);
  op_timer_run("minsig_verify", op_minsig_verify, NULL);
  op_timer_run("minsig_aggregate_verify_64", op_minsig_aggregate_verify, NULL);
  op_timer_run("minsig_fast_aggregate_verify_64", op_minsig_fast_aggregate_verify, NULL);
  op_timer_run("minpk_sign", op_minpk_sign, NULL);
  op_timer_run("minpk_verify", op_minpk_verify, NULL);
  op_timer_run("minpk_aggregate_verify_64", op_minpk_aggregate_verify, NULL);
  op_timer_run("minpk_fast_aggregate_verify_64", op_minpk_fast_aggregate_verify, NULL);

  static const size_t sizes[2] = {4096, 65536};
  static const char* g1_names[2] = {"g1_msm_4096", "g1_msm_65536"};
  static const char* g2_names[2] = {"g2_msm_4096", "g2_msm_65536"};
  for (int i = 0; i < 2; ++i) {
    if (op_timer_selected(g1_names[i])) {
      struct msm_input in = {0};
      setup_msm(&in, sizes[i], 0);
      op_timer_run(g1_names[i], op_g1_msm, &in);
    }
    if (op_timer_selected(g2_names[i])) {
      struct msm_input in = {0};
      setup_msm(&in, sizes[i], 1);
      op_timer_run(g2_names[i], op_g2_msm, &in);
    }
  }

  setup_kzg();
  op_timer_run("kzg_verify_proof", op_kzg_verify_proof, NULL);
  return 0;
}
