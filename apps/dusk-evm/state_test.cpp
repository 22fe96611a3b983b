#include "state_test.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string_view>

#include "crypto/hash/keccak.hpp"
#include "duskevm/transaction_codec.hpp"
#include "duskevm/transition.hpp"

namespace dusk::evm_cli {

using dusk::Address;
using dusk::Uint256;
using nlohmann::json;

namespace {

// The exceptions of a transaction quantity wider than 256 bits (EEST's names): no
// transaction encodes one, so a case that uses it is an invalid transaction.
constexpr const char* kNonceOverflow = "TransactionException.NONCE_OVERFLOW";
constexpr const char* kGasPriceOverflow = "TransactionException.GASPRICE_OVERFLOW";
constexpr const char* kGasLimitOverflow = "TransactionException.GASLIMIT_OVERFLOW";
constexpr const char* kValueOverflow = "TransactionException.VALUE_OVERFLOW";

// A hex quantity, also in the "0x:bigint 0x..." form retesteth's fills use for numbers a
// 256-bit word may not hold; nullopt when it is wider than 256 bits.
Result<std::optional<Uint256>> quantity(const json& j, const char* what) {
  if (!j.is_string()) return Error(std::string(what) + ": expected a hex string");
  std::string_view s = j.get_ref<const std::string&>();
  constexpr std::string_view kBigint = "0x:bigint ";
  if (s.starts_with(kBigint)) s.remove_prefix(kBigint.size());
  if (s.starts_with("0x") || s.starts_with("0X")) s.remove_prefix(2);
  s.remove_prefix(std::min(s.find_first_not_of('0'), s.size()));
  if (s.empty()) return std::optional<Uint256>{Uint256{}};
  if (s.size() > 64 && s.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos)
    return std::optional<Uint256>{};
  auto r = Uint256::from_hex(s);
  if (!r.ok()) return Error(std::string(what) + ": " + r.error().message);
  return std::optional<Uint256>{*r};
}

Result<Uint256> word(const json& j, const char* what) {
  DUSK_ASSIGN(const auto q, quantity(j, what));
  if (!q) return Error(std::string(what) + ": wider than 256 bits");
  return *q;
}

Result<u64> word64(const json& j, const char* what) {
  DUSK_ASSIGN(const Uint256 v, word(j, what));
  if (!v.fits_u64()) return Error(std::string(what) + ": does not fit in 64 bits");
  return v.low64();
}

Result<Bytes> bytes(const json& j, const char* what) {
  if (!j.is_string()) return Error(std::string(what) + ": expected a hex string");
  auto r = from_hex(j.get<std::string>());
  if (!r.ok()) return Error(std::string(what) + ": " + r.error().message);
  return r;
}

Result<Bytes32> bytes32(const json& j, const char* what) {
  DUSK_ASSIGN(const Uint256 v, word(j, what));
  return v.to_be();
}

Result<Address> address(const json& j, const char* what) {
  if (!j.is_string()) return Error(std::string(what) + ": expected a hex string");
  auto r = address_from_hex(j.get<std::string>());
  if (!r.ok()) return Error(std::string(what) + ": " + r.error().message);
  return r;
}

Result<Hash256> hash(const json& j, const char* what) {
  DUSK_ASSIGN(const Bytes b, bytes(j, what));
  if (b.size() != 32) return Error(std::string(what) + ": expected 32 bytes");
  Hash256 h;
  std::copy(b.begin(), b.end(), h.begin());
  return h;
}

Result<evm::State> load_state(const json& accounts) {
  evm::State state;
  if (!accounts.is_object()) return Error("pre: expected an object");
  for (const auto& [key, a] : accounts.items()) {
    DUSK_ASSIGN(const Address addr, address_from_hex(key));
    evm::Account acc;
    DUSK_ASSIGN(acc.nonce, word64(a.at("nonce"), "nonce"));
    DUSK_ASSIGN(acc.balance, word(a.at("balance"), "balance"));
    DUSK_ASSIGN(Bytes code, bytes(a.at("code"), "code"));
    acc.code_hash = crypto::keccak256(code);
    acc.code = std::make_shared<const Bytes>(std::move(code));
    for (const auto& [k, v] : a.at("storage").items()) {
      DUSK_ASSIGN(const Uint256 sk, Uint256::from_hex(k));
      DUSK_ASSIGN(const Uint256 sv, word(v, "storage value"));
      if (!sv.is_zero()) acc.storage[sk] = {sv, sv};
    }
    state.put(addr, std::move(acc));
  }
  return state;
}

// nullopt for null: no access list at all.
Result<std::optional<std::vector<evm::AccessListEntry>>> access_list(const json& j) {
  if (j.is_null()) return std::optional<std::vector<evm::AccessListEntry>>{};
  std::vector<evm::AccessListEntry> out;
  for (const auto& e : j) {
    evm::AccessListEntry entry;
    DUSK_ASSIGN(entry.address, address(e.at("address"), "accessList address"));
    for (const auto& k : e.at("storageKeys")) {
      DUSK_ASSIGN(const Bytes32 key, bytes32(k, "storage key"));
      entry.storage_keys.push_back(key);
    }
    out.push_back(std::move(entry));
  }
  return std::optional<std::vector<evm::AccessListEntry>>{std::move(out)};
}

Result<StateTest> load_one(const std::string& name, const json& t) {
  StateTest test;
  test.name = name;
  DUSK_ASSIGN(test.pre, load_state(t.at("pre")));

  const json& env = t.at("env");
  DUSK_ASSIGN(test.env.coinbase, address(env.at("currentCoinbase"), "currentCoinbase"));
  DUSK_ASSIGN(test.env.number, word64(env.at("currentNumber"), "currentNumber"));
  DUSK_ASSIGN(test.env.timestamp, word64(env.at("currentTimestamp"), "currentTimestamp"));
  DUSK_ASSIGN(test.env.gas_limit, word64(env.at("currentGasLimit"), "currentGasLimit"));
  if (env.contains("currentBaseFee")) {
    DUSK_ASSIGN(test.env.base_fee, word(env.at("currentBaseFee"), "currentBaseFee"));
  }
  if (env.contains("currentRandom")) {
    DUSK_ASSIGN(test.env.prev_randao, word(env.at("currentRandom"), "currentRandom"));
  }
  if (env.contains("currentExcessBlobGas")) {
    DUSK_ASSIGN(test.env.excess_blob_gas, word64(env.at("currentExcessBlobGas"), "currentExcessBlobGas"));
  }
  // Block hashes are not part of the format; like go-ethereum's runner, BLOCKHASH(n)
  // sees keccak256 of n's decimal digits.
  test.env.block_hash = [](u64 n) { return crypto::keccak256(as_bytes(std::to_string(n))); };

  if (t.contains("config")) {
    const json& cfg = t.at("config");
    if (cfg.contains("chainid")) {
      DUSK_ASSIGN(test.env.chain_id, word(cfg.at("chainid"), "chainid"));
    }
    if (cfg.contains("blobSchedule")) {
      for (const auto& [fork_name, s] : cfg.at("blobSchedule").items()) {
        const auto fork = evm::fork_from_name(fork_name);
        if (!fork) continue;
        evm::BlobSchedule bs;
        DUSK_ASSIGN(bs.target, word64(s.at("target"), "blob target"));
        DUSK_ASSIGN(bs.max, word64(s.at("max"), "blob max"));
        DUSK_ASSIGN(bs.base_fee_update_fraction, word64(s.at("baseFeeUpdateFraction"), "baseFeeUpdateFraction"));
        test.blob_schedules[*fork] = bs;
      }
    }
  }

  const json& tx = t.at("transaction");
  evm::Transaction& b = test.base;
  b.chain_id = test.env.chain_id;
  // A field of `b` wider than 256 bits makes every case of the test invalid.
  auto base_field = [&](const char* key, const char* overflow) -> Result<Uint256> {
    DUSK_ASSIGN(const auto q, quantity(tx.at(key), key));
    if (!q && test.base_overflow.empty()) test.base_overflow = overflow;
    return q.value_or(Uint256{});
  };
  DUSK_ASSIGN(b.nonce, base_field("nonce", kNonceOverflow));
  DUSK_ASSIGN(b.sender, address(tx.at("sender"), "sender"));
  if (tx.contains("to") && tx.at("to").is_string() && !tx.at("to").get<std::string>().empty()) {
    DUSK_ASSIGN(const Address to, address(tx.at("to"), "to"));
    b.to = to;
  }
  if (tx.contains("gasPrice")) {
    DUSK_ASSIGN(b.gas_price, base_field("gasPrice", kGasPriceOverflow));
    b.type = evm::TxType::kLegacy;  // kAccessList for a data index with an access list (tx_for)
  } else {
    DUSK_ASSIGN(b.max_fee_per_gas, base_field("maxFeePerGas", kGasPriceOverflow));
    DUSK_ASSIGN(b.max_priority_fee_per_gas, base_field("maxPriorityFeePerGas", kGasPriceOverflow));
    b.type = evm::TxType::kDynamicFee;
  }
  if (tx.contains("blobVersionedHashes")) {
    b.type = evm::TxType::kBlob;
    for (const auto& h : tx.at("blobVersionedHashes")) {
      DUSK_ASSIGN(const Bytes32 bh, bytes32(h, "blobVersionedHashes"));
      b.blob_hashes.push_back(bh);
    }
    DUSK_ASSIGN(b.max_fee_per_blob_gas, base_field("maxFeePerBlobGas", kGasPriceOverflow));
  }
  if (tx.contains("authorizationList")) {
    b.type = evm::TxType::kSetCode;
    for (const auto& a : tx.at("authorizationList")) {
      evm::Authorization auth;
      DUSK_ASSIGN(auth.chain_id, word(a.at("chainId"), "chainId"));
      DUSK_ASSIGN(auth.address, address(a.at("address"), "authorization address"));
      DUSK_ASSIGN(auth.nonce, word(a.at("nonce"), "authorization nonce"));
      DUSK_ASSIGN(auth.y_parity, word(a.contains("yParity") ? a.at("yParity") : a.at("v"), "yParity"));
      DUSK_ASSIGN(auth.r, word(a.at("r"), "r"));
      DUSK_ASSIGN(auth.s, word(a.at("s"), "s"));
      b.authorizations.push_back(auth);
    }
  }
  for (const auto& d : tx.at("data")) {
    DUSK_ASSIGN(Bytes data, bytes(d, "data"));
    test.data.push_back(std::move(data));
  }
  if (tx.contains("accessLists")) {
    for (const auto& al : tx.at("accessLists")) {
      DUSK_ASSIGN(auto list, access_list(al));
      test.access_lists.push_back(std::move(list));
    }
  }
  for (const auto& g : tx.at("gasLimit")) {
    DUSK_ASSIGN(const auto gl, quantity(g, "gasLimit"));
    test.gas_limits.push_back(gl);
  }
  for (const auto& v : tx.at("value")) {
    DUSK_ASSIGN(const auto val, quantity(v, "value"));
    test.values.push_back(val);
  }

  for (const auto& [fork_name, entries] : t.at("post").items()) {
    const auto fork = evm::fork_from_name(fork_name);
    if (!fork) continue;
    for (const auto& e : entries) {
      PostEntry p;
      p.fork = *fork;
      const json& idx = e.at("indexes");
      p.data = idx.at("data").get<size_t>();
      p.gas = idx.at("gas").get<size_t>();
      p.value = idx.at("value").get<size_t>();
      if (p.data >= test.data.size() || p.gas >= test.gas_limits.size() || p.value >= test.values.size() ||
          (!test.access_lists.empty() && p.data >= test.access_lists.size()))
        return Error("post entry index out of range");
      DUSK_ASSIGN(p.root, hash(e.at("hash"), "hash"));
      DUSK_ASSIGN(p.logs, hash(e.at("logs"), "logs"));
      if (e.contains("expectException")) p.expect_exception = e.at("expectException").get<std::string>();
      if (e.contains("state")) p.state = &e.at("state");
      if (e.contains("txbytes")) {
        DUSK_ASSIGN(p.txbytes, bytes(e.at("txbytes"), "txbytes"));
      }
      test.posts.push_back(std::move(p));
    }
  }
  return test;
}

std::string hex32(const Hash256& h) { return "0x" + to_hex(h); }

// Lists accounts whose nonce, balance, code or storage differ from the expected post
// state (at most a few lines per account).
std::string state_diff(const evm::State& got, const json& expected) {
  std::ostringstream out;
  auto expected_state = load_state(expected);
  if (!expected_state.ok()) return "\n    (expected state unreadable: " + expected_state.error().message + ")";
  const auto& want = expected_state->accounts();
  const auto& have = got.accounts();
  for (const auto& [addr, w] : want) {
    auto it = have.find(addr);
    const std::string name = "\n    " + address_hex(addr);
    if (it == have.end()) {
      out << name << ": missing";
      continue;
    }
    const evm::Account& h = it->second;
    if (h.nonce != w.nonce) out << name << ": nonce " << h.nonce << ", expected " << w.nonce;
    if (h.balance != w.balance)
      out << name << ": balance " << h.balance.to_hex() << ", expected " << w.balance.to_hex();
    if (h.code_hash != w.code_hash) out << name << ": code differs";
    std::map<Uint256, Uint256> hs, ws;
    for (const auto& [k, s] : h.storage)
      if (!s.current.is_zero()) hs[k] = s.current;
    for (const auto& [k, s] : w.storage) ws[k] = s.current;
    for (const auto& [k, v] : ws) {
      auto f = hs.find(k);
      if (f == hs.end() || f->second != v)
        out << name << ": storage[" << k.to_hex() << "] = " << (f == hs.end() ? "0x0" : f->second.to_hex())
            << ", expected " << v.to_hex();
    }
    for (const auto& [k, v] : hs)
      if (!ws.count(k)) out << name << ": storage[" << k.to_hex() << "] = " << v.to_hex() << ", expected 0x0";
  }
  for (const auto& [addr, h] : have)
    if (!want.count(addr)) out << "\n    " << address_hex(addr) << ": unexpected account";
  return out.str();
}

bool exception_matches(const std::string& expected, const std::string& got) {
  size_t start = 0;
  while (start <= expected.size()) {
    size_t bar = expected.find('|', start);
    if (bar == std::string::npos) bar = expected.size();
    if (expected.compare(start, bar - start, got) == 0) return true;
    start = bar + 1;
  }
  return false;
}

}  // namespace

Result<evm::Transaction> StateTest::tx_for(const PostEntry& p) const {
  if (!base_overflow.empty()) return Error(base_overflow);
  if (!gas_limits[p.gas]) return Error(kGasLimitOverflow);
  if (!values[p.value]) return Error(kValueOverflow);
  evm::Transaction tx = base;
  tx.data = data[p.data];
  tx.gas_limit = *gas_limits[p.gas];
  tx.value = *values[p.value];
  if (!access_lists.empty() && access_lists[p.data]) {
    tx.access_list = *access_lists[p.data];
    if (tx.type == evm::TxType::kLegacy) tx.type = evm::TxType::kAccessList;
  }
  return tx;
}

Result<std::vector<StateTest>> load_state_tests(const json& doc) {
  std::vector<StateTest> out;
  if (!doc.is_object()) return Error("expected an object of tests");
  for (const auto& [name, t] : doc.items()) {
    try {
      auto test = load_one(name, t);
      if (!test.ok()) return Error(name + ": " + test.error().message);
      out.push_back(std::move(test).value());
    } catch (const json::exception& e) {
      return Error(name + ": " + e.what());
    }
  }
  return out;
}

CaseOutcome run_case(const StateTest& test, const PostEntry& post, evm::CodeCache& cache, bool detail,
                     evm::FramePool* frames) {
  evm::State state = test.pre;
  evm::BlockEnv env = test.env;
  auto bs = test.blob_schedules.find(post.fork);
  env.blobs = bs != test.blob_schedules.end() ? bs->second : evm::default_blob_schedule(post.fork);
  const Result<evm::Transaction> tx = test.tx_for(post);

  CaseOutcome out;
  // A quantity wider than 256 bits: no transaction carries it, so the case is an invalid
  // transaction, whatever name its filler gives the failure (retesteth's
  // TR_RLP_WRONGVALUE, EEST's VALUE_OVERFLOW...); its signed bytes must not decode.
  if (!tx.ok() && !post.txbytes.empty() && evm::decode_transaction(post.txbytes).ok()) {
    out.difference = "txbytes: decode, but the template's transaction cannot exist (" + tx.error().message + ")";
    return out;
  }
  // The signed bytes must decode to the transaction the template describes, signed by
  // its sender (checked for valid transactions; invalid ones may be unencodable).
  if (tx.ok() && !post.txbytes.empty() && post.expect_exception.empty()) {
    auto decoded = evm::decode_transaction(post.txbytes);
    auto sender = evm::recover_sender(post.txbytes);
    if (!decoded.ok() || !sender.ok()) {
      out.difference = "txbytes: " + (decoded.ok() ? sender.error() : decoded.error()).message;
      return out;
    }
    const evm::Transaction& d = *decoded;
    if (*sender != tx->sender || d.type != tx->type || d.nonce != tx->nonce || d.gas_limit != tx->gas_limit ||
        d.value != tx->value || d.data != tx->data || d.to != tx->to || d.blob_hashes.size() != tx->blob_hashes.size() ||
        d.authorizations.size() != tx->authorizations.size() || d.access_list.size() != tx->access_list.size()) {
      out.difference = "txbytes: decode to another transaction (sender " + address_hex(*sender) + ")";
      return out;
    }
  }
  auto r = tx.ok() ? evm::apply_transaction(state, env, *tx, post.fork, cache, nullptr, frames)
                   : Result<evm::Receipt>(tx.error());
  if (!post.expect_exception.empty()) {
    if (r.ok()) {
      out.difference = "exception: expected " + post.expect_exception + ", the transaction was accepted";
      return out;
    }
    if (tx.ok() && !exception_matches(post.expect_exception, r.error().message)) {
      out.difference = "exception: expected " + post.expect_exception + ", got " + r.error().message;
      return out;
    }
  } else if (!r.ok()) {
    out.difference = "exception: unexpected " + r.error().message;
    return out;
  }
  if (r.ok() && r->not_implemented) {
    out.difference = *r->not_implemented;
    return out;
  }
  const Hash256 logs = evm::logs_hash(r.ok() ? r->logs : std::vector<evm::Log>{});
  if (logs != post.logs) {
    out.difference = "logs: expected " + hex32(post.logs) + ", got " + hex32(logs);
    return out;
  }
  const Hash256 root = state.root();
  if (root != post.root) {
    out.difference = "root: expected " + hex32(post.root) + ", got " + hex32(root);
    if (detail && post.state) out.difference += state_diff(state, *post.state);
    return out;
  }
  out.passed = true;
  return out;
}

}  // namespace dusk::evm_cli
