#include "duskvm/engine/detail/function_compiler.hpp"

#include "duskvm/engine/detail/compiler.hpp"

namespace dusk::wasm {

CompileStatus Compiler::run(u32 func_index, Function* out) {
  const u32 type_index = m_.func_types_[func_index];
  const FuncType& ft = m_.types_[type_index];
  locals_ = ft.params;
  if (!read_locals(static_cast<u32>(ft.params.size()))) {
    if (!err_.message.empty()) return err_;
    return malformed(r_.error());
  }
  const u32 num_locals = static_cast<u32>(locals_.size());
  local_refs_.resize(num_locals);

  ctrls_.push_back({Kind::kFunction, {}, ft.results, 0, false, false, 0, {}, kNone});
  leader();
  // Entering the function zeroes its locals and copies its constant pool into the
  // frame. That work is paid on entry, at the bulk-memory rate for the bytes written, in
  // the Gas instruction that starts the body (its price is added once the pool's size is
  // known; no branch ever targets the start of a function).
  u32 entry_gas_pos = kNone;
  if (cfg_.metering) {
    emit_op(Op::Gas);
    entry_gas_pos = pos();
    emit_imm(0);
    gas_pos_ = entry_gas_pos;
  }
  while (!ctrls_.empty()) {
    u8 opc;
    if (!r_.byte(&opc)) break;
    if (!instruction(opc)) break;
  }
  if (!err_.message.empty()) return err_;
  if (!r_.ok()) {
    const std::string& e = r_.error();
    return malformed(e == "unexpected end" ? "unexpected end of section or function" : e);
  }
  if (!ctrls_.empty()) return malformed("unexpected end of section or function");
  if (!r_.at_end()) return malformed("operators remaining after end of function");

  if (entry_gas_pos != kNone) {
    const u64 slots = u64{num_locals} - ft.params.size() + consts_.size();
    const u64 total = code_[entry_gas_pos] + cfg_.gas.bulk_cost(slots * sizeof(u64));
    if (total > 0xffffffffu) return CompileFailure(CompileError::kTooLarge, "function entry costs more gas than one block can charge");
    code_[entry_gas_pos] = static_cast<u32>(total);
  }

  // Relocate constant and stack slots now that their bases are known.
  const u32 const_base = num_locals;
  const u32 stack_base = num_locals + static_cast<u32>(consts_.size());
  for (u32 p : relocs_) {
    const u32 s = code_[p];
    code_[p] = (s & kStackTag) ? stack_base + (s & ~kTagMask) : const_base + (s & ~kTagMask);
  }
  // A branch whose target starts with a Gas instruction pays that gas itself and jumps
  // past it (one dispatch fewer per taken branch; fall-through still runs the Gas).
  // Targets become offsets relative to the word that holds them, so the interpreter
  // needs no code base register.
  const u32 gas_handler = static_cast<u32>(handlers_[static_cast<size_t>(Op::Gas)]);
  for (u32 p : targets_) {
    u32 target = code_[p];
    if (target + 1 < code_.size() && code_[target] == gas_handler) {
      code_[p + 1] = code_[target + 1];
      target += 2;
    }
    code_[p] = target - p;
  }
  const u64 frame = u64{stack_base} + max_height_;
  if (frame > 0x3fffffffu) return CompileFailure(CompileError::kTooLarge, "function frame too large");

  out->type_index = type_index;
  out->num_params = static_cast<u32>(ft.params.size());
  out->num_results = static_cast<u32>(ft.results.size());
  out->num_locals = num_locals - out->num_params;
  out->frame_slots = static_cast<u32>(frame);
  out->code = std::move(code_);
  out->consts = std::move(consts_);
  return {};
}

// Reads an instruction and hands it to its family's translator (opcodes.def says which).
bool Compiler::instruction(u8 byte) {
  const OpcodeInfo& info = opcode_info(byte);
  if (!info.text) return r_.fail("illegal opcode");
  Opcode op = static_cast<Opcode>(byte);
  Family family = info.family;
  switch (family) {
    case Family::kMisc: {
      u32 sub;
      DUSK_CHECK(r_.u32leb(&sub));
      if (sub < cfg_.gas.op_fc.size()) charge(cfg_.gas.op_fc[sub]);
      const OpcodeInfo& misc = misc_opcode_info(sub);
      if (!misc.text) return r_.fail("illegal opcode");
      op = static_cast<Opcode>(u32{byte_of(Prefix::Misc)} << 8 | sub);
      family = misc.family;
      break;
    }
    case Family::kSimd:
      return unsupported("SIMD instructions are not supported");
    case Family::kThreads:
      return unsupported("threads (atomic instructions) are not supported");
    default:
      charge(cfg_.gas.op[byte]);
      break;
  }
  switch (family) {
    case Family::kControl: return control(op);
    case Family::kParametric: return parametric(op);
    case Family::kVariable: return variable(op);
    case Family::kConstant: return constant(op);
    case Family::kNumeric: return numeric(op);
    case Family::kReinterpret: return reinterpret(op);
    case Family::kReference: return reference(op);
    case Family::kMemory: return memory(op);
    case Family::kTable: return table(op);
    case Family::kExceptions: return unsupported("exception handling is not supported");
    case Family::kTailCalls: return unsupported("tail calls are not supported");
    case Family::kMisc:
    case Family::kSimd:
    case Family::kThreads:
      break;
  }
  return r_.fail("illegal opcode");
}

bool Compiler::read_value_type(ValType* out) {
  if (r_.value_type(out)) return true;
  return r_.simd() ? unsupported(r_.error().c_str()) : false;
}

bool Compiler::read_locals(u32 num_params) {
  u32 groups;
  DUSK_CHECK(r_.u32leb(&groups));
  u64 total = num_params;
  for (u32 g = 0; g < groups; ++g) {
    u32 n;
    DUSK_CHECK(r_.u32leb(&n));
    total += n;
    if (total > 0xffffffffull) return r_.fail("too many locals");
    if (total > cfg_.max_locals) {
      if (err_.message.empty())
        err_ = CompileFailure(CompileError::kTooLarge, "function has more than " + std::to_string(cfg_.max_locals) + " locals");
      return false;
    }
    ValType t;
    DUSK_CHECK(read_value_type(&t));
    locals_.insert(locals_.end(), n, t);
  }
  return true;
}

bool Compiler::read_block_type(std::vector<ValType>* params, std::vector<ValType>* results) {
  if (r_.at_end()) return r_.fail("unexpected end");
  const u8 b = *r_.pos();
  if (b == kEmptyBlockType) {
    u8 skip;
    return r_.byte(&skip);
  }
  switch (static_cast<ValType>(b)) {
    case ValType::kI32: case ValType::kI64: case ValType::kF32: case ValType::kF64:
    case ValType::kFuncRef: case ValType::kExternRef:
    case ValType::kV128: {  // refused by read_value_type
      ValType t;
      DUSK_CHECK(read_value_type(&t));
      results->push_back(t);
      return true;
    }
  }
  i64 idx;
  DUSK_CHECK(r_.s33leb(&idx));
  if (idx < 0) return r_.fail("malformed value type");
  if (static_cast<u64>(idx) >= m_.types_.size()) return fail_invalid("unknown type " + std::to_string(idx));
  *params = m_.types_[idx].params;
  *results = m_.types_[idx].results;
  return true;
}

CompileStatus compile_function(const Module& module, const EngineConfig& config, const std::set<u32>& declared_refs,
                        u32 func_index, ByteView body, Function* out) {
  Compiler c(module, config, declared_refs, body);
  return c.run(func_index, out);
}

}  // namespace dusk::wasm
