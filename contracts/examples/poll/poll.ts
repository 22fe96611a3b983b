// A poll, in AssemblyScript: one question, 2 to 16 options, one vote per account, closed
// by its owner.
//
// init(question, options) opens the poll; its owner is the deployer (the sender at
// deploy). vote(option) counts the sender's vote and returns the option's new tally; an
// account votes once, while the poll is open, for an option that exists. close() (by the
// owner only) ends the poll and returns the winner: the option with the most votes, the
// lowest of those tied. tally(), info() and vote_of(voter) read it.
//
// Events: "voted" {voter, option}, "closed" {winner, votes}.
//
// Written without the AssemblyScript heap: the contract's linear memory is its state and
// persists between calls, but wasm globals start every call at their initial values, and
// the stub runtime's bump pointer is such a global. So the state is in regions of
// memory reserved with memory.data (their addresses are constants), read and written
// with load and store; nothing is allocated (no strings, arrays or objects are built at
// run time). Strings that the host reads (topics, panic messages, query names) are ASCII
// literals copied byte by byte into memory.

// --- Memory ---------------------------------------------------------------------------

// The poll's header, first, so that it shares a 4 KiB page with the start of argbuf.
const OWNER: usize = memory.data(32, 16); // the owner's account
const HEADER: usize = memory.data(32, 16); // the fields below
const OPTIONS = HEADER; //                       u8: 0 until init
const CLOSED = HEADER + 1; //                    u8: 1 once closed
const QUESTION_LEN = HEADER + 4; //              u32
const VOTERS = HEADER + 8; //                    u32: accounts that voted
const TALLIES: usize = memory.data(8 * 16, 16); // u64 per option
const QUESTION: usize = memory.data(256, 16); // the question's UTF-8 bytes
const SCRATCH: usize = memory.data(64, 16); // topics and query names, for the host to read

// The argument buffer: the runtime finds its address in the exported immutable global.
export const argbuf: usize = memory.data(65536, 16);

// Who voted: an open-addressing hash table of SLOTS slots of 40 bytes, the account (32
// bytes) then 1 + the option (0: an empty slot), indexed by the account's first 4 bytes
// (accounts are keys or BLAKE2b digests) with linear probing. Whoever grinds accounts
// that share those bytes makes probing longer, never beyond SLOTS probes: a bounded cost.
// A vote writes one slot, so one page of the table (two when the slot straddles pages).
const SLOTS: u32 = 1024;
const SLOT_SIZE: u32 = 40;
const TABLE: usize = memory.data(SLOTS * SLOT_SIZE, 16);

const MAX_OPTIONS: u32 = 16;
const MAX_QUESTION: u32 = 256;
const ARGBUF_SIZE: u32 = 65536;

// --- The host (module "env") ------------------------------------------------------------

@external("env", "panic") declare function host_panic(len: u32): void;
@external("env", "emit") declare function host_emit(topic: usize, topic_len: u32, len: u32): void;
@external("env", "caller") declare function host_caller(): i32;
@external("env", "origin") declare function host_origin(): i32;
@external("env", "hq") declare function host_hq(name: usize, name_len: u32, len: u32): i32;

// Copies an ASCII literal's characters to `at`, one byte each; its length.
function ascii(s: string, at: usize): u32 {
  const n = <u32>s.length;
  for (let i: u32 = 0; i < n; ++i) store<u8>(at + i, <u8>s.charCodeAt(i));
  return n;
}

// Fails the call with an ASCII message: the runtime undoes everything the call changed.
function fail(message: string): void {
  host_panic(ascii(message, argbuf));
  unreachable();
}

function emit(topic: string, len: u32): void {
  host_emit(SCRATCH, ascii(topic, SCRATCH), len);
}

// The account the call acts for, as the C SDK's dusk_sender: a calling contract's ID, a
// 32-byte origin itself, or the BLAKE2b-256 of a longer or shorter one.
function sender(out: usize): void {
  if (host_caller() == 1) {
    memory.copy(out, argbuf, 32);
    return;
  }
  const n = host_origin();
  if (n == 0) fail("no sender: the call names no origin");
  if (n != 32 && host_hq(SCRATCH, ascii("blake2b_256", SCRATCH), <u32>n) != 32)
    fail("no sender: blake2b_256 refused the origin");
  memory.copy(out, argbuf, 32);
}

// --- Arguments and results (docs/contract-abi.md) -------------------------------------

// The argument being read: argbuf[at, end). Globals, so they start at 0 every call.
let at: u32 = 0;
let end: u32 = 0;

function begin(len: i32): void {
  at = 0;
  end = <u32>len;
}
function take(n: u32): usize {
  if (end - at < n) fail("bad argument: too short");
  const p = argbuf + at;
  at += n;
  return p;
}
function read_u8(): u8 {
  return load<u8>(take(1));
}
function finish(): void {
  if (at != end) fail("bad argument: trailing bytes");
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
function utf8_valid(p: usize, len: u32): bool {
  let i: u32 = 0;
  while (i < len) {
    const c = load<u8>(p + i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    let n: u32 = 0;
    let lo: u8 = 0x80;
    let hi: u8 = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c == 0xe0) lo = 0xa0;
      if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    } else {
      return false;
    }
    if (len - i - 1 < n) return false;
    const second = load<u8>(p + i + 1);
    if (second < lo || second > hi) return false;
    for (let k: u32 = 2; k <= n; ++k)
      if ((load<u8>(p + i + k) & 0xc0) != 0x80) return false;
    i += n + 1;
  }
  return true;
}

// The result being written: argbuf[0, out).
let out: u32 = 0;

function put(n: u32): usize {
  if (ARGBUF_SIZE - out < n) fail("the result is longer than argbuf");
  const p = argbuf + out;
  out += n;
  return p;
}
function write_u8(v: u8): void {
  store<u8>(put(1), v);
}
function write_u32(v: u32): void {
  store<u32>(put(4), v);
}
function write_u64(v: u64): void {
  store<u64>(put(8), v);
}
function write_fixed(from: usize, n: u32): void {
  memory.copy(put(n), from, n);
}

// --- The poll -------------------------------------------------------------------------

function options(): u32 {
  return load<u8>(OPTIONS);
}
function tally_at(option: u32): usize {
  return TALLIES + 8 * option;
}

// The slot of `account`: where it is, or the empty slot where it would go (0 when it is
// absent and the table is full).
function slot_of(account: usize): usize {
  let i = load<u32>(account) & (SLOTS - 1);
  for (let probes: u32 = 0; probes < SLOTS; ++probes) {
    const slot = TABLE + i * SLOT_SIZE;
    if (load<u8>(slot + 32) == 0 || memory.compare(slot, account, 32) == 0) return slot;
    i = (i + 1) & (SLOTS - 1);
  }
  return 0;
}

// init(question: string, options: u8)
export function init(len: i32): i32 {
  begin(len);
  const question_len = load<u32>(take(4));
  const question = take(question_len);
  const n = <u32>read_u8();
  finish();
  if (question_len == 0 || question_len > MAX_QUESTION) fail("the question must be 1 to 256 bytes");
  if (!utf8_valid(question, question_len)) fail("bad argument: a string is not UTF-8");
  if (n < 2 || n > MAX_OPTIONS) fail("a poll has 2 to 16 options");
  memory.copy(QUESTION, question, question_len);
  store<u32>(QUESTION_LEN, question_len);
  store<u8>(OPTIONS, <u8>n);
  sender(OWNER);
  return 0;
}

// vote(option: u8) -> (votes: u64)
export function vote(len: i32): i32 {
  begin(len);
  const option = <u32>read_u8();
  finish();
  if (load<u8>(CLOSED)) fail("the poll is closed");
  if (option >= options()) fail("no such option");
  sender(SCRATCH);
  const slot = slot_of(SCRATCH);
  if (slot == 0) fail("the poll is full: 1024 voters");
  if (load<u8>(slot + 32) != 0) fail("already voted");
  memory.copy(slot, SCRATCH, 32);
  store<u8>(slot + 32, <u8>(option + 1));
  store<u32>(VOTERS, load<u32>(VOTERS) + 1);
  const votes = load<u64>(tally_at(option)) + 1;
  store<u64>(tally_at(option), votes);

  out = 0;
  write_fixed(slot, 32);
  write_u8(<u8>option);
  emit("voted", out);
  out = 0;
  write_u64(votes);
  return out;
}

// close() -> (winner: u8, votes: u64)
export function close(len: i32): i32 {
  begin(len);
  finish();
  if (load<u8>(CLOSED)) fail("the poll is closed");
  sender(SCRATCH);
  if (memory.compare(SCRATCH, OWNER, 32) != 0) fail("only the owner may close the poll");
  store<u8>(CLOSED, 1);
  let winner: u32 = 0;
  for (let i: u32 = 1; i < options(); ++i)
    if (load<u64>(tally_at(i)) > load<u64>(tally_at(winner))) winner = i;
  out = 0;
  write_u8(<u8>winner);
  write_u64(load<u64>(tally_at(winner)));
  emit("closed", out);
  return out;
}

// tally() -> (votes: u64[])
export function tally(len: i32): i32 {
  begin(len);
  finish();
  out = 0;
  write_u32(options());
  write_fixed(TALLIES, 8 * options());
  return out;
}

// info() -> (question: string, options: u8, closed: bool, voters: u32, owner: bytes32)
export function info(len: i32): i32 {
  begin(len);
  finish();
  out = 0;
  write_u32(load<u32>(QUESTION_LEN));
  write_fixed(QUESTION, load<u32>(QUESTION_LEN));
  write_u8(<u8>options());
  write_u8(load<u8>(CLOSED));
  write_u32(load<u32>(VOTERS));
  write_fixed(OWNER, 32);
  return out;
}

// vote_of(voter: bytes32) -> (voted: bool, option: u8)
export function vote_of(len: i32): i32 {
  begin(len);
  const voter = take(32);
  finish();
  memory.copy(SCRATCH, voter, 32);
  const slot = slot_of(SCRATCH);
  const mark = slot == 0 ? <u8>0 : load<u8>(slot + 32);
  out = 0;
  write_u8(mark != 0 ? 1 : 0);
  write_u8(mark != 0 ? mark - 1 : 0);
  return out;
}
