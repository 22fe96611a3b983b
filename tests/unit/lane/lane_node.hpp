// What the DuskVM lane tests share: signing keys with their DuskVM addresses, and a lane
// on its own database in a directory ("a node"), reopened as a restart would, with the
// pending block staged and written as the node does.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string_view>

#include "crypto/bls/scheme.hpp"
#include "duskvm/lane/vm_lane.hpp"

namespace dusk::vm::test {

struct Signer {
  crypto::bls::SecretKey sk;
  DsKey key;
  VmAddress address;
};

inline Signer signer(u8 i, std::string_view domain) {
  auto sk = crypto::bls::SecretKey::key_gen(Bytes(32, i), as_bytes(domain));
  EXPECT_TRUE(sk.ok());
  DsKey key = crypto::bls::BlsMinSig::sk_to_pk(*sk).to_bytes();
  return {*sk, key, vm_address(key)};
}

struct LaneNode {
  std::filesystem::path dir;
  VmLaneConfig config;
  std::vector<std::pair<VmAddress, u64>> genesis;
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<VmLane> lane;

  LaneNode(std::filesystem::path d, VmLaneConfig c, std::vector<std::pair<VmAddress, u64>> g)
      : dir(std::move(d)), config(std::move(c)), genesis(std::move(g)) {
    open();
  }
  // Opens (again) the lane on the directory's database.
  void open() {
    lane.reset();
    db.reset();
    storage::Options o;
    o.path = dir.string();
    o.column_families = VmLane::families();
    o.counter_families = VmLane::counter_families();
    auto d = storage::Database::open(o);
    ASSERT_TRUE(d.ok()) << d.error().message;
    db = std::move(*d);
    auto l = VmLane::open(*db, config, genesis);
    ASSERT_TRUE(l.ok()) << l.error().message;
    lane = std::move(*l);
  }
  // Stages and writes the pending block.
  void commit() {
    storage::WriteBatch batch;
    auto staged = lane->stage(batch);
    ASSERT_TRUE(staged.ok()) << staged.error().message;
    ASSERT_TRUE(db->write(batch).ok());
    lane->committed();
  }
};

}  // namespace dusk::vm::test
