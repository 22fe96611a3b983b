/* A name registry: names that resolve to a 32-byte target, held by an account.
 *
 * Names are 1 to 64 bytes of a-z, 0-9, '-' and '.'. register(name, target) gives a free
 * name to the sender; afterwards only its holder (dusk_sender) may set_target, transfer
 * it to another holder, or release it, which frees it for anyone. resolve(name) returns
 * the holder and the target.
 *
 * A name is kept under its bytes padded with zeros to 64 (no name contains a zero byte,
 * so the padding is unambiguous), in a map whose value is holder || target.
 *
 * Events: "registered" {name, holder, target}, "target_set" {name, target},
 * "transferred" {name, from, to}, "released" {name, holder}. */
#include "dusk/dusk.h"

DUSK_ABI(
    "{\"functions\": ["
    "{\"name\": \"init\"},"
    "{\"name\": \"register\", \"inputs\": [{\"name\": \"name\", \"type\": \"string\"},"
    " {\"name\": \"target\", \"type\": \"bytes32\"}]},"
    "{\"name\": \"resolve\", \"inputs\": [{\"name\": \"name\", \"type\": \"string\"}],"
    " \"outputs\": [{\"name\": \"holder\", \"type\": \"bytes32\"}, {\"name\": \"target\", \"type\": \"bytes32\"}]},"
    "{\"name\": \"set_target\", \"inputs\": [{\"name\": \"name\", \"type\": \"string\"},"
    " {\"name\": \"target\", \"type\": \"bytes32\"}]},"
    "{\"name\": \"transfer\", \"inputs\": [{\"name\": \"name\", \"type\": \"string\"},"
    " {\"name\": \"to\", \"type\": \"bytes32\"}]},"
    "{\"name\": \"release\", \"inputs\": [{\"name\": \"name\", \"type\": \"string\"}]},"
    "{\"name\": \"count\", \"outputs\": [{\"name\": \"names\", \"type\": \"u32\"}]}"
    "],"
    " \"events\": ["
    "{\"topic\": \"registered\", \"fields\": [{\"name\": \"name\", \"type\": \"string\"},"
    " {\"name\": \"holder\", \"type\": \"bytes32\"}, {\"name\": \"target\", \"type\": \"bytes32\"}]},"
    "{\"topic\": \"target_set\", \"fields\": [{\"name\": \"name\", \"type\": \"string\"},"
    " {\"name\": \"target\", \"type\": \"bytes32\"}]},"
    "{\"topic\": \"transferred\", \"fields\": [{\"name\": \"name\", \"type\": \"string\"},"
    " {\"name\": \"from\", \"type\": \"bytes32\"}, {\"name\": \"to\", \"type\": \"bytes32\"}]},"
    "{\"topic\": \"released\", \"fields\": [{\"name\": \"name\", \"type\": \"string\"},"
    " {\"name\": \"holder\", \"type\": \"bytes32\"}]}"
    "]}");

#define MAX_NAME 64u

typedef struct Record {
  uint8_t holder[32];
  uint8_t target[32];
} Record;

/* A name, checked, as its map key. */
typedef struct Name {
  uint8_t key[MAX_NAME];
  uint32_t len;
} Name;

static DuskMap* names;  /* padded name -> Record */

static bool name_char(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static void read_name(DuskReader* args, Name* n) {
  const char* s = dusk_read_string(args, &n->len);
  if (n->len == 0 || n->len > MAX_NAME) dusk_panic("bad name: 1 to 64 bytes");
  for (uint32_t i = 0; i < n->len; ++i)
    if (!name_char((uint8_t)s[i])) dusk_panic("bad name: only a-z, 0-9, '-' and '.'");
  memset(n->key, 0, MAX_NAME);
  memcpy(n->key, s, n->len);
}

/* The record of a name its holder is changing; fails otherwise. */
static Record* held(const Name* n) {
  Record* r = (Record*)dusk_map_get(names, n->key);
  if (!r) dusk_panic("unknown name");
  uint8_t who[32];
  dusk_sender(who);
  if (memcmp(who, r->holder, 32) != 0) dusk_panic("only the holder may change a name");
  return r;
}

/* Starts an event's data with the name. */
static DuskWriter event_of(const Name* n) {
  DuskWriter w = dusk_writer();
  dusk_write_string(&w, (const char*)n->key, n->len);
  return w;
}

DUSK_ENTRY(init) {
  dusk_read_end(args);
  names = dusk_map_new(MAX_NAME, sizeof(Record));
  return 0;
}

DUSK_ENTRY(register) {
  Name n;
  Record rec;
  read_name(args, &n);
  dusk_read_fixed(args, rec.target, 32);
  dusk_read_end(args);
  dusk_sender(rec.holder);
  bool inserted;
  Record* r = (Record*)dusk_map_put(names, n.key, &inserted);
  if (!inserted) dusk_panic("the name is taken");
  *r = rec;
  DuskWriter w = event_of(&n);
  dusk_write_fixed(&w, rec.holder, 32);
  dusk_write_fixed(&w, rec.target, 32);
  dusk_emit_argbuf("registered", w.len);
  return 0;
}

DUSK_ENTRY(resolve) {
  Name n;
  read_name(args, &n);
  dusk_read_end(args);
  const Record* r = (const Record*)dusk_map_get(names, n.key);
  if (!r) dusk_panic("unknown name");
  DuskWriter out = dusk_writer();
  dusk_write_fixed(&out, r->holder, 32);
  dusk_write_fixed(&out, r->target, 32);
  return out.len;
}

DUSK_ENTRY(set_target) {
  Name n;
  uint8_t target[32];
  read_name(args, &n);
  dusk_read_fixed(args, target, 32);
  dusk_read_end(args);
  memcpy(held(&n)->target, target, 32);
  DuskWriter w = event_of(&n);
  dusk_write_fixed(&w, target, 32);
  dusk_emit_argbuf("target_set", w.len);
  return 0;
}

DUSK_ENTRY(transfer) {
  Name n;
  uint8_t to[32], from[32];
  read_name(args, &n);
  dusk_read_fixed(args, to, 32);
  dusk_read_end(args);
  Record* r = held(&n);
  memcpy(from, r->holder, 32);
  memcpy(r->holder, to, 32);
  DuskWriter w = event_of(&n);
  dusk_write_fixed(&w, from, 32);
  dusk_write_fixed(&w, to, 32);
  dusk_emit_argbuf("transferred", w.len);
  return 0;
}

DUSK_ENTRY(release) {
  Name n;
  uint8_t holder[32];
  read_name(args, &n);
  dusk_read_end(args);
  memcpy(holder, held(&n)->holder, 32);
  dusk_map_remove(names, n.key);
  DuskWriter w = event_of(&n);
  dusk_write_fixed(&w, holder, 32);
  dusk_emit_argbuf("released", w.len);
  return 0;
}

DUSK_ENTRY(count) {
  dusk_read_end(args);
  DuskWriter out = dusk_writer();
  dusk_write_u32(&out, dusk_map_count(names));
  return out.len;
}
