// Executes translated functions (ops.hpp) with threaded dispatch: every handler ends
// by jumping straight to the next instruction's handler.
#pragma once

#include <string>

#include "duskvm/engine/store.hpp"

namespace dusk::wasm {

// The value stack and call frames of a Store, reused by every invocation.
struct Store::Stack {
  struct Frame {
    const u32* pc;  // where to continue in the caller
    u64* fp;        // the caller's frame
    Instance* inst; // the caller's instance
  };
  u64* base = nullptr;
  u64* end = nullptr;
  size_t bytes = 0;
  u64* top = nullptr;  // first free slot: invocations start here (they may nest via host calls)
  Frame* frames = nullptr;  // max_depth + 1 frames, committed by the kernel as they are touched
  u32 num_frames = 0;
  u32 depth = 0;       // frames in use

  explicit Stack(u32 slots, u32 max_depth);
  ~Stack();
};

class Interpreter {
 public:
  struct Outcome {
    Trap trap = Trap::kNone;
    std::string message;
    int exit_code = 0;
  };
  // Runs f with its arguments in slots[0..params); on success its results are in
  // slots[0..results). `gas` is the remaining gas, updated. slots must lie at the
  // store's stack top.
  static Outcome run(Store& store, FuncInst* f, u64* slots, u64* gas);

  // Label offsets of the handlers, indexed by Op (ops.hpp).
  static const i32* offsets();

 private:
  static Outcome execute(Store* store, FuncInst* f, u64* slots, u64* gas);
  static Trap call_host(Store& store, FuncInst* f, Instance* caller, u64* slots, u64* gas, Outcome* out);
};

}  // namespace dusk::wasm
