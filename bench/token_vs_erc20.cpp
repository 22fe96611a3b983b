// DuskVM token transfers against ERC-20 transfers on DuskEVM, side by side in one process.
//
//   build/release/bench/token_vs_erc20 [--transfers N] [--accounts N] [--runs N] [--block N]
//                                      [--seed N] [--engines vm,message,transaction]
//
// --engines runs only some of the three (all by default), to profile one of them.
//
// The tokens: DuskVM runs the token example (contracts/examples/token/token.c, built to
// wasm by cmake/DuskContract.cmake); DuskEVM runs bench/erc20/Erc20Token.sol, a plain
// ERC-20 with the same semantics, compiled at build time by solc-js (optimizer on, 200
// runs, Prague, the default fork of DuskEVM and of solc 0.8.30).
//
// The workload, the same on every engine: account 0 deploys the token with a supply of
// accounts * 1,000,000 and funds each other account with 1,000,000 by transfers (not
// timed); then --transfers transfers (default 100,000 among 10,000 accounts), one
// sequence drawn from --seed (splitmix64): a random source, a random destination (the
// source itself now and then), an amount of 1 to 100. Every run starts from a fresh
// state. Runs alternate between the engines (VM, EVM message, EVM transaction, VM, ...),
// --runs of each (default 5); each engine's figure is its median run.
//
// What is timed, per transfer (no signature is checked on any side; every call has a gas
// limit of 10,000,000):
//   DuskVM: Session::call(token, "transfer", to || amount, gas, origin), the origin being
//     the source's 32-byte ID as the node would vouch for it: the argument copied into
//     argbuf, the metered wasm call (map lookups and updates, the transfer event), the
//     call's journal of touched pages (kept on success), and the receipt with its event
//     and call record. No fee, no nonce. Not timed: a commit every --block transfers
//     (default 1,000, as vm_token's "calls only"; 0: never).
//   DuskEVM message: the message of a transaction without the transaction: the state's
//     begin_transaction, the source and the token marked warm (as a transaction leaves
//     them), an Evm for the message, Evm::call of transfer(address,uint256) with
//     ABI-encoded calldata and CALLER the source's address, the logs copied out as a
//     receipt holds them, and finalize_transaction (storage originals for EIP-2200, the
//     journal and warm sets cleared); the state is DuskEVM's in-memory State, kept
//     between transfers, nothing written anywhere. No nonce, no fee, no intrinsic gas,
//     no refund. This is the figure compared with DuskVM. The time finalize_transaction
//     takes is also measured apart (two clock reads per transfer, inside the timed loop)
//     and printed as a share, with the rate the rest alone would give (finalize visits
//     what the transaction changed; before 8b81fa1 it walked the whole state, 97% of
//     the time at 10,000 holders).
//   DuskEVM transaction (for reference): apply_transaction of a legacy transaction whose
//     sender is given (no signature recovery): validation, nonce, the fee at gas price 0,
//     intrinsic gas, warm sets with the precompiles and coinbase, the message, refund,
//     coinbase, receipt, finalize_transaction. Each sender now has an account (its
//     nonce).
//
// Gas per transfer: DuskVM gas (receipt's gas_spent); for DuskEVM message the gas the
// message used (limit minus what was left, before refunds); for DuskEVM transaction the
// receipt's gas_used (21,000 and calldata included, refunds taken off).
//
// Checked after every run, against a plain C++ model of the same transfers: each transfer
// succeeded exactly when the model says the source held the amount; every account's
// balance, read through the contract (balance_of / balanceOf), equals the model's; the
// balances add up to the supply, and so does total_supply / totalSupply; the last
// transfer's event carries its source, destination and amount. A mismatch aborts.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "crypto/hash/keccak.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/transition.hpp"
#include "duskvm/runtime/session.hpp"

namespace {

using namespace dusk;
using Clock = std::chrono::steady_clock;

constexpr u64 kGas = 10'000'000;
constexpr u64 kFunding = 1'000'000;
constexpr evm::Fork kFork = evm::Fork::kPrague;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "token_vs_erc20: %s\n", what.c_str());
  std::exit(1);
}

u64 splitmix(u64& s) {
  u64 z = (s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// Account i: a 32-byte DuskVM ID (as vm_token derives it); its first 20 bytes are its
// DuskEVM address.
Bytes32 account_id(u64 i) {
  Bytes32 a{};
  u64 s = i * 7919 + 1;
  for (size_t k = 0; k < 32; k += 8) store_le<u64>(a.data() + k, splitmix(s));
  return a;
}

Address account_address(const Bytes32& id) {
  Address a{};
  std::memcpy(a.data(), id.data(), a.size());
  return a;
}

struct Transfer {
  u64 from = 0, to = 0, amount = 0;
};

// The workload and what the model says of it.
struct Workload {
  u64 accounts = 0;
  u64 supply = 0;
  std::vector<Bytes32> ids;
  std::vector<Address> addresses;
  std::vector<Transfer> funding;    // from account 0 to each other account
  std::vector<Transfer> transfers;  // the timed sequence
  std::vector<char> expect_ok;      // per timed transfer
  std::vector<u64> balances;        // after everything
};

Workload make_workload(u64 accounts, u64 transfers, u64 seed) {
  Workload w;
  w.accounts = accounts;
  w.supply = accounts * kFunding;
  for (u64 i = 0; i < accounts; ++i) {
    w.ids.push_back(account_id(i));
    w.addresses.push_back(account_address(w.ids.back()));
  }
  if (std::set<Address>(w.addresses.begin(), w.addresses.end()).size() != accounts)
    fail("two accounts share an address");
  w.balances.assign(accounts, 0);
  w.balances[0] = w.supply;
  auto apply = [&](const Transfer& t) {
    if (w.balances[t.from] < t.amount) return false;
    w.balances[t.from] -= t.amount;
    w.balances[t.to] += t.amount;
    return true;
  };
  for (u64 i = 1; i < accounts; ++i) {
    w.funding.push_back({0, i, kFunding});
    if (!apply(w.funding.back())) fail("the model cannot fund the accounts");
  }
  for (u64 k = 0; k < transfers; ++k) {
    Transfer t;
    t.from = splitmix(seed) % accounts;
    t.to = splitmix(seed) % accounts;
    t.amount = 1 + splitmix(seed) % 100;
    w.transfers.push_back(t);
    w.expect_ok.push_back(apply(t) ? 1 : 0);
  }
  return w;
}

struct Run {
  double seconds = 0;
  u64 gas = 0;
  double finalizing = 0;  // DuskEVM message: the part of `seconds` in finalize_transaction
};

void check_outcomes(const char* engine, const Workload& w, const std::vector<char>& ok) {
  for (size_t k = 0; k < ok.size(); ++k)
    if (ok[k] != w.expect_ok[k])
      fail(std::string(engine) + ": transfer " + std::to_string(k) + (ok[k] ? " succeeded" : " failed") +
           ", the model says otherwise");
}

void check_balances(const char* engine, const Workload& w, const std::vector<u64>& balances, u64 total_supply) {
  u64 sum = 0;
  for (u64 i = 0; i < w.accounts; ++i) {
    if (balances[i] != w.balances[i])
      fail(std::string(engine) + ": account " + std::to_string(i) + " holds " + std::to_string(balances[i]) +
           ", the model " + std::to_string(w.balances[i]));
    sum += balances[i];
  }
  if (sum != w.supply || total_supply != w.supply)
    fail(std::string(engine) + ": balances add up to " + std::to_string(sum) + ", total supply " +
         std::to_string(total_supply) + ", minted " + std::to_string(w.supply));
}

// ---- DuskVM ----------------------------------------------------------------------------

Bytes vm_transfer_arg(const Bytes32& to, u64 amount) {
  Bytes b(to.begin(), to.end());
  b.resize(40);
  store_le<u64>(b.data() + 32, amount);
  return b;
}

Run run_vm(const Bytes& code, const Workload& w, u64 block, const std::string& dir) {
  std::filesystem::remove_all(dir);
  auto store = vm::StateStore::open(dir);
  if (!store.ok()) fail("DuskVM: cannot open the state store in " + dir);
  auto s = vm::Session::open(**store, Hash256{});
  if (!s.ok()) fail("DuskVM: " + s.error().message);
  vm::Session& session = **s;
  Bytes init(8);
  store_le<u64>(init.data(), w.supply);
  const vm::Receipt d = session.deploy(code, w.ids[0], 0, init, kGas);
  if (!d.ok) fail("DuskVM deploy: " + d.error);
  const vm::ContractId token = *d.deployed;
  for (const Transfer& t : w.funding) {
    const vm::Receipt r = session.call(token, "transfer", vm_transfer_arg(w.ids[t.to], t.amount), kGas, w.ids[t.from]);
    if (!r.ok) fail("DuskVM funding: " + r.error);
  }
  if (!session.commit().ok()) fail("DuskVM: commit");

  std::vector<Bytes> args;
  args.reserve(w.transfers.size());
  for (const Transfer& t : w.transfers) args.push_back(vm_transfer_arg(w.ids[t.to], t.amount));
  std::vector<char> ok(w.transfers.size());
  vm::Receipt last;
  Run out;
  const size_t n = w.transfers.size();
  const size_t step = block ? block : n;
  for (size_t begin = 0; begin < n; begin += step) {
    const size_t end = std::min(n, begin + step);
    const auto t0 = Clock::now();
    for (size_t k = begin; k < end; ++k) {
      vm::Receipt r = session.call(token, "transfer", args[k], kGas, w.ids[w.transfers[k].from]);
      ok[k] = r.ok;
      out.gas += r.gas_spent;
      if (k + 1 == n) last = std::move(r);
    }
    out.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    if (block && !session.commit().ok()) fail("DuskVM: commit");
  }

  check_outcomes("DuskVM", w, ok);
  std::vector<u64> balances(w.accounts);
  for (u64 i = 0; i < w.accounts; ++i) {
    const vm::Receipt r = session.query(token, "balance_of", w.ids[i], kGas);
    if (!r.ok || r.result.size() != 8) fail("DuskVM balance_of: " + r.error);
    balances[i] = load_le<u64>(r.result.data());
  }
  const vm::Receipt supply = session.query(token, "total_supply", {}, kGas);
  if (!supply.ok || supply.result.size() != 8) fail("DuskVM total_supply: " + supply.error);
  check_balances("DuskVM", w, balances, load_le<u64>(supply.result.data()));
  if (n && w.expect_ok.back()) {
    const Transfer& t = w.transfers.back();
    Bytes data(w.ids[t.from].begin(), w.ids[t.from].end());
    data.insert(data.end(), w.ids[t.to].begin(), w.ids[t.to].end());
    data.resize(72);
    store_le<u64>(data.data() + 64, t.amount);
    if (last.events.size() != 1 || last.events[0].topic != "transfer" || last.events[0].data != data ||
        last.events[0].source != token)
      fail("DuskVM: the last transfer's event is not {from, to, amount}");
  }
  s->reset();
  store->reset();
  std::filesystem::remove_all(dir);
  return out;
}

// ---- DuskEVM ---------------------------------------------------------------------------

Bytes selector(const char* signature) {
  const auto h = crypto::keccak256(ByteView(reinterpret_cast<const u8*>(signature), std::strlen(signature)));
  return Bytes(h.begin(), h.begin() + 4);
}

void append_word(Bytes& b, const Uint256& v) {
  const auto be = v.to_be();
  b.insert(b.end(), be.begin(), be.end());
}

Bytes evm_transfer_data(const Address& to, u64 amount) {
  Bytes b = selector("transfer(address,uint256)");
  append_word(b, to_word(to));
  append_word(b, Uint256{amount});
  return b;
}

// One in-memory DuskEVM chain state with the token deployed by account 0.
struct EvmChain {
  evm::State state;
  evm::BlockEnv env;
  evm::CodeCache cache;
  evm::FramePool frames;
  Address token{};
  std::vector<u64> nonces;  // per account, for transactions

  EvmChain(const Bytes& init_code, const Workload& w) : nonces(w.accounts, 0) {
    env.coinbase = account_address(account_id(~u64{0}));
    env.number = 1;
    env.timestamp = 1'700'000'000;
    env.gas_limit = 3 * kGas;
    env.blobs = evm::default_blob_schedule(kFork);
    evm::Transaction tx;
    tx.gas_limit = Uint256{kGas};
    tx.sender = w.addresses[0];
    tx.data = init_code;
    append_word(tx.data, Uint256{w.supply});
    auto r = evm::apply_transaction(state, env, tx, kFork, cache, nullptr, &frames);
    if (!r.ok()) fail("DuskEVM deploy: " + r.error().message);
    if (r->status != evm::StatusCode::kSuccess || !r->created)
      fail(std::string("DuskEVM deploy: ") + evm::status_name(r->status));
    token = *r->created;
    nonces[0] = 1;
  }

  // The message of a transaction, without the transaction (see the top of the file).
  // Returns whether it succeeded; adds the gas it used to `gas`; leaves its logs in `logs`.
  // With `finalizing`, the seconds finalize_transaction took are added to it.
  bool message(const Address& from, ByteView data, u64& gas, std::vector<evm::Log>& logs,
               double* finalizing = nullptr) {
    state.begin_transaction();
    state.access_account(from);
    state.access_account(token);
    const evm::Account* callee = state.find(token);
    const evm::TxContext ctx{from, Uint256{}, {}};
    evm::Evm vm(state, env, ctx, kFork, cache, &frames);
    evm::Message msg;
    msg.kind = evm::CallKind::kCall;
    msg.gas = static_cast<i64>(kGas);
    msg.sender = from;
    msg.recipient = token;
    msg.code_address = token;
    msg.input = data;
    msg.code = callee->code;
    msg.code_hash = callee->code_hash;
    const evm::CallResult r = vm.call(msg);
    gas += kGas - static_cast<u64>(r.gas_left);
    const bool ok = r.status == evm::StatusCode::kSuccess;
    logs = ok ? state.logs() : std::vector<evm::Log>{};
    if (!finalizing) {
      state.finalize_transaction();
      return ok;
    }
    const auto t0 = Clock::now();
    state.finalize_transaction();
    *finalizing += std::chrono::duration<double>(Clock::now() - t0).count();
    return ok;
  }

  evm::Transaction transaction(u64 from, const Workload& w, Bytes data) {
    evm::Transaction tx;
    tx.nonce = Uint256{nonces[from]++};
    tx.gas_limit = Uint256{kGas};
    tx.to = token;
    tx.data = std::move(data);
    tx.sender = w.addresses[from];
    return tx;
  }

  // A read-only call of the token (balanceOf, totalSupply): its 32-byte result as a u64.
  u64 read(evm::Evm& vm, const Bytes& data, const char* what) {
    const evm::Account* callee = state.find(token);
    evm::Message msg;
    msg.kind = evm::CallKind::kStaticCall;
    msg.is_static = true;
    msg.gas = static_cast<i64>(kGas);
    msg.recipient = token;
    msg.code_address = token;
    msg.input = data;
    msg.code = callee->code;
    msg.code_hash = callee->code_hash;
    const evm::CallResult r = vm.call(msg);
    if (r.status != evm::StatusCode::kSuccess || r.output.size() != 32)
      fail(std::string("DuskEVM ") + what + ": " + evm::status_name(r.status));
    const Uint256 v = Uint256::from_be(r.output.data());
    if (!v.fits_u64()) fail(std::string("DuskEVM ") + what + ": more than 64 bits");
    return v.low64();
  }

  void check(const char* engine, const Workload& w, const std::vector<char>& ok, const std::vector<evm::Log>& last) {
    check_outcomes(engine, w, ok);
    std::vector<u64> balances(w.accounts);
    state.begin_transaction();
    const evm::TxContext ctx{};
    evm::Evm vm(state, env, ctx, kFork, cache, &frames);
    for (u64 i = 0; i < w.accounts; ++i) {
      Bytes data = selector("balanceOf(address)");
      append_word(data, to_word(w.addresses[i]));
      balances[i] = read(vm, data, "balanceOf");
    }
    const u64 supply = read(vm, selector("totalSupply()"), "totalSupply");
    state.finalize_transaction();
    check_balances(engine, w, balances, supply);
    if (!w.transfers.empty() && w.expect_ok.back()) {
      const Transfer& t = w.transfers.back();
      const auto topic = crypto::keccak256(ByteView(reinterpret_cast<const u8*>("Transfer(address,address,uint256)"), 33));
      const auto word = [](const Address& a) {
        Bytes32 b{};
        to_word(a).to_be(b.data());
        return b;
      };
      Bytes amount;
      append_word(amount, Uint256{t.amount});
      if (last.size() != 1 || last[0].address != token || last[0].topics.size() != 3 ||
          last[0].topics[0] != topic || last[0].topics[1] != word(w.addresses[t.from]) ||
          last[0].topics[2] != word(w.addresses[t.to]) || last[0].data != amount)
        fail(std::string(engine) + ": the last transfer's event is not Transfer(from, to, amount)");
    }
  }
};

Run run_evm_message(const Bytes& init_code, const Workload& w) {
  EvmChain chain(init_code, w);
  std::vector<evm::Log> logs;
  u64 ignored = 0;
  for (const Transfer& t : w.funding)
    if (!chain.message(w.addresses[t.from], evm_transfer_data(w.addresses[t.to], t.amount), ignored, logs))
      fail("DuskEVM funding failed");

  std::vector<Bytes> data;
  data.reserve(w.transfers.size());
  for (const Transfer& t : w.transfers) data.push_back(evm_transfer_data(w.addresses[t.to], t.amount));
  std::vector<char> ok(w.transfers.size());
  Run out;
  const auto t0 = Clock::now();
  for (size_t k = 0; k < w.transfers.size(); ++k)
    ok[k] = chain.message(w.addresses[w.transfers[k].from], data[k], out.gas, logs, &out.finalizing);
  out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  chain.check("DuskEVM message", w, ok, logs);
  return out;
}

Run run_evm_transaction(const Bytes& init_code, const Workload& w) {
  EvmChain chain(init_code, w);
  for (const Transfer& t : w.funding) {
    auto r = evm::apply_transaction(chain.state, chain.env,
                                    chain.transaction(t.from, w, evm_transfer_data(w.addresses[t.to], t.amount)),
                                    kFork, chain.cache, nullptr, &chain.frames);
    if (!r.ok() || r->status != evm::StatusCode::kSuccess) fail("DuskEVM funding transaction failed");
  }
  std::vector<evm::Transaction> txs;
  txs.reserve(w.transfers.size());
  for (const Transfer& t : w.transfers)
    txs.push_back(chain.transaction(t.from, w, evm_transfer_data(w.addresses[t.to], t.amount)));
  std::vector<char> ok(w.transfers.size());
  std::vector<evm::Log> last;
  Run out;
  const auto t0 = Clock::now();
  for (size_t k = 0; k < txs.size(); ++k) {
    auto r = evm::apply_transaction(chain.state, chain.env, txs[k], kFork, chain.cache, nullptr, &chain.frames);
    if (!r.ok()) fail("DuskEVM transaction " + std::to_string(k) + " invalid: " + r.error().message);
    ok[k] = r->status == evm::StatusCode::kSuccess;
    out.gas += r->gas_used;
    if (k + 1 == txs.size()) last = std::move(r->logs);
  }
  out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  chain.check("DuskEVM transaction", w, ok, last);
  return out;
}

// ---- main ------------------------------------------------------------------------------

Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path + " (build the target token_vs_erc20)");
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Summary {
  double median = 0, low = 0, high = 0;  // transfers per second
  double gas = 0;                        // per transfer, in the median run
  double finalizing = 0;                 // the median run's share in finalize_transaction
};

Summary summarize(std::vector<Run> runs, size_t transfers) {
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
  const double n = static_cast<double>(transfers);
  const Run& m = runs[runs.size() / 2];
  return {n / m.seconds, n / runs.back().seconds, n / runs.front().seconds, static_cast<double>(m.gas) / n,
          m.finalizing / m.seconds};
}

}  // namespace

int main(int argc, char** argv) {
  u64 transfers = 100'000, accounts = 10'000, block = 1'000, seed = 1;
  int runs = 5;
  bool run_vm_side = true, run_message = true, run_transaction = true;
  for (int i = 1; i < argc; i += 2) {
    const std::string opt = argv[i];
    if (i + 1 >= argc) fail("option " + opt + " needs a value");
    const std::string value = argv[i + 1];
    if (opt == "--engines") {
      run_vm_side = run_message = run_transaction = false;
      size_t start = 0;
      while (start <= value.size()) {
        const size_t comma = std::min(value.find(',', start), value.size());
        const std::string name = value.substr(start, comma - start);
        if (name == "vm") run_vm_side = true;
        else if (name == "message") run_message = true;
        else if (name == "transaction") run_transaction = true;
        else fail("--engines: unknown engine '" + name + "' (vm, message, transaction)");
        start = comma + 1;
      }
      continue;
    }
    char* end = nullptr;
    const u64 v = std::strtoull(value.c_str(), &end, 10);
    if (value.empty() || value[0] == '-' || *end) fail("option " + opt + ": not a number: " + value);
    if (opt == "--transfers") transfers = v;
    else if (opt == "--accounts") accounts = v;
    else if (opt == "--block") block = v;
    else if (opt == "--runs") runs = static_cast<int>(v);
    else if (opt == "--seed") seed = v;
    else fail("unknown option " + opt);
  }
  if (!transfers || transfers > 100'000'000 || accounts < 2 || accounts > 1'000'000 || runs < 1 || runs > 1000)
    fail("bad options: 1 to 100,000,000 transfers, 2 to 1,000,000 accounts, 1 to 1,000 runs");

  const Bytes wasm = read_file(DUSK_CONTRACT_DIR "/token.wasm");
  const Bytes hex = read_file(DUSK_ERC20_BIN);
  std::string text(hex.begin(), hex.end());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  auto init_code = from_hex(text);
  if (!init_code.ok() || init_code->empty()) fail(DUSK_ERC20_BIN " holds no hex bytecode");

  const Workload w = make_workload(accounts, transfers, seed);
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("dusk-token-vs-erc20-" + std::to_string(getpid()))).string();
  std::vector<Run> vm_runs, message_runs, tx_runs;
  for (int r = 0; r < runs; ++r) {
    if (run_vm_side) vm_runs.push_back(run_vm(wasm, w, block, dir));
    if (run_message) message_runs.push_back(run_evm_message(*init_code, w));
    if (run_transaction) tx_runs.push_back(run_evm_transaction(*init_code, w));
  }

  u64 failed = 0;
  for (char ok : w.expect_ok) failed += ok ? 0 : 1;
  std::printf("token transfers: %llu among %llu accounts (%llu fail for want of balance), seed %llu, "
              "%d runs per engine alternated, DuskVM commits every %llu (not timed)\n",
              static_cast<unsigned long long>(transfers), static_cast<unsigned long long>(accounts),
              static_cast<unsigned long long>(failed), static_cast<unsigned long long>(seed), runs,
              static_cast<unsigned long long>(block));
  std::printf("  %-38s %12s %23s %13s\n", "engine", "transfers/s", "(min - max)", "gas/transfer");
  const auto row = [](const char* engine, const Summary& s, const char* gas) {
    std::printf("  %-38s %12.0f %11.0f - %-9.0f %13.1f %s\n", engine, s.median, s.low, s.high, s.gas, gas);
  };
  Summary v, m, t;
  if (run_vm_side) row("DuskVM  token.c, Session::call", v = summarize(vm_runs, transfers), "DuskVM gas");
  if (run_message) row("DuskEVM Erc20Token.sol, message", m = summarize(message_runs, transfers), "EVM gas, message");
  if (run_transaction)
    row("DuskEVM Erc20Token.sol, transaction", t = summarize(tx_runs, transfers), "EVM gas, receipt");
  if (run_message)
    std::printf("  DuskEVM message: %.1f%% of its time in finalize_transaction; without it %.0f transfers/s\n",
                100 * m.finalizing, m.median / (1 - m.finalizing));
  if (run_vm_side && run_message) {
    std::printf("  DuskVM / DuskEVM message:     %5.2f (above 1: DuskVM is faster)\n", v.median / m.median);
    std::printf("  DuskVM / DuskEVM message without finalize_transaction: %.2f\n",
                v.median / (m.median / (1 - m.finalizing)));
  }
  if (run_vm_side && run_transaction) std::printf("  DuskVM / DuskEVM transaction: %5.2f\n", v.median / t.median);
  std::printf("  checked: every transfer's outcome, all %llu balances and the supply on each engine run, "
              "against the model\n",
              static_cast<unsigned long long>(accounts));
  return 0;
}
