/* A fungible token with allowances.
 *
 * init(supply) mints the whole supply to the deployer (dusk_sender at deploy: the owner,
 * or its BLAKE2b-256 when it is not 32 bytes). Accounts are 32-byte IDs as dusk_sender
 * gives them: a contract's ID, or a transaction's sender. Balances live in a map of
 * one-page buckets, so a transfer writes the two buckets of its accounts (one when they
 * share it) and the page of argbuf. An account whose balance falls to zero is removed,
 * and so is an allowance that is used up or set to zero.
 *
 * Events: "transfer" {from, to, amount} (from = 32 zero bytes at the mint), and
 * "approval" {owner, spender, amount}. */
#include "dusk/dusk.h"

DUSK_ABI(
    "{\"functions\": ["
    "{\"name\": \"init\", \"inputs\": [{\"name\": \"supply\", \"type\": \"u64\"}]},"
    "{\"name\": \"total_supply\", \"outputs\": [{\"name\": \"supply\", \"type\": \"u64\"}]},"
    "{\"name\": \"balance_of\", \"inputs\": [{\"name\": \"account\", \"type\": \"bytes32\"}],"
    " \"outputs\": [{\"name\": \"balance\", \"type\": \"u64\"}]},"
    "{\"name\": \"transfer\", \"inputs\": [{\"name\": \"to\", \"type\": \"bytes32\"},"
    " {\"name\": \"amount\", \"type\": \"u64\"}]},"
    "{\"name\": \"approve\", \"inputs\": [{\"name\": \"spender\", \"type\": \"bytes32\"},"
    " {\"name\": \"amount\", \"type\": \"u64\"}]},"
    "{\"name\": \"allowance\", \"inputs\": [{\"name\": \"owner\", \"type\": \"bytes32\"},"
    " {\"name\": \"spender\", \"type\": \"bytes32\"}], \"outputs\": [{\"name\": \"amount\", \"type\": \"u64\"}]},"
    "{\"name\": \"transfer_from\", \"inputs\": [{\"name\": \"from\", \"type\": \"bytes32\"},"
    " {\"name\": \"to\", \"type\": \"bytes32\"}, {\"name\": \"amount\", \"type\": \"u64\"}]}"
    "],"
    " \"events\": ["
    "{\"topic\": \"transfer\", \"fields\": [{\"name\": \"from\", \"type\": \"bytes32\"},"
    " {\"name\": \"to\", \"type\": \"bytes32\"}, {\"name\": \"amount\", \"type\": \"u64\"}]},"
    "{\"topic\": \"approval\", \"fields\": [{\"name\": \"owner\", \"type\": \"bytes32\"},"
    " {\"name\": \"spender\", \"type\": \"bytes32\"}, {\"name\": \"amount\", \"type\": \"u64\"}]}"
    "]}");

/* The state: static variables live in linear memory, so they persist. */
static uint64_t supply;
static DuskMap* balances;    /* account (32) -> u64 */
static DuskMap* allowances;  /* owner (32) || spender (32) -> u64 */

static const uint8_t kNobody[32];

static uint64_t balance_of(const uint8_t account[32]) {
  const uint64_t* b = (const uint64_t*)dusk_map_get(balances, account);
  return b ? *b : 0;
}

static void emit_triple(const char* topic, const uint8_t a[32], const uint8_t b[32], uint64_t amount) {
  DuskWriter w = dusk_writer();
  dusk_write_fixed(&w, a, 32);
  dusk_write_fixed(&w, b, 32);
  dusk_write_u64(&w, amount);
  dusk_emit_argbuf(topic, w.len);
}

/* Moves amount from one account to another; the caller has checked nothing. */
static void move(const uint8_t from[32], const uint8_t to[32], uint64_t amount) {
  uint64_t* source = (uint64_t*)dusk_map_get(balances, from);
  if (amount > (source ? *source : 0)) dusk_panic("insufficient balance");
  if (amount != 0 && memcmp(from, to, 32) != 0) {
    bool inserted;
    uint64_t* target = (uint64_t*)dusk_map_put(balances, to, &inserted);
    /* A put that inserted may have split the bucket `source` points into. */
    if (inserted) source = (uint64_t*)dusk_map_get(balances, from);
    *target += amount;  /* cannot overflow: every balance is part of the supply */
    *source -= amount;
    if (*source == 0) dusk_map_remove(balances, from);
  }
  emit_triple("transfer", from, to, amount);
}

DUSK_ENTRY(init) {
  const uint64_t amount = dusk_read_u64(args);
  dusk_read_end(args);
  balances = dusk_map_new(32, 8);
  allowances = dusk_map_new(64, 8);
  supply = amount;
  uint8_t owner[32];
  dusk_sender(owner);
  if (amount) *(uint64_t*)dusk_map_put(balances, owner, 0) = amount;
  emit_triple("transfer", kNobody, owner, amount);
  return 0;
}

DUSK_ENTRY(total_supply) {
  dusk_read_end(args);
  DuskWriter out = dusk_writer();
  dusk_write_u64(&out, supply);
  return out.len;
}

DUSK_ENTRY(balance_of) {
  uint8_t account[32];
  dusk_read_fixed(args, account, 32);
  dusk_read_end(args);
  DuskWriter out = dusk_writer();
  dusk_write_u64(&out, balance_of(account));
  return out.len;
}

DUSK_ENTRY(transfer) {
  uint8_t to[32], from[32];
  dusk_read_fixed(args, to, 32);
  const uint64_t amount = dusk_read_u64(args);
  dusk_read_end(args);
  dusk_sender(from);
  move(from, to, amount);
  return 0;
}

DUSK_ENTRY(approve) {
  uint8_t key[64];  /* owner || spender */
  dusk_read_fixed(args, key + 32, 32);
  const uint64_t amount = dusk_read_u64(args);
  dusk_read_end(args);
  dusk_sender(key);
  if (amount) *(uint64_t*)dusk_map_put(allowances, key, 0) = amount;
  else dusk_map_remove(allowances, key);
  emit_triple("approval", key, key + 32, amount);
  return 0;
}

DUSK_ENTRY(allowance) {
  uint8_t key[64];
  dusk_read_fixed(args, key, 64);
  dusk_read_end(args);
  const uint64_t* a = (const uint64_t*)dusk_map_get(allowances, key);
  DuskWriter out = dusk_writer();
  dusk_write_u64(&out, a ? *a : 0);
  return out.len;
}

DUSK_ENTRY(transfer_from) {
  uint8_t key[64], to[32];  /* key: from || spender */
  dusk_read_fixed(args, key, 32);
  dusk_read_fixed(args, to, 32);
  const uint64_t amount = dusk_read_u64(args);
  dusk_read_end(args);
  dusk_sender(key + 32);
  if (amount) {
    uint64_t* allowed = (uint64_t*)dusk_map_get(allowances, key);
    if (!allowed || *allowed < amount) dusk_panic("insufficient allowance");
    *allowed -= amount;
    if (*allowed == 0) dusk_map_remove(allowances, key);
  }
  move(key, to, amount);
  return 0;
}
