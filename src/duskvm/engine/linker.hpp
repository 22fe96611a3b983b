// Resolves a module's imports by (module, name) against definitions made by the
// embedder: host functions, whole instances registered under a module name, etc.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"

namespace dusk::wasm {

class Linker {
 public:
  void define(const std::string& module, const std::string& name, Extern ext);
  // Makes every export of the instance importable as (module, export name).
  void define_instance(const std::string& module, const Instance& instance);

  // One Extern per import of the module, in order. Errors (code kLinkError):
  // "unknown import m.n", or "incompatible import type for m.n: ..." when the kind or
  // type does not match (function types exactly, table/memory limits by subtyping,
  // globals by type and mutability).
  InstantiateResult<std::vector<Extern>> resolve(const Module& module) const;

 private:
  std::map<std::pair<std::string, std::string>, Extern> defs_;
};

}  // namespace dusk::wasm
