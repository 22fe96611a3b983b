// The execution-lane interface: what DuskDS, the settlement layer, knows of an execution
// lane (DuskEVM, DuskVM). Settlement orders blocks and certifies roots; each lane builds
// and re-executes its own payload, as Ethereum's consensus and execution layers split
// the work (the Engine API). DuskDS includes this header and never a lane's own.
//
// One DuskDS block carries exactly one block of each lane, numbered as the DuskDS block.
// The block flow, as the node drives it:
//
//   Payload p = lane.build(ctx, deposits);     // generator: from the lane's pool
//   Payload p = lane.execute(ctx, deposits, body);  // validator: re-execute, then compare
//                                              //   commitment(p) with the header's
//   lane.stage(batch);                          // the pending block into the node's batch
//   db.write(batch); lane.committed();          // one atomic write for every layer
//   ... or, when the block is dropped: lane.discard();
//   lane.finalize(height, batch);               // once the block is final
//
// Between build/execute and committed/discard, nothing of the pending block is visible
// to queries: a lane answers from its last committed block.
//
// Value. Every lane holds DUSK; amounts crossing the interface are LUX (1 DUSK = 10^9
// LUX). Deposits (DuskDS -> lane) are credited in the block that carries them; withdrawals
// (lane -> DuskDS), including the fees the lane's gas paid (owed to the block's
// generator), are credited on DuskDS when the block is final. Supply figures are in
// "wei units" (LUX x 10^9), the finest unit any lane has, so that an EVM balance that is
// not a whole number of LUX still counts exactly.
#pragma once
#include <span>
#include <string_view>
#include <vector>
#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/int.hpp"
#include "base/result.hpp"
#include "storage/database.hpp"

namespace dusk::lane {

enum class LaneId : u8 { kEvm = 1, kVm = 2 };
std::string_view name(LaneId id);

inline constexpr u64 kWeiPerLux = 1'000'000'000;
inline constexpr size_t kDsKeyBytes = 96;  // a DuskDS (Moonlight) public key, compressed G2

// What a lane's block is built or executed for: the DuskDS block that carries it.
struct BlockContext {
  u64 chain_id = 0;
  u64 height = 0;        // the DuskDS height, also the lane block's number
  u64 timestamp_ms = 0;  // the block's time (milliseconds since the Unix epoch)
  Hash256 parent{};      // the DuskDS parent block's hash
  Hash256 seed{};        // the block's seed (randomness, not for secrets)
  Bytes generator;       // the generator's DuskDS public key (96 bytes)
};

// DUSK moving from DuskDS into a lane, by a DuskDS deposit transaction.
struct Deposit {
  Hash256 id{};  // the DuskDS transaction's id
  Bytes from;    // the depositor's DuskDS public key (96 bytes)
  Bytes to;      // the lane's address: EVM 20 bytes; DuskVM 32 bytes (an account or contract)
  u64 amount = 0;  // LUX
  bool operator==(const Deposit&) const = default;
};

// DUSK leaving a lane for a DuskDS account, credited there when the block is final.
struct Withdrawal {
  Bytes from;    // the lane's address that sent it (empty: the lane's fees)
  Bytes to;      // the DuskDS public key credited (96 bytes)
  u64 amount = 0;  // LUX
  bool operator==(const Withdrawal&) const = default;
};

// A lane's block, as built or executed.
struct Payload {
  Bytes body;                    // the lane's own encoding of the block's transactions
  Hash256 state_root{};          // the lane's state after the block
  std::vector<Withdrawal> withdrawals;  // in the order they happened; fees last
  u32 transactions = 0;          // how many the body carries
  u128 burned = 0;               // wei units destroyed by the block (EVM: the base fee)
  u128 holdings = 0;             // every balance the lane holds after the block, in wei units
};

// What a DuskDS header commits to for each lane.
struct Commitment {
  Hash256 payload_hash{};      // BLAKE2b-256 of the body
  Hash256 state_root{};
  Hash256 withdrawals_root{};  // withdrawals_root(payload.withdrawals)
  bool operator==(const Commitment&) const = default;
};

// BLAKE2b-256 over the withdrawals' encodings, each: u16 LE length of `from`, from,
// to (96 bytes), amount (u64 LE); over a u32 LE count first. Zero withdrawals hash too.
Hash256 withdrawals_root(std::span<const Withdrawal> withdrawals);
Commitment commitment(const Payload& payload);

// Deposits and withdrawals as bytes (the DuskDS block stores withdrawals in flight).
Bytes encode_withdrawals(std::span<const Withdrawal> withdrawals);
Result<std::vector<Withdrawal>> decode_withdrawals(ByteView bytes);

class Lane {
 public:
  virtual ~Lane() = default;
  virtual LaneId id() const = 0;

  // The last committed block: its height (0: genesis) and state root.
  virtual u64 height() const = 0;
  virtual Hash256 state_root() const = 0;
  // Every balance the lane holds after its last committed block, in wei units.
  virtual u128 holdings() const = 0;

  // A transaction for the lane's pool, in the lane's encoding; its id, or why it was
  // refused (nothing changes then).
  virtual Result<Hash256> submit(ByteView transaction) = 0;
  virtual size_t pool_size() const = 0;

  // The next block from the pool, with `deposits` credited first. Pending until
  // committed() or discard(); a lane holds one pending block at a time.
  virtual Result<Payload> build(const BlockContext& ctx, std::span<const Deposit> deposits) = 0;
  // Re-executes a received block. Fails when the body does not decode or holds a
  // transaction that is not valid there; the caller compares the commitment.
  virtual Result<Payload> execute(const BlockContext& ctx, std::span<const Deposit> deposits,
                                  ByteView body) = 0;
  // Adds the pending block (state, receipts, records) to `batch`.
  virtual Status stage(storage::WriteBatch& batch) = 0;
  // The batch holding the staged block is written: the pending block is the lane's last.
  virtual void committed() = 0;
  // The pending block is dropped; the lane stays at its last committed block.
  virtual void discard() = 0;

  // The block at `height` (committed) is final: what the lane may now forget of older
  // states goes into `batch`. When a block is pending, the node calls finalize before
  // stage (the lane may apply both as one change); either way both land in the batch.
  virtual Status finalize(u64 height, storage::WriteBatch& batch) = 0;
  // Undoes the committed blocks above `height` (never below the last final one): the
  // undo goes into `batch` as a pending change, finished like a block by committed() once
  // the batch is written, or dropped by discard(). Used when a fork replaces blocks and
  // when a node finds a lane ahead of the chain it recorded.
  virtual Status revert_to(u64 height, storage::WriteBatch& batch) = 0;
};

}  // namespace dusk::lane
