// A contract's memory as persisted: the hash of each non-zero 4 KiB page, kept in groups
// of 64 pages (256 KiB of memory) so that a commit rehashes and rewrites only the groups
// whose pages it changed.
//
// The memory root is the state tree's root (merkle.hpp) over {page key -> page hash},
// the page index big-endian in the key's first 4 bytes. A group is the pages whose
// indices agree but for the low 6 bits, so its pages sit under one subtree at depth 26:
// each group keeps that subtree's root, and the memory root is put together from the
// groups' roots alone. The result is the same as merkle_root over every page; the tests
// check it against that definition.
//
// Groups are shared, never changed in place: copying a table copies one pointer per
// group, and an update replaces only the groups it touches (copy on write).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "duskvm/runtime/merkle.hpp"

namespace dusk::vm {

inline constexpr u64 kPageBytes = 4096;     // the engine's write-tracking page
inline constexpr u32 kGroupShift = 6;       // 64 pages to a group
inline constexpr u32 kGroupPages = 1u << kGroupShift;
inline constexpr size_t kGroupDepth = 32 - kGroupShift;  // where a group's subtree sits

// The hash of a page; nullopt when the page is all zeros (such pages are not stored).
std::optional<Hash256> page_hash(ByteView page);
// The 32-byte tree key of a page index.
Hash256 page_key(u32 index);

// The non-zero pages of one group and the root of their subtree.
struct PageGroup {
  std::map<u32, Hash256> hashes;  // page index -> page hash; at least one
  Hash256 root{};                 // merkle_subtree of the pages at kGroupDepth

  // The group's stored form: u32 count, then (u32 index, hash) ascending, little-endian.
  Bytes encode() const;
  // The group `group` decoded from its stored form, its root recomputed; nullopt when the
  // bytes are malformed or a page lies outside the group.
  static std::optional<PageGroup> decode(u32 group, ByteView bytes);
};

class PageTable {
 public:
  // A change to apply: the page's new hash, or nullopt for a page now all zeros.
  using Change = std::pair<u32, std::optional<Hash256>>;

  PageTable() = default;
  explicit PageTable(u64 pages) : pages_(pages) {}
  PageTable(u64 pages, const std::map<u32, Hash256>& hashes);

  u64 pages() const { return pages_; }  // memory size, in 4 KiB pages
  void set_pages(u64 pages) { pages_ = pages; }

  // Applies `changes` (any order; a page may appear more than once, the last counts) and
  // recomputes the roots of the groups they touch. Returns those groups as they now are
  // (emptied ones left out), for the store to write.
  std::vector<std::shared_ptr<const PageGroup>> update(std::span<const Change> changes);

  std::optional<Hash256> find(u32 index) const;
  size_t size() const;  // non-zero pages
  // Every page, ascending: f(index, hash).
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& [g, group] : groups_)
      for (const auto& [index, hash] : group->hashes) f(index, hash);
  }
  std::map<u32, Hash256> hashes() const;
  std::vector<Hash256> group_roots() const;  // ascending by group index
  std::vector<MerkleEntry> entries() const;  // the tree's entries, sorted by key

  // The memory root, from the groups' roots (empty for a memory of zeros).
  Hash256 root() const;

  // The table's own stored form: u64 pages, u32 groups, then per group u32 index, u32
  // page count, root; the groups themselves are stored apart, by root.
  Bytes encode() const;
  struct Outline {
    u64 pages = 0;
    struct Group {
      u32 index;
      u32 count;
      Hash256 root;
    };
    std::vector<Group> groups;
  };
  static std::optional<Outline> decode_outline(ByteView bytes);
  // Puts a table together from an outline and its groups (in the outline's order);
  // nullopt when a group disagrees with the outline.
  static std::optional<PageTable> assemble(const Outline& outline,
                                           std::vector<std::shared_ptr<const PageGroup>> groups);

  bool operator==(const PageTable& o) const { return pages_ == o.pages_ && hashes() == o.hashes(); }

 private:
  u64 pages_ = 0;
  std::map<u32, std::shared_ptr<const PageGroup>> groups_;  // group index -> group (non-empty)
};

}  // namespace dusk::vm
