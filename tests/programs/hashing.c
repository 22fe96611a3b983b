/*
 * hashing: SHA-256, CRC-32 and FNV-1a 64 over a generated buffer.
 *
 * Usage: hashing [ROUNDS]   (default 160)
 * Each round refills a 1 MiB buffer from a xorshift generator seeded by the previous
 * round's SHA-256 digest, hashes it with all three functions and folds the results into
 * running totals. The known-answer vectors at the start check the implementations.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BUFFER_SIZE = 1 << 20, DEFAULT_ROUNDS = 128 };

/* ---- SHA-256 (FIPS 180-4) ---- */

typedef struct {
  uint32_t state[8];
  uint64_t length;
  uint8_t block[64];
  size_t used;
} Sha256;

static const uint32_t kRoundConstants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha256_compress(uint32_t state[8], const uint8_t block[64]) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++) {
    w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 |
           (uint32_t)block[4 * i + 2] << 8 | (uint32_t)block[4 * i + 3];
  }
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
                  kRoundConstants[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
}

static void sha256_init(Sha256 *s) {
  static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(s->state, initial, sizeof initial);
  s->length = 0;
  s->used = 0;
}

static void sha256_update(Sha256 *s, const uint8_t *data, size_t size) {
  s->length += size;
  while (size > 0) {
    if (s->used == 0 && size >= 64) {
      sha256_compress(s->state, data);
      data += 64;
      size -= 64;
      continue;
    }
    size_t take = 64 - s->used;
    if (take > size) take = size;
    memcpy(s->block + s->used, data, take);
    s->used += take;
    data += take;
    size -= take;
    if (s->used == 64) {
      sha256_compress(s->state, s->block);
      s->used = 0;
    }
  }
}

static void sha256_final(Sha256 *s, uint8_t digest[32]) {
  uint64_t bits = s->length * 8;
  uint8_t pad[72] = {0x80};
  size_t pad_size = (s->used < 56 ? 56 : 120) - s->used;
  for (int i = 0; i < 8; i++) pad[pad_size + i] = (uint8_t)(bits >> (56 - 8 * i));
  sha256_update(s, pad, pad_size + 8);
  for (int i = 0; i < 8; i++) {
    digest[4 * i] = (uint8_t)(s->state[i] >> 24);
    digest[4 * i + 1] = (uint8_t)(s->state[i] >> 16);
    digest[4 * i + 2] = (uint8_t)(s->state[i] >> 8);
    digest[4 * i + 3] = (uint8_t)s->state[i];
  }
}

static void sha256(const uint8_t *data, size_t size, uint8_t digest[32]) {
  Sha256 s;
  sha256_init(&s);
  sha256_update(&s, data, size);
  sha256_final(&s, digest);
}

/* ---- CRC-32 (IEEE 802.3, reflected, table driven) ---- */

static uint32_t crc_table[256];

static void crc32_init(void) {
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[n] = c;
  }
}

static uint32_t crc32(const uint8_t *data, size_t size) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < size; i++) c = crc_table[(c ^ data[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

/* ---- FNV-1a, 64-bit ---- */

static uint64_t fnv1a64(const uint8_t *data, size_t size) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < size; i++) {
    h ^= data[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

/* ---- driver ---- */

static void print_hex(const char *label, const uint8_t *bytes, size_t size) {
  printf("%s ", label);
  for (size_t i = 0; i < size; i++) printf("%02x", bytes[i]);
  printf("\n");
}

static void fill(uint8_t *buffer, size_t size, const uint8_t seed[32]) {
  uint64_t x = 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < 8; i++) x = (x << 8 | seed[i]) ^ (x >> 56);
  if (x == 0) x = 1;
  for (size_t i = 0; i < size; i += 8) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    for (int k = 0; k < 8; k++) buffer[i + (size_t)k] = (uint8_t)(x >> (8 * k));
  }
}

static long parse_size(int argc, char **argv, long fallback) {
  if (argc < 2) return fallback;
  char *end;
  long v = strtol(argv[1], &end, 10);
  if (*end != '\0' || v <= 0 || v > 1000000) {
    fprintf(stderr, "usage: %s [ROUNDS]  (1..1000000)\n", argv[0]);
    exit(2);
  }
  return v;
}

int main(int argc, char **argv) {
  long rounds = parse_size(argc, argv, DEFAULT_ROUNDS);
  crc32_init();

  uint8_t digest[32];
  const char *abc = "abc";
  sha256((const uint8_t *)abc, 3, digest);
  print_hex("sha256(\"abc\")", digest, 32);
  sha256((const uint8_t *)"", 0, digest);
  print_hex("sha256(\"\")", digest, 32);
  const char *check = "123456789";
  printf("crc32(\"123456789\") %08x\n", (unsigned)crc32((const uint8_t *)check, 9));
  printf("fnv1a64(\"123456789\") %016llx\n",
         (unsigned long long)fnv1a64((const uint8_t *)check, 9));

  uint8_t *buffer = malloc(BUFFER_SIZE);
  if (!buffer) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  uint8_t chain[32] = {0};
  uint32_t crc_total = 0;
  uint64_t fnv_total = 0;
  for (long r = 0; r < rounds; r++) {
    fill(buffer, BUFFER_SIZE, chain);
    /* Hash an odd-length prefix too, so the padding paths are exercised. */
    size_t size = BUFFER_SIZE - (size_t)(r % 61);
    sha256(buffer, size, digest);
    for (int i = 0; i < 32; i++) chain[i] ^= digest[i];
    crc_total = crc_total * 31u + crc32(buffer, size);
    fnv_total ^= fnv1a64(buffer, size) + (uint64_t)r;
    if (r < 3 || r == rounds - 1) {
      printf("round %ld: size %zu crc32 %08x ", r, size, (unsigned)crc32(buffer, size));
      print_hex("sha256", digest, 32);
    }
  }
  printf("rounds %ld\n", rounds);
  print_hex("chain", chain, 32);
  printf("crc32 total %08x\n", (unsigned)crc_total);
  printf("fnv1a64 total %016llx\n", (unsigned long long)fnv_total);
  free(buffer);
  return 0;
}
