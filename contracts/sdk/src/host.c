/* The typed wrappers of the host functions (dusk/host.h). */
#include "dusk/host.h"

void dusk_panic_bytes(const void* message, uint32_t len) {
  if (len > DUSK_ARGBUF_SIZE) len = DUSK_ARGBUF_SIZE;
  memmove(dusk_argbuf, message, len);
  dusk_host_panic(len);
  __builtin_unreachable();  /* the host traps: panic never returns */
}

void dusk_panic(const char* message) { dusk_panic_bytes(message, (uint32_t)strlen(message)); }

void dusk_sender(uint8_t out[32]) {
  if (dusk_host_caller() == 1) {
    memcpy(out, dusk_argbuf, 32);
    return;
  }
  const int32_t n = dusk_host_origin();
  if (n == 0) dusk_panic("no sender: the call names no origin");
  if (n != 32) {
    /* The origin is in argbuf[0, n): hash it where it is. */
    if (dusk_host_hq("blake2b_256", 11, (uint32_t)n) != 32) dusk_panic("no sender: blake2b_256 refused the origin");
  }
  memcpy(out, dusk_argbuf, 32);
}

bool dusk_caller(uint8_t out[32]) {
  if (dusk_host_caller() != 1) return false;
  memcpy(out, dusk_argbuf, 32);
  return true;
}

static uint32_t copy_out(int32_t n, uint8_t* out, uint32_t cap) {
  const uint32_t len = (uint32_t)n;
  memcpy(out, dusk_argbuf, len < cap ? len : cap);
  return len;
}

uint32_t dusk_origin(uint8_t* out, uint32_t cap) { return copy_out(dusk_host_origin(), out, cap); }

uint32_t dusk_owner(uint8_t* out, uint32_t cap) { return copy_out(dusk_host_owner(), out, cap); }

uint32_t dusk_callstack(uint8_t (*out)[32], uint32_t max) {
  const uint32_t n = (uint32_t)dusk_host_callstack();
  memcpy(out, dusk_argbuf, 32 * (n < max ? n : max));
  return n;
}

void dusk_self_id(uint8_t out[32]) {
  dusk_host_self_id();
  memcpy(out, dusk_argbuf, 32);
}

void dusk_emit(const char* topic, const void* data, uint32_t len) {
  if (len > DUSK_ARGBUF_SIZE) dusk_panic("dusk_emit: data longer than argbuf");
  memmove(dusk_argbuf, data, len);
  dusk_host_emit(topic, (uint32_t)strlen(topic), len);
}

void dusk_emit_argbuf(const char* topic, uint32_t len) { dusk_host_emit(topic, (uint32_t)strlen(topic), len); }

int32_t dusk_call_argbuf(const uint8_t callee[32], const char* fn, uint32_t arg_len, uint64_t gas_limit) {
  return dusk_host_c(callee, fn, (uint32_t)strlen(fn), arg_len, gas_limit);
}

int32_t dusk_call(const uint8_t callee[32], const char* fn, const void* arg, uint32_t arg_len, uint64_t gas_limit) {
  if (arg_len > DUSK_ARGBUF_SIZE) dusk_panic("dusk_call: argument longer than argbuf");
  memmove(dusk_argbuf, arg, arg_len);
  return dusk_call_argbuf(callee, fn, arg_len, gas_limit);
}

static const char* call_failure(int32_t code) {
  switch (code) {
    case DUSK_CALL_OUT_OF_GAS: return "out of gas";
    case DUSK_CALL_NO_SUCH_CONTRACT: return "no such contract";
    case DUSK_CALL_TOO_DEEP: return "call depth limit reached";
    case DUSK_CALL_NO_SUCH_ENTRY: return "no such entry point";
    default: return "the callee failed";
  }
}

void dusk_panic_call(const char* context, int32_t code) {
  const uint32_t n = (uint32_t)strlen(context);
  const char* detail;
  uint32_t detail_len;
  if (code == DUSK_CALL_PANICKED) {
    /* argbuf: u32 length, then the callee's message. */
    memcpy(&detail_len, dusk_argbuf, 4);
    if (detail_len > DUSK_ARGBUF_SIZE - 4) detail_len = DUSK_ARGBUF_SIZE - 4;
    detail = (const char*)dusk_argbuf + 4;
  } else {
    detail = call_failure(code);
    detail_len = (uint32_t)strlen(detail);
  }
  /* "<context>: <detail>", truncated to argbuf; the detail moves first (it may lie there). */
  uint32_t head = n + 2 < DUSK_ARGBUF_SIZE ? n + 2 : DUSK_ARGBUF_SIZE;
  if (detail_len > DUSK_ARGBUF_SIZE - head) detail_len = DUSK_ARGBUF_SIZE - head;
  memmove(dusk_argbuf + head, detail, detail_len);
  memcpy(dusk_argbuf, context, head < n ? head : n);
  if (head == n + 2) memcpy(dusk_argbuf + n, ": ", 2);
  dusk_host_panic(head + detail_len);
  __builtin_unreachable();
}

int32_t dusk_query_argbuf(const char* name, uint32_t len) {
  return dusk_host_hq(name, (uint32_t)strlen(name), len);
}

int32_t dusk_query(const char* name, const void* in, uint32_t len) {
  if (len > DUSK_ARGBUF_SIZE) return DUSK_QUERY_BAD_INPUT;
  memmove(dusk_argbuf, in, len);
  return dusk_query_argbuf(name, len);
}

static void digest(const char* name, const void* data, uint32_t len, uint8_t out[32]) {
  if (dusk_query(name, data, len) != 32) dusk_panic("the host refused a digest");
  memcpy(out, dusk_argbuf, 32);
}

void dusk_blake2b_256(const void* data, uint32_t len, uint8_t out[32]) { digest("blake2b_256", data, len, out); }
void dusk_sha256(const void* data, uint32_t len, uint8_t out[32]) { digest("sha256", data, len, out); }
void dusk_keccak256(const void* data, uint32_t len, uint8_t out[32]) { digest("keccak256", data, len, out); }
