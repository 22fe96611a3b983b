// The runtime: a Store owns instances and everything they create (functions, tables,
// memories, globals) and executes code. One Store is used by one thread at a time.
//
//   auto module = wasm::compile(bytes, config);            // decode + validate + translate
//   wasm::Store store(config);
//   wasm::Linker linker;  linker.define("env", "f", wasm::Extern::func(host_fn));
//   auto imports = linker.resolve(**module);
//   auto inst = store.instantiate(*module, *imports);
//   auto r = store.invoke(inst.value()->exported_func("run"), args, &results, gas);
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "duskvm/engine/config.hpp"
#include "duskvm/engine/memory.hpp"
#include "duskvm/engine/trap.hpp"
#include "duskvm/engine/types.hpp"
#include "duskvm/engine/value.hpp"

namespace dusk::wasm {

class Module;
class Store;
class Instance;
struct Function;

// What a host function sees of its caller.
struct HostContext {
  Store* store = nullptr;
  Instance* caller = nullptr;  // the calling instance; null when the store invoked the host directly
  Memory* memory = nullptr;    // the caller's memory 0, or null
  u64 gas_left = 0;            // remaining gas; consume with consume_gas()
  std::string error;           // message for Trap::kHostError
  int exit_code = 0;           // status for Trap::kExit

  // Charges gas; false when there is not enough (the host should return kOutOfGas).
  bool consume_gas(u64 amount) {
    if (amount > gas_left) {
      gas_left = 0;
      return false;
    }
    gas_left -= amount;
    return true;
  }
};

// A host function returns Trap::kNone after writing one Value per result type. It may
// call back into the store (ctx.store->invoke): the nested run uses the value stack and
// frames above the caller's, within the same limits.
using HostFunction =
    std::function<Trap(HostContext& ctx, std::span<const Value> args, std::span<Value> results)>;

class FuncInst {
 public:
  const FuncType& type() const { return *type_; }
  bool is_host() const { return static_cast<bool>(host_); }

 private:
  friend class Store;
  friend class Instance;
  friend class Interpreter;
  const FuncType* type_ = nullptr;  // canonical (interned) type: equal types, equal pointers
  Instance* owner_ = nullptr;       // defining instance (wasm functions)
  const Function* code_ = nullptr;  // translated body (wasm functions)
  HostFunction host_;
};

class TableInst {
 public:
  const TableType& type() const { return type_; }
  u64 size() const { return elems_.size(); }
  Value get(u64 i) const { return {type_.elem, elems_[i]}; }
  void set(u64 i, Value v) { elems_[i] = v.bits; }
  // Returns the old size, or -1 (as u64) if the new size would exceed the limits.
  u64 grow(u64 delta, u64 init_bits);

 private:
  friend class Store;
  friend class Interpreter;
  TableType type_;
  u64 max_ = 0;  // effective maximum: declared max capped by the engine limit
  std::vector<u64> elems_;
};

class GlobalInst {
 public:
  const GlobalType& type() const { return type_; }
  Value get() const { return {type_.type, bits_}; }
  void set(Value v) { bits_ = slot_bits(v); }

 private:
  friend class Store;
  friend class Instance;
  friend class Interpreter;
  GlobalType type_;
  u64 bits_ = 0;
};

// An external value: what an import receives and an export gives.
struct Extern {
  ExternKind kind = ExternKind::kFunc;
  void* ptr = nullptr;

  static Extern func(FuncInst* f) { return {ExternKind::kFunc, f}; }
  static Extern table(TableInst* t) { return {ExternKind::kTable, t}; }
  static Extern memory(Memory* m) { return {ExternKind::kMemory, m}; }
  static Extern global(GlobalInst* g) { return {ExternKind::kGlobal, g}; }
  FuncInst* as_func() const { return kind == ExternKind::kFunc ? static_cast<FuncInst*>(ptr) : nullptr; }
  TableInst* as_table() const { return kind == ExternKind::kTable ? static_cast<TableInst*>(ptr) : nullptr; }
  Memory* as_memory() const { return kind == ExternKind::kMemory ? static_cast<Memory*>(ptr) : nullptr; }
  GlobalInst* as_global() const { return kind == ExternKind::kGlobal ? static_cast<GlobalInst*>(ptr) : nullptr; }
};

class Instance {
 public:
  const Module& module() const { return *module_; }
  // Looks up an export by name.
  const Extern* find_export(std::string_view name) const;
  FuncInst* exported_func(std::string_view name) const;
  Memory* memory(u32 index = 0) const { return index < memories_.size() ? memories_[index] : nullptr; }
  // The values of every global the instance sees (imported and defined), in index
  // order, and their restoration: with Memory checkpoints, what undoing a failed call
  // needs (only mutable globals change).
  std::vector<u64> global_values() const;
  void restore_global_values(const std::vector<u64>& values);

 private:
  friend class Store;
  friend class Interpreter;
  std::shared_ptr<const Module> module_;
  std::vector<const FuncType*> types_;  // canonical pointer for each type index
  std::vector<FuncInst*> funcs_;
  std::vector<TableInst*> tables_;
  std::vector<Memory*> memories_;
  std::vector<GlobalInst*> globals_;
  std::vector<std::vector<u64>> elem_segments_;  // resolved references; emptied by elem.drop
  std::vector<ByteView> data_segments_;            // emptied by data.drop
  std::vector<std::pair<std::string, Extern>> exports_;  // sorted by name
  // What this instance defined (its functions, tables, memories and globals): freed with
  // it (Store::release).
  std::vector<std::unique_ptr<FuncInst>> own_funcs_;
  std::vector<std::unique_ptr<TableInst>> own_tables_;
  std::vector<std::unique_ptr<Memory>> own_memories_;
  std::vector<std::unique_ptr<GlobalInst>> own_globals_;
};

struct ExecResult {
  Trap trap = Trap::kNone;
  u64 gas_used = 0;
  std::string message;  // kHostError: the host's message; kCallStackExhausted: which limit
  int exit_code = 0;    // for kExit

  bool ok() const { return trap == Trap::kNone; }
  std::string describe() const;  // the trap message, or "ok"
};

// Why Store::instantiate (or Linker::resolve) failed.
enum class InstantiateError : u8 {
  kLinkError = 1,          // wrong number or kinds/types of imports, or an unknown one
  kInstantiationTrap = 2,  // no gas or no room for what the module defines, a segment
                           // out of bounds, or the start function trapped
};
using InstantiateFailure = Failure<InstantiateError>;
template <typename T>
using InstantiateResult = Result<T, InstantiateFailure>;

// How Store::instantiate proceeds; the defaults are the specification's.
struct InstantiateOptions {
  u64 gas_limit = ~u64{0};
  // Receives the start function's outcome (trap, gas used including the
  // instantiation's, exit code), also when it traps.
  ExecResult* start_result = nullptr;
  // Creates each memory the module defines instead of Memory::create(type, limit): the
  // contract runtime backs a contract's memory with its page store and restores its
  // contents. The memory returned must have the type's minimum pages at least.
  std::function<Result<std::unique_ptr<Memory>>(const MemoryType& type, u64 limit_pages)> memory_factory;
  // False: active data segments are not copied (the memory already holds the state they
  // once initialized), and their bytes are not charged.
  bool apply_data_segments = true;
  // False: the start function does not run (it ran when the state was created).
  bool run_start = true;
};

class Store {
 public:
  explicit Store(const EngineConfig& config = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const EngineConfig& config() const { return config_; }

  FuncInst* add_host_function(const FuncType& type, HostFunction fn);
  GlobalInst* add_global(GlobalType type, Value init);
  // nullptr when the limits exceed the engine's limits.
  TableInst* add_table(const TableType& type, Value init);
  // Fails with the reason (Memory::create): over the engine's page limit, or no
  // address space left for another memory.
  Result<Memory*> add_memory(const MemoryType& type);

  // Instantiates with one Extern per import, in the module's import order. Creating the
  // module's memories and tables and copying its segments is paid from gas_limit first
  // (when metering: memory pages at memory_grow_page, table elements and segments at the
  // bulk rate); too little gas fails with kInstantiationTrap before anything is created.
  // Segments are applied in order; if one traps, the ones before it stay applied (as the
  // spec requires) and the error has code kInstantiationTrap. The start function runs
  // with the gas left; if start_result is given it receives the outcome (trap, gas used
  // including the instantiation's, exit code), also when it traps.
  InstantiateResult<Instance*> instantiate(std::shared_ptr<const Module> module, std::span<const Extern> imports,
                                           u64 gas_limit = ~u64{0}, ExecResult* start_result = nullptr);
  InstantiateResult<Instance*> instantiate(std::shared_ptr<const Module> module, std::span<const Extern> imports,
                                           const InstantiateOptions& options);

  // Frees an instance and everything it defined. Precondition: nothing else refers to
  // them any more (no other instance imported them, no host function keeps them, no
  // invocation of them is running). The contract runtime frees a contract's instance
  // when its session ends. Instances the store does not hold are ignored.
  void release(Instance* instance);
  size_t instance_count() const { return instances_.size(); }

  // A host function from a C++ callable `Trap fn(HostContext&, A...)` or
  // `Trap fn(HostContext&, A..., R* result)`: the wasm type comes from the C++ types
  // (i32/u32 -> i32, i64/u64 -> i64, float -> f32, double -> f64) and the arguments
  // arrive converted. Typed binding keeps a host function and its declared type from
  // disagreeing.
  template <typename... A, typename Fn>
  FuncInst* bind(Fn fn);
  template <typename R, typename... A, typename Fn>
  FuncInst* bind_returning(Fn fn);

  // Calls f with args (checked against its type); on success writes the results.
  ExecResult invoke(FuncInst* f, std::span<const Value> args, std::vector<Value>* results,
                    u64 gas_limit = ~u64{0});

  const FuncType* intern(const FuncType& type);

 private:
  friend class Interpreter;
  u64 instantiation_cost(const Module& m, bool data_segments) const;
  std::unique_ptr<TableInst> make_table(const TableType& type, Value init) const;
  static std::unique_ptr<GlobalInst> make_global(GlobalType type, Value init);
  EngineConfig config_;
  std::vector<std::unique_ptr<FuncInst>> funcs_;
  std::vector<std::unique_ptr<TableInst>> tables_;
  std::vector<std::unique_ptr<Memory>> memories_;
  std::vector<std::unique_ptr<GlobalInst>> globals_;
  std::vector<std::unique_ptr<Instance>> instances_;
  std::map<std::pair<std::vector<ValType>, std::vector<ValType>>, std::unique_ptr<FuncType>> types_;  // interned
  struct Stack;
  std::unique_ptr<Stack> stack_;  // value stack and frames, reused by every invoke
};

namespace detail {
template <typename T>
constexpr ValType wasm_type_of() {
  if constexpr (std::is_same_v<T, i32> || std::is_same_v<T, u32>) return ValType::kI32;
  else if constexpr (std::is_same_v<T, i64> || std::is_same_v<T, u64>) return ValType::kI64;
  else if constexpr (std::is_same_v<T, float>) return ValType::kF32;
  else if constexpr (std::is_same_v<T, double>) return ValType::kF64;
  else static_assert(sizeof(T) == 0, "a host function's parameters and result are i32, u32, i64, u64, float or double");
}
template <typename T>
T from_value(const Value& v) {
  if constexpr (std::is_same_v<T, float>) return v.as_f32();
  else if constexpr (std::is_same_v<T, double>) return v.as_f64();
  else return static_cast<T>(v.bits);
}
template <typename T>
Value to_value(T x) {
  if constexpr (std::is_same_v<T, float>) return Value::f32(x);
  else if constexpr (std::is_same_v<T, double>) return Value::f64(x);
  else if constexpr (sizeof(T) == 4) return Value::i32(static_cast<u32>(x));
  else return Value::i64(static_cast<u64>(x));
}
template <typename... A, typename Fn, size_t... I>
Trap call_typed(Fn& fn, HostContext& ctx, [[maybe_unused]] std::span<const Value> args, std::index_sequence<I...>) {
  return fn(ctx, from_value<A>(args[I])...);
}
template <typename R, typename... A, typename Fn, size_t... I>
Trap call_typed_returning(Fn& fn, HostContext& ctx, [[maybe_unused]] std::span<const Value> args,
                          std::span<Value> results, std::index_sequence<I...>) {
  R r{};
  const Trap t = fn(ctx, from_value<A>(args[I])..., &r);
  if (t == Trap::kNone) results[0] = to_value<R>(r);
  return t;
}
}  // namespace detail

template <typename... A, typename Fn>
FuncInst* Store::bind(Fn fn) {
  const FuncType type{{detail::wasm_type_of<A>()...}, {}};
  return add_host_function(type, [fn = std::move(fn)](HostContext& ctx, std::span<const Value> args,
                                                      std::span<Value>) mutable {
    return detail::call_typed<A...>(fn, ctx, args, std::index_sequence_for<A...>{});
  });
}

template <typename R, typename... A, typename Fn>
FuncInst* Store::bind_returning(Fn fn) {
  const FuncType type{{detail::wasm_type_of<A>()...}, {detail::wasm_type_of<R>()}};
  return add_host_function(type, [fn = std::move(fn)](HostContext& ctx, std::span<const Value> args,
                                                      std::span<Value> results) mutable {
    return detail::call_typed_returning<R, A...>(fn, ctx, args, results, std::index_sequence_for<A...>{});
  });
}

}  // namespace dusk::wasm
