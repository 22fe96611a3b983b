#include "duskvm/engine/disassembler.hpp"

#include <map>

#include "duskvm/engine/detail/opcodes.hpp"
#include "duskvm/engine/detail/ops.hpp"

namespace dusk::wasm {

namespace {

struct OpInfo {
  const char* name;
  u32 words;  // 0: variable (BrTable)
};

std::vector<OpInfo> op_infos() {
  std::vector<OpInfo> v;
#define DUSK_ON_OP(name, words) v.push_back({#name, words});
  DUSK_FOR_EACH_OP()
#undef DUSK_ON_OP
  // Numeric instructions keep their wasm names (opcodes.def): i32.add, f64.sqrt, ...
#define DUSK_BINOP(name, ta, tr, body) v.push_back({opcode_info(Opcode::name).text, 4});
#define DUSK_UNOP(name, ta, tr, body) v.push_back({opcode_info(Opcode::name).text, 3});
#include "duskvm/engine/detail/numeric_ops.def"
#undef DUSK_BINOP
#undef DUSK_UNOP
  return v;
}

}  // namespace

class Disassembler {
 public:
  static std::string run(const Module& m, u32 func_index) {
    if (func_index < m.num_imported_funcs_) return "(imported function)\n";
    if (func_index >= m.func_types_.size()) return "(no such function)\n";
    const Function& fn = m.functions_[func_index - m.num_imported_funcs_];
    static const std::vector<OpInfo> infos = op_infos();
    std::map<i32, size_t> by_offset;
    const i32* offsets = handler_offsets();
    for (size_t i = 0; i < infos.size(); ++i) by_offset[offsets[i]] = i;

    std::string out = "params " + std::to_string(fn.num_params) + ", locals " + std::to_string(fn.num_locals) +
                      ", consts " + std::to_string(fn.consts.size()) + ", frame " + std::to_string(fn.frame_slots) +
                      " slots, " + std::to_string(fn.code.size()) + " words\n";
    size_t pc = 0;
    while (pc < fn.code.size()) {
      auto it = by_offset.find(static_cast<i32>(fn.code[pc]));
      if (it == by_offset.end()) {
        out += std::to_string(pc) + ": ?? " + std::to_string(fn.code[pc]) + "\n";
        ++pc;
        continue;
      }
      const OpInfo& info = infos[it->second];
      u32 words = info.words;
      if (words == 0) words = 3 + 2 * (fn.code[pc + 2] + 1);  // BrTable: index, n, n+1 (target, gas)
      out += std::to_string(pc) + ": " + info.name;
      for (u32 k = 1; k < words && pc + k < fn.code.size(); ++k) out += " " + std::to_string(fn.code[pc + k]);
      out += "\n";
      pc += words;
    }
    return out;
  }
};

std::string disassemble(const Module& module, u32 func_index) { return Disassembler::run(module, func_index); }

}  // namespace dusk::wasm
