#include "trie/patricia_trie.hpp"

#include <algorithm>
#include <string>

#include "base/rlp.hpp"
#include "crypto/hash/keccak.hpp"
#include "trie/trie.hpp"

namespace dusk::trie {

using Nibbles = std::vector<u8>;

// A reference to a node from its parent (or from the trie, for the root). Empty: no
// node. `hash` set: the node stored under that hash, loaded into `node` or not yet.
// `node` without `hash`: a node changed since it was loaded, a new one, or a child
// inlined in its parent's RLP; its RLP is computed again at commit.
struct PatriciaTrie::Ref {
  std::optional<Hash256> hash;
  std::unique_ptr<Node> node;
  bool empty() const { return !hash && !node; }
};

struct PatriciaTrie::Node {
  enum class Kind : u8 { kLeaf, kExtension, kBranch };
  Kind kind = Kind::kLeaf;
  Nibbles path;               // leaf and extension: the nibbles this node consumes
  Bytes value;                // leaf: its value; branch: the value ending here (empty: none)
  std::vector<Ref> children;  // branch: 16; extension: 1 (never empty)
};

namespace {

using Ref = PatriciaTrie::Ref;
using Node = PatriciaTrie::Node;
using Kind = Node::Kind;

TrieFailure bad_node(const std::string& why) { return {TrieError::kBadNode, "trie node: " + why}; }

Nibbles nibbles_of(ByteView key, KeyForm form) {
  Nibbles out;
  if (form == KeyForm::kHashed) {
    const Hash256 h = crypto::keccak256(key);
    out.reserve(64);
    for (u8 b : h) {
      out.push_back(b >> 4);
      out.push_back(b & 0x0f);
    }
    return out;
  }
  out.reserve(key.size() * 2);
  for (u8 b : key) {
    out.push_back(b >> 4);
    out.push_back(b & 0x0f);
  }
  return out;
}

std::unique_ptr<Node> make_leaf(Nibbles path, ByteView value) {
  auto n = std::make_unique<Node>();
  n->kind = Kind::kLeaf;
  n->path = std::move(path);
  n->value.assign(value.begin(), value.end());
  return n;
}

std::unique_ptr<Node> make_extension(Nibbles path, Ref child) {
  auto n = std::make_unique<Node>();
  n->kind = Kind::kExtension;
  n->path = std::move(path);
  n->children.resize(1);
  n->children[0] = std::move(child);
  return n;
}

std::unique_ptr<Node> make_branch() {
  auto n = std::make_unique<Node>();
  n->kind = Kind::kBranch;
  n->children.resize(16);
  return n;
}

Ref ref_to(std::unique_ptr<Node> node) {
  Ref r;
  r.node = std::move(node);
  return r;
}

// The number of nibbles `path` shares with `key` from `pos`.
size_t common_prefix(const Nibbles& path, const Nibbles& key, size_t pos) {
  size_t m = 0;
  while (m < path.size() && pos + m < key.size() && path[m] == key[pos + m]) ++m;
  return m;
}

bool same(ByteView a, ByteView b) { return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin()); }

// ---- decoding ----------------------------------------------------------------------

TrieResult<std::unique_ptr<Node>> decode_node(const rlp::Item& item);

TrieResult<Ref> decode_child(const rlp::Item& item) {
  Ref r;
  if (item.is_list) {  // a node under 32 bytes, inlined
    DUSK_ASSIGN(r.node, decode_node(item));
    return r;
  }
  if (item.payload.empty()) return r;
  if (item.payload.size() != 32) return bad_node("a child reference is neither a hash nor a node");
  Hash256 h;
  std::copy(item.payload.begin(), item.payload.end(), h.begin());
  r.hash = h;
  return r;
}

TrieResult<std::unique_ptr<Node>> decode_node(const rlp::Item& item) {
  if (!item.is_list) return bad_node("not a list");
  auto items = rlp::decode_list(item);
  if (!items) return bad_node(items.error().message);
  const std::vector<rlp::Item>& it = *items;
  if (it.size() == 17) {
    auto n = make_branch();
    size_t present = 0;
    for (size_t i = 0; i < 16; ++i) {
      DUSK_ASSIGN(n->children[i], decode_child(it[i]));
      present += !n->children[i].empty();
    }
    if (it[16].is_list) return bad_node("a branch value is a list");
    n->value.assign(it[16].payload.begin(), it[16].payload.end());
    if (present + !n->value.empty() < 2) return bad_node("a branch with fewer than two entries");
    return n;
  }
  if (it.size() != 2) return bad_node("a list of " + std::to_string(it.size()) + " items");
  if (it[0].is_list || it[0].payload.empty()) return bad_node("a path that is not hex-prefix encoded");
  const ByteView hp = it[0].payload;
  const u8 flag = hp[0] >> 4;
  if (flag > 3 || ((flag & 1) == 0 && (hp[0] & 0x0f) != 0)) return bad_node("a bad hex-prefix flag");
  Nibbles path;
  path.reserve(hp.size() * 2);
  if (flag & 1) path.push_back(hp[0] & 0x0f);
  for (size_t i = 1; i < hp.size(); ++i) {
    path.push_back(hp[i] >> 4);
    path.push_back(hp[i] & 0x0f);
  }
  if (flag & 2) {
    if (it[1].is_list || it[1].payload.empty()) return bad_node("a leaf without a value");
    return make_leaf(std::move(path), it[1].payload);
  }
  if (path.empty()) return bad_node("an extension with an empty path");
  DUSK_ASSIGN(Ref child, decode_child(it[1]));
  if (child.empty()) return bad_node("an extension without a child");
  return make_extension(std::move(path), std::move(child));
}

// ---- encoding ----------------------------------------------------------------------

Bytes encode_node(Node& n, std::vector<TrieNode>& out);

// Appends how `r` appears in its parent: inline under 32 bytes, else by hash (the node
// then goes to `out`, once: the reference keeps the hash).
void append_child(Bytes& payload, Ref& r, std::vector<TrieNode>& out) {
  if (r.empty()) {
    payload.push_back(0x80);
    return;
  }
  if (!r.hash) {
    Bytes enc = encode_node(*r.node, out);
    if (enc.size() < 32) {
      payload.insert(payload.end(), enc.begin(), enc.end());
      return;
    }
    r.hash = crypto::keccak256(enc);
    out.push_back({*r.hash, std::move(enc)});
  }
  rlp::encode_bytes(payload, *r.hash);
}

Bytes encode_node(Node& n, std::vector<TrieNode>& out) {
  Bytes payload;
  switch (n.kind) {
    case Kind::kLeaf:
      rlp::encode_bytes(payload, hex_prefix(n.path, 0, n.path.size(), true));
      rlp::encode_bytes(payload, n.value);
      break;
    case Kind::kExtension:
      rlp::encode_bytes(payload, hex_prefix(n.path, 0, n.path.size(), false));
      append_child(payload, n.children[0], out);
      break;
    case Kind::kBranch:
      for (Ref& c : n.children) append_child(payload, c, out);
      rlp::encode_bytes(payload, n.value);
      break;
  }
  Bytes node;
  rlp::encode_list_payload(node, payload);
  return node;
}

}  // namespace

// ---- the trie ----------------------------------------------------------------------

// The operations, with access to the store; each keeps the trie canonical: no branch
// with fewer than two entries, no extension above anything but a branch.
class PatriciaTrie::Walker {
 public:
  Walker(const NodeStore& store, const Ref* root) : store_(store), root_(root) {}

  // Loads the node `r` refers to, when not loaded yet.
  TrieStatus resolve(Ref& r) {
    if (r.node || !r.hash) return {};
    auto got = store_.get(*r.hash);
    if (!got) return got.take_error();
    if (!got->has_value()) return TrieFailure{TrieError::kMissingNode, "trie node " + to_hex(*r.hash) + " is not stored"};
    const Bytes& rlp_bytes = **got;
    if (crypto::keccak256(rlp_bytes) != *r.hash)
      return bad_node("the node stored under " + to_hex(*r.hash) + " has another hash");
    auto item = rlp::decode_single(rlp_bytes);
    if (!item) return bad_node(item.error().message);
    DUSK_ASSIGN(r.node, decode_node(*item));
    // Only a root is stored under 32 bytes; anywhere else such a node is inlined, so
    // it must be encoded again rather than referenced by hash. (A root's reference is
    // never moved under another node: updates replace it.)
    if (rlp_bytes.size() < 32 && &r != root_) r.hash.reset();
    return {};
  }

  TrieResult<bool> insert(Ref& r, const Nibbles& k, size_t pos, ByteView value) {
    if (r.empty()) {
      r = ref_to(make_leaf(Nibbles(k.begin() + static_cast<long>(pos), k.end()), value));
      return true;
    }
    DUSK_TRY(resolve(r));
    Node& n = *r.node;
    if (n.kind == Kind::kBranch) {
      bool changed = false;
      if (pos == k.size()) {
        changed = !same(n.value, value);
        if (changed) n.value.assign(value.begin(), value.end());
      } else {
        DUSK_ASSIGN(changed, insert(n.children[k[pos]], k, pos + 1, value));
      }
      if (changed) r.hash.reset();
      return changed;
    }
    const size_t m = common_prefix(n.path, k, pos);
    if (n.kind == Kind::kLeaf && m == n.path.size() && pos + m == k.size()) {
      if (same(n.value, value)) return false;
      n.value.assign(value.begin(), value.end());
      r.hash.reset();
      return true;
    }
    if (n.kind == Kind::kExtension && m == n.path.size()) {
      DUSK_ASSIGN(const bool changed, insert(n.children[0], k, pos + m, value));
      if (changed) r.hash.reset();
      return changed;
    }
    // The key leaves this node's path after m nibbles: a branch there holds both.
    auto branch = make_branch();
    if (n.kind == Kind::kLeaf) {
      if (m == n.path.size()) branch->value = std::move(n.value);
      else branch->children[n.path[m]] = ref_to(make_leaf(Nibbles(n.path.begin() + static_cast<long>(m) + 1, n.path.end()), n.value));
    } else {  // an extension, left before its end (m < path size)
      Ref& slot = branch->children[n.path[m]];
      if (m + 1 == n.path.size()) slot = std::move(n.children[0]);
      else slot = ref_to(make_extension(Nibbles(n.path.begin() + static_cast<long>(m) + 1, n.path.end()), std::move(n.children[0])));
    }
    if (pos + m == k.size()) branch->value.assign(value.begin(), value.end());
    else branch->children[k[pos + m]] = ref_to(make_leaf(Nibbles(k.begin() + static_cast<long>(pos + m) + 1, k.end()), value));
    if (m > 0) {
      Nibbles prefix(n.path.begin(), n.path.begin() + static_cast<long>(m));
      r = ref_to(make_extension(std::move(prefix), ref_to(std::move(branch))));
    } else {
      r = ref_to(std::move(branch));
    }
    return true;
  }

  TrieResult<bool> erase(Ref& r, const Nibbles& k, size_t pos) {
    if (r.empty()) return false;
    DUSK_TRY(resolve(r));
    Node& n = *r.node;
    switch (n.kind) {
      case Kind::kLeaf: {
        if (n.path.size() != k.size() - pos || common_prefix(n.path, k, pos) != n.path.size()) return false;
        r = Ref{};
        return true;
      }
      case Kind::kExtension: {
        if (common_prefix(n.path, k, pos) != n.path.size()) return false;
        DUSK_ASSIGN(const bool changed, erase(n.children[0], k, pos + n.path.size()));
        if (!changed) return false;
        r.hash.reset();
        DUSK_TRY(merge_extension(r));
        return true;
      }
      case Kind::kBranch: {
        if (pos == k.size()) {
          if (n.value.empty()) return false;
          n.value.clear();
        } else {
          DUSK_ASSIGN(const bool changed, erase(n.children[k[pos]], k, pos + 1));
          if (!changed) return false;
        }
        r.hash.reset();
        DUSK_TRY(collapse_branch(r));
        return true;
      }
    }
    return false;
  }

 private:
  // An extension whose branch became a leaf or an extension absorbs it.
  TrieStatus merge_extension(Ref& r) {
    Node& n = *r.node;
    Ref& c = n.children[0];
    if (c.empty()) {
      r = Ref{};
      return {};
    }
    DUSK_TRY(resolve(c));
    Node& cn = *c.node;
    if (cn.kind == Kind::kBranch) return {};
    Nibbles path = std::move(n.path);
    path.insert(path.end(), cn.path.begin(), cn.path.end());
    if (cn.kind == Kind::kLeaf) r = ref_to(make_leaf(std::move(path), cn.value));
    else r = ref_to(make_extension(std::move(path), std::move(cn.children[0])));
    return {};
  }

  // A branch left with one entry becomes a leaf or an extension.
  TrieStatus collapse_branch(Ref& r) {
    Node& n = *r.node;
    size_t count = 0, only = 16;
    for (size_t i = 0; i < 16; ++i) {
      if (!n.children[i].empty()) {
        ++count;
        only = i;
      }
    }
    if (count + !n.value.empty() >= 2) return {};
    if (count == 0) {
      if (n.value.empty()) r = Ref{};
      else r = ref_to(make_leaf({}, n.value));
      return {};
    }
    Ref& c = n.children[only];
    DUSK_TRY(resolve(c));
    Node& cn = *c.node;
    Nibbles path{static_cast<u8>(only)};
    if (cn.kind == Kind::kBranch) {
      r = ref_to(make_extension(std::move(path), std::move(c)));
      return {};
    }
    path.insert(path.end(), cn.path.begin(), cn.path.end());
    if (cn.kind == Kind::kLeaf) r = ref_to(make_leaf(std::move(path), cn.value));
    else r = ref_to(make_extension(std::move(path), std::move(cn.children[0])));
    return {};
  }

  const NodeStore& store_;
  const Ref* root_;
};

PatriciaTrie::PatriciaTrie(const NodeStore& store, const Hash256& root, KeyForm form)
    : store_(&store), form_(form), committed_root_(root), root_(std::make_unique<Ref>()) {
  if (root != kEmptyTrieRoot) root_->hash = root;
}

PatriciaTrie::~PatriciaTrie() = default;
PatriciaTrie::PatriciaTrie(PatriciaTrie&&) noexcept = default;
PatriciaTrie& PatriciaTrie::operator=(PatriciaTrie&&) noexcept = default;

TrieStatus PatriciaTrie::check_usable() const {
  if (broken_) return TrieFailure{TrieError::kBroken, "the trie failed an earlier update and must be opened again"};
  return {};
}

TrieResult<std::optional<Bytes>> PatriciaTrie::get(ByteView key) {
  DUSK_TRY(check_usable());
  const Nibbles k = nibbles_of(key, form_);
  Walker w(*store_, root_.get());
  Ref* r = root_.get();
  size_t pos = 0;
  for (;;) {
    if (r->empty()) return std::optional<Bytes>{};
    DUSK_TRY(w.resolve(*r));
    Node& n = *r->node;
    switch (n.kind) {
      case Kind::kLeaf:
        if (n.path.size() == k.size() - pos && common_prefix(n.path, k, pos) == n.path.size())
          return std::optional<Bytes>{n.value};
        return std::optional<Bytes>{};
      case Kind::kExtension:
        if (common_prefix(n.path, k, pos) != n.path.size()) return std::optional<Bytes>{};
        pos += n.path.size();
        r = &n.children[0];
        break;
      case Kind::kBranch:
        if (pos == k.size()) {
          if (n.value.empty()) return std::optional<Bytes>{};
          return std::optional<Bytes>{n.value};
        }
        r = &n.children[k[pos++]];
        break;
    }
  }
}

TrieStatus PatriciaTrie::put(ByteView key, ByteView value) {
  if (value.empty()) return erase(key);
  DUSK_TRY(check_usable());
  Walker w(*store_, root_.get());
  auto r = w.insert(*root_, nibbles_of(key, form_), 0, value);
  if (!r) {
    broken_ = true;
    return r.take_error();
  }
  return {};
}

TrieStatus PatriciaTrie::erase(ByteView key) {
  DUSK_TRY(check_usable());
  Walker w(*store_, root_.get());
  auto r = w.erase(*root_, nibbles_of(key, form_), 0);
  if (!r) {
    broken_ = true;
    return r.take_error();
  }
  return {};
}

TrieResult<TrieCommit> PatriciaTrie::commit() {
  DUSK_TRY(check_usable());
  TrieCommit c;
  if (root_->empty()) {
    c.root = kEmptyTrieRoot;
  } else if (root_->hash) {
    c.root = *root_->hash;
  } else {
    Bytes enc = encode_node(*root_->node, c.nodes);
    c.root = crypto::keccak256(enc);
    c.nodes.push_back({c.root, std::move(enc)});
  }
  committed_root_ = c.root;
  *root_ = Ref{};
  if (c.root != kEmptyTrieRoot) root_->hash = c.root;
  return c;
}

}  // namespace dusk::trie
