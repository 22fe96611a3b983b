/* An escrow of token amounts (contracts/examples/token), between a payer and a payee,
 * settled by the payer, an arbiter or a deadline.
 *
 * init(token) names the token contract. open(payee, arbiter, amount, deadline) moves
 * `amount` from the payer (the sender) to the escrow with the token's transfer_from, so
 * the payer first approves the escrow's ID as a spender. Then, while the escrow is open:
 *   release(id)  by the payer or the arbiter: the payee gets the amount;
 *   refund(id)   by the arbiter, by the payee (who declines), or by anyone once the
 *                block height reaches the deadline: the payer gets it back.
 * An arbiter of 32 zero bytes means none; a deadline of 0 means none. Settled escrows
 * stay readable through get(id). The token's failures come back as this contract's, with
 * the token's message: the whole call, token transfer included, then changes nothing.
 *
 * Events: "opened" {id, payer, payee, amount}, "released" {id, to, amount},
 * "refunded" {id, to, amount}. */
#include "dusk/dusk.h"

DUSK_ABI(
    "{\"functions\": ["
    "{\"name\": \"init\", \"inputs\": [{\"name\": \"token\", \"type\": \"bytes32\"}]},"
    "{\"name\": \"open\", \"inputs\": [{\"name\": \"payee\", \"type\": \"bytes32\"},"
    " {\"name\": \"arbiter\", \"type\": \"bytes32\"}, {\"name\": \"amount\", \"type\": \"u64\"},"
    " {\"name\": \"deadline\", \"type\": \"u64\"}], \"outputs\": [{\"name\": \"id\", \"type\": \"u64\"}]},"
    "{\"name\": \"release\", \"inputs\": [{\"name\": \"id\", \"type\": \"u64\"}]},"
    "{\"name\": \"refund\", \"inputs\": [{\"name\": \"id\", \"type\": \"u64\"}]},"
    "{\"name\": \"get\", \"inputs\": [{\"name\": \"id\", \"type\": \"u64\"}],"
    " \"outputs\": [{\"name\": \"payer\", \"type\": \"bytes32\"}, {\"name\": \"payee\", \"type\": \"bytes32\"},"
    " {\"name\": \"arbiter\", \"type\": \"bytes32\"}, {\"name\": \"amount\", \"type\": \"u64\"},"
    " {\"name\": \"deadline\", \"type\": \"u64\"}, {\"name\": \"status\", \"type\": \"u8\"}]}"
    "],"
    " \"events\": ["
    "{\"topic\": \"opened\", \"fields\": [{\"name\": \"id\", \"type\": \"u64\"}, {\"name\": \"payer\", \"type\": \"bytes32\"},"
    " {\"name\": \"payee\", \"type\": \"bytes32\"}, {\"name\": \"amount\", \"type\": \"u64\"}]},"
    "{\"topic\": \"released\", \"fields\": [{\"name\": \"id\", \"type\": \"u64\"}, {\"name\": \"to\", \"type\": \"bytes32\"},"
    " {\"name\": \"amount\", \"type\": \"u64\"}]},"
    "{\"topic\": \"refunded\", \"fields\": [{\"name\": \"id\", \"type\": \"u64\"}, {\"name\": \"to\", \"type\": \"bytes32\"},"
    " {\"name\": \"amount\", \"type\": \"u64\"}]}"
    "]}");

enum Status { kOpen = 1, kReleased = 2, kRefunded = 3 };

typedef struct Escrow {
  uint8_t payer[32];
  uint8_t payee[32];
  uint8_t arbiter[32];
  uint64_t amount;
  uint64_t deadline;
  uint8_t status;
} Escrow;

static uint8_t token[32];
static uint8_t self[32];
static uint64_t next_id;
static DuskMap* escrows;  /* id (u64) -> Escrow */

static const uint8_t kNone[32];

DUSK_ENTRY(init) {
  dusk_read_fixed(args, token, 32);
  dusk_read_end(args);
  dusk_self_id(self);
  escrows = dusk_map_new(8, sizeof(Escrow));
  next_id = 1;
  return 0;
}

/* Calls the token's `fn` with the argument built in argbuf; fails with its reason. */
static void token_call(const char* fn, const DuskWriter* arg) {
  const int32_t r = dusk_call_argbuf(token, fn, arg->len, 0);
  if (r < 0) dusk_panic_call(fn, r);
}

static void pay(const uint8_t to[32], uint64_t amount) {
  DuskWriter w = dusk_writer();
  dusk_write_fixed(&w, to, 32);
  dusk_write_u64(&w, amount);
  token_call("transfer", &w);
}

static Escrow* find_open(DuskReader* args, uint64_t* id) {
  *id = dusk_read_u64(args);
  dusk_read_end(args);
  Escrow* e = (Escrow*)dusk_map_get(escrows, id);
  if (!e) dusk_panic("no such escrow");
  if (e->status != kOpen) dusk_panic("the escrow is not open");
  return e;
}

static void emit_settled(const char* topic, uint64_t id, const uint8_t to[32], uint64_t amount) {
  DuskWriter w = dusk_writer();
  dusk_write_u64(&w, id);
  dusk_write_fixed(&w, to, 32);
  dusk_write_u64(&w, amount);
  dusk_emit_argbuf(topic, w.len);
}

DUSK_ENTRY(open) {
  Escrow e;
  memset(&e, 0, sizeof e);  /* the padding too: it goes into the state */
  dusk_read_fixed(args, e.payee, 32);
  dusk_read_fixed(args, e.arbiter, 32);
  e.amount = dusk_read_u64(args);
  e.deadline = dusk_read_u64(args);
  dusk_read_end(args);
  if (e.amount == 0) dusk_panic("the amount must be positive");
  dusk_sender(e.payer);
  e.status = kOpen;

  DuskWriter w = dusk_writer();
  dusk_write_fixed(&w, e.payer, 32);
  dusk_write_fixed(&w, self, 32);
  dusk_write_u64(&w, e.amount);
  token_call("transfer_from", &w);

  const uint64_t id = next_id++;
  memcpy(dusk_map_put(escrows, &id, 0), &e, sizeof e);
  w = dusk_writer();
  dusk_write_u64(&w, id);
  dusk_write_fixed(&w, e.payer, 32);
  dusk_write_fixed(&w, e.payee, 32);
  dusk_write_u64(&w, e.amount);
  dusk_emit_argbuf("opened", w.len);

  DuskWriter out = dusk_writer();
  dusk_write_u64(&out, id);
  return out.len;
}

DUSK_ENTRY(release) {
  uint64_t id;
  Escrow* e = find_open(args, &id);
  uint8_t who[32];
  dusk_sender(who);
  const bool arbiter = memcmp(e->arbiter, kNone, 32) != 0 && memcmp(who, e->arbiter, 32) == 0;
  if (memcmp(who, e->payer, 32) != 0 && !arbiter) dusk_panic("only the payer or the arbiter may release");
  e->status = kReleased;
  const Escrow settled = *e;
  pay(settled.payee, settled.amount);
  emit_settled("released", id, settled.payee, settled.amount);
  return 0;
}

DUSK_ENTRY(refund) {
  uint64_t id;
  Escrow* e = find_open(args, &id);
  uint8_t who[32];
  dusk_sender(who);
  const bool arbiter = memcmp(e->arbiter, kNone, 32) != 0 && memcmp(who, e->arbiter, 32) == 0;
  const bool payee = memcmp(who, e->payee, 32) == 0;
  const bool expired = e->deadline != 0 && dusk_block_height() >= e->deadline;
  if (!arbiter && !payee && !expired)
    dusk_panic("only the arbiter or the payee may refund before the deadline");
  e->status = kRefunded;
  const Escrow settled = *e;
  pay(settled.payer, settled.amount);
  emit_settled("refunded", id, settled.payer, settled.amount);
  return 0;
}

DUSK_ENTRY(get) {
  const uint64_t id = dusk_read_u64(args);
  dusk_read_end(args);
  const Escrow* e = (const Escrow*)dusk_map_get(escrows, &id);
  if (!e) dusk_panic("no such escrow");
  DuskWriter out = dusk_writer();
  dusk_write_fixed(&out, e->payer, 32);
  dusk_write_fixed(&out, e->payee, 32);
  dusk_write_fixed(&out, e->arbiter, 32);
  dusk_write_u64(&out, e->amount);
  dusk_write_u64(&out, e->deadline);
  dusk_write_u8(&out, e->status);
  return out.len;
}
