#include "commands.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/exit_status.hpp"
#include "duskvm/runtime/page_proof.hpp"
#include "duskvm/runtime/session.hpp"

namespace dusk::vm_cli {

namespace {

using vm::ContractId;
using vm::Receipt;

constexpr int kExitFailed = 1;

std::string hex(ByteView b) { return "0x" + to_hex(b); }

int usage(const std::string& message) {
  std::fprintf(stderr, "dusk-vm: %s\n", message.c_str());
  return cli::kExitUsage;
}

std::optional<Hash256> hash_of(const std::string& text) {
  auto b = from_hex(text);
  if (!b.ok() || b->size() != 32) return std::nullopt;
  Hash256 h;
  std::copy(b->begin(), b->end(), h.begin());
  return h;
}

// Prints a receipt (text or JSON) with the state root after it; the exit status.
int report(const Options& o, const Receipt& r, const Hash256& root) {
  if (o.json) {
    nlohmann::json j;
    j["ok"] = r.ok;
    j["result"] = hex(r.result);
    j["gas_limit"] = r.gas_limit;
    j["gas_spent"] = r.gas_spent;
    j["events"] = nlohmann::json::array();
    for (const vm::Event& e : r.events) j["events"].push_back({{"source", hex(e.source)}, {"topic", e.topic}, {"data", hex(e.data)}});
    j["calls"] = nlohmann::json::array();
    for (const vm::CallRecord& c : r.calls) {
      nlohmann::json call = {{"contract", hex(c.contract)}, {"function", c.function}, {"depth", c.depth},
                             {"parent", c.parent}, {"gas_limit", c.gas_limit}, {"gas_spent", c.gas_spent},
                             {"ok", c.ok}};
      if (!c.ok) call["error"] = c.error;
      j["calls"].push_back(std::move(call));
    }
    if (r.calls_dropped) j["calls_dropped"] = r.calls_dropped;
    j["state_root"] = hex(root);
    if (r.deployed) j["id"] = hex(*r.deployed);
    if (!r.ok) j["error"] = r.error;
    std::printf("%s\n", j.dump().c_str());
  } else {
    if (r.deployed) std::printf("id: %s\n", hex(*r.deployed).c_str());
    std::printf("%s\n", r.ok ? "ok" : ("error: " + r.error).c_str());
    if (r.ok) std::printf("result: %s\n", hex(r.result).c_str());
    std::printf("gas: %llu of %llu\n", static_cast<unsigned long long>(r.gas_spent),
                static_cast<unsigned long long>(r.gas_limit));
    for (const vm::Event& e : r.events)
      std::printf("event: %s %s %s\n", hex(e.source).c_str(), e.topic.c_str(), hex(e.data).c_str());
    // The call tree, one call a line, indented by depth, when there is more than one.
    if (r.calls.size() > 1) {
      std::printf("calls:\n");
      for (const vm::CallRecord& c : r.calls)
        std::printf("  %*s%s.%s gas %llu of %llu%s%s\n", static_cast<int>(2 * c.depth), "",
                    hex(c.contract).substr(0, 10).c_str(), c.function.c_str(),
                    static_cast<unsigned long long>(c.gas_spent), static_cast<unsigned long long>(c.gas_limit),
                    c.ok ? "" : ": ", c.ok ? "" : c.error.c_str());
      if (r.calls_dropped) std::printf("  ... and %llu more\n", static_cast<unsigned long long>(r.calls_dropped));
    }
    std::printf("state root: %s\n", hex(root).c_str());
  }
  return r.ok ? 0 : kExitFailed;
}

int verify_page(const Options& o) {
  const auto root = hash_of(o.root);
  if (!root) return usage("ROOT must be 32 bytes of hex");
  auto bytes = from_hex(o.proof);
  if (!bytes.ok()) return usage("PROOF: " + bytes.error().message);
  const auto proof = vm::decode_page_proof(*bytes);
  if (!proof || !vm::verify_page_proof(*root, *proof)) {
    std::printf("invalid\n");
    return kExitFailed;
  }
  std::printf("valid: contract %s page %u hash %s\n", hex(proof->contract).c_str(), proof->page,
              proof->bytes == Bytes(vm::kPageBytes, 0) ? "(zero page)" : hex(*vm::page_hash(proof->bytes)).c_str());
  return 0;
}

}  // namespace

int run_command(const Options& o) {
  if (o.command == Command::kVerifyPage) return verify_page(o);
  auto store = vm::StateStore::open(o.state);
  if (!store.ok()) return usage(store.error().message);
  auto head = (*store)->head();
  if (!head.ok()) return usage(head.error().message);
  if (o.command == Command::kRoot) {
    std::printf("%s\n", hex(*head).c_str());
    return 0;
  }
  if (o.command == Command::kProvePage) {
    const auto id = hash_of(o.id);
    if (!id) return usage("ID must be 32 bytes of hex");
    auto proof = vm::prove_page(**store, *head, *id, static_cast<u32>(o.page));
    if (!proof.ok()) {
      std::fprintf(stderr, "dusk-vm: %s\n", proof.error().message.c_str());
      return kExitFailed;
    }
    std::printf("%s\n", hex(vm::encode(*proof)).c_str());
    return 0;
  }
  auto session = vm::Session::open(**store, *head);
  if (!session.ok()) return usage(session.error().message);
  Receipt r;
  if (o.command == Command::kDeploy || o.command == Command::kUpgrade) {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) return usage("cannot read " + o.file);
    const Bytes code((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (o.command == Command::kUpgrade) {
      const auto id = hash_of(o.id);
      if (!id) return usage("ID must be 32 bytes of hex");
      r = (*session)->upgrade(*id, code, o.origin, o.init, o.gas);
    } else {
    u64 nonce = o.nonce.value_or(0);
    if (!o.nonce)
      while ((*session)->contracts().count(vm::contract_id(code, nonce, o.owner))) ++nonce;
    r = (*session)->deploy(code, o.owner, nonce, o.init, o.gas);
    }
  } else {
    const auto id = hash_of(o.id);
    if (!id) return usage("ID must be 32 bytes of hex");
    r = o.command == Command::kQuery ? (*session)->query(*id, o.function, o.arg, o.gas, o.origin)
                                     : (*session)->call(*id, o.function, o.arg, o.gas, o.origin);
  }
  Hash256 root = *head;
  if (r.ok && o.command != Command::kQuery) {
    auto committed = (*session)->commit(true);
    if (!committed.ok()) {
      std::fprintf(stderr, "dusk-vm: cannot commit: %s\n", committed.error().message.c_str());
      return kExitFailed;
    }
    root = *committed;
  }
  return report(o, r, root);
}

}  // namespace dusk::vm_cli
