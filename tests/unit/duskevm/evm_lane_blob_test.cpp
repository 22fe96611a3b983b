// EIP-4844 blob transactions in the EVM lane (src/duskevm/evm_lane.hpp, blob_sidecar.hpp,
// base_fee.hpp): the network form accepted with a valid sidecar (blobs, commitments and
// proofs made by our KZG) and refused with a wrong proof, a commitment that is not the
// versioned hash's, counts that differ, too many blobs, a blob fee cap below the blob
// base fee, no sidecar, and EIP-7594's form; blob gas charged and burned with the supply
// identity exact; the per-block blob limit in block building; excess blob gas from block
// to block against a hand computation; sidecars served, then pruned after the retention
// window, and handed back to the pool by a revert; a second lane executing the bare body.
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "base/rlp.hpp"
#include "crypto/hash/keccak.hpp"
#include "duskevm/base_fee.hpp"
#include "duskevm/blob_sidecar.hpp"
#include "duskevm/evm_lane.hpp"
#include "support/blob_tx.hpp"

namespace dusk::evm {
namespace {

namespace fs = std::filesystem;
namespace kzg = crypto::kzg;

constexpr u64 kChainId = 745;
const Uint256 kGwei{1'000'000'000};
const Uint256 kEther = Uint256{1'000'000'000} * Uint256{1'000'000'000};

struct TempDir {
  fs::path path;
  TempDir() {
    static int count = 0;
    path = fs::temp_directory_path() / ("dusk-evm-blob-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
                                        std::to_string(count++));
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

struct Key {
  std::array<u8, 32> secret{};
  Address address{};
};
Key key(u8 i) {
  Key k;
  k.secret[31] = i;
  k.secret[0] = 0x22;
  k.address = crypto::public_key_address(*crypto::secp256k1_public_key(k.secret));
  return k;
}
Address recipient() {
  Address a{};
  a[0] = 0xbb;
  a[19] = 1;
  return a;
}

using test::hashes_of;
using test::network_form;
using test::sidecar_of;
using test::test_blob;
const kzg::TrustedSetup& setup() { return test::kzg_setup(); }

struct BlobTx {
  u64 nonce = 0;
  Uint256 tip = kGwei * Uint256{2};
  Uint256 fee_cap = kGwei * Uint256{100};
  Uint256 blob_fee_cap = kGwei;
  std::vector<Hash256> hashes = {};
};
Bytes sign_bare(const Key& k, const BlobTx& t) {
  return test::sign_blob_tx(k.secret, {.chain_id = kChainId, .nonce = t.nonce, .tip = t.tip, .fee_cap = t.fee_cap,
                                       .to = recipient(), .blob_fee_cap = t.blob_fee_cap, .hashes = t.hashes});
}
// A blob transaction of `sender` carrying these test blobs, in its network form.
Bytes blob_tx(const Key& sender, const std::vector<size_t>& blobs, BlobTx t = {}) {
  t.hashes = hashes_of(blobs);
  return network_form(sign_bare(sender, t), sidecar_of(blobs));
}

lane::BlockContext ctx(u64 height) {
  lane::BlockContext c;
  c.chain_id = 1;
  c.height = height;
  c.timestamp_ms = 1'700'000'000'000 + height * 2'500;
  c.seed[31] = static_cast<u8>(height);
  c.generator = Bytes(96, 0x77);
  return c;
}

EvmLaneConfig config() {
  EvmLaneConfig c;
  c.chain_id = kChainId;
  return c;
}

u128 wide(const Uint256& v) { return (static_cast<u128>(v.w[1]) << 64) | v.w[0]; }
u128 sum_lux(const std::vector<lane::Withdrawal>& ws) {
  u128 s = 0;
  for (const auto& w : ws) s += w.amount;
  return s;
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<EvmLane> lane;
  explicit Fixture(EvmLaneConfig c = config()) {
    auto d = storage::Database::open({.path = dir.path.string(), .column_families = EvmLane::families()});
    EXPECT_TRUE(d.ok()) << d.error().message;
    db = std::move(d).value();
    std::vector<GenesisAccount> g;
    for (u8 i = 1; i <= 4; ++i) g.push_back({key(i).address, kEther * Uint256{100}, {}});
    auto l = EvmLane::open(*db, c, g);
    EXPECT_TRUE(l.ok()) << l.error().message;
    lane = std::move(l).value();
  }
  // build -> stage -> write -> committed, checking the supply identity.
  lane::Payload commit(u64 height) {
    const u128 before = lane->holdings();
    auto p = lane->build(ctx(height), {});
    EXPECT_TRUE(p.ok()) << p.error().message;
    storage::WriteBatch batch;
    EXPECT_TRUE(lane->stage(batch).ok());
    EXPECT_TRUE(db->write(batch).ok());
    lane->committed();
    EXPECT_EQ(before, lane->holdings() + sum_lux(p->withdrawals) * lane::kWeiPerLux + p->burned)
        << "supply identity at block " << height;
    return std::move(p).value();
  }
  size_t blob_keys() const {
    size_t n = 0;
    EXPECT_TRUE(db->scan(db->family("evm_blobs"), ByteView{}, [&](ByteView, ByteView) { return ++n, true; }).ok());
    return n;
  }
};

// Every balance in evm_accounts, summed.
u128 scan_holdings(const storage::Database& db) {
  u128 total = 0;
  auto st = db.scan(db.family("evm_accounts"), ByteView{}, [&](ByteView, ByteView value) {
    auto items = rlp::decode_list(*rlp::decode_single(value));
    total += wide(*rlp::decode_uint256((*items)[1]));
    return true;
  });
  EXPECT_TRUE(st.ok());
  return total;
}

TEST(BlobFees, ExcessBlobGasAndBlobBaseFeeByHand) {
  const BlobSchedule prague = default_blob_schedule(Fork::kPrague);
  EXPECT_EQ(prague.target, 6u);
  EXPECT_EQ(prague.max, 9u);
  EXPECT_EQ(prague.base_fee_update_fraction, 5'007'716u);
  EXPECT_EQ(target_blob_gas_per_block(prague), 786'432u);
  EXPECT_EQ(max_blob_gas_per_block(prague), 1'179'648u);
  // excess' = max(0, excess + used - 786432).
  EXPECT_EQ(next_excess_blob_gas(0, 0, prague), 0u);
  EXPECT_EQ(next_excess_blob_gas(0, 786'432, prague), 0u);
  EXPECT_EQ(next_excess_blob_gas(0, 1'179'648, prague), 393'216u);
  EXPECT_EQ(next_excess_blob_gas(393'216, 131'072, prague), 0u);
  EXPECT_EQ(next_excess_blob_gas(393'216, 655'360, prague), 262'144u);
  // fake_exponential(1, x, 5007716) is floor of the Taylor sum of e^(x/5007716) taken
  // term by term in integers: 1 at 0; e^1 -> 2 (terms 5007716, 5007716, 2503858,
  // 834619, 208654, 41730, 6955, 993, 124, 13, 1 sum to 13612379: / 5007716 = 2).
  EXPECT_EQ(blob_base_fee(0, prague), Uint256{1});
  EXPECT_EQ(blob_base_fee(393'216, prague), Uint256{1});
  EXPECT_EQ(blob_base_fee(5'007'716, prague), Uint256{2});
  // e^10 = 22026.47: the integer series stops a little short, at 22026.
  EXPECT_EQ(blob_base_fee(50'077'160, prague), Uint256{22'026});
  // Cancun's schedule: target 3, max 6, fraction 3338477.
  const BlobSchedule cancun = default_blob_schedule(Fork::kCancun);
  EXPECT_EQ(next_excess_blob_gas(0, 786'432, cancun), 393'216u);
  EXPECT_EQ(blob_base_fee(3'338'477, cancun), Uint256{2});
}

TEST(BlobSidecar, NetworkFormSplitsIntoTheSignedTransactionAndItsSidecar) {
  BlobTx t;
  t.hashes = hashes_of({0, 1});
  const Bytes bare = sign_bare(key(1), t);
  const BlobSidecar sidecar = sidecar_of({0, 1});
  auto split = split_network_form(network_form(bare, sidecar));
  ASSERT_TRUE(split.ok()) << split.error().message;
  ASSERT_TRUE(split->has_value());
  EXPECT_EQ((*split)->transaction, bare);
  EXPECT_EQ((*split)->sidecar, sidecar);
  EXPECT_TRUE(verify_sidecar(t.hashes, sidecar, setup()).ok());
  // The bare form and other types are not network forms.
  EXPECT_FALSE(split_network_form(bare)->has_value());
  EXPECT_FALSE(split_network_form(Bytes{0x02, 0xc0})->has_value());
  // EIP-7594's form is refused by name.
  auto v1 = split_network_form(network_form(bare, sidecar, 1));
  ASSERT_FALSE(v1.ok());
  EXPECT_NE(v1.error().message.find("EIP-7594"), std::string::npos);
  // A blob of the wrong size.
  BlobSidecar short_blob = sidecar;
  short_blob.blobs[0].pop_back();
  EXPECT_FALSE(split_network_form(network_form(bare, short_blob)).ok());
  // A record round trip.
  const BlobRecord r{t.hashes[0], 7, Hash256{}, 0, sidecar.blobs[0], sidecar.commitments[0], sidecar.proofs[0]};
  EXPECT_EQ(*decode_blob_record(t.hashes[0], encode_blob_record(r)), r);
  EXPECT_FALSE(decode_blob_record(t.hashes[0], Bytes{0xc0}).ok());
}

TEST(EvmLaneBlobs, SubmitRefusals) {
  Fixture f;
  auto refused = [&](const Bytes& raw, const std::string& why) {
    auto r = f.lane->submit(raw);
    ASSERT_FALSE(r.ok()) << why;
    EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
    EXPECT_EQ(f.lane->pool_size(), 0u);
  };
  BlobTx t;
  t.hashes = hashes_of({0, 1});
  const Bytes bare = sign_bare(key(1), t);
  // No sidecar: a blob transaction needs it on the network.
  refused(bare, "missing sidecar in blob transaction");
  // A proof of another blob.
  BlobSidecar s = sidecar_of({0, 1});
  std::swap(s.proofs[0], s.proofs[1]);
  refused(network_form(bare, s), "invalid blob proof");
  // A proof that is no point.
  s = sidecar_of({0, 1});
  s.proofs[0] = Bytes(48, 0x11);
  refused(network_form(bare, s), "invalid blob proof");
  // A commitment that is not the versioned hash's.
  s = sidecar_of({0, 1});
  s.commitments[1] = test_blob(2).commitment;
  refused(network_form(bare, s), "blob 1: computed hash");
  // Blob, commitment and proof with the wrong hashes' order.
  refused(network_form(bare, sidecar_of({1, 0})), "blob 0: computed hash");
  // Counts that differ.
  refused(network_form(bare, sidecar_of({0})), "invalid number of 1 blobs compared to 2 blob hashes");
  // Too many blobs: ten hashes, Prague allows nine a block.
  std::vector<size_t> ten;
  for (size_t i = 0; i < 10; ++i) ten.push_back(i % 3);
  refused(blob_tx(key(1), ten), "too many blobs in transaction: have 10, permitted 9");
  // No blobs at all.
  refused(network_form(sign_bare(key(1), BlobTx{}), BlobSidecar{}), "blobless blob transaction");
  // A blob fee cap below the blob base fee (1 wei at excess 0).
  refused(blob_tx(key(1), {0}, {.blob_fee_cap = Uint256{}}), "max fee per blob gas less than blob base fee");
  // EIP-7594's form.
  refused(network_form(bare, sidecar_of({0, 1}), 1), "EIP-7594");

  // The valid one; its hash is the bare form's.
  auto ok = f.lane->submit(network_form(bare, sidecar_of({0, 1})));
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(*ok, crypto::keccak256(bare));
  EXPECT_TRUE(f.lane->pooled(*ok));
  EXPECT_EQ(f.lane->submit(network_form(bare, sidecar_of({0, 1}))).error().message, "already known");
}

TEST(EvmLaneBlobs, PoolCountsBlobsInItsLimit) {
  EvmLaneConfig c = config();
  c.pool.max_blobs = 3;
  Fixture f(c);
  ASSERT_TRUE(f.lane->submit(blob_tx(key(1), {0, 1})).ok());
  auto full = f.lane->submit(blob_tx(key(2), {2, 3}));
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().message, "blob pool is full");
  ASSERT_TRUE(f.lane->submit(blob_tx(key(2), {2})).ok());
  EXPECT_EQ(f.lane->pool_size(), 2u);
  f.commit(1);  // both included: the pool's blobs are free again
  EXPECT_EQ(f.lane->pool_size(), 0u);
  EXPECT_TRUE(f.lane->submit(blob_tx(key(3), {0, 1, 2})).ok());

  // A replacement raises the blob fee cap too (10%), and its blobs take the place of the
  // replaced one's.
  const BlobTx higher{.tip = kGwei * Uint256{3}, .fee_cap = kGwei * Uint256{200}, .blob_fee_cap = kGwei};
  auto same_blob_fee = f.lane->submit(blob_tx(key(3), {0}, higher));
  ASSERT_FALSE(same_blob_fee.ok());
  EXPECT_EQ(same_blob_fee.error().message, "replacement transaction underpriced");
  BlobTx all_higher = higher;
  all_higher.blob_fee_cap = kGwei * Uint256{2};
  auto replaced = f.lane->submit(blob_tx(key(3), {0}, all_higher));
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_EQ(f.lane->pool_size(), 1u);
  EXPECT_TRUE(f.lane->submit(blob_tx(key(4), {1, 2})).ok());  // 1 + 2 blobs
}

TEST(EvmLaneBlobs, BlobGasChargedAndBurnedAndTheBlockRecordsIt) {
  Fixture f;
  const Uint256 balance_before = *f.lane->balance(key(1).address);
  auto hash = f.lane->submit(blob_tx(key(1), {0, 1}));
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(f.lane->blob_base_fee(), Uint256{1});
  const Uint256 base_fee = f.lane->next_base_fee();
  const lane::Payload p = f.commit(1);
  ASSERT_EQ(p.transactions, 1u);
  // Burned: the base fee x gas and the blob base fee (1 wei) x 2 blobs x 131072.
  const u128 blob_fee = 2 * 131'072;
  EXPECT_EQ(p.burned, wide(base_fee) * 21'000 + blob_fee);
  const Uint256 price = base_fee + kGwei * Uint256{2};
  EXPECT_EQ(*f.lane->balance(key(1).address), balance_before - Uint256{21'000} * price - Uint256{2 * 131'072});
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));

  // The body carries the bare transaction; the header the blob gas.
  auto block = f.lane->block_by_number(1);
  ASSERT_TRUE(block.ok() && block->has_value());
  ASSERT_EQ((*block)->transactions.size(), 1u);
  EXPECT_EQ(crypto::keccak256((*block)->transactions[0]), *hash);
  EXPECT_EQ((*block)->transactions[0][0], 0x03);
  EXPECT_EQ((*block)->header.blob_gas_used, 262'144u);
  EXPECT_EQ((*block)->header.excess_blob_gas, 0u);
  EXPECT_EQ(block_hash((*block)->header), f.lane->head().hash);
  EXPECT_EQ(f.lane->head().blob_gas_used, 262'144u);
  const EvmBlobFees fees = f.lane->blob_fees((*block)->header);
  EXPECT_EQ(fees.blob_gas_used, 262'144u);
  EXPECT_EQ(fees.max_blob_gas, 1'179'648u);
  EXPECT_EQ(fees.base_fee_per_blob_gas, Uint256{1});
  auto receipt = f.lane->receipt(*hash);
  ASSERT_TRUE(receipt.ok() && receipt->has_value());
  EXPECT_EQ((*receipt)->receipt.type, TxType::kBlob);
  EXPECT_TRUE((*receipt)->receipt.success);

  // The sidecar is served, by versioned hash and by block.
  auto by_hash = f.lane->blob_sidecar(test_blob(1).versioned_hash);
  ASSERT_TRUE(by_hash.ok() && by_hash->has_value());
  EXPECT_EQ((*by_hash)->blob, test_blob(1).blob);
  EXPECT_EQ((*by_hash)->commitment, test_blob(1).commitment);
  EXPECT_EQ((*by_hash)->proof, test_blob(1).proof);
  EXPECT_EQ((*by_hash)->block_number, 1u);
  EXPECT_EQ((*by_hash)->transaction_hash, *hash);
  EXPECT_EQ((*by_hash)->index, 1u);
  auto by_block = f.lane->blob_sidecars(1);
  ASSERT_TRUE(by_block.ok() && by_block->has_value());
  ASSERT_EQ((*by_block)->size(), 2u);
  EXPECT_EQ((**by_block)[0].versioned_hash, test_blob(0).versioned_hash);
  EXPECT_EQ((**by_block)[1], **by_hash);
  EXPECT_EQ((*f.lane->blob_sidecars(0))->size(), 0u);  // a block without blobs
  EXPECT_FALSE(f.lane->blob_sidecars(2)->has_value());  // above the head
  EXPECT_FALSE(f.lane->blob_sidecar(test_blob(5).versioned_hash)->has_value());

  // Reopened, the head keeps its blob gas.
  f.lane.reset();
  auto l = EvmLane::open(*f.db, config(), {});
  ASSERT_TRUE(l.ok()) << l.error().message;
  EXPECT_EQ((*l)->head().blob_gas_used, 262'144u);
  EXPECT_TRUE((*l)->blob_sidecar(test_blob(0).versioned_hash)->has_value());
}

TEST(EvmLaneBlobs, ASecondLaneExecutesTheBareBody) {
  Fixture f;
  auto other = EvmLane::open(*f.db, config(), {});
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(f.lane->submit(blob_tx(key(1), {0, 1, 2})).ok());
  auto built = f.lane->build(ctx(1), {});
  ASSERT_TRUE(built.ok()) << built.error().message;
  auto executed = (*other)->execute(ctx(1), {}, built->body);
  ASSERT_TRUE(executed.ok()) << executed.error().message;
  EXPECT_EQ(lane::commitment(*executed), lane::commitment(*built));
  EXPECT_EQ(executed->burned, built->burned);
  // A network form in a body is no transaction of a block.
  const Bytes wrapped = blob_tx(key(2), {0});
  (*other)->discard();
  EXPECT_FALSE((*other)->execute(ctx(1), {}, encode_transaction_list({wrapped})).ok());
  // Nor is a blob transaction over the block's blob gas: 5 + 5 blobs.
  (*other)->discard();
  BlobTx a, b;
  a.hashes = hashes_of({0, 1, 2, 3, 4});
  b.hashes = a.hashes;
  auto too_many = (*other)->execute(ctx(1), {}, encode_transaction_list({sign_bare(key(1), a), sign_bare(key(2), b)}));
  ASSERT_FALSE(too_many.ok());
  EXPECT_NE(too_many.error().message.find("blob gas limit reached"), std::string::npos);
}

TEST(EvmLaneBlobs, BuildingRespectsTheBlockBlobLimitAndExcessBlobGasEvolves) {
  Fixture f;
  // Three transactions of 9, 9 and 5 blobs: one fits a block at a time (9 at most).
  std::vector<size_t> nine;
  for (size_t i = 0; i < 9; ++i) nine.push_back(i);
  ASSERT_TRUE(f.lane->submit(blob_tx(key(1), nine, {.tip = kGwei * Uint256{5}})).ok());
  ASSERT_TRUE(f.lane->submit(blob_tx(key(2), nine, {.tip = kGwei * Uint256{4}})).ok());
  ASSERT_TRUE(f.lane->submit(blob_tx(key(3), {0, 1, 2, 3, 4}, {.tip = kGwei * Uint256{3}})).ok());
  // Expected by hand (target 786432, 131072 a blob):
  //   block 1: excess 0,                       9 blobs used (1179648)
  //   block 2: excess 0 + 1179648 - 786432      = 393216, 9 blobs
  //   block 3: excess 393216 + 1179648 - 786432 = 786432, 5 blobs (655360)
  //   block 4: excess 786432 + 655360 - 786432  = 655360, none
  //   block 5: excess 655360 + 0 - 786432 < 0   -> 0
  const u64 used[] = {1'179'648, 1'179'648, 655'360, 0, 0};
  const u64 excess[] = {0, 393'216, 786'432, 655'360, 0};
  for (u64 h = 1; h <= 5; ++h) {
    const lane::Payload p = f.commit(h);
    auto block = f.lane->block_by_number(h);
    ASSERT_TRUE(block.ok() && block->has_value());
    EXPECT_EQ((*block)->header.blob_gas_used, used[h - 1]) << "block " << h;
    EXPECT_EQ((*block)->header.excess_blob_gas, excess[h - 1]) << "block " << h;
    EXPECT_EQ(p.transactions, used[h - 1] != 0 ? 1u : 0u) << "block " << h;
    // The blob base fee stays 1 wei at these excesses (e^(786432/5007716) = 1.17).
    EXPECT_EQ(f.lane->blob_fees((*block)->header).base_fee_per_blob_gas, Uint256{1});
  }
  EXPECT_EQ(f.lane->pool_size(), 0u);
  EXPECT_EQ(f.lane->holdings(), scan_holdings(*f.db));
}

TEST(EvmLaneBlobs, SidecarsArePrunedAfterTheRetentionWindow) {
  EvmLaneConfig c = config();
  c.blob_retention_blocks = 3;
  Fixture f(c);
  ASSERT_TRUE(f.lane->submit(blob_tx(key(1), {0, 1})).ok());
  f.commit(1);
  ASSERT_TRUE(f.lane->submit(blob_tx(key(2), {2})).ok());
  f.commit(2);
  EXPECT_EQ(f.blob_keys(), 3u + 2u);  // three blobs, two block indexes
  f.commit(3);
  EXPECT_EQ((*f.lane->blob_sidecars(1))->size(), 2u);  // heads 1 to 3 serve block 1
  EXPECT_TRUE(f.lane->blob_sidecar(test_blob(0).versioned_hash)->has_value());
  f.commit(4);  // block 1 leaves the window
  EXPECT_FALSE(f.lane->blob_sidecars(1)->has_value());
  EXPECT_FALSE(f.lane->blob_sidecar(test_blob(0).versioned_hash)->has_value());
  EXPECT_EQ((*f.lane->blob_sidecars(2))->size(), 1u);
  EXPECT_EQ(f.blob_keys(), 1u + 1u);  // deleted from the database, not just hidden
  f.commit(5);
  EXPECT_FALSE(f.lane->blob_sidecar(test_blob(2).versioned_hash)->has_value());
  EXPECT_EQ(f.blob_keys(), 0u);
  EXPECT_TRUE(f.lane->blob_sidecars(5)->has_value());
  // The same blob again, in a later block, is served anew.
  ASSERT_TRUE(f.lane->submit(blob_tx(key(1), {0}, {.nonce = 1})).ok());
  f.commit(6);
  auto again = f.lane->blob_sidecar(test_blob(0).versioned_hash);
  ASSERT_TRUE(again.ok() && again->has_value());
  EXPECT_EQ((*again)->block_number, 6u);
}

TEST(EvmLaneBlobs, RevertDeletesTheSidecarsAndHandsThemBackToThePool) {
  Fixture f;
  auto hash = f.lane->submit(blob_tx(key(1), {0, 1}));
  ASSERT_TRUE(hash.ok());
  const Hash256 root0 = f.lane->state_root();
  f.commit(1);
  EXPECT_FALSE(f.lane->pooled(*hash));
  storage::WriteBatch batch;
  ASSERT_TRUE(f.lane->revert_to(0, batch).ok());
  ASSERT_TRUE(f.db->write(batch).ok());
  f.lane->committed();
  EXPECT_EQ(f.lane->state_root(), root0);
  EXPECT_EQ(f.lane->head().blob_gas_used, 0u);
  EXPECT_EQ(f.blob_keys(), 0u);
  EXPECT_FALSE(f.lane->blob_sidecar(test_blob(0).versioned_hash)->has_value());
  EXPECT_TRUE(f.lane->pooled(*hash));  // with its sidecar: built again, kept again
  f.commit(1);
  EXPECT_EQ((*f.lane->blob_sidecars(1))->size(), 2u);
}

}  // namespace
}  // namespace dusk::evm
