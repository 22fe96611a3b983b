#include "duskevm/transaction_codec.hpp"

#include <string>

#include "crypto/hash/keccak.hpp"
#include "crypto/secp256k1.hpp"
#include "base/rlp.hpp"

namespace dusk::evm {
namespace {

// A list's items with the raw bytes each occupies (for re-hashing unsigned fields).
struct Field {
  rlp::Item item;
  ByteView raw;
};

Result<std::vector<Field>> split(ByteView bytes) {
  DUSK_ASSIGN(const rlp::Item top, rlp::decode_single(bytes));
  if (!top.is_list) return Error("transaction: expected an RLP list");
  std::vector<Field> out;
  ByteView in = top.payload;
  while (!in.empty()) {
    const u8* begin = in.data();
    DUSK_ASSIGN(rlp::Item item, rlp::decode_item(in));
    out.push_back({item, ByteView(begin, static_cast<size_t>(in.data() - begin))});
  }
  return out;
}

Error field_error(const char* name, const Error& e) {
  return Error(std::string("transaction ") + name + ": " + e.message);
}

#define FIELD(lhs, expr, name)                      \
  do {                                              \
    auto r_ = (expr);                               \
    if (!r_.ok()) return field_error(name, r_.error()); \
    lhs = std::move(r_).value();                    \
  } while (0)

Result<Address> address_field(const rlp::Item& item) {
  DUSK_ASSIGN(const ByteView b, rlp::decode_bytes(item));
  if (b.size() != 20) return Error("expected 20 bytes");
  Address a;
  std::copy(b.begin(), b.end(), a.begin());
  return a;
}

Result<std::optional<Address>> to_field(const rlp::Item& item) {
  DUSK_ASSIGN(const ByteView b, rlp::decode_bytes(item));
  if (b.empty()) return std::optional<Address>{};
  if (b.size() != 20) return Error("expected 20 bytes or empty");
  Address a;
  std::copy(b.begin(), b.end(), a.begin());
  return std::optional<Address>(a);
}

Result<Bytes32> hash_field(const rlp::Item& item) {
  DUSK_ASSIGN(const ByteView b, rlp::decode_bytes(item));
  if (b.size() != 32) return Error("expected 32 bytes");
  Bytes32 h;
  std::copy(b.begin(), b.end(), h.begin());
  return h;
}

Result<Bytes> data_field(const rlp::Item& item) {
  DUSK_ASSIGN(const ByteView b, rlp::decode_bytes(item));
  return Bytes(b.begin(), b.end());
}

Result<std::vector<AccessListEntry>> access_list_field(const rlp::Item& item) {
  if (!item.is_list) return Error("expected a list");
  DUSK_ASSIGN(const auto entries, rlp::decode_list(item));
  std::vector<AccessListEntry> out;
  for (const auto& e : entries) {
    DUSK_ASSIGN(const auto parts, rlp::decode_list(e));
    if (parts.size() != 2 || !parts[1].is_list) return Error("entry must be [address, [keys]]");
    AccessListEntry entry;
    DUSK_ASSIGN(entry.address, address_field(parts[0]));
    DUSK_ASSIGN(const auto keys, rlp::decode_list(parts[1]));
    for (const auto& k : keys) {
      DUSK_ASSIGN(const Bytes32 key, hash_field(k));
      entry.storage_keys.push_back(key);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

Result<std::vector<Bytes32>> hashes_field(const rlp::Item& item) {
  if (!item.is_list) return Error("expected a list");
  DUSK_ASSIGN(const auto items, rlp::decode_list(item));
  std::vector<Bytes32> out;
  for (const auto& i : items) {
    DUSK_ASSIGN(const Bytes32 h, hash_field(i));
    out.push_back(h);
  }
  return out;
}

Result<std::vector<Authorization>> authorizations_field(const rlp::Item& item) {
  if (!item.is_list) return Error("expected a list");
  DUSK_ASSIGN(const auto items, rlp::decode_list(item));
  std::vector<Authorization> out;
  for (const auto& i : items) {
    DUSK_ASSIGN(const auto f, rlp::decode_list(i));
    if (f.size() != 6) return Error("authorization must have 6 fields");
    Authorization a;
    DUSK_ASSIGN(a.chain_id, rlp::decode_uint256(f[0]));
    DUSK_ASSIGN(a.address, address_field(f[1]));
    DUSK_ASSIGN(const u64 nonce, rlp::decode_u64(f[2]));
    a.nonce = Uint256{nonce};
    DUSK_ASSIGN(a.y_parity, rlp::decode_uint256(f[3]));
    DUSK_ASSIGN(a.r, rlp::decode_uint256(f[4]));
    DUSK_ASSIGN(a.s, rlp::decode_uint256(f[5]));
    out.push_back(a);
  }
  return out;
}

// Field counts: legacy 9; types 1..4: 11, 12, 14, 13.
constexpr size_t kFieldCount[5] = {9, 11, 12, 14, 13};

struct Envelope {
  TxType type;
  std::vector<Field> fields;
};

Result<Envelope> open(ByteView bytes) {
  if (bytes.empty()) return Error("transaction: empty");
  Envelope env;
  if (bytes[0] >= 0xc0) {
    env.type = TxType::kLegacy;
    DUSK_ASSIGN(env.fields, split(bytes));
  } else {
    if (bytes[0] < 1 || bytes[0] > 4) return Error("transaction: unknown type " + std::to_string(bytes[0]));
    env.type = static_cast<TxType>(bytes[0]);
    DUSK_ASSIGN(env.fields, split(bytes.subspan(1)));
  }
  const size_t want = kFieldCount[static_cast<int>(env.type)];
  if (env.fields.size() != want)
    return Error("transaction: type " + std::to_string(static_cast<int>(env.type)) + " has " + std::to_string(want) +
                 " fields, got " + std::to_string(env.fields.size()));
  return env;
}

}  // namespace

Result<Transaction> decode_transaction(ByteView bytes) {
  DUSK_ASSIGN(const Envelope env, open(bytes));
  const auto& f = env.fields;
  Transaction tx;
  tx.type = env.type;
  size_t i = 0;
  u64 nonce = 0, gas = 0;
  if (tx.type == TxType::kLegacy) {
    FIELD(nonce, rlp::decode_u64(f[i++].item), "nonce");
    FIELD(tx.gas_price, rlp::decode_uint256(f[i++].item), "gasPrice");
  } else {
    FIELD(tx.chain_id, rlp::decode_uint256(f[i++].item), "chainId");
    FIELD(nonce, rlp::decode_u64(f[i++].item), "nonce");
    if (tx.type == TxType::kAccessList) {
      FIELD(tx.gas_price, rlp::decode_uint256(f[i++].item), "gasPrice");
    } else {
      FIELD(tx.max_priority_fee_per_gas, rlp::decode_uint256(f[i++].item), "maxPriorityFeePerGas");
      FIELD(tx.max_fee_per_gas, rlp::decode_uint256(f[i++].item), "maxFeePerGas");
    }
  }
  FIELD(gas, rlp::decode_u64(f[i++].item), "gasLimit");
  tx.nonce = Uint256{nonce};
  tx.gas_limit = Uint256{gas};
  FIELD(tx.to, to_field(f[i++].item), "to");
  FIELD(tx.value, rlp::decode_uint256(f[i++].item), "value");
  FIELD(tx.data, data_field(f[i++].item), "data");
  if (tx.type != TxType::kLegacy) FIELD(tx.access_list, access_list_field(f[i++].item), "accessList");
  if (tx.type == TxType::kBlob) {
    FIELD(tx.max_fee_per_blob_gas, rlp::decode_uint256(f[i++].item), "maxFeePerBlobGas");
    FIELD(tx.blob_hashes, hashes_field(f[i++].item), "blobVersionedHashes");
  }
  if (tx.type == TxType::kSetCode) FIELD(tx.authorizations, authorizations_field(f[i++].item), "authorizationList");
  FIELD(tx.v, rlp::decode_uint256(f[i++].item), "v");
  FIELD(tx.r, rlp::decode_uint256(f[i++].item), "r");
  FIELD(tx.s, rlp::decode_uint256(f[i++].item), "s");
  if (tx.type == TxType::kLegacy) {
    // EIP-155: v = 35 + 2 * chain_id + parity; 27/28 carry no chain id.
    if (tx.v >= Uint256{35}) tx.chain_id = evm_div(tx.v - Uint256{35}, Uint256{2});
  }
  return tx;
}

Result<Hash256> signing_hash(ByteView bytes) {
  DUSK_ASSIGN(const Envelope env, open(bytes));
  const auto& f = env.fields;
  Bytes payload;
  for (size_t i = 0; i + 3 < f.size(); ++i) payload.insert(payload.end(), f[i].raw.begin(), f[i].raw.end());
  Bytes msg;
  if (env.type == TxType::kLegacy) {
    DUSK_ASSIGN(const Uint256 v, rlp::decode_uint256(f[6].item));
    if (v >= Uint256{35}) {
      rlp::encode_uint(payload, evm_div(v - Uint256{35}, Uint256{2}));
      rlp::encode_uint(payload, Uint256{});
      rlp::encode_uint(payload, Uint256{});
    }
  } else {
    msg.push_back(static_cast<u8>(env.type));
  }
  rlp::encode_list_payload(msg, payload);
  return crypto::keccak256(msg);
}

Result<Address> recover_sender(ByteView bytes) {
  DUSK_ASSIGN(const Transaction tx, decode_transaction(bytes));
  DUSK_ASSIGN(const Hash256 hash, signing_hash(bytes));
  int parity;
  if (tx.type == TxType::kLegacy) {
    if (tx.v == Uint256{27} || tx.v == Uint256{28}) parity = static_cast<int>(tx.v.low64() - 27);
    else if (tx.v >= Uint256{35}) parity = static_cast<int>((tx.v - Uint256{35}).low64() & 1);
    else return Error("transaction: invalid v");
  } else {
    if (tx.v > Uint256{1}) return Error("transaction: y parity must be 0 or 1");
    parity = static_cast<int>(tx.v.low64());
  }
  const Uint256 half_order = Uint256::from_be(crypto::kSecp256k1Order.data()) >> 1;
  if (tx.s > half_order) return Error("transaction: s above n/2 (EIP-2)");
  const auto key = crypto::secp256k1_recover(hash, tx.r.to_be(), tx.s.to_be(), parity);
  if (!key) return Error("transaction: invalid signature");
  return Address(crypto::public_key_address(*key));
}

}  // namespace dusk::evm
