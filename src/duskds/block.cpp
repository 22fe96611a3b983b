#include "duskds/block.hpp"

#include <algorithm>
#include <string>

#include "crypto/hash/blake2b.hpp"
#include "duskds/transaction_codec.hpp"

namespace dusk::ds {
namespace {

class Writer {
 public:
  explicit Writer(Bytes& out) : out_(out) {}
  template <typename T>
  void le(T v) {
    append_le<T>(out_, v);
  }
  void raw(ByteView b) { out_.insert(out_.end(), b.begin(), b.end()); }
  template <size_t N>
  void raw(const std::array<u8, N>& a) { raw(ByteView(a.data(), N)); }
  void sized(ByteView b) {
    le<u32>(static_cast<u32>(b.size()));
    raw(b);
  }

 private:
  Bytes& out_;
};

class Reader {
 public:
  explicit Reader(ByteView in) : in_(in) {}
  bool has(size_t n) const { return in_.size() - at_ >= n; }
  template <typename T>
  T le() {
    T v = load_le<T>(in_.data() + at_);
    at_ += sizeof(T);
    return v;
  }
  template <size_t N>
  void raw(std::array<u8, N>& a) {
    std::copy(in_.begin() + at_, in_.begin() + at_ + N, a.begin());
    at_ += N;
  }
  ByteView take(size_t n) {
    ByteView v = in_.subspan(at_, n);
    at_ += n;
    return v;
  }
  size_t left() const { return in_.size() - at_; }

 private:
  ByteView in_;
  size_t at_ = 0;
};

}  // namespace

Bytes encode_header(const Header& h) {
  Bytes out;
  out.reserve(kHeaderSize);
  Writer w(out);
  w.le<u8>(kBlockVersion);
  w.le<u64>(h.height);
  w.le<u64>(h.timestamp_ms);
  w.raw(h.parent);
  w.raw(h.seed);
  w.raw(h.generator);
  w.raw(h.state_root);
  for (const lane::Commitment& c : h.lanes) {
    w.raw(c.payload_hash);
    w.raw(c.state_root);
    w.raw(c.withdrawals_root);
  }
  w.raw(h.transactions_root);
  w.le<u64>(h.parent_attestation.voters);
  w.raw(h.parent_attestation.signature);
  return out;
}

Result<Header> decode_header(ByteView bytes) {
  if (bytes.size() != kHeaderSize)
    return Error("block header of " + std::to_string(bytes.size()) + " bytes, expected " +
                 std::to_string(kHeaderSize));
  if (bytes[0] != kBlockVersion) return Error("block version " + std::to_string(bytes[0]) + ", expected 1");
  Reader r(bytes.subspan(1));
  Header h;
  h.height = r.le<u64>();
  h.timestamp_ms = r.le<u64>();
  r.raw(h.parent);
  r.raw(h.seed);
  r.raw(h.generator);
  r.raw(h.state_root);
  for (lane::Commitment& c : h.lanes) {
    r.raw(c.payload_hash);
    r.raw(c.state_root);
    r.raw(c.withdrawals_root);
  }
  r.raw(h.transactions_root);
  h.parent_attestation.voters = r.le<u64>();
  r.raw(h.parent_attestation.signature);
  return h;
}

Hash256 block_hash(const Header& h) {
  return crypto::blake2b<32>({as_bytes(std::string_view("DUSK_DS_BLOCK_V1")), encode_header(h)});
}

Bytes encode_block(const Block& b) {
  Bytes out = encode_header(b.header);
  Writer w(out);
  w.le<u32>(static_cast<u32>(b.transactions.size()));
  for (const Transaction& tx : b.transactions) w.sized(encode_transaction(tx));
  for (const Bytes& body : b.lane_bodies) w.sized(body);
  return out;
}

namespace {

template <typename DecodeTx>
Result<Block> decode_block_with(ByteView bytes, DecodeTx&& decode_tx) {
  if (bytes.size() < kHeaderSize) return Error("block of " + std::to_string(bytes.size()) + " bytes is truncated");
  Block b;
  DUSK_ASSIGN(b.header, decode_header(bytes.first(kHeaderSize)));
  Reader r(bytes.subspan(kHeaderSize));
  if (!r.has(4)) return Error("block: truncated transaction count");
  const u32 count = r.le<u32>();
  if (count > kMaxBlockTransactions || size_t{count} * (4 + kMinEncodedSize) > r.left())
    return Error("block: " + std::to_string(count) + " transactions cannot fit its " +
                 std::to_string(bytes.size()) + " bytes");
  b.transactions.reserve(count);
  for (u32 i = 0; i < count; ++i) {
    if (!r.has(4)) return Error("block: truncated transaction " + std::to_string(i));
    const u32 len = r.le<u32>();
    if (!r.has(len)) return Error("block: truncated transaction " + std::to_string(i));
    auto tx = decode_tx(r.take(len));
    if (!tx.ok()) return Error("block: transaction " + std::to_string(i) + ": " + tx.error().message);
    b.transactions.push_back(std::move(*tx));
  }
  for (size_t l = 0; l < kLaneCount; ++l) {
    if (!r.has(4)) return Error("block: truncated lane payload");
    const u32 len = r.le<u32>();
    if (!r.has(len)) return Error("block: truncated lane payload");
    ByteView body = r.take(len);
    b.lane_bodies[l].assign(body.begin(), body.end());
  }
  if (r.left() != 0) return Error("block: " + std::to_string(r.left()) + " bytes after the last payload");
  return b;
}

}  // namespace

Result<Block> decode_block(ByteView bytes, PublicKeyCache* keys) {
  return decode_block_with(bytes, [keys](ByteView t) -> LedgerResult<Transaction> {
    DUSK_ASSIGN(auto d, decode_checked_transaction(t, keys));
    return std::move(d.tx);
  });
}

Result<Block> decode_stored_block(ByteView bytes) {
  return decode_block_with(bytes, [](ByteView t) { return decode_stored_transaction(t); });
}

Hash256 transactions_root(const std::vector<Transaction>& txs) {
  crypto::Blake2b h;
  (void)h.init(32);
  h.update(as_bytes(std::string_view("DUSK_DS_TXS_V1")));
  for (const Transaction& tx : txs) h.update(transaction_id(tx));
  const auto digest = h.final();
  Hash256 out;
  std::copy(digest.begin(), digest.begin() + 32, out.begin());
  return out;
}

Hash256 lane_seed(const Seed& seed) { return crypto::blake2b<32>(ByteView(seed.data(), seed.size())); }

Hash256 vote_message(u64 height, const Hash256& hash) {
  u8 h[8];
  store_le<u64>(h, height);
  return crypto::blake2b<32>({as_bytes(std::string_view("DUSK_DS_VOTE_V1")), ByteView(h, 8), hash});
}

}  // namespace dusk::ds
