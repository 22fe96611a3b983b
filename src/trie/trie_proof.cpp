#include "trie/trie_proof.hpp"

#include "base/rlp.hpp"
#include "crypto/hash/keccak.hpp"
#include "trie/trie.hpp"

namespace dusk::trie {

namespace {

TrieFailure bad_node(const char* what) { return TrieFailure(TrieError::kBadNode, std::string("trie proof: ") + what); }

std::vector<u8> key_nibbles(ByteView key, KeyForm form) {
  Bytes path(key.begin(), key.end());
  if (form == KeyForm::kHashed) {
    const auto h = crypto::keccak256(key);
    path.assign(h.begin(), h.end());
  }
  std::vector<u8> out;
  for (u8 b : path) {
    out.push_back(b >> 4);
    out.push_back(b & 15);
  }
  return out;
}

// A leaf's or extension's hex-prefix path: its nibbles and whether it is a leaf.
TrieResult<std::pair<std::vector<u8>, bool>> decode_path(ByteView hp) {
  if (hp.empty()) return bad_node("empty path");
  const u8 flag = hp[0] >> 4;
  if (flag > 3) return bad_node("bad path flag");
  std::vector<u8> nibbles;
  if (flag & 1) nibbles.push_back(hp[0] & 15);
  for (size_t i = 1; i < hp.size(); ++i) {
    nibbles.push_back(hp[i] >> 4);
    nibbles.push_back(hp[i] & 15);
  }
  return std::pair<std::vector<u8>, bool>{std::move(nibbles), flag >= 2};
}

}  // namespace

TrieResult<TrieProof> prove(const NodeStore& store, const Hash256& root, ByteView key, KeyForm form) {
  TrieProof proof;
  if (root == kEmptyTrieRoot) return proof;
  const std::vector<u8> path = key_nibbles(key, form);
  size_t pos = 0;

  // The node being walked: fetched by hash (kept in the proof) or inlined in its parent.
  DUSK_ASSIGN(auto fetched, store.get(root));
  if (!fetched) return TrieFailure(TrieError::kMissingNode, "trie proof: the root node is missing");
  proof.nodes.push_back(std::move(*fetched));
  auto item = rlp::decode_single(proof.nodes.back());
  if (!item || !item->is_list) return bad_node("a node is not a list");
  rlp::Item node = *item;

  for (;;) {
    auto items = rlp::decode_list(node);
    if (!items) return bad_node("a node is not a list");
    rlp::Item child;
    if (items->size() == 17) {
      if (pos == path.size()) {
        auto v = rlp::decode_bytes((*items)[16]);
        if (!v) return bad_node("a branch value is not a string");
        if (!v->empty()) proof.value = Bytes(v->begin(), v->end());
        return proof;
      }
      child = (*items)[path[pos++]];
    } else if (items->size() == 2) {
      auto hp = rlp::decode_bytes((*items)[0]);
      if (!hp) return bad_node("a path is not a string");
      DUSK_ASSIGN(auto decoded, decode_path(*hp));
      const auto& [nibbles, leaf] = decoded;
      if (path.size() - pos < nibbles.size() || !std::equal(nibbles.begin(), nibbles.end(), path.begin() + pos))
        return proof;  // the key diverges here: absent
      pos += nibbles.size();
      if (leaf) {
        if (pos != path.size()) return proof;
        auto v = rlp::decode_bytes((*items)[1]);
        if (!v) return bad_node("a leaf value is not a string");
        proof.value = Bytes(v->begin(), v->end());
        return proof;
      }
      child = (*items)[1];
    } else {
      return bad_node("a node has neither 2 nor 17 items");
    }
    if (child.is_list) {  // inlined: already part of its parent's RLP
      node = child;
      continue;
    }
    auto ref = rlp::decode_bytes(child);
    if (!ref) return bad_node("a child reference is not a string");
    if (ref->empty()) return proof;  // no child there: absent
    if (ref->size() != 32) return bad_node("a child reference is neither a hash nor a node");
    Hash256 h;
    std::copy(ref->begin(), ref->end(), h.begin());
    DUSK_ASSIGN(auto next, store.get(h));
    if (!next) return TrieFailure(TrieError::kMissingNode, "trie proof: a node is missing");
    proof.nodes.push_back(std::move(*next));
    auto it = rlp::decode_single(proof.nodes.back());
    if (!it || !it->is_list) return bad_node("a node is not a list");
    node = *it;
  }
}

}  // namespace dusk::trie
