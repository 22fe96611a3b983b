#include "duskvm/runtime/page_table.hpp"

#include <algorithm>

#include "crypto/hash/blake2b.hpp"

namespace dusk::vm {

namespace {

constexpr Hash256 kEmpty{};

u32 group_of(u32 index) { return index >> kGroupShift; }

Hash256 group_root(const std::map<u32, Hash256>& hashes) {
  std::vector<MerkleEntry> e;
  e.reserve(hashes.size());
  for (const auto& [index, hash] : hashes) e.emplace_back(page_key(index), hash);
  return merkle_subtree(e, kGroupDepth);
}

// What the top of the memory tree needs of a group.
struct GroupRoot {
  u32 index;
  size_t count;
  Hash256 root;
};

// The subtree at `depth` (< kGroupDepth: above the groups) over `g`, sorted by group
// index, all sharing their first `depth` key bits: merkle.cpp's recursion, with each
// group's subtree taken as it is kept. Bit `depth` of a page key is bit
// (kGroupDepth - 1 - depth) of its group's index.
Hash256 top(std::span<const GroupRoot> g, size_t depth) {
  if (g.empty()) return kEmpty;
  if (g.size() == 1 && (g[0].count == 1 || depth == kGroupDepth)) return g[0].root;
  const u32 bit = 1u << (kGroupDepth - 1 - depth);
  const auto mid = std::partition_point(g.begin(), g.end(), [&](const GroupRoot& x) { return !(x.index & bit); });
  const size_t m = static_cast<size_t>(mid - g.begin());
  return merkle_node(top(g.first(m), depth + 1), top(g.subspan(m), depth + 1));
}

}  // namespace

Hash256 page_key(u32 index) {
  Hash256 k{};
  store_be<u32>(k.data(), index);
  return k;
}

std::optional<Hash256> page_hash(ByteView page) {
  if (std::all_of(page.begin(), page.end(), [](u8 b) { return b == 0; })) return std::nullopt;
  return crypto::blake2b<32>(page);
}

Bytes PageGroup::encode() const {
  Bytes out(4 + hashes.size() * 36);
  store_le<u32>(out.data(), static_cast<u32>(hashes.size()));
  u8* p = out.data() + 4;
  for (const auto& [index, hash] : hashes) {
    store_le<u32>(p, index);
    std::copy(hash.begin(), hash.end(), p + 4);
    p += 36;
  }
  return out;
}

std::optional<PageGroup> PageGroup::decode(u32 group, ByteView b) {
  if (b.size() < 4) return std::nullopt;
  const u32 n = load_le<u32>(b.data());
  if (n == 0 || n > kGroupPages || b.size() != 4 + size_t{n} * 36) return std::nullopt;
  PageGroup g;
  const u8* p = b.data() + 4;
  for (u32 i = 0; i < n; ++i, p += 36) {
    const u32 index = load_le<u32>(p);
    if (group_of(index) != group || (!g.hashes.empty() && index <= g.hashes.rbegin()->first)) return std::nullopt;
    Hash256 h;
    std::copy_n(p + 4, 32, h.begin());
    g.hashes.emplace_hint(g.hashes.end(), index, h);
  }
  g.root = group_root(g.hashes);
  return g;
}

PageTable::PageTable(u64 pages, const std::map<u32, Hash256>& hashes) : pages_(pages) {
  std::vector<Change> changes;
  changes.reserve(hashes.size());
  for (const auto& [index, hash] : hashes) changes.emplace_back(index, hash);
  update(changes);
}

std::vector<std::shared_ptr<const PageGroup>> PageTable::update(std::span<const Change> changes) {
  std::map<u32, std::shared_ptr<PageGroup>> touched;
  for (const auto& [index, hash] : changes) {
    const u32 g = group_of(index);
    auto t = touched.find(g);
    if (t == touched.end()) {
      auto it = groups_.find(g);
      t = touched.emplace(g, it != groups_.end() ? std::make_shared<PageGroup>(*it->second)
                                                 : std::make_shared<PageGroup>()).first;
    }
    if (hash) t->second->hashes[index] = *hash;
    else t->second->hashes.erase(index);
  }
  std::vector<std::shared_ptr<const PageGroup>> out;
  out.reserve(touched.size());
  for (auto& [g, group] : touched) {
    if (group->hashes.empty()) {
      groups_.erase(g);
      continue;
    }
    group->root = group_root(group->hashes);
    groups_[g] = group;
    out.push_back(std::move(group));
  }
  return out;
}

std::optional<Hash256> PageTable::find(u32 index) const {
  auto g = groups_.find(group_of(index));
  if (g == groups_.end()) return std::nullopt;
  auto it = g->second->hashes.find(index);
  if (it == g->second->hashes.end()) return std::nullopt;
  return it->second;
}

size_t PageTable::size() const {
  size_t n = 0;
  for (const auto& [g, group] : groups_) n += group->hashes.size();
  return n;
}

std::map<u32, Hash256> PageTable::hashes() const {
  std::map<u32, Hash256> out;
  for_each([&](u32 index, const Hash256& hash) { out.emplace_hint(out.end(), index, hash); });
  return out;
}

std::vector<Hash256> PageTable::group_roots() const {
  std::vector<Hash256> out;
  out.reserve(groups_.size());
  for (const auto& [index, group] : groups_) out.push_back(group->root);
  return out;
}

std::vector<MerkleEntry> PageTable::entries() const {
  std::vector<MerkleEntry> e;
  e.reserve(size());
  for_each([&](u32 index, const Hash256& hash) { e.emplace_back(page_key(index), hash); });
  return e;
}

Hash256 PageTable::root() const {
  std::vector<GroupRoot> g;
  g.reserve(groups_.size());
  for (const auto& [index, group] : groups_) g.push_back({index, group->hashes.size(), group->root});
  return top(g, 0);
}

Bytes PageTable::encode() const {
  Bytes out(12 + groups_.size() * 40);
  store_le<u64>(out.data(), pages_);
  store_le<u32>(out.data() + 8, static_cast<u32>(groups_.size()));
  u8* p = out.data() + 12;
  for (const auto& [index, group] : groups_) {
    store_le<u32>(p, index);
    store_le<u32>(p + 4, static_cast<u32>(group->hashes.size()));
    std::copy(group->root.begin(), group->root.end(), p + 8);
    p += 40;
  }
  return out;
}

std::optional<PageTable::Outline> PageTable::decode_outline(ByteView b) {
  if (b.size() < 12) return std::nullopt;
  Outline o;
  o.pages = load_le<u64>(b.data());
  const u32 n = load_le<u32>(b.data() + 8);
  if (b.size() != 12 + size_t{n} * 40) return std::nullopt;
  const u8* p = b.data() + 12;
  for (u32 i = 0; i < n; ++i, p += 40) {
    Outline::Group g{load_le<u32>(p), load_le<u32>(p + 4), {}};
    std::copy_n(p + 8, 32, g.root.begin());
    // Ascending groups of 1 to 64 pages, inside the memory.
    if (g.count == 0 || g.count > kGroupPages || (u64{g.index} << kGroupShift) >= o.pages ||
        (!o.groups.empty() && g.index <= o.groups.back().index))
      return std::nullopt;
    o.groups.push_back(g);
  }
  return o;
}

std::optional<PageTable> PageTable::assemble(const Outline& outline,
                                             std::vector<std::shared_ptr<const PageGroup>> groups) {
  if (groups.size() != outline.groups.size()) return std::nullopt;
  PageTable t(outline.pages);
  for (size_t i = 0; i < groups.size(); ++i) {
    const auto& o = outline.groups[i];
    const auto& g = groups[i];
    if (!g || g->root != o.root || g->hashes.size() != o.count || g->hashes.rbegin()->first >= outline.pages)
      return std::nullopt;
    t.groups_.emplace_hint(t.groups_.end(), o.index, g);
  }
  return t;
}

}  // namespace dusk::vm
