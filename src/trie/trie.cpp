#include "trie/trie.hpp"

#include <algorithm>

#include "crypto/hash/keccak.hpp"
#include "base/rlp.hpp"

namespace dusk::trie {
namespace {

struct Entry {
  std::vector<u8> path;  // nibbles, most significant first
  const Bytes* value;
};

std::vector<u8> to_nibbles(ByteView key) {
  std::vector<u8> out;
  out.reserve(key.size() * 2);
  for (u8 b : key) {
    out.push_back(b >> 4);
    out.push_back(b & 0x0f);
  }
  return out;
}

// Appends the reference to a child node: the node itself when its RLP is under 32
// bytes, else the RLP string of its hash.
void append_ref(Bytes& out, const Bytes& node) {
  if (node.size() < 32) {
    out.insert(out.end(), node.begin(), node.end());
  } else {
    const auto h = crypto::keccak256(node);
    rlp::encode_bytes(out, h);
  }
}

// The RLP of the node for entries [lo, hi), which all share their first `depth` nibbles.
// Entries are sorted by path and there is at least one.
Bytes build(const std::vector<Entry>& e, size_t lo, size_t hi, size_t depth) {
  Bytes payload;
  Bytes node;
  if (hi - lo == 1) {
    rlp::encode_bytes(payload, hex_prefix(e[lo].path, depth, e[lo].path.size(), true));
    rlp::encode_bytes(payload, *e[lo].value);
    rlp::encode_list_payload(node, payload);
    return node;
  }
  // Sorted, so the common prefix of the whole range is that of its first and last paths.
  const std::vector<u8>& first = e[lo].path;
  const std::vector<u8>& last = e[hi - 1].path;
  size_t common = depth;
  while (common < first.size() && common < last.size() && first[common] == last[common]) ++common;
  if (common > depth) {
    rlp::encode_bytes(payload, hex_prefix(first, depth, common, false));
    append_ref(payload, build(e, lo, hi, common));
    rlp::encode_list_payload(node, payload);
    return node;
  }
  // Branch. A path that ends here sorts first and its value goes in slot 16.
  const Bytes* here = nullptr;
  if (first.size() == depth) {
    here = e[lo].value;
    ++lo;
  }
  size_t i = lo;
  for (u8 nibble = 0; nibble < 16; ++nibble) {
    size_t j = i;
    while (j < hi && e[j].path[depth] == nibble) ++j;
    if (j == i) payload.push_back(0x80);  // empty child
    else append_ref(payload, build(e, i, j, depth + 1));
    i = j;
  }
  rlp::encode_bytes(payload, here ? ByteView(*here) : ByteView());
  rlp::encode_list_payload(node, payload);
  return node;
}

Hash256 root_of(std::vector<Entry> entries) {
  if (entries.empty()) return kEmptyTrieRoot;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
  return crypto::keccak256(build(entries, 0, entries.size(), 0));
}

}  // namespace

const Hash256 kEmptyTrieRoot = crypto::keccak256(Bytes{0x80});

Bytes hex_prefix(const std::vector<u8>& nibbles, size_t begin, size_t end, bool leaf) {
  const size_t n = end - begin;
  const bool odd = (n % 2) != 0;
  Bytes out;
  out.reserve(n / 2 + 1);
  const u8 flag = static_cast<u8>((leaf ? 2 : 0) + (odd ? 1 : 0));
  size_t i = begin;
  if (odd) out.push_back(static_cast<u8>(flag << 4 | nibbles[i++]));
  else out.push_back(static_cast<u8>(flag << 4));
  for (; i < end; i += 2) out.push_back(static_cast<u8>(nibbles[i] << 4 | nibbles[i + 1]));
  return out;
}

Hash256 trie_root(const std::map<Bytes, Bytes>& entries) {
  std::vector<Entry> v;
  v.reserve(entries.size());
  for (const auto& [key, value] : entries)
    if (!value.empty()) v.push_back({to_nibbles(key), &value});
  return root_of(std::move(v));
}

Hash256 secure_trie_root(const std::map<Bytes, Bytes>& entries) {
  std::vector<Entry> v;
  v.reserve(entries.size());
  for (const auto& [key, value] : entries)
    if (!value.empty()) v.push_back({to_nibbles(crypto::keccak256(key)), &value});
  return root_of(std::move(v));
}

Hash256 ordered_trie_root(const std::vector<Bytes>& values) {
  std::map<Bytes, Bytes> entries;
  for (size_t i = 0; i < values.size(); ++i) entries.emplace(rlp::encode_uint(Uint256{i}), values[i]);
  return trie_root(entries);
}

}  // namespace dusk::trie
