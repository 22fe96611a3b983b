/* A proof gate: it records a statement (a circuit's public inputs) only with a valid
 * Groth16 proof of it, checked by the host (hq "groth16_verify_bn254" or
 * "groth16_verify_bls12_381").
 *
 * init(curve, key): curve 0 is BN254, 1 is BLS12-381; key is the verifying key in
 * Groth16's binary form (src/crypto/groth16/binary_form.hpp), with at most 64 public
 * inputs. submit(proof, inputs) takes a proof and its public inputs in the same binary
 * form (32 bytes big-endian each); when the proof verifies and the statement is new, the
 * statement (its BLAKE2b-256) is recorded with the next index. A statement is recorded
 * once: a replayed proof is refused. A proof that does not verify, malformed bytes and
 * wrong sizes fail the call, which then changes nothing.
 *
 * Events: "proven" {index, statement}, statement = BLAKE2b-256 of the public inputs. */
#include "dusk/dusk.h"

DUSK_ABI(
    "{\"functions\": ["
    "{\"name\": \"init\", \"inputs\": [{\"name\": \"curve\", \"type\": \"u8\"}, {\"name\": \"key\", \"type\": \"bytes\"}]},"
    "{\"name\": \"submit\", \"inputs\": [{\"name\": \"proof\", \"type\": \"bytes\"}, {\"name\": \"inputs\", \"type\": \"bytes\"}],"
    " \"outputs\": [{\"name\": \"index\", \"type\": \"u64\"}]},"
    "{\"name\": \"is_proven\", \"inputs\": [{\"name\": \"inputs\", \"type\": \"bytes\"}],"
    " \"outputs\": [{\"name\": \"proven\", \"type\": \"bool\"}, {\"name\": \"index\", \"type\": \"u64\"}]},"
    "{\"name\": \"count\", \"outputs\": [{\"name\": \"proven\", \"type\": \"u64\"}]},"
    "{\"name\": \"last\", \"outputs\": [{\"name\": \"statement\", \"type\": \"bytes32\"}]},"
    "{\"name\": \"key_info\", \"outputs\": [{\"name\": \"curve\", \"type\": \"u8\"}, {\"name\": \"inputs\", \"type\": \"u32\"}]}"
    "],"
    " \"events\": [{\"topic\": \"proven\", \"fields\": [{\"name\": \"index\", \"type\": \"u64\"},"
    " {\"name\": \"statement\", \"type\": \"bytes32\"}]}]}");

#define MAX_INPUTS 64u

typedef struct Curve {
  const char* query;
  uint32_t g1, g2;  /* point sizes in the binary form */
} Curve;

static const Curve kCurves[2] = {
    {"groth16_verify_bn254", 64, 128},
    {"groth16_verify_bls12_381", 48, 96},
};

static uint8_t curve;
static uint8_t* key;        /* the verifying key, on the heap */
static uint32_t key_len;
static uint32_t inputs;     /* public inputs the key expects */
static uint64_t proven_count;
static uint8_t last[32];
static DuskMap* proven;     /* statement -> index (u64) */

static uint32_t proof_size(void) { return 2 * kCurves[curve].g1 + kCurves[curve].g2; }

DUSK_ENTRY(init) {
  curve = dusk_read_u8(args);
  uint32_t n;
  const uint8_t* k = dusk_read_bytes(args, &n);
  dusk_read_end(args);
  if (curve > 1) dusk_panic("curve: 0 (BN254) or 1 (BLS12-381)");
  const Curve* c = &kCurves[curve];
  /* alpha (g1), beta, gamma, delta (g2), u32 big-endian count, IC_0 .. IC_count (g1). */
  const uint32_t head = c->g1 + 3 * c->g2;
  if (n < head + 4) dusk_panic("the verifying key is too short");
  const uint32_t count = (uint32_t)k[head] << 24 | (uint32_t)k[head + 1] << 16 | (uint32_t)k[head + 2] << 8 | k[head + 3];
  if (count > MAX_INPUTS) dusk_panic("the verifying key has more than 64 public inputs");
  if (n != head + 4 + (count + 1) * c->g1) dusk_panic("the verifying key's length does not match its input count");
  key = (uint8_t*)dusk_alloc(n);
  memcpy(key, k, n);
  key_len = n;
  inputs = count;
  proven = dusk_map_new(32, 8);
  return 0;
}

DUSK_ENTRY(submit) {
  uint8_t proof[256], statement[MAX_INPUTS * 32], digest[32];
  uint32_t proof_len, inputs_len;
  const uint8_t* p = dusk_read_bytes(args, &proof_len);
  const uint8_t* x = dusk_read_bytes(args, &inputs_len);
  dusk_read_end(args);
  if (proof_len != proof_size()) dusk_panic(curve == 0 ? "the proof must be 256 bytes" : "the proof must be 192 bytes");
  if (inputs_len != inputs * 32) dusk_panic("the inputs must be 32 bytes for each of the key's public inputs");
  memcpy(proof, p, proof_len);
  memcpy(statement, x, inputs_len);

  dusk_blake2b_256(statement, inputs_len, digest);
  if (dusk_map_get(proven, digest)) dusk_panic("the statement is already proven");

  /* The query's input: u32 key length || key || u32 proof length || proof || inputs. */
  DuskWriter w = dusk_writer();
  dusk_write_bytes(&w, key, key_len);
  dusk_write_bytes(&w, proof, proof_len);
  dusk_write_fixed(&w, statement, inputs_len);
  const int32_t r = dusk_query_argbuf(kCurves[curve].query, w.len);
  if (r == DUSK_QUERY_BAD_INPUT) dusk_panic("malformed proof or inputs");
  if (r != 1 || dusk_argbuf[0] != 1) dusk_panic("invalid proof");

  const uint64_t index = ++proven_count;
  memcpy(dusk_map_put(proven, digest, 0), &index, 8);
  memcpy(last, digest, 32);
  w = dusk_writer();
  dusk_write_u64(&w, index);
  dusk_write_fixed(&w, digest, 32);
  dusk_emit_argbuf("proven", w.len);

  DuskWriter out = dusk_writer();
  dusk_write_u64(&out, index);
  return out.len;
}

DUSK_ENTRY(is_proven) {
  uint8_t statement[MAX_INPUTS * 32], digest[32];
  uint32_t n;
  const uint8_t* x = dusk_read_bytes(args, &n);
  dusk_read_end(args);
  if (n > sizeof statement) dusk_panic("too many inputs");
  memcpy(statement, x, n);
  dusk_blake2b_256(statement, n, digest);
  const uint64_t* index = (const uint64_t*)dusk_map_get(proven, digest);
  DuskWriter out = dusk_writer();
  dusk_write_bool(&out, index != 0);
  dusk_write_u64(&out, index ? *index : 0);
  return out.len;
}

DUSK_ENTRY(count) {
  dusk_read_end(args);
  DuskWriter out = dusk_writer();
  dusk_write_u64(&out, proven_count);
  return out.len;
}

DUSK_ENTRY(last) {
  dusk_read_end(args);
  DuskWriter out = dusk_writer();
  dusk_write_fixed(&out, last, 32);
  return out.len;
}

DUSK_ENTRY(key_info) {
  dusk_read_end(args);
  DuskWriter out = dusk_writer();
  dusk_write_u8(&out, curve);
  dusk_write_u32(&out, inputs);
  return out.len;
}
