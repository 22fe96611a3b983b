// What the tests of the example contracts (contracts/examples) share: a session over a
// fresh state directory, the built contracts (DUSK_CONTRACT_DIR), argument encoding in
// the ABI of docs/contract-abi.md, and a reader of results and events.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "base/int.hpp"
#include "duskvm/runtime/session.hpp"

namespace dusk::vm::test {

namespace fs = std::filesystem;

inline constexpr u64 kGas = 50'000'000;

inline Bytes contract_code(const std::string& name) {
  const std::string path = std::string(DUSK_CONTRACT_DIR) + "/" + name + ".wasm";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A 32-byte account ID filled with one byte.
inline Bytes32 account(u8 fill) {
  Bytes32 a;
  a.fill(fill);
  return a;
}

// Arguments, field by field.
class Args {
 public:
  Args& u8v(u8 v) { return raw(&v, 1); }
  Args& u32v(u32 v) { return le(v); }
  Args& u64v(u64 v) { return le(v); }
  Args& fixed(ByteView b) { return raw(b.data(), b.size()); }
  Args& bytes(ByteView b) {
    u32v(static_cast<u32>(b.size()));
    return fixed(b);
  }
  Args& str(std::string_view s) { return bytes(ByteView(reinterpret_cast<const u8*>(s.data()), s.size())); }
  operator const Bytes&() const { return b_; }
  operator ByteView() const { return b_; }
  const Bytes& data() const { return b_; }

 private:
  template <typename T>
  Args& le(T v) {
    u8 tmp[sizeof(T)];
    store_le<T>(tmp, v);
    return raw(tmp, sizeof(T));
  }
  Args& raw(const u8* p, size_t n) {
    b_.insert(b_.end(), p, p + n);
    return *this;
  }
  Bytes b_;
};

// Reads results and event data field by field (a copy of them); `ok()` is false after
// reading too far.
class Fields {
 public:
  explicit Fields(ByteView b) : b_(b.begin(), b.end()) {}
  u8 u8v() { return take(1) ? b_[at_ - 1] : 0; }
  u32 u32v() { return take(4) ? load_le<u32>(b_.data() + at_ - 4) : 0; }
  u64 u64v() { return take(8) ? load_le<u64>(b_.data() + at_ - 8) : 0; }
  Bytes32 fixed32() {
    Bytes32 out{};
    if (take(32)) std::copy(b_.begin() + at_ - 32, b_.begin() + at_, out.begin());
    return out;
  }
  Bytes bytes() {
    const u32 n = u32v();
    if (!take(n)) return {};
    return Bytes(b_.begin() + at_ - n, b_.begin() + at_);
  }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && at_ == b_.size(); }

 private:
  bool take(size_t n) {
    if (!ok_ || b_.size() - at_ < n) return ok_ = false;
    at_ += n;
    return true;
  }
  Bytes b_;
  size_t at_ = 0;
  bool ok_ = true;
};

// A session over a state directory of its own, removed at the end.
class ContractSession : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dusk-examples-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    auto s = StateStore::open(dir_.string());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store = std::move(s).value();
    reopen(Hash256{});
  }
  void TearDown() override {
    session.reset();
    store.reset();
    fs::remove_all(dir_);
  }
  void reopen(const Hash256& root, SessionConfig config = {}) {
    session.reset();
    auto s = Session::open(*store, root, config);
    ASSERT_TRUE(s.ok()) << s.error().message;
    session = std::move(s).value();
  }
  // Deploys a built contract; the test fails when the deploy does.
  ContractId deploy(const std::string& name, ByteView owner, ByteView init, u64 nonce = 0, Receipt* receipt = nullptr) {
    const Receipt r = session->deploy(contract_code(name), owner, nonce, init, kGas);
    EXPECT_TRUE(r.ok) << name << ": " << r.error;
    if (receipt) *receipt = r;
    return r.deployed.value_or(ContractId{});
  }
  Receipt call(const ContractId& id, std::string_view fn, ByteView arg, ByteView origin) {
    return session->call(id, fn, arg, kGas, origin);
  }
  Receipt query(const ContractId& id, std::string_view fn, ByteView arg, ByteView origin = {}) {
    return session->query(id, fn, arg, kGas, origin);
  }
  // The number of a contract's 4 KiB pages that differ between two commits.
  size_t pages_changed(const ContractId& id, const Hash256& before, const Hash256& after) {
    auto a = store->contracts(before), b = store->contracts(after);
    EXPECT_TRUE(a.ok() && b.ok());
    auto pa = store->page_table(a->at(id).memory_root, a->at(id).memory_pages);
    auto pb = store->page_table(b->at(id).memory_root, b->at(id).memory_pages);
    EXPECT_TRUE(pa.ok() && pb.ok());
    size_t n = 0;
    pb->for_each([&](u32 index, const Hash256& hash) {
      if (pa->find(index) != hash) ++n;
    });
    pa->for_each([&](u32 index, const Hash256&) {
      if (!pb->find(index)) ++n;
    });
    return n;
  }
  Hash256 commit() {
    auto r = session->commit();
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : Hash256{};
  }

  std::unique_ptr<StateStore> store;
  std::unique_ptr<Session> session;

 private:
  fs::path dir_;
};

inline ByteView view(const Bytes32& b) { return ByteView(b.data(), b.size()); }

}  // namespace dusk::vm::test
