#include "duskvm/runtime/session.hpp"

#include <algorithm>
#include <cstring>

#include "crypto/hash/blake2b.hpp"
#include "duskvm/runtime/host_functions.hpp"
#include "duskvm/runtime/host_queries.hpp"

namespace dusk::vm {

namespace {

using wasm::HostContext;
using wasm::Trap;
using wasm::Value;

Hash256 code_hash_of(ByteView code) {
  const auto d = crypto::blake2b<32>(code);
  return Hash256(d);
}

constexpr u64 kWasmPage = wasm::kPageSize;
constexpr u64 kTrackPagesPerWasmPage = kWasmPage / kPageBytes;

// The 93% rule: what a callee gets when its caller names no smaller limit (computed
// without overflow).
u64 callee_gas(u64 remaining, u64 asked) {
  if (asked > 0 && asked < remaining) return asked;
  return remaining / 100 * 93 + remaining % 100 * 93 / 100;
}

}  // namespace

wasm::EngineConfig SessionConfig::default_engine_config() {
  wasm::EngineConfig c;
  c.max_memory_pages = 4096;  // 256 MiB per contract
  c.max_call_depth = 10'000;
  c.max_value_stack = 1u << 20;
  return c;
}

// An instantiated contract of the session.
struct Session::Live {
  ContractId id{};
  ContractState state;   // as of the last commit (or deploy)
  PageTable pages;       // likewise
  wasm::Instance* instance = nullptr;
  wasm::Memory* memory = nullptr;
  u32 argbuf = 0;
  bool created = false;  // deployed in this session
  std::vector<u64> initial_globals;  // the module's initializers: each top-level call starts from them
};

// The host side of the calls: the frames of the current call tree and the events, and
// the functions of module "env" (host_functions.hpp).
class Session::Host {
 public:
  struct Frame {
    Live* contract;
    u64 gas_limit;
    i32 record;  // its CallRecord, or -1 when dropped
  };

  explicit Host(Session& s) : s_(s) {}

  void define(wasm::Store& store, wasm::Linker& linker);

  // Runs entry point `fn` of `callee` with its argument already in its argbuf. On
  // success the result is in its argbuf and `result_len` says how long; on failure its
  // memory, globals and events are as they were.
  struct Outcome {
    bool ok = false;
    u32 result_len = 0;
    u64 gas_used = 0;
    int code = 0;  // a kCall* code when not ok
    std::string error;
  };
  // `init` and `migrate` run only with `lifecycle` (deploy and upgrade): nobody calls them.
  Outcome run(Live* callee, std::string_view fn, u32 arg_len, u64 gas, bool lifecycle = false);

  // A top-level call (or deploy) touches contracts; each gets one checkpoint for the
  // whole call, opened when first touched, so that a failure anywhere in the tree
  // undoes every contract's changes, including those of inner calls that succeeded.
  void begin(ByteView origin_of_call) {
    touched.clear();
    events.clear();
    calls.clear();
    calls_dropped = 0;
    origin.assign(origin_of_call.begin(), origin_of_call.end());
  }
  // Globals are not state (memory is): each top-level call finds them at the module's
  // initial values, whatever earlier calls of the session left, so that a call runs the
  // same in a long session and in a fresh one.
  void touch(Live* c) {
    for (const Touched& t : touched)
      if (t.live == c) return;
    c->memory->checkpoint();
    c->instance->restore_global_values(c->initial_globals);
    touched.push_back({c, c->initial_globals});
  }
  // Keeps (ok) or undoes what the call did, in every contract it touched.
  void end(bool keep) {
    for (Touched& t : touched) {
      if (keep) {
        t.live->memory->commit_checkpoint();
      } else {
        t.live->memory->revert();
        t.live->instance->restore_global_values(t.globals);
      }
    }
    touched.clear();
    if (!keep) events.clear();
  }

  std::vector<Frame> frames;
  std::vector<Event> events;
  Bytes origin;  // of the top-level call
  std::vector<CallRecord> calls;  // of the top-level call
  u64 calls_dropped = 0;

 private:
  // run() without the call record.
  Outcome invoke(Live* callee, std::string_view fn, u32 arg_len, u64 gas, bool lifecycle, i32 record);
  Live* live_of(const wasm::Instance* inst) const {
    for (const Frame& f : frames)
      if (f.contract->instance == inst) return f.contract;
    return nullptr;
  }
  bool charge(HostContext& ctx, u64 bytes) { return ctx.consume_gas(kHostCallGas + bytes * kHostByteGas); }
  // The calling contract's argbuf, checked.
  u8* argbuf(HostContext& ctx, Live* self, u64 len) { return ctx.memory ? ctx.memory->ptr(self->argbuf, len) : nullptr; }

  struct Touched {
    Live* live;
    std::vector<u64> globals;
  };
  std::vector<Touched> touched;
  Session& s_;
};

Session::Host::Outcome Session::Host::run(Live* callee, std::string_view fn, u32 arg_len, u64 gas, bool lifecycle) {
  i32 record = -1;
  if (calls.size() < kMaxCallRecords) {
    record = static_cast<i32>(calls.size());
    calls.push_back({callee->id, std::string(fn), static_cast<u32>(frames.size()),
                     frames.empty() ? -1 : frames.back().record, gas, 0, false, {}});
  } else {
    ++calls_dropped;
  }
  Outcome out = invoke(callee, fn, arg_len, gas, lifecycle, record);
  if (record >= 0) {
    CallRecord& c = calls[static_cast<size_t>(record)];
    c.ok = out.ok;
    c.error = out.error;
    // What the caller pays: a failed callee's whole limit, but for the two failures
    // that cost nothing (c() in host_functions.hpp).
    c.gas_spent = out.ok || out.code == kCallNoSuchEntry || out.code == kCallTooDeep ? out.gas_used : gas;
  }
  return out;
}

Session::Host::Outcome Session::Host::invoke(Live* callee, std::string_view fn, u32 arg_len, u64 gas, bool lifecycle,
                                             i32 record) {
  Outcome out;
  wasm::FuncInst* f = callee->instance->exported_func(fn);
  if (!f || ((fn == "init" || fn == "migrate") && !lifecycle)) {
    out.code = kCallNoSuchEntry;
    out.error = "no entry point " + std::string(fn);
    return out;
  }
  if (frames.size() >= s_.config_.max_call_depth) {
    out.code = kCallTooDeep;
    out.error = "call depth limit of " + std::to_string(s_.config_.max_call_depth) + " reached";
    return out;
  }
  touch(callee);
  callee->memory->checkpoint();
  const std::vector<u64> globals = callee->instance->global_values();
  const size_t events_before = events.size();
  frames.push_back({callee, gas, record});
  std::vector<Value> results;
  const wasm::ExecResult r = s_.engine_.invoke(f, std::vector<Value>{Value::i32(arg_len)}, &results, gas);
  frames.pop_back();
  out.gas_used = r.gas_used;
  if (r.ok() && results.size() == 1 && results[0].as_u32() <= kArgBufferBytes) {
    callee->memory->commit_checkpoint();
    out.ok = true;
    out.result_len = results[0].as_u32();
    return out;
  }
  callee->memory->revert();
  callee->instance->restore_global_values(globals);
  events.resize(events_before);
  if (r.ok()) {
    out.code = kCallFailed;
    out.error = "the result is longer than the argument buffer";
  } else if (r.trap == Trap::kOutOfGas) {
    out.code = kCallOutOfGas;
    out.error = "out of gas";
  } else if (r.trap == Trap::kHostError && r.message.starts_with("panic: ")) {
    out.code = kCallPanicked;
    out.error = r.message;
  } else {
    out.code = kCallFailed;
    out.error = r.describe();
  }
  return out;
}

void Session::Host::define(wasm::Store& store, wasm::Linker& linker) {
  using wasm::Extern;
  auto def = [&](const char* name, wasm::FuncInst* f) { linker.define("env", name, Extern::func(f)); };

  def("c", store.bind_returning<i32, u32, u32, u32, u32, u64>(
               [this](HostContext& ctx, u32 callee_ptr, u32 name_ptr, u32 name_len, u32 arg_len, u64 gas_limit,
                      i32* result) {
                 Live* self = live_of(ctx.caller);
                 if (!self || !charge(ctx, 32 + u64{name_len} + arg_len)) return Trap::kOutOfGas;
                 const u8* id_bytes = ctx.memory->view(callee_ptr, 32);
                 const u8* name = ctx.memory->view(name_ptr, name_len);
                 if (!id_bytes || !name || arg_len > kArgBufferBytes) {
                   ctx.error = "c: an argument is outside the caller's memory";
                   return Trap::kHostError;
                 }
                 ContractId id;
                 std::memcpy(id.data(), id_bytes, id.size());
                 auto callee = s_.live(id);
                 if (!callee.ok()) {
                   *result = kCallNoSuchContract;
                   return Trap::kNone;
                 }
                 // The argument moves from the caller's argbuf to the callee's (the same
                 // memory when a contract calls itself: memmove semantics).
                 Bytes arg(arg_len);
                 touch(*callee);
                 if (!ctx.memory->read(self->argbuf, arg) || !(*callee)->memory->write((*callee)->argbuf, arg)) {
                   *result = kCallFailed;
                   return Trap::kNone;
                 }
                 const u64 limit = callee_gas(ctx.gas_left, gas_limit);
                 const Outcome o = run(*callee, std::string_view(reinterpret_cast<const char*>(name), name_len),
                                       arg_len, limit);
                 if (!o.ok) {
                   // A failed callee costs its whole limit; a panic's message comes back.
                   ctx.consume_gas(o.code == kCallNoSuchEntry || o.code == kCallTooDeep ? 0 : limit);
                   if (o.code == kCallPanicked) {
                     const std::string msg = o.error.substr(7);
                     const u32 n = static_cast<u32>(std::min<u64>(msg.size(), kArgBufferBytes - 4));
                     u8* buf = ctx.memory->ptr(self->argbuf, 4 + n);
                     if (buf) {
                       store_le<u32>(buf, n);
                       std::memcpy(buf + 4, msg.data(), n);
                     }
                   }
                   *result = o.code;
                   return Trap::kNone;
                 }
                 ctx.consume_gas(o.gas_used);
                 Bytes ret(o.result_len);
                 if (!(*callee)->memory->read((*callee)->argbuf, ret) || !ctx.memory->write(self->argbuf, ret)) {
                   *result = kCallFailed;
                   return Trap::kNone;
                 }
                 *result = static_cast<i32>(o.result_len);
                 return Trap::kNone;
               }));

  def("emit", store.bind<u32, u32, u32>([this](HostContext& ctx, u32 topic_ptr, u32 topic_len, u32 arg_len) {
        Live* self = live_of(ctx.caller);
        if (!self || !charge(ctx, u64{topic_len} + arg_len)) return Trap::kOutOfGas;
        const u8* topic = ctx.memory->view(topic_ptr, topic_len);
        const u8* data = ctx.memory->view(self->argbuf, arg_len);
        if (!topic || !data || arg_len > kArgBufferBytes) {
          ctx.error = "emit: an argument is outside the caller's memory";
          return Trap::kHostError;
        }
        events.push_back({self->id, std::string(reinterpret_cast<const char*>(topic), topic_len), Bytes(data, data + arg_len)});
        return Trap::kNone;
      }));

  def("panic", store.bind<u32>([this](HostContext& ctx, u32 arg_len) {
        Live* self = live_of(ctx.caller);
        if (!self || !charge(ctx, arg_len)) return Trap::kOutOfGas;
        const u8* msg = ctx.memory->view(self->argbuf, std::min<u64>(arg_len, kArgBufferBytes));
        ctx.error = "panic: " + (msg ? std::string(reinterpret_cast<const char*>(msg), std::min<u64>(arg_len, kArgBufferBytes))
                                     : std::string("(message outside memory)"));
        return Trap::kHostError;
      }));

  def("caller", store.bind_returning<i32>([this](HostContext& ctx, i32* result) {
        Live* self = live_of(ctx.caller);
        if (!self || !charge(ctx, 32)) return Trap::kOutOfGas;
        // The frame below the caller's innermost one.
        *result = 0;
        for (size_t i = frames.size(); i-- > 1;) {
          if (frames[i].contract == self) {
            ctx.memory->write(self->argbuf, frames[i - 1].contract->id);
            *result = 1;
            break;
          }
        }
        return Trap::kNone;
      }));

  def("callstack", store.bind_returning<i32>([this](HostContext& ctx, i32* result) {
        Live* self = live_of(ctx.caller);
        if (!self) return Trap::kOutOfGas;
        const size_t n = frames.empty() ? 0 : frames.size() - 1;
        if (!charge(ctx, 32 * n)) return Trap::kOutOfGas;
        Bytes ids;
        for (size_t i = frames.size() - 1; i-- > 0;) ids.insert(ids.end(), frames[i].contract->id.begin(), frames[i].contract->id.end());
        ctx.memory->write(self->argbuf, ids);
        *result = static_cast<i32>(n);
        return Trap::kNone;
      }));

  def("self_id", store.bind<>([this](HostContext& ctx) {
        Live* self = live_of(ctx.caller);
        if (!self || !charge(ctx, 32)) return Trap::kOutOfGas;
        ctx.memory->write(self->argbuf, self->id);
        return Trap::kNone;
      }));

  def("owner", store.bind_returning<i32>([this](HostContext& ctx, i32* result) {
        Live* self = live_of(ctx.caller);
        if (!self || !charge(ctx, self->state.owner.size())) return Trap::kOutOfGas;
        ctx.memory->write(self->argbuf, self->state.owner);
        *result = static_cast<i32>(self->state.owner.size());
        return Trap::kNone;
      }));

  def("limit", store.bind_returning<i64>([this](HostContext& ctx, i64* result) {
        if (!charge(ctx, 0)) return Trap::kOutOfGas;
        *result = frames.empty() ? 0 : static_cast<i64>(frames.back().gas_limit);
        return Trap::kNone;
      }));

  def("spent", store.bind_returning<i64>([this](HostContext& ctx, i64* result) {
        if (!charge(ctx, 0)) return Trap::kOutOfGas;
        *result = frames.empty() ? 0 : static_cast<i64>(frames.back().gas_limit - ctx.gas_left);
        return Trap::kNone;
      }));

  def("block_height", store.bind_returning<i64>([this](HostContext& ctx, i64* result) {
        if (!charge(ctx, 0)) return Trap::kOutOfGas;
        *result = static_cast<i64>(s_.config_.block_height);
        return Trap::kNone;
      }));

  def("hq", store.bind_returning<i32, u32, u32, u32>([this](HostContext& ctx, u32 name_ptr, u32 name_len, u32 arg_len,
                                                             i32* result) {
        Live* self = live_of(ctx.caller);
        if (!self || !charge(ctx, u64{name_len} + arg_len)) return Trap::kOutOfGas;
        const u8* name = ctx.memory->view(name_ptr, name_len);
        const u8* arg = ctx.memory->view(self->argbuf, arg_len);
        if (!name || !arg || arg_len > kArgBufferBytes) {
          ctx.error = "hq: an argument is outside the caller's memory";
          return Trap::kHostError;
        }
        const HostQuery* q = find_query(std::string_view(reinterpret_cast<const char*>(name), name_len));
        if (!q) {
          *result = kNoSuchQuery;
          return Trap::kNone;
        }
        const ByteView input(arg, arg_len);
        if (!ctx.consume_gas(q->price(input))) return Trap::kOutOfGas;
        auto out = q->run(input);
        if (!out.ok() || out->size() > kArgBufferBytes) {
          *result = kQueryBadInput;
          return Trap::kNone;
        }
        if (!ctx.consume_gas(out->size() * kHostByteGas)) return Trap::kOutOfGas;
        ctx.memory->write(self->argbuf, *out);
        *result = static_cast<i32>(out->size());
        return Trap::kNone;
      }));

  def("origin", store.bind_returning<i32>([this](HostContext& ctx, i32* result) {
        Live* self = live_of(ctx.caller);
        if (!self || !charge(ctx, origin.size())) return Trap::kOutOfGas;
        ctx.memory->write(self->argbuf, origin);
        *result = static_cast<i32>(origin.size());
        return Trap::kNone;
      }));

  def("chain_id", store.bind_returning<i32>([this](HostContext& ctx, i32* result) {
        if (!charge(ctx, 0)) return Trap::kOutOfGas;
        *result = static_cast<i32>(s_.config_.chain_id);
        return Trap::kNone;
      }));
}

// --- Session

Session::Session(StateStore& store, SessionConfig config, ContractTable contracts)
    : store_(store), config_(std::move(config)), contracts_(std::move(contracts)), engine_(config_.engine),
      host_(std::make_unique<Host>(*this)),
      modules_(config_.modules ? config_.modules : std::make_shared<ModuleCache>()) {
  host_->define(engine_, linker_);
}

Session::~Session() = default;

Result<std::unique_ptr<Session>> Session::open(StateStore& store, const Hash256& base, SessionConfig config) {
  DUSK_ASSIGN(ContractTable contracts, store.contracts(base));
  std::unique_ptr<Session> s(new Session(store, std::move(config), std::move(contracts)));
  s->base_ = base;
  return s;
}

Result<std::shared_ptr<const wasm::Module>> Session::module(const Hash256& code_hash, ByteView code) {
  if (auto cached = modules_->find(code_hash)) return cached;
  auto m = wasm::compile(code, config_.engine);
  if (!m.ok()) return Error("the contract's code does not compile: " + m.error().message);
  const wasm::Module& mod = **m;
  // The ABI: one 32-bit memory exported as "memory", an immutable i32 "argbuf", and
  // entry points of type (i32) -> i32.
  bool has_memory = false, has_argbuf = false;
  for (const wasm::Export& e : mod.exports()) {
    if (e.kind == wasm::ExternKind::kMemory && e.name == "memory") has_memory = true;
    if (e.kind == wasm::ExternKind::kGlobal && e.name == "argbuf") has_argbuf = true;
  }
  if (!has_memory) return Error("the contract exports no memory named \"memory\"");
  if (!has_argbuf) return Error("the contract exports no global named \"argbuf\"");
  for (const wasm::Import& imp : mod.imports())
    if (imp.module != "env") return Error("the contract imports " + imp.module + "." + imp.name + ": only module env exists");
  DUSK_TRY(abi::of_module(mod));  // a description it carries must be right
  modules_->insert(code_hash, *m);
  return *m;
}

// Instantiates a contract (first use in this session): its memory restored from the
// store, without its data segments or start (they ran at deploy).
Result<Session::Live*> Session::live(const ContractId& id) {
  if (auto it = live_.find(id); it != live_.end()) return it->second.get();
  auto state_it = contracts_.find(id);
  if (state_it == contracts_.end()) return Error("no such contract");
  const ContractState& state = state_it->second;
  // The code is read only when no session of this cache translated it yet.
  std::shared_ptr<const wasm::Module> mod = modules_->find(state.code_hash);
  if (!mod) {
    Bytes code;
    if (auto it = new_code_.find(state.code_hash); it != new_code_.end()) code = it->second;
    else {
      DUSK_ASSIGN(code, store_.code(state.code_hash));
    }
    DUSK_ASSIGN(mod, module(state.code_hash, code));
  }
  DUSK_ASSIGN(PageTable pages, store_.page_table(state.memory_root, state.memory_pages));
  wasm::InstantiateOptions options;
  options.apply_data_segments = false;
  options.memory_factory = [&](const wasm::MemoryType& type, u64 limit) -> Result<std::unique_ptr<wasm::Memory>> {
    DUSK_ASSIGN(auto m, wasm::Memory::create(type, limit));
    const u64 wasm_pages = state.memory_pages / kTrackPagesPerWasmPage;
    if (wasm_pages > m->pages() && !m->grow(wasm_pages - m->pages())) return Error("cannot restore the memory's size");
    Status restored;
    pages.for_each([&](u32 index, const Hash256& hash) {
      if (!restored.ok()) return;
      auto page = store_.page(hash);
      if (!page.ok()) restored = page.take_error();
      else if (!m->write(u64{index} * kPageBytes, *page)) restored = Error("a stored page lies outside the memory");
    });
    if (!restored.ok()) return restored.take_error();
    return m;
  };
  DUSK_ASSIGN(std::unique_ptr<Live> live, instantiate(id, state, mod, options));
  live->pages = std::move(pages);
  live->memory->snapshot();
  Live* raw = live.get();
  live_.emplace(id, std::move(live));
  return raw;
}

Result<std::unique_ptr<Session::Live>> Session::instantiate(const ContractId& id, const ContractState& state,
                                                            const std::shared_ptr<const wasm::Module>& mod,
                                                            wasm::InstantiateOptions options) {
  DUSK_ASSIGN(std::vector<wasm::Extern> imports, linker_.resolve(*mod));
  options.run_start = false;
  auto inst = engine_.instantiate(mod, imports, options);
  if (!inst.ok()) return Error("cannot instantiate the contract: " + inst.error().message);
  wasm::Memory* memory = (*inst)->memory(0);
  const wasm::GlobalInst* g = (*inst)->find_export("argbuf")->as_global();
  if (g->type().mut || g->type().type != wasm::ValType::kI32 ||
      u64{static_cast<u32>(g->get().bits)} + kArgBufferBytes > memory->size()) {
    engine_.release(*inst);
    return Error("argbuf must be an immutable i32 whose 64 KiB lie inside the memory");
  }
  auto live = std::make_unique<Live>();
  live->id = id;
  live->state = state;
  live->instance = *inst;
  live->memory = memory;
  live->argbuf = static_cast<u32>(g->get().bits);
  live->initial_globals = (*inst)->global_values();
  return live;
}

Receipt Session::run_top(const ContractId& id, std::string_view fn, ByteView arg, u64 gas, ByteView origin,
                         bool keep) {
  Receipt r;
  r.gas_limit = gas;
  if (arg.size() > kArgBufferBytes) {
    r.error = "the argument is longer than 64 KiB";
    return r;
  }
  if (origin.size() > kArgBufferBytes) {
    r.error = "the origin is longer than 64 KiB";
    return r;
  }
  auto callee = live(id);
  if (!callee.ok()) {
    r.error = callee.error().message;
    return r;
  }
  Live* c = *callee;
  // Arguments are paid per byte, like everything a host writes into a contract.
  const u64 arg_gas = arg.size() * kHostByteGas;
  if (arg_gas > gas) {
    r.error = "out of gas";
    r.gas_spent = gas;
    return r;
  }
  host_->begin(origin);
  host_->touch(c);
  if (!c->memory->write(c->argbuf, arg)) {
    host_->end(false);
    r.error = "the argument buffer lies outside the contract's memory";
    return r;
  }
  const Host::Outcome o = host_->run(c, fn, static_cast<u32>(arg.size()), gas - arg_gas);
  r.gas_spent = arg_gas + (o.ok || o.code == kCallNoSuchEntry ? o.gas_used : gas - arg_gas);
  if (o.ok) {
    r.ok = true;
    r.result.resize(o.result_len);
    (void)c->memory->read(c->argbuf, r.result);
    r.events = host_->events;
  } else {
    r.error = o.error;
  }
  host_->end(o.ok && keep);
  host_->events.clear();
  r.calls = std::move(host_->calls);
  r.calls_dropped = host_->calls_dropped;
  return r;
}

Receipt Session::call(const ContractId& id, std::string_view fn, ByteView arg, u64 gas, ByteView origin) {
  return run_top(id, fn, arg, gas, origin, true);
}

Receipt Session::query(const ContractId& id, std::string_view fn, ByteView arg, u64 gas, ByteView origin) {
  return run_top(id, fn, arg, gas, origin, false);
}

Receipt Session::deploy(ByteView bytecode, ByteView owner, u64 nonce, ByteView init_arg, u64 gas) {
  Receipt r;
  r.gas_limit = gas;
  if (owner.size() > 0xffff) {
    r.error = "the owner is longer than 65,535 bytes";
    return r;
  }
  const ContractId id = contract_id(bytecode, nonce, owner);
  if (contracts_.count(id)) {
    r.error = "a contract with this ID exists";
    return r;
  }
  // Deploying pays for validating, translating and storing the code, per byte.
  const u64 code_gas = bytecode.size() * kCodeByteGas;
  if (code_gas > gas) {
    r.error = "out of gas";
    r.gas_spent = gas;
    return r;
  }
  const Hash256 code_hash = code_hash_of(bytecode);
  auto mod = module(code_hash, bytecode);
  if (!mod.ok()) {
    r.error = mod.error().message;
    r.gas_spent = code_gas;
    return r;
  }
  // Data segments are applied; a start function does not run (contracts initialize in
  // `init`, which later sessions never repeat).
  wasm::ExecResult start;
  wasm::InstantiateOptions options;
  options.gas_limit = gas - code_gas;
  options.start_result = &start;
  auto made = instantiate(id, ContractState{code_hash, Bytes(owner.begin(), owner.end()), 0, Hash256{}}, *mod, options);
  if (!made.ok()) {
    r.error = made.error().message;
    r.gas_spent = code_gas + start.gas_used;
    return r;
  }
  std::unique_ptr<Live> live = std::move(made).value();
  live->created = true;
  // Tracking starts from an empty memory: every page the instantiation wrote is new.
  live->memory->snapshot();
  Live* c = live.get();
  wasm::Instance* const inst = c->instance;
  live_.emplace(id, std::move(live));
  contracts_.emplace(id, c->state);
  new_code_.emplace(code_hash, Bytes(bytecode.begin(), bytecode.end()));
  u64 spent = code_gas + start.gas_used;
  host_->begin(owner);
  host_->touch(c);
  bool init_ok = true;
  if (inst->exported_func("init")) {
    if (init_arg.size() > kArgBufferBytes || !c->memory->write(c->argbuf, init_arg)) {
      r.error = "the init argument is longer than 64 KiB";
      init_ok = false;
    } else {
      const Host::Outcome o = host_->run(c, "init", static_cast<u32>(init_arg.size()), gas - spent, true);
      spent += o.ok ? o.gas_used : gas - spent;
      if (!o.ok) {
        r.error = "init failed: " + o.error;
        init_ok = false;
      } else {
        r.events = host_->events;
      }
    }
  }
  host_->end(init_ok);
  host_->events.clear();
  r.calls = std::move(host_->calls);
  r.calls_dropped = host_->calls_dropped;
  r.gas_spent = spent;
  if (!r.error.empty()) {
    // Nothing of a failed deploy stays.
    live_.erase(id);
    contracts_.erase(id);
    engine_.release(inst);
    r.events.clear();
    return r;
  }
  r.ok = true;
  r.deployed = id;
  return r;
}

Receipt Session::upgrade(const ContractId& id, ByteView bytecode, ByteView requester, ByteView migrate_arg, u64 gas) {
  Receipt r;
  r.gas_limit = gas;
  auto fail = [&](std::string why, u64 spent) {
    r.error = std::move(why);
    r.gas_spent = std::min(spent, gas);
    return r;
  };
  auto old = live(id);
  if (!old.ok()) return fail(old.error().message, 0);
  Live* const prev = *old;
  if (prev->state.owner.empty()) return fail("the contract has no owner: its code cannot change", 0);
  if (!std::equal(requester.begin(), requester.end(), prev->state.owner.begin(), prev->state.owner.end()))
    return fail("only the contract's owner may upgrade it", 0);
  if (migrate_arg.size() > kArgBufferBytes) return fail("the migrate argument is longer than 64 KiB", 0);
  // The code's bytes, then moving the memory, page by page.
  const wasm::Memory& from = *prev->memory;
  const u64 pages = from.size() / kPageBytes;
  u64 spent = bytecode.size() * kCodeByteGas + pages * config_.engine.gas.page_write;
  if (spent > gas) return fail("out of gas", gas);
  const Hash256 code_hash = code_hash_of(bytecode);
  auto mod = module(code_hash, bytecode);
  if (!mod.ok()) return fail(mod.error().message, spent);

  // The new instance gets a copy of the memory as it is now; the pages changed since
  // the last commit are written again after its snapshot, so that the commit still
  // finds them (and only them) changed.
  wasm::ExecResult instantiation;
  wasm::InstantiateOptions options;
  options.apply_data_segments = false;
  options.gas_limit = gas - spent;
  options.start_result = &instantiation;
  options.memory_factory = [&](const wasm::MemoryType& type, u64 limit) -> Result<std::unique_ptr<wasm::Memory>> {
    DUSK_ASSIGN(auto m, wasm::Memory::create(type, limit));
    const u64 want = from.size() / wasm::kPageSize;
    if (want > m->pages() && !m->grow(want - m->pages()))
      return Error("the new code's memory cannot hold the contract's " + std::to_string(want) + " pages of 64 KiB");
    if (!m->write(0, ByteView(from.data(), from.size()))) return Error("cannot copy the memory");
    m->snapshot();
    if (!prev->created)
      for (u64 page : from.written_pages())
        (void)m->write(page * kPageBytes, ByteView(from.data() + page * kPageBytes, kPageBytes));
    return m;
  };
  ContractState state = prev->state;
  state.code_hash = code_hash;
  auto made = instantiate(id, state, *mod, options);
  spent += instantiation.gas_used;
  if (!made.ok()) return fail(made.error().message, spent);
  std::unique_ptr<Live> next = std::move(made).value();
  next->pages = prev->pages;
  next->created = prev->created;

  // The new code takes the contract's place; the old one waits until migrate succeeds.
  std::unique_ptr<Live> kept = std::move(live_.at(id));
  Live* const c = next.get();
  live_[id] = std::move(next);
  const ContractState old_state = contracts_.at(id);
  contracts_[id] = state;
  // The commit provides the code even when the store holds it: another commit may be
  // what names it there, and that one may be forgotten before this session commits.
  const bool new_code = !new_code_.count(code_hash);
  if (new_code) new_code_.emplace(code_hash, Bytes(bytecode.begin(), bytecode.end()));
  host_->begin(requester);
  host_->touch(c);
  bool ok = true;
  if (c->instance->exported_func("migrate")) {
    if (!c->memory->write(c->argbuf, migrate_arg)) {
      r.error = "the migrate argument does not fit the argument buffer";
      ok = false;
    } else {
      const Host::Outcome o = host_->run(c, "migrate", static_cast<u32>(migrate_arg.size()), gas - spent, true);
      spent += o.ok ? o.gas_used : gas - spent;
      if (!o.ok) {
        r.error = "migrate failed: " + o.error;
        ok = false;
      } else {
        r.events = host_->events;
      }
    }
  }
  host_->end(ok);
  host_->events.clear();
  r.calls = std::move(host_->calls);
  r.calls_dropped = host_->calls_dropped;
  r.gas_spent = spent;
  if (!ok) {
    wasm::Instance* const discarded = c->instance;
    live_[id] = std::move(kept);  // frees the new Live
    contracts_[id] = old_state;
    if (new_code) new_code_.erase(code_hash);
    engine_.release(discarded);
    r.events.clear();
    return r;
  }
  engine_.release(kept->instance);
  r.ok = true;
  return r;
}

// The contract's state as its memory now is, in `state`. When its memory changed since
// the last commit (or the contract was deployed since: then every page counts), `pages`
// is its page table updated from the pages written, `commit` (when given) receives those
// pages and the groups of the table they changed, and the result is true; else only
// `state` is set (the contract as the session holds it: the last commit's memory, and
// its code as any upgrade since left it) and the result is false.
bool Session::settle(const Live& live, PageTable* pages, ContractState* state, StateStore::NewCommit* commit) const {
  const wasm::Memory& m = *live.memory;
  const u64 size = m.size() / kPageBytes;
  *state = live.state;
  std::vector<u64> written;
  if (live.created) {
    written.resize(size);
    for (u64 i = 0; i < size; ++i) written[i] = i;
  } else {
    written = m.written_pages();
  }
  if (written.empty() && size == live.pages.pages()) return false;
  *pages = live.pages;  // copies a pointer per group: the update replaces what it changes
  pages->set_pages(size);  // memories only grow within a commit: no page is cut off
  std::vector<PageTable::Change> changes;
  changes.reserve(written.size());
  for (u64 index : written) {
    const ByteView page(m.data() + index * kPageBytes, kPageBytes);
    const auto h = page_hash(page);
    changes.emplace_back(static_cast<u32>(index), h);
    if (h && commit) commit->pages.emplace_back(*h, Bytes(page.begin(), page.end()));
  }
  auto groups = pages->update(changes);
  if (commit) commit->groups.insert(commit->groups.end(), groups.begin(), groups.end());
  state->memory_pages = size;
  state->memory_root = pages->root();
  return true;
}

Result<std::optional<abi::ContractAbi>> Session::abi(const ContractId& id) {
  DUSK_ASSIGN(Live* c, live(id));
  return abi::of_module(c->instance->module());
}

Hash256 Session::root() {
  ContractTable table = contracts_;
  for (const auto& [id, live] : live_) {
    PageTable pages;
    settle(*live, &pages, &table[id], nullptr);
  }
  return state_root(table);
}

Result<Hash256> Session::commit(bool as_head) {
  StateStore::Changes changes(store_);
  DUSK_ASSIGN(std::unique_ptr<Staged> staged, stage_commit(changes, as_head));
  storage::WriteBatch batch;
  if (auto f = changes.finish(batch); !f.ok()) return f.take_error();
  if (auto w = store_.database().write(batch); !w.ok()) return w.take_error();
  // Only now does the session move on: a failed write leaves it as it was.
  const Hash256 root = staged->root;
  committed(std::move(staged));
  return root;
}

Result<std::unique_ptr<Session::Staged>> Session::stage_commit(StateStore::Changes& changes, bool as_head) {
  auto staged = std::make_unique<Staged>();
  StateStore::NewCommit commit;
  ContractTable table = contracts_;
  for (auto& [id, live] : live_) {
    PageTable pages;
    if (!settle(*live, &pages, &table[id], &commit)) continue;
    commit.page_tables.push_back(pages);
    staged->settled.emplace_back(id, std::move(pages));
  }
  for (const auto& [hash, code] : new_code_) commit.code.emplace_back(hash, code);
  commit.contracts = table;
  commit.base = base_;
  auto root = changes.commit(commit, as_head);
  if (!root.ok()) return root.take_error();
  staged->root = *root;
  staged->contracts = std::move(table);
  return staged;
}

void Session::committed(std::unique_ptr<Staged> staged) {
  base_ = staged->root;
  contracts_ = std::move(staged->contracts);
  new_code_.clear();
  for (auto& [id, pages] : staged->settled) live_.at(id)->pages = std::move(pages);
  for (auto& [id, live] : live_) {
    live->state = contracts_.at(id);
    live->created = false;
    live->memory->snapshot();  // the next commit counts from here
  }
}

}  // namespace dusk::vm
