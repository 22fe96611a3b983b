#include "commands.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "base/json_depth.hpp"
#include "cli/exit_status.hpp"
#include "duskvm/runtime/page_proof.hpp"
#include "duskvm/runtime/session.hpp"
#include "storage/atomic_file.hpp"

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

using Json = vm::abi::Json;

// The ABI descriptions of the contracts a receipt mentions, looked up once each.
class Descriptions {
 public:
  explicit Descriptions(vm::Session& session) : session_(session) {}
  const vm::abi::ContractAbi* of(const ContractId& id) {
    auto it = known_.find(id);
    if (it == known_.end()) {
      auto abi = session_.abi(id);
      it = known_.emplace(id, abi.ok() ? *abi : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  vm::Session& session_;
  std::map<ContractId, std::optional<vm::abi::ContractAbi>> known_;
};

// `bytes` decoded as `fields`: the value, or why they do not match.
struct Decoded {
  std::optional<Json> value;
  std::string error;
};
Decoded decode_for_display(const std::vector<vm::abi::Field>& fields, ByteView bytes) {
  auto v = vm::abi::decode(fields, bytes);
  if (!v.ok()) return {std::nullopt, "does not match the ABI description: " + v.error().message};
  return {std::move(v).value(), {}};
}

// Prints a receipt (text or JSON) with the state root after it; the exit status. With
// `abis`, the result of `called` (contract, entry point) and the events are decoded where
// their contracts describe them.
int report(const Options& o, const Receipt& r, const Hash256& root, Descriptions* abis = nullptr,
           const std::optional<std::pair<ContractId, std::string>>& called = std::nullopt) {
  std::optional<Decoded> result;
  if (abis && called && r.ok)
    if (const vm::abi::ContractAbi* abi = abis->of(called->first))
      if (const vm::abi::Function* f = abi->function(called->second)) result = decode_for_display(f->outputs, r.result);
  auto event_value = [&](const vm::Event& e) -> std::optional<Decoded> {
    if (!abis) return std::nullopt;
    const vm::abi::ContractAbi* abi = abis->of(e.source);
    const vm::abi::EventType* t = abi ? abi->event(e.topic) : nullptr;
    if (!t) return std::nullopt;
    return decode_for_display(t->fields, e.data);
  };
  if (o.json) {
    Json j;
    j["ok"] = r.ok;
    if (r.deployed) j["id"] = hex(*r.deployed);
    j["result"] = hex(r.result);
    if (result && result->value) j["value"] = *result->value;
    if (result && !result->value) j["value_error"] = result->error;
    j["gas_limit"] = r.gas_limit;
    j["gas_spent"] = r.gas_spent;
    j["events"] = Json::array();
    for (const vm::Event& e : r.events) {
      Json event = {{"source", hex(e.source)}, {"topic", e.topic}, {"data", hex(e.data)}};
      if (auto d = event_value(e)) {
        if (d->value) event["value"] = *d->value;
        else event["value_error"] = d->error;
      }
      j["events"].push_back(std::move(event));
    }
    j["calls"] = Json::array();
    for (const vm::CallRecord& c : r.calls) {
      Json call = {{"contract", hex(c.contract)}, {"function", c.function}, {"depth", c.depth},
                   {"parent", c.parent}, {"gas_limit", c.gas_limit}, {"gas_spent", c.gas_spent},
                   {"ok", c.ok}};
      if (!c.ok) call["error"] = c.error;
      j["calls"].push_back(std::move(call));
    }
    if (r.calls_dropped) j["calls_dropped"] = r.calls_dropped;
    j["state_root"] = hex(root);
    if (!r.ok) j["error"] = r.error;
    std::printf("%s\n", j.dump().c_str());
  } else {
    if (r.deployed) std::printf("id: %s\n", hex(*r.deployed).c_str());
    std::printf("%s\n", r.ok ? "ok" : ("error: " + r.error).c_str());
    if (r.ok) std::printf("result: %s\n", hex(r.result).c_str());
    if (result) std::printf("value: %s\n", result->value ? result->value->dump().c_str() : result->error.c_str());
    std::printf("gas: %llu of %llu\n", static_cast<unsigned long long>(r.gas_spent),
                static_cast<unsigned long long>(r.gas_limit));
    for (const vm::Event& e : r.events) {
      const auto d = event_value(e);
      std::printf("event: %s %s %s\n", hex(e.source).c_str(), e.topic.c_str(),
                  !d ? hex(e.data).c_str() : d->value ? d->value->dump().c_str() : d->error.c_str());
    }
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

// The ABI description a contract's code carries, if it compiles and carries one.
std::optional<vm::abi::ContractAbi> abi_of_code(ByteView code) {
  auto m = wasm::compile(code, vm::SessionConfig::default_engine_config());
  if (!m.ok()) return std::nullopt;
  auto abi = vm::abi::of_module(**m);
  return abi.ok() ? *abi : std::nullopt;
}

// An argument as given: empty, 0x-prefixed hex, or JSON encoded for the inputs of `fn`
// in the contract's ABI description.
Result<Bytes> argument(const std::string& text, const vm::abi::ContractAbi* abi, const std::string& fn) {
  if (text.empty()) return Bytes{};
  if (text.starts_with("0x") || text.starts_with("0X")) return from_hex(text);
  if (!abi) return Error("not 0x-prefixed hex, and the contract has no ABI description to read JSON with");
  const vm::abi::Function* f = abi->function(fn);
  if (!f) return Error("the contract's ABI description has no function " + fn + " to read JSON for");
  DUSK_TRY(check_json_depth(text));
  const Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return Error("neither 0x-prefixed hex nor valid JSON");
  auto bytes = vm::abi::encode(f->inputs, value);
  if (!bytes.ok()) return Error(fn + ": " + bytes.error().message);
  return bytes;
}

Result<Bytes> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot read " + path);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int attach_abi(const Options& o) {
  auto code = read_file(o.file);
  if (!code.ok()) return usage(code.error().message);
  auto description = read_file(o.abi_file);
  if (!description.ok()) return usage(description.error().message);
  auto out = vm::abi::attach(*code, std::string_view(reinterpret_cast<const char*>(description->data()), description->size()));
  if (!out.ok()) {
    std::fprintf(stderr, "dusk-vm: %s\n", out.error().message.c_str());
    return kExitFailed;
  }
  const std::string target = o.out.empty() ? o.file : o.out;
  if (auto w = storage::write_file_atomically(target, *out); !w.ok()) {
    std::fprintf(stderr, "dusk-vm: %s\n", w.error().message.c_str());
    return kExitFailed;
  }
  std::printf("wrote %s (%zu bytes)\n", target.c_str(), out->size());
  return 0;
}

int describe(const Options& o) {
  Result<std::optional<vm::abi::ContractAbi>> abi = Error("");
  std::unique_ptr<vm::StateStore> store;
  if (!o.state.empty()) {
    const auto id = hash_of(o.file);
    if (!id) return usage("with --state, TARGET must be a contract ID (32 bytes of hex)");
    auto opened = vm::StateStore::open(o.state);
    if (!opened.ok()) return usage(opened.error().message);
    store = std::move(opened).value();
    auto head = store->head();
    if (!head.ok()) return usage(head.error().message);
    auto session = vm::Session::open(*store, *head);
    if (!session.ok()) return usage(session.error().message);
    abi = (*session)->abi(*id);
  } else {
    auto code = read_file(o.file);
    if (!code.ok()) return usage(code.error().message);
    auto m = wasm::compile(*code, vm::SessionConfig::default_engine_config());
    if (!m.ok()) {
      std::fprintf(stderr, "dusk-vm: %s does not compile: %s\n", o.file.c_str(), m.error().message.c_str());
      return kExitFailed;
    }
    abi = vm::abi::of_module(**m);
  }
  if (!abi.ok()) {
    std::fprintf(stderr, "dusk-vm: %s\n", abi.error().message.c_str());
    return kExitFailed;
  }
  if (!abi->has_value()) {
    std::fprintf(stderr, "dusk-vm: %s carries no ABI description\n", o.file.c_str());
    return kExitFailed;
  }
  std::printf("%s\n", vm::abi::to_json(**abi).dump(2).c_str());
  return 0;
}

int list_commits(const vm::StateStore& store, const Hash256& head) {
  auto roots = store.commits();
  auto final_root = store.finalized();
  auto held = store.usage();
  if (!roots.ok() || !final_root.ok() || !held.ok()) {
    std::fprintf(stderr, "dusk-vm: %s\n",
                 (!roots.ok() ? roots.error() : !final_root.ok() ? final_root.error() : held.error()).message.c_str());
    return kExitFailed;
  }
  for (const Hash256& r : *roots) {
    std::string marks;
    if (r == head) marks += " head";
    if (r == *final_root) marks += " final";
    std::printf("%s%s\n", hex(r).c_str(), marks.c_str());
  }
  std::printf("%llu commits; code %llu, memories %llu, page groups %llu, pages %llu; %llu bytes\n",
              static_cast<unsigned long long>(held->commits), static_cast<unsigned long long>(held->code),
              static_cast<unsigned long long>(held->memories), static_cast<unsigned long long>(held->groups),
              static_cast<unsigned long long>(held->pages), static_cast<unsigned long long>(held->bytes));
  return 0;
}

}  // namespace

int run_command(const Options& o) {
  if (o.command == Command::kVerifyPage) return verify_page(o);
  if (o.command == Command::kAttachAbi) return attach_abi(o);
  if (o.command == Command::kDescribe) return describe(o);
  auto store = vm::StateStore::open(o.state);
  if (!store.ok()) return usage(store.error().message);
  auto head = (*store)->head();
  if (!head.ok()) return usage(head.error().message);
  if (o.command == Command::kRoot) {
    std::printf("%s\n", hex(*head).c_str());
    return 0;
  }
  if (o.command == Command::kCommits) return list_commits(**store, *head);
  if (o.command == Command::kForget || o.command == Command::kFinalize) {
    const auto root = hash_of(o.root);
    if (!root) return usage("ROOT must be 32 bytes of hex");
    const bool forgetting = o.command == Command::kForget;
    if (!forgetting && !(*store)->has_commit(*root)) {
      std::fprintf(stderr, "dusk-vm: commit %s is not in %s\n", o.root.c_str(), o.state.c_str());
      return kExitFailed;
    }
    auto done = forgetting ? (*store)->forget(*root) : (*store)->finalize(*root);
    if (!done.ok()) {
      std::fprintf(stderr, "dusk-vm: %s\n", done.error().message.c_str());
      return kExitFailed;
    }
    std::printf("%s %s\n", forgetting ? "forgotten" : "final", hex(*root).c_str());
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
  vm::SessionConfig config;
  config.block_height = o.height;
  config.chain_id = o.chain_id;
  auto session = vm::Session::open(**store, *head, config);
  if (!session.ok()) return usage(session.error().message);
  Descriptions abis(**session);
  Receipt r;
  std::optional<std::pair<ContractId, std::string>> called;
  if (o.command == Command::kDeploy || o.command == Command::kUpgrade) {
    auto read = read_file(o.file);
    if (!read.ok()) return usage(read.error().message);
    const Bytes& code = *read;
    const bool deploy = o.command == Command::kDeploy;
    const auto abi = abi_of_code(code);
    auto arg = argument(o.init, abi ? &*abi : nullptr, deploy ? "init" : "migrate");
    if (!arg.ok()) return usage((deploy ? "--init: " : "--migrate: ") + arg.error().message);
    if (deploy) {
      u64 nonce = o.nonce.value_or(0);
      if (!o.nonce)
        while ((*session)->contracts().count(vm::contract_id(code, nonce, o.owner))) ++nonce;
      r = (*session)->deploy(code, o.owner, nonce, *arg, o.gas);
    } else {
      const auto id = hash_of(o.id);
      if (!id) return usage("ID must be 32 bytes of hex");
      r = (*session)->upgrade(*id, code, o.origin, *arg, o.gas);
    }
  } else {
    const auto id = hash_of(o.id);
    if (!id) return usage("ID must be 32 bytes of hex");
    auto arg = argument(o.arg, (*session)->contracts().count(*id) ? abis.of(*id) : nullptr, o.function);
    if (!arg.ok()) return usage("ARG: " + arg.error().message);
    r = o.command == Command::kQuery ? (*session)->query(*id, o.function, *arg, o.gas, o.origin)
                                     : (*session)->call(*id, o.function, *arg, o.gas, o.origin);
    called.emplace(*id, o.function);
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
  return report(o, r, root, &abis, called);
}

}  // namespace dusk::vm_cli
