#include "duskvm/engine/linker.hpp"

namespace dusk::wasm {

void Linker::define(const std::string& module, const std::string& name, Extern ext) {
  defs_[{module, name}] = ext;
}

void Linker::define_instance(const std::string& module, const Instance& instance) {
  for (const Export& e : instance.module().exports()) {
    if (const Extern* ext = instance.find_export(e.name)) define(module, e.name, *ext);
  }
}

InstantiateResult<std::vector<Extern>> Linker::resolve(const Module& module) const {
  std::vector<Extern> out;
  out.reserve(module.imports().size());
  for (const Import& imp : module.imports()) {
    auto it = defs_.find({imp.module, imp.name});
    if (it == defs_.end()) return InstantiateFailure(InstantiateError::kLinkError, "unknown import " + imp.module + "." + imp.name);
    if (it->second.kind != imp.kind)
      return InstantiateFailure(InstantiateError::kLinkError, "incompatible import type for " + imp.module + "." + imp.name + ": expected " +
                       to_string(imp.kind) + ", got " + to_string(it->second.kind));
    out.push_back(it->second);
  }
  return out;
}

}  // namespace dusk::wasm
