#include "duskvm/engine/store.hpp"

#include <algorithm>
#include <cstring>

#include "duskvm/engine/detail/interpreter.hpp"
#include "duskvm/engine/module.hpp"

namespace dusk::wasm {

u64 TableInst::grow(u64 delta, u64 init_bits) {
  const u64 old = elems_.size();
  if (delta > max_ - old) return ~u64{0};
  elems_.resize(old + delta, init_bits);
  return old;
}

const Extern* Instance::find_export(std::string_view name) const {
  auto it = std::lower_bound(exports_.begin(), exports_.end(), name,
                             [](const auto& e, std::string_view n) { return e.first < n; });
  if (it == exports_.end() || it->first != name) return nullptr;
  return &it->second;
}

std::vector<u64> Instance::global_values() const {
  std::vector<u64> v;
  v.reserve(globals_.size());
  for (const GlobalInst* g : globals_) v.push_back(g->bits_);
  return v;
}

void Instance::restore_global_values(const std::vector<u64>& values) {
  for (size_t i = 0; i < globals_.size() && i < values.size(); ++i)
    if (globals_[i]->type_.mut) globals_[i]->bits_ = values[i];
}

FuncInst* Instance::exported_func(std::string_view name) const {
  const Extern* e = find_export(name);
  return e ? e->as_func() : nullptr;
}

std::string ExecResult::describe() const {
  if (trap == Trap::kHostError && !message.empty()) return message;
  if (trap == Trap::kExit) return "exit " + std::to_string(exit_code);
  // Traps with a detail (which stack limit was reached) keep the spec's wording first.
  if (!message.empty()) return std::string(trap_message(trap)) + " (" + message + ")";
  return trap_message(trap);
}

Store::Store(const EngineConfig& config)
    : config_(config), stack_(std::make_unique<Stack>(config.max_value_stack, config.max_call_depth)) {}

Store::~Store() = default;

const FuncType* Store::intern(const FuncType& type) {
  auto& slot = types_[{type.params, type.results}];
  if (!slot) slot = std::make_unique<FuncType>(type);
  return slot.get();
}

FuncInst* Store::add_host_function(const FuncType& type, HostFunction fn) {
  auto f = std::make_unique<FuncInst>();
  f->type_ = intern(type);
  f->host_ = std::move(fn);
  funcs_.push_back(std::move(f));
  return funcs_.back().get();
}

std::unique_ptr<GlobalInst> Store::make_global(GlobalType type, Value init) {
  auto g = std::make_unique<GlobalInst>();
  g->type_ = type;
  g->bits_ = slot_bits({type.type, init.bits});
  return g;
}

std::unique_ptr<TableInst> Store::make_table(const TableType& type, Value init) const {
  const u64 max = std::min<u64>(type.limits.max.value_or(0xffffffffu), config_.max_table_elements);
  if (type.limits.min > max) return nullptr;
  auto t = std::make_unique<TableInst>();
  t->type_ = type;
  t->max_ = max;
  t->elems_.assign(type.limits.min, init.bits);
  return t;
}

GlobalInst* Store::add_global(GlobalType type, Value init) {
  globals_.push_back(make_global(type, init));
  return globals_.back().get();
}

TableInst* Store::add_table(const TableType& type, Value init) {
  auto t = make_table(type, init);
  if (!t) return nullptr;
  tables_.push_back(std::move(t));
  return tables_.back().get();
}

Result<Memory*> Store::add_memory(const MemoryType& type) {
  auto m = Memory::create(type, config_.max_memory_pages);
  if (!m.ok()) return m.take_error();
  memories_.push_back(std::move(m).value());
  return memories_.back().get();
}

namespace {

bool limits_match(const Limits& actual, const Limits& expected) {
  if (actual.min < expected.min) return false;
  if (!expected.max) return true;
  return actual.max && *actual.max <= *expected.max;
}

InstantiateFailure link_error(const Import& imp, const std::string& why) {
  return InstantiateFailure(InstantiateError::kLinkError, "incompatible import type for " + imp.module + "." + imp.name + ": " + why);
}

u64 saturating_add(u64 a, u64 b) { return a > ~u64{0} - b ? ~u64{0} : a + b; }
u64 saturating_mul(u64 a, u64 b) {
  const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
  return p > ~u64{0} ? ~u64{0} : static_cast<u64>(p);
}

}  // namespace

InstantiateResult<Instance*> Store::instantiate(std::shared_ptr<const Module> module, std::span<const Extern> imports,
                                               u64 gas_limit, ExecResult* start_result) {
  InstantiateOptions options;
  options.gas_limit = gas_limit;
  options.start_result = start_result;
  return instantiate(std::move(module), imports, options);
}

void Store::release(Instance* instance) {
  auto it = std::find_if(instances_.begin(), instances_.end(), [&](const auto& p) { return p.get() == instance; });
  if (it != instances_.end()) instances_.erase(it);
}

InstantiateResult<Instance*> Store::instantiate(std::shared_ptr<const Module> module, std::span<const Extern> imports,
                                               const InstantiateOptions& options) {
  u64 gas_limit = options.gas_limit;
  ExecResult* const start_result = options.start_result;
  if (start_result) *start_result = ExecResult{};
  const Module& m = *module;
  if (imports.size() != m.imports_.size())
    return InstantiateFailure(InstantiateError::kLinkError, "module has " + std::to_string(m.imports_.size()) + " imports, " +
                     std::to_string(imports.size()) + " given");

  auto inst = std::make_unique<Instance>();
  inst->module_ = module;
  for (const FuncType& t : m.types_) inst->types_.push_back(intern(t));

  // Imports, checked against the module's declarations.
  for (size_t i = 0; i < imports.size(); ++i) {
    const Import& imp = m.imports_[i];
    const Extern& ext = imports[i];
    if (ext.kind != imp.kind || ext.ptr == nullptr)
      return link_error(imp, std::string("expected ") + to_string(imp.kind) + ", got " + to_string(ext.kind));
    switch (imp.kind) {
      case ExternKind::kFunc: {
        FuncInst* f = ext.as_func();
        if (f->type_ != inst->types_[imp.func_type])
          return link_error(imp, "expected " + m.types_[imp.func_type].to_string() + ", got " + f->type().to_string());
        inst->funcs_.push_back(f);
        break;
      }
      case ExternKind::kTable: {
        TableInst* t = ext.as_table();
        const Limits actual{t->size(), t->type_.limits.max};
        if (t->type_.elem != imp.table.elem || !limits_match(actual, imp.table.limits))
          return link_error(imp, "table type or limits differ");
        inst->tables_.push_back(t);
        break;
      }
      case ExternKind::kMemory: {
        Memory* mem = ext.as_memory();
        const Limits actual{mem->pages(), mem->type().limits.max};
        if (mem->is64() != imp.memory.is64 || !limits_match(actual, imp.memory.limits))
          return link_error(imp, "memory type or limits differ");
        inst->memories_.push_back(mem);
        break;
      }
      case ExternKind::kGlobal: {
        GlobalInst* g = ext.as_global();
        if (g->type_.type != imp.global.type || g->type_.mut != imp.global.mut)
          return link_error(imp, "global type or mutability differ");
        inst->globals_.push_back(g);
        break;
      }
    }
  }

  // Creating what the module defines is paid for before anything is created.
  const u64 setup = config_.metering ? instantiation_cost(m, options.apply_data_segments) : 0;
  if (setup > gas_limit) {
    if (start_result) {
      start_result->trap = Trap::kOutOfGas;
      start_result->gas_used = gas_limit;
    }
    return InstantiateFailure(InstantiateError::kInstantiationTrap, "out of gas: instantiation needs " + std::to_string(setup) + " gas (memories, tables and segments), the limit is " +
                     std::to_string(gas_limit));
  }
  gas_limit -= setup;
  if (start_result) start_result->gas_used = setup;

  // Definitions.
  for (size_t i = 0; i < m.functions_.size(); ++i) {
    auto f = std::make_unique<FuncInst>();
    f->type_ = inst->types_[m.functions_[i].type_index];
    f->owner_ = inst.get();
    f->code_ = &m.functions_[i];
    inst->funcs_.push_back(f.get());
    inst->own_funcs_.push_back(std::move(f));
  }
  for (size_t i = m.num_imported_tables_; i < m.tables_.size(); ++i) {
    auto t = make_table(m.tables_[i], Value::null_ref(m.tables_[i].elem));
    if (!t) return InstantiateFailure(InstantiateError::kInstantiationTrap, "table of " + std::to_string(m.tables_[i].limits.min) + " elements exceeds the engine limit");
    inst->tables_.push_back(t.get());
    inst->own_tables_.push_back(std::move(t));
  }
  for (size_t i = m.num_imported_memories_; i < m.memories_.size(); ++i) {
    auto mem = options.memory_factory ? options.memory_factory(m.memories_[i], config_.max_memory_pages)
                                      : Memory::create(m.memories_[i], config_.max_memory_pages);
    if (!mem.ok()) return InstantiateFailure(InstantiateError::kInstantiationTrap, mem.error().message);
    if (!*mem || (*mem)->pages() < m.memories_[i].limits.min || (*mem)->is64() != m.memories_[i].is64)
      return InstantiateFailure(InstantiateError::kInstantiationTrap, "the memory factory gave a memory of another type");
    inst->memories_.push_back(mem->get());
    inst->own_memories_.push_back(std::move(mem).value());
  }
  Instance* const ip = inst.get();
  auto eval = [ip](const ConstExpr& e) -> u64 {
    switch (e.kind) {
      case ConstExpr::Kind::kValue: return e.bits;
      case ConstExpr::Kind::kGlobal: return ip->globals_[e.index]->bits_;
      case ConstExpr::Kind::kRefFunc: return reinterpret_cast<u64>(ip->funcs_[e.index]);
    }
    return 0;
  };
  for (size_t i = m.num_imported_globals_; i < m.globals_.size(); ++i) {
    auto g = make_global(m.globals_[i].type, {m.globals_[i].type.type, eval(m.globals_[i].init)});
    inst->globals_.push_back(g.get());
    inst->own_globals_.push_back(std::move(g));
  }
  for (const Export& e : m.exports_) {
    Extern ext;
    switch (e.kind) {
      case ExternKind::kFunc: ext = Extern::func(inst->funcs_[e.index]); break;
      case ExternKind::kTable: ext = Extern::table(inst->tables_[e.index]); break;
      case ExternKind::kMemory: ext = Extern::memory(inst->memories_[e.index]); break;
      case ExternKind::kGlobal: ext = Extern::global(inst->globals_[e.index]); break;
    }
    inst->exports_.emplace_back(e.name, ext);
  }
  std::sort(inst->exports_.begin(), inst->exports_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const ElemSegment& seg : m.elems_) {
    std::vector<u64> items;
    items.reserve(seg.items.size());
    for (const ConstExpr& e : seg.items) items.push_back(eval(e));
    inst->elem_segments_.push_back(std::move(items));
  }
  for (const DataSegment& seg : m.datas_) inst->data_segments_.push_back(ByteView(seg.bytes));

  Instance* result = inst.get();
  instances_.push_back(std::move(inst));

  // Active segments, in order: a failure leaves the earlier ones applied (wasm 2.0).
  for (size_t i = 0; i < m.elems_.size(); ++i) {
    const ElemSegment& seg = m.elems_[i];
    if (seg.mode == ElemSegment::Mode::kActive) {
      TableInst* t = result->tables_[seg.table];
      const u64 off = static_cast<u32>(eval(seg.offset));
      const auto& items = result->elem_segments_[i];
      if (off + items.size() > t->elems_.size()) return InstantiateFailure(InstantiateError::kInstantiationTrap, "out of bounds table access");
      std::copy(items.begin(), items.end(), t->elems_.begin() + off);
    }
    if (seg.mode != ElemSegment::Mode::kPassive) result->elem_segments_[i] = {};
  }
  for (size_t i = 0; i < m.datas_.size(); ++i) {
    const DataSegment& seg = m.datas_[i];
    if (seg.mode != DataSegment::Mode::kActive) continue;
    if (!options.apply_data_segments) {
      result->data_segments_[i] = {};  // an active segment is dropped once applied
      continue;
    }
    Memory* mem = result->memories_[seg.memory];
    u64 off = eval(seg.offset);
    if (!mem->is64()) off = static_cast<u32>(off);
    if (off > mem->size() || seg.bytes.size() > mem->size() - off)
      return InstantiateFailure(InstantiateError::kInstantiationTrap, "out of bounds memory access");
    if (!seg.bytes.empty()) mem->write(off, seg.bytes);
    result->data_segments_[i] = {};
  }
  if (m.start_ && options.run_start) {
    ExecResult r = invoke(result->funcs_[*m.start_], {}, nullptr, gas_limit);
    r.gas_used += setup;
    const bool ok = r.ok();
    std::string why = ok ? std::string() : "start function: " + r.describe();
    if (start_result) *start_result = std::move(r);
    if (!ok) return InstantiateFailure(InstantiateError::kInstantiationTrap, std::move(why));
  }
  return result;
}

// What instantiating `m` costs before its start function: committing its memories (as
// memory.grow would), filling its tables and evaluating its element segments (8 bytes an
// element at the bulk rate) and copying its active data segments (bulk rate).
u64 Store::instantiation_cost(const Module& m, bool data_segments) const {
  const GasSchedule& g = config_.gas;
  u64 cost = 0;
  for (size_t i = m.num_imported_memories_; i < m.memories_.size(); ++i)
    cost = saturating_add(cost, saturating_mul(m.memories_[i].limits.min, g.memory_grow_page));
  for (size_t i = m.num_imported_tables_; i < m.tables_.size(); ++i)
    cost = saturating_add(cost, g.bulk_cost(saturating_mul(m.tables_[i].limits.min, sizeof(u64))));
  for (const ElemSegment& seg : m.elems_) cost = saturating_add(cost, g.bulk_cost(seg.items.size() * sizeof(u64)));
  if (data_segments)
    for (const DataSegment& seg : m.datas_)
      if (seg.mode == DataSegment::Mode::kActive) cost = saturating_add(cost, g.bulk_cost(seg.bytes.size()));
  return cost;
}

ExecResult Store::invoke(FuncInst* f, std::span<const Value> args, std::vector<Value>* results, u64 gas_limit) {
  ExecResult r;
  const FuncType& t = f->type();
  if (args.size() != t.params.size()) {
    r.trap = Trap::kHostError;
    r.message = "expected " + std::to_string(t.params.size()) + " arguments, got " + std::to_string(args.size());
    return r;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].type != t.params[i]) {
      r.trap = Trap::kHostError;
      r.message = "argument " + std::to_string(i) + " should be " + to_string(t.params[i]);
      return r;
    }
  }
  Stack& st = *stack_;
  u64* slots = st.top;
  const size_t need = std::max(t.params.size(), t.results.size());
  if (!slots || static_cast<size_t>(st.end - slots) < need) {
    r.trap = Trap::kCallStackExhausted;
    r.message = "value stack limit of " + std::to_string(config_.max_value_stack) + " slots reached";
    return r;
  }
  for (size_t i = 0; i < args.size(); ++i) slots[i] = slot_bits(args[i]);
  u64 gas = gas_limit;
  Interpreter::Outcome o = Interpreter::run(*this, f, slots, &gas);
  r.trap = o.trap;
  r.message = std::move(o.message);
  r.exit_code = o.exit_code;
  r.gas_used = gas_limit - gas;
  if (r.ok() && results) {
    results->clear();
    for (size_t i = 0; i < t.results.size(); ++i) results->push_back({t.results[i], slots[i]});
  }
  return r;
}

}  // namespace dusk::wasm
