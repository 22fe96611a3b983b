// Control instructions: blocks, branches, returns and calls.
#include "duskvm/engine/detail/compiler.hpp"

namespace dusk::wasm {

bool Compiler::control(Opcode op) {
  switch (op) {
    case Opcode::Unreachable:
      if (live()) emit_op(Op::Unreachable);
      set_unreachable();
      return true;
    case Opcode::Nop:
      return true;
    case Opcode::Block:
    case Opcode::Loop: {
      DUSK_CHECK(check_depth());
      std::vector<ValType> params, results;
      DUSK_CHECK(read_block_type(&params, &results));
      DUSK_CHECK(peek_types(params));
      if (live()) {
        materialize_locals();
        materialize_top(params.size());
      }
      DUSK_CHECK(pop_types(params));
      push_ctrl(op == Opcode::Block ? Kind::kBlock : Kind::kLoop, params, results);
      if (op == Opcode::Loop) {
        leader();
        ctrls_.back().loop_pos = pos();
      }
      return true;
    }
    case Opcode::If: {
      DUSK_CHECK(check_depth());
      std::vector<ValType> params, results;
      DUSK_CHECK(read_block_type(&params, &results));
      Entry cond;
      DUSK_CHECK(pop(ValType::kI32, &cond));
      DUSK_CHECK(peek_types(params));
      if (live()) {
        materialize_locals();
        materialize_top(params.size());
      }
      DUSK_CHECK(pop_types(params));
      u32 fix = kNone;
      if (live()) {
        fix = emit_cond_branch(cond, false);
        leader();
      }
      push_ctrl(Kind::kIf, params, results);
      ctrls_.back().else_fixup = fix;
      return true;
    }
    case Opcode::Else: {
      Ctrl& c = ctrls_.back();
      if (c.kind != Kind::kIf) return fail_invalid("else without if");
      DUSK_CHECK(peek_types(c.results));
      if (stack_.size() - c.height > c.results.size() || (!c.unreachable && stack_.size() - c.height != c.results.size()))
        return fail_invalid("type mismatch");
      if (live()) {
        materialize_top(c.results.size());
        emit_op(Op::Br);
        emit_target(c);
      }
      leader();
      if (c.else_fixup != kNone) code_[c.else_fixup] = pos();
      c.else_fixup = kNone;
      c.kind = Kind::kElse;
      stack_.resize(c.height);
      c.unreachable = false;
      push_types(c.params);
      return true;
    }
    case Opcode::End:
      return end();
    case Opcode::Br: {
      u32 d;
      DUSK_CHECK(r_.u32leb(&d));
      return branch(d);
    }
    case Opcode::BrIf: {
      u32 d;
      DUSK_CHECK(r_.u32leb(&d));
      return br_if(d);
    }
    case Opcode::BrTable:
      return br_table();
    case Opcode::Return: {
      const auto& results = ctrls_.front().results;
      DUSK_CHECK(peek_types(results));
      if (live()) emit_return(top_entries(results.size()));
      set_unreachable();
      return true;
    }
    case Opcode::Call: {
      u32 f;
      DUSK_CHECK(r_.u32leb(&f));
      charge(cfg_.gas.call);
      return call(f);
    }
    case Opcode::CallIndirect: {
      u32 t, table;
      DUSK_CHECK(r_.u32leb(&t));
      DUSK_CHECK(r_.u32leb(&table));
      charge(cfg_.gas.call);
      return call_indirect(t, table);
    }
    default:
      break;
  }
  return r_.fail("illegal opcode");
}

bool Compiler::branch(u32 depth) {
  if (depth >= ctrls_.size()) return fail_invalid("unknown label");
  Ctrl& target = ctrls_[ctrls_.size() - 1 - depth];
  const auto types = target.label_types();
  DUSK_CHECK(peek_types(types));
  if (live()) {
    const auto vals = top_entries(types.size());
    if (&target == &ctrls_.front()) {
      emit_return(vals);
    } else {
      emit_branch_copies(target, vals);
      emit_op(Op::Br);
      emit_target(target);
    }
  }
  set_unreachable();
  return true;
}

bool Compiler::br_if(u32 depth) {
  if (depth >= ctrls_.size()) return fail_invalid("unknown label");
  Entry cond;
  DUSK_CHECK(pop(ValType::kI32, &cond));
  Ctrl& target = ctrls_[ctrls_.size() - 1 - depth];
  const auto types = target.label_types();
  // br_if keeps its values: they must match the label, and are retyped to it.
  std::vector<Entry> vals;
  DUSK_CHECK(pop_types(types, &vals));
  for (size_t i = 0; i < vals.size(); ++i) push_slot(types[i], vals[i].slot);
  if (!live()) return true;
  if (&target == &ctrls_.front()) {
    const u32 skip = emit_cond_branch(cond, false);
    emit_return(vals);
    code_[skip] = pos();
  } else if (!needs_branch_copies(target, vals)) {
    const u32 t = emit_cond_branch(cond, true);
    if (target.kind == Kind::kLoop) code_[t] = target.loop_pos;
    else target.fixups.push_back(t);
  } else {
    const u32 skip = emit_cond_branch(cond, false);
    emit_branch_copies(target, vals);
    emit_op(Op::Br);
    emit_target(target);
    code_[skip] = pos();
  }
  leader();
  return true;
}

bool Compiler::br_table() {
  u32 n;
  DUSK_CHECK(r_.u32leb(&n));
  if (n > cfg_.max_br_table_targets) {
    if (err_.message.empty()) err_ = CompileFailure(CompileError::kTooLarge, "br_table has too many targets");
    return false;
  }
  if (n > r_.remaining()) return r_.fail("unexpected end");
  std::vector<u32> depths(n + 1);
  for (auto& d : depths) DUSK_CHECK(r_.u32leb(&d));
  Entry index;
  DUSK_CHECK(pop(ValType::kI32, &index));
  for (u32 d : depths)
    if (d >= ctrls_.size()) return fail_invalid("unknown label");
  const size_t arity = ctrls_[ctrls_.size() - 1 - depths.back()].label_types().size();
  std::set<u32> checked;  // each distinct label once: targets x arity could be huge
  for (u32 d : depths) {
    if (!checked.insert(d).second) continue;
    const auto& types = ctrls_[ctrls_.size() - 1 - d].label_types();
    if (types.size() != arity) return fail_invalid("type mismatch");
    DUSK_CHECK(peek_types(types));
  }
  if (live()) {
    const auto vals = top_entries(arity);
    emit_op(Op::BrTable);
    emit_slot(index.slot);
    emit_imm(n);
    const u32 table = pos();
    for (u32 i = 0; i <= n; ++i) target_word(kNone);
    // Targets that need value copies (or are the function label) go through a stub.
    std::map<u32, u32> stubs;  // depth -> stub position
    for (u32 i = 0; i <= n; ++i) {
      Ctrl& target = ctrls_[ctrls_.size() - 1 - depths[i]];
      const bool is_func = &target == &ctrls_.front();
      if (!is_func && !needs_branch_copies(target, vals)) {
        if (target.kind == Kind::kLoop) code_[table + 2 * i] = target.loop_pos;
        else target.fixups.push_back(table + 2 * i);
        continue;
      }
      auto it = stubs.find(depths[i]);
      if (it == stubs.end()) {
        const u32 stub = pos();
        if (is_func) {
          emit_return(vals);
        } else {
          emit_branch_copies(target, vals);
          emit_op(Op::Br);
          emit_target(target);
        }
        it = stubs.emplace(depths[i], stub).first;
      }
      code_[table + 2 * i] = it->second;
    }
  }
  set_unreachable();
  return true;
}

bool Compiler::end() {
  Ctrl& c = ctrls_.back();
  DUSK_CHECK(peek_types(c.results));
  if (stack_.size() - c.height > c.results.size() || (!c.unreachable && stack_.size() - c.height != c.results.size()))
    return fail_invalid("type mismatch");
  if (c.kind == Kind::kIf && c.params != c.results) return fail_invalid("type mismatch");

  if (c.kind == Kind::kFunction) {
    if (live()) {
      if (c.fixups.empty()) {
        emit_return(top_entries(c.results.size()));
      } else {
        materialize_top(c.results.size());
      }
    }
    if (!c.fixups.empty()) {
      for (u32 p : c.fixups) code_[p] = pos();
      emit_op(Op::Return);
      emit_slot(natural(0));
      emit_imm(static_cast<u32>(c.results.size()));
    }
    ctrls_.pop_back();
    return true;
  }
  if (live()) materialize_top(c.results.size());
  leader();
  const u32 here = pos();
  for (u32 p : c.fixups) code_[p] = here;
  if (c.else_fixup != kNone) code_[c.else_fixup] = here;
  const auto results = c.results;
  stack_.resize(c.height);
  ctrls_.pop_back();
  push_types(results);
  return true;
}

bool Compiler::call(u32 f) {
  if (f >= m_.func_types_.size()) return fail_invalid("unknown function " + std::to_string(f));
  const FuncType& t = m_.types_[m_.func_types_[f]];
  DUSK_CHECK(peek_types(t.params));
  if (live()) materialize_top(t.params.size());
  DUSK_CHECK(pop_types(t.params));
  if (live()) {
    emit_op(Op::Call);
    emit_imm(f);
    emit_slot(natural(stack_.size()));
  }
  push_types(t.results);
  return true;
}

bool Compiler::call_indirect(u32 type_index, u32 table) {
  if (table >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(table));
  if (type_index >= m_.types_.size()) return fail_invalid("unknown type " + std::to_string(type_index));
  if (m_.tables_[table].elem != ValType::kFuncRef) return fail_invalid("type mismatch");
  const FuncType& t = m_.types_[type_index];
  Entry index;
  DUSK_CHECK(pop(ValType::kI32, &index));
  DUSK_CHECK(peek_types(t.params));
  if (live()) materialize_top(t.params.size());
  DUSK_CHECK(pop_types(t.params));
  if (live()) {
    emit_op(Op::CallIndirect);
    emit_imm(table);
    emit_imm(type_index);
    emit_slot(index.slot);
    emit_slot(natural(stack_.size()));
  }
  push_types(t.results);
  return true;
}

}  // namespace dusk::wasm
