// The DuskDS chain with both real lanes in one database (duskds/chain.hpp): genesis,
// block production with finality and rewards, Moonlight transfers, deposits into both
// lanes in the same block, DuskVM withdrawals credited once final, the supply identity
// after every block, a restart that resumes the verified tip, and a damaged database
// refused with a message that says what is wrong.
#include "duskds/chain.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "crypto/bls/scheme.hpp"
#include "duskds/gas_schedule.hpp"
#include "duskds/transaction_codec.hpp"
#include "duskevm/evm_lane.hpp"
#include "duskvm/lane/vm_lane.hpp"
#include "node/dev_network.hpp"

namespace dusk::node {
namespace {

namespace fs = std::filesystem;

// A lane that passes everything to a real one but can misreport its holdings after a
// block: how a lane with a value leak would look to the chain.
class LeakyLane final : public lane::Lane {
 public:
  explicit LeakyLane(lane::Lane& inner) : inner_(inner) {}
  u128 leak = 0;  // wei added to what build() reports
  lane::LaneId id() const override { return inner_.id(); }
  u64 height() const override { return inner_.height(); }
  Hash256 state_root() const override { return inner_.state_root(); }
  u128 holdings() const override { return inner_.holdings(); }
  Result<Hash256> submit(ByteView t) override { return inner_.submit(t); }
  size_t pool_size() const override { return inner_.pool_size(); }
  Result<lane::Payload> build(const lane::BlockContext& c, std::span<const lane::Deposit> d) override {
    auto p = inner_.build(c, d);
    if (p.ok()) p->holdings += leak;
    return p;
  }
  Result<lane::Payload> execute(const lane::BlockContext& c, std::span<const lane::Deposit> d, ByteView b) override {
    return inner_.execute(c, d, b);
  }
  Status stage(storage::WriteBatch& b) override { return inner_.stage(b); }
  void committed() override { inner_.committed(); }
  void discard() override { inner_.discard(); }
  Status finalize(u64 h, storage::WriteBatch& b) override { return inner_.finalize(h, b); }
  Status revert_to(u64 h, storage::WriteBatch& b) override { return inner_.revert_to(h, b); }

 private:
  lane::Lane& inner_;
};

class ChainTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = dev_accounts(3);
    ASSERT_TRUE(a.ok()) << a.error().message;
    accounts_ = new std::vector<DevAccount>(std::move(*a));
  }
  static void TearDownTestSuite() { delete accounts_; }
  static const DevAccount& who(size_t i) { return (*accounts_)[i]; }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chain_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    genesis_ = dev_genesis(*accounts_);
    open();
  }
  void TearDown() override {
    close();
    fs::remove_all(dir_);
  }
  void close() {
    chain_.reset();
    leaky_.reset();
    vm_.reset();
    evm_.reset();
    db_.reset();
  }
  Status try_open() {
    close();
    storage::Options o;
    o.path = dir_.string();
    for (const auto* list : {&chain_families_, &evm_families_, &vm_families_})
      for (const auto& f : *list) o.column_families.push_back(f);
    o.counter_families = vm::VmLane::counter_families();
    DUSK_ASSIGN(db_, storage::Database::open(o));
    evm::EvmLaneConfig ec;
    ec.chain_id = kDevChainId;
    std::vector<evm::GenesisAccount> alloc;
    for (const auto& a : genesis_.evm_accounts) {
      evm::GenesisAccount g;
      std::copy(a.address.begin(), a.address.end(), g.address.begin());
      g.balance = Uint256(a.balance) * Uint256(lane::kWeiPerLux);
      alloc.push_back(g);
    }
    DUSK_ASSIGN(evm_, evm::EvmLane::open(*db_, ec, alloc));
    vm::VmLaneConfig vc;
    vc.chain_id = kDevChainId;
    std::vector<std::pair<vm::VmAddress, u64>> vm_alloc;
    for (const auto& a : genesis_.vm_accounts) {
      vm::VmAddress address;
      std::copy(a.address.begin(), a.address.end(), address.begin());
      vm_alloc.emplace_back(address, a.balance);
    }
    DUSK_ASSIGN(vm_, vm::VmLane::open(*db_, vc, vm_alloc));
    ds::ChainConfig cc;
    cc.genesis = genesis_;
    cc.lanes_genesis = genesis_.lanes_genesis();
    cc.genesis_time_ms = 1'000;
    cc.finality_depth = genesis_.finality_depth;
    leaky_ = std::make_unique<LeakyLane>(*vm_);
    DUSK_ASSIGN(chain_, ds::Chain::open(*db_, cc, {evm_.get(), leaky_.get()}));
    return {};
  }
  void open() {
    auto r = try_open();
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  ds::ProducedBlock produce() {
    auto p = chain_->produce(who(0).ds_secret, 1'000 + 1'000 * (chain_->height() + 1));
    EXPECT_TRUE(p.ok()) << p.error().message;
    expect_consistent();
    return p.ok() ? *p : ds::ProducedBlock{};
  }
  void expect_consistent() {
    const ds::Supply s = chain_->supply();
    u128 held = static_cast<u128>(s.ds_holdings_lux + s.in_flight_lux) * lane::kWeiPerLux + s.lanes[0] + s.lanes[1] +
                s.burned;
    EXPECT_EQ(held, static_cast<u128>(s.total_lux) * lane::kWeiPerLux);
  }
  ds::Transaction ds_tx(size_t from, ds::TxKind kind, u64 amount) {
    ds::Transaction tx;
    tx.kind = kind;
    tx.chain_id = kDevChainId;
    tx.sender = who(from).ds_key;
    tx.nonce = chain_->account(who(from).ds_key).nonce + pending_nonce_[from]++;
    tx.gas_price = 1;
    tx.amount = amount;
    return tx;
  }
  Hash256 submit(ds::Transaction tx) {
    tx.gas_limit = ds::transaction_gas(tx);
    ds::sign_transaction(tx, who(tx.sender == who(0).ds_key ? 0 : tx.sender == who(1).ds_key ? 1 : 2).ds_secret);
    auto id = chain_->submit(ds::encode_transaction(tx), 1);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : Hash256{};
  }

  static inline std::vector<DevAccount>* accounts_ = nullptr;
  const std::vector<std::string> chain_families_ = ds::Chain::families();
  const std::vector<std::string> evm_families_ = evm::EvmLane::families();
  const std::vector<std::string> vm_families_ = vm::VmLane::families();
  fs::path dir_;
  ds::Genesis genesis_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<evm::EvmLane> evm_;
  std::unique_ptr<vm::VmLane> vm_;
  std::unique_ptr<LeakyLane> leaky_;
  std::unique_ptr<ds::Chain> chain_;
  std::array<u64, 3> pending_nonce_{};
};

TEST_F(ChainTest, ProducesFinalBlocksWithRewards) {
  EXPECT_EQ(chain_->height(), 0u);
  EXPECT_EQ(chain_->final_height(), 0u);
  expect_consistent();
  const u64 before = chain_->account(who(0).ds_key).balance;
  for (int i = 0; i < 3; ++i) produce();
  EXPECT_EQ(chain_->height(), 3u);
  EXPECT_EQ(chain_->final_height(), 2u);
  EXPECT_EQ(chain_->finality(3), ds::Finality::kAttested);
  EXPECT_EQ(chain_->finality(2), ds::Finality::kFinal);
  // The generator (and sole voter) receives every block's emission.
  const u64 reward = genesis_.ledger.emission.reward_at(1);
  EXPECT_EQ(chain_->account(who(0).ds_key).balance, before + 3 * reward);
  auto b = chain_->block(3);
  ASSERT_TRUE(b.ok() && *b);
  EXPECT_EQ((*b)->header.parent, ds::block_hash((*chain_->block(2))->header));
  EXPECT_NE((*b)->header.parent_attestation.voters, 0u);
  // Not our turn: a key that is not a provisioner cannot produce.
  EXPECT_FALSE(chain_->produce(who(1).ds_secret, 10'000).ok());
  EXPECT_EQ(chain_->height(), 3u);
}

TEST_F(ChainTest, TransfersDepositsAndWithdrawals) {
  const u64 alice0 = chain_->account(who(1).ds_key).balance;
  submit([&] {
    auto tx = ds_tx(1, ds::TxKind::kTransfer, 5'000);
    tx.receiver = who(2).ds_key;
    return tx;
  }());
  const Address evm_to = who(2).keys.evm_address;
  auto dep_evm = ds_tx(1, ds::TxKind::kDeposit, 7'000);
  dep_evm.lane = ds::kDepositLaneEvm;
  dep_evm.target = Bytes(evm_to.begin(), evm_to.end());
  submit(dep_evm);
  auto dep_vm = ds_tx(1, ds::TxKind::kDeposit, 9'000);
  dep_vm.lane = ds::kDepositLaneVm;
  dep_vm.target = Bytes(who(2).vm_address.begin(), who(2).vm_address.end());
  submit(dep_vm);
  auto evm_before = evm_->balance(evm_to);
  ASSERT_TRUE(evm_before.ok());
  const u64 vm_before = vm_->account(who(2).vm_address).balance;

  const ds::ProducedBlock b1 = produce();
  EXPECT_EQ(b1.transactions.size(), 3u);
  EXPECT_EQ(b1.deposits.size(), 2u);
  EXPECT_EQ(chain_->account(who(2).ds_key).balance, genesis_.accounts[2].balance + 5'000);
  EXPECT_EQ(chain_->account(who(1).ds_key).balance,
            alice0 - 5'000 - 7'000 - 9'000 - ds::kTransferGas - 2 * ds::kDepositGas);
  EXPECT_EQ(*evm_->balance(evm_to), *evm_before + Uint256(7'000) * Uint256(lane::kWeiPerLux));
  EXPECT_EQ(vm_->account(who(2).vm_address).balance, vm_before + 9'000);
  // Read back (decode_stored_block), the block holds the same transactions.
  auto stored = chain_->block(1);
  ASSERT_TRUE(stored.ok() && *stored);
  ASSERT_EQ((*stored)->transactions.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(ds::transaction_id((*stored)->transactions[i]), b1.transactions[i]);
  EXPECT_EQ((*stored)->transactions[1].target, dep_evm.target);
  auto loc = chain_->transaction(b1.transactions[0]);
  ASSERT_TRUE(loc.ok() && *loc);
  EXPECT_EQ((*loc)->height, 1u);

  // A DuskVM withdrawal back to account 1's DuskDS key: in flight until its block is
  // final, credited by the block after that.
  vm::VmTransaction w;
  w.kind = vm::VmTxKind::kWithdraw;
  w.chain_id = kDevChainId;
  w.sender = who(2).ds_key;
  w.nonce = vm_->account(who(2).vm_address).nonce;
  w.gas_limit = vm::kVmWithdrawGas;
  w.gas_price = 1;
  w.to_key = who(1).ds_key;
  w.amount = 4'000;
  vm::sign_vm_transaction(w, who(2).ds_secret);
  ASSERT_TRUE(vm_->submit(vm::encode_vm_transaction(w)).ok());
  const u64 alice1 = chain_->account(who(1).ds_key).balance;
  const ds::ProducedBlock b2 = produce();
  EXPECT_EQ(b2.lane_transactions[1], 1u);
  EXPECT_EQ(chain_->supply().in_flight_lux, 4'000u + vm::kVmWithdrawGas);  // with the fee to the generator
  EXPECT_EQ(chain_->account(who(1).ds_key).balance, alice1);
  produce();  // block 3: block 2 becomes final
  EXPECT_EQ(chain_->account(who(1).ds_key).balance, alice1);
  const ds::ProducedBlock b4 = produce();  // block 4 credits block 2's withdrawals
  EXPECT_EQ(chain_->account(who(1).ds_key).balance, alice1 + 4'000);
  ASSERT_EQ(b4.credited.size(), 2u);
  EXPECT_EQ(chain_->supply().in_flight_lux, 0u);

  // Restart: the same tip, verified.
  const Hash256 tip = chain_->tip_hash();
  open();
  EXPECT_EQ(chain_->tip_hash(), tip);
  EXPECT_EQ(chain_->height(), 4u);
  EXPECT_EQ(chain_->account(who(1).ds_key).balance, alice1 + 4'000);
  produce();
}

// The supply over every layer is checked before a block is written: a lane whose
// holdings do not add up stops the block (a "supply:" error, which the node treats as a
// halt), and nothing of it reaches the database.
TEST_F(ChainTest, ASupplyMismatchWritesNothing) {
  produce();
  const Hash256 tip = chain_->tip_hash();
  const u64 balance = chain_->account(who(0).ds_key).balance;
  leaky_->leak = 1;  // one wei appears from nowhere
  auto p = chain_->produce(who(0).ds_secret, 100'000);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message.rfind("supply:", 0), 0u) << p.error().message;
  EXPECT_EQ(chain_->height(), 1u);
  EXPECT_EQ(chain_->tip_hash(), tip);
  EXPECT_EQ(chain_->account(who(0).ds_key).balance, balance) << "the reward of the refused block is not kept";
  EXPECT_EQ(vm_->height(), 1u);
  // Reopened, the database holds block 1 and nothing of the refused one.
  leaky_->leak = 0;
  open();
  EXPECT_EQ(chain_->tip_hash(), tip);
  produce();
  EXPECT_EQ(chain_->height(), 2u);
}

TEST_F(ChainTest, RefusesAnotherGenesis) {
  produce();
  genesis_.finality_depth = 2;  // the same accounts, another rule
  auto r = try_open();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("another genesis"), std::string::npos) << r.error().message;
  genesis_ = dev_genesis(*accounts_);
  open();
  EXPECT_EQ(chain_->height(), 1u);
}

TEST_F(ChainTest, RefusesADamagedDatabase) {
  produce();
  produce();
  // An account record changed behind the chain's back: the rebuilt state root differs.
  {
    storage::WriteBatch batch;
    ds::Account forged = chain_->account(who(2).ds_key);
    forged.nonce += 5;  // the supply still adds up; the state root does not
    batch.put(db_->family("ds_accounts"), who(2).ds_key, ds::store::encode_account(forged));
    ASSERT_TRUE(db_->write(batch).ok());
  }
  auto r = try_open();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("is not the tip's"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace dusk::node
