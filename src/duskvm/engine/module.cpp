#include "duskvm/engine/module.hpp"

#include "duskvm/engine/detail/decoder.hpp"
#include "duskvm/engine/detail/function_compiler.hpp"

namespace dusk::wasm {

CompileResult<std::shared_ptr<const Module>> compile(ByteView wasm, const EngineConfig& config) {
  auto m = std::make_shared<Module>();
  Decoder decoder(wasm, config, *m);
  DUSK_TRY(decoder.decode());
  const u32 first = m->num_imported_funcs_;
  m->functions_.resize(m->bodies_.size());
  for (size_t i = 0; i < m->bodies_.size(); ++i) {
    CompileStatus s = compile_function(*m, config, decoder.declared_refs(), first + static_cast<u32>(i), m->bodies_[i],
                                &m->functions_[i]);
    if (!s.ok()) {
      CompileFailure e = s.take_error();
      e.message = "function " + std::to_string(first + i) + ": " + e.message;
      return e;
    }
  }
  m->bodies_.clear();
  return std::shared_ptr<const Module>(std::move(m));
}

}  // namespace dusk::wasm
