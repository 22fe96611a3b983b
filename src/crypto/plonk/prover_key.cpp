#include "crypto/plonk/prover_key.hpp"

#include <optional>
#include <string>
#include <vector>

#include "crypto/bls12_381/serialization.hpp"
#include "crypto/plonk/commitment/kzg.hpp"
#include "crypto/plonk/parallel.hpp"

namespace dusk::crypto::plonk {
namespace {

using bls12_381::G1Affine;

// The key's polynomials: the selectors, then the four sigmas.
constexpr size_t kPolys = kSelectorCount + 4;

// Everything of the prover key that follows from the eleven polynomials' coefficients.
void derive_coset_values(ProverKey& pk) {
  const size_t n = pk.n();
  const Domain& q = pk.quotient_domain;
  auto to_coset = [&](const Polynomial& p) {
    std::vector<Fr> v = p;
    q.coset_fft(v);
    return v;
  };
  for (size_t i = 0; i < kSelectorCount; ++i) pk.selectors_coset[i] = to_coset(pk.selectors[i]);
  for (size_t j = 0; j < 4; ++j) {
    pk.sigmas_coset[j] = to_coset(pk.sigmas[j]);
    pk.sigma_values[j] = pk.sigmas[j];
    pk.domain.fft(pk.sigma_values[j]);
  }
  // L_0 = (1/n) sum_{i<n} X^i.
  pk.l0_coset = to_coset(Polynomial(n, pk.domain.size_inv()));
  // Z_H(g w'^i) = g^n (w'^n)^i - 1, and w'^n has order 8.
  const Fr gn = coset_generator().pow(static_cast<u64>(n));
  const Fr zeta = q.generator().pow(static_cast<u64>(n));
  Fr z = Fr::one();
  for (size_t i = 0; i < 8; ++i) {
    pk.vanishing_inv_coset[i] = (gn * z - Fr::one()).inverse_vartime();
    z *= zeta;
  }
}

// The commitments of the eleven polynomials, both cores per MSM.
PlonkResult<std::array<G1Affine, kPolys>> commit_all(const ProverKey& pk) {
  std::array<G1Affine, kPolys> out;
  for (size_t i = 0; i < kPolys; ++i) {
    const Polynomial& p = i < kSelectorCount ? pk.selectors[i] : pk.sigmas[i - kSelectorCount];
    DUSK_ASSIGN(out[i], commit(pk.commit_powers, p));
  }
  return out;
}

PlonkResult<Domain> circuit_domain(size_t gates) {
  auto d = Domain::create(std::max(gates, size_t{1} << kMinCircuitLog));
  if (!d || d->log_size() > kMaxCircuitLog) {
    return PlonkFailure(PlonkError::kCircuitTooLarge, "circuit: " + std::to_string(gates) + " gates exceed 2^" +
                                                         std::to_string(kMaxCircuitLog));
  }
  return *d;
}

}  // namespace

PlonkResult<size_t> srs_powers_for(size_t gates) {
  DUSK_ASSIGN(Domain domain, circuit_domain(gates));
  return domain.size() + kSrsBlindingPowers;
}

PlonkResult<Keys> preprocess(const Srs& srs, const Composer& shape) {
  const auto& gates = shape.gates();
  DUSK_ASSIGN(Domain domain, circuit_domain(gates.size()));
  const size_t n = domain.size();
  if (srs.size() < n + kSrsBlindingPowers) {
    return PlonkFailure(PlonkError::kSrsTooSmall, "circuit of " + std::to_string(n) + " rows needs an SRS of " +
                                                      std::to_string(n + kSrsBlindingPowers) + " powers, have " +
                                                      std::to_string(srs.size()));
  }
  auto pk = std::make_shared<ProverKey>();
  pk->domain = domain;
  pk->quotient_domain = *Domain::create(8 * n);
  pk->commit_powers.assign(srs.powers_g1().begin(), srs.powers_g1().begin() + n + kSrsBlindingPowers);

  // Selectors on H.
  for (auto& s : pk->selectors) s.assign(n, Fr::zero());
  for (size_t i = 0; i < gates.size(); ++i) {
    const Gate& g = gates[i];
    const Fr* q[kSelectorCount] = {&g.q_m, &g.q_l, &g.q_r, &g.q_o, &g.q_4, &g.q_c, &g.q_range};
    for (size_t k = 0; k < kSelectorCount; ++k) pk->selectors[k][i] = *q[k];
  }

  // The permutation: positions p = j n + i; consecutive positions of a class are linked,
  // the last back to the first.
  std::vector<u32> cls(4 * n, 0);  // padding wires hold the zero witness (class 0)
  for (size_t i = 0; i < gates.size(); ++i) {
    const Witness w[4] = {gates[i].a, gates[i].b, gates[i].c, gates[i].d};
    for (size_t j = 0; j < 4; ++j) cls[j * n + i] = shape.wire_class(w[j]);
  }
  constexpr u32 kNone = ~u32{0};
  std::vector<u32> first(shape.witness_count(), kNone), last(shape.witness_count(), kNone), next(4 * n);
  for (u32 p = 0; p < 4 * n; ++p) {
    const u32 c = cls[p];
    if (first[c] == kNone) {
      first[c] = p;
    } else {
      next[last[c]] = p;
    }
    last[c] = p;
  }
  for (size_t c = 0; c < first.size(); ++c) {
    if (first[c] != kNone) next[last[c]] = first[c];
  }
  const std::vector<Fr> omegas = domain.elements();
  for (size_t j = 0; j < 4; ++j) {
    std::vector<Fr>& s = pk->sigma_values[j];
    s.resize(n);
    for (size_t i = 0; i < n; ++i) {
      const u32 to = next[j * n + i];
      s[i] = Fr::from_u64(kCosetShifts[to / n]) * omegas[to % n];
    }
  }

  // Coefficients (the inverse FFTs), then everything that follows from them.
  for (auto& s : pk->selectors) domain.ifft(s);
  for (size_t j = 0; j < 4; ++j) {
    pk->sigmas[j] = pk->sigma_values[j];
    domain.ifft(pk->sigmas[j]);
  }
  derive_coset_values(*pk);

  VerifierKeyData vd;
  vd.log_n = domain.log_size();
  vd.circuit_id = shape.description_hash();
  vd.public_input_rows = shape.public_input_rows();
  DUSK_ASSIGN(const auto commitments, commit_all(*pk));
  std::copy(commitments.begin(), commitments.begin() + kSelectorCount, vd.selectors.begin());
  std::copy(commitments.begin() + kSelectorCount, commitments.end(), vd.sigmas.begin());
  vd.g2 = srs.g2();
  vd.x_g2 = srs.x_g2();
  pk->verifier_key = std::make_shared<const VerifierKey>(std::move(vd));
  return Keys{pk, pk->verifier_key};
}

PlonkResult<Keys> KeyCache::get(const Composer& shape) {
  const auto id = shape.description_hash();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = keys_.find(id); it != keys_.end()) return it->second;
  }
  DUSK_ASSIGN(Keys keys, preprocess(srs_, shape));
  std::lock_guard<std::mutex> lock(mu_);
  return keys_.emplace(id, std::move(keys)).first->second;
}

size_t KeyCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return keys_.size();
}

// --- Serialization. ---

namespace {
PlonkFailure bad_key(const std::string& msg) { return PlonkFailure(PlonkError::kBadKey, "prover key: " + msg); }
}  // namespace

Bytes ProverKey::to_bytes() const { return encode(false); }
Bytes ProverKey::to_cache_bytes() const { return encode(true); }
PlonkResult<std::shared_ptr<const ProverKey>> ProverKey::from_bytes(ByteView bytes) { return decode(bytes, false); }
PlonkResult<std::shared_ptr<const ProverKey>> ProverKey::from_cache_bytes(ByteView bytes) {
  return decode(bytes, true);
}

Bytes ProverKey::encode(bool cache) const {
  Bytes out;
  const Bytes vk = verifier_key->to_bytes();
  append_be<u32>(out, static_cast<u32>(vk.size()));
  out.insert(out.end(), vk.begin(), vk.end());
  for (size_t i = 0; i < kPolys; ++i) {
    const Polynomial& p = i < kSelectorCount ? selectors[i] : sigmas[i - kSelectorCount];
    for (const Fr& c : p) {
      const auto b = c.to_bytes_be();
      out.insert(out.end(), b.begin(), b.end());
    }
  }
  append_be<u32>(out, static_cast<u32>(commit_powers.size()));
  for (const auto& p : commit_powers) {
    if (cache) {
      const auto b = bls12_381::g1_to_uncompressed(p);
      out.insert(out.end(), b.begin(), b.end());
    } else {
      const auto b = bls12_381::g1_to_compressed(p);
      out.insert(out.end(), b.begin(), b.end());
    }
  }
  return out;
}

PlonkResult<std::shared_ptr<const ProverKey>> ProverKey::decode(ByteView bytes, bool cache) {
  const size_t point_size = cache ? bls12_381::kG1UncompressedSize : bls12_381::kG1CompressedSize;
  if (bytes.size() < 4) return bad_key("too short");
  const size_t vk_len = load_be<u32>(bytes.data());
  if (bytes.size() < 4 + vk_len) return bad_key("truncated verifier key");
  DUSK_ASSIGN(VerifierKey vk, VerifierKey::from_bytes(bytes.subspan(4, vk_len)));
  const size_t n = vk.n();
  size_t at = 4 + vk_len;
  const size_t want = at + kPolys * n * 32 + 4 + (n + kSrsBlindingPowers) * point_size;
  if (bytes.size() != want) return PlonkFailure(PlonkError::kBadLength, "prover key: wrong length");
  auto pk = std::make_shared<ProverKey>();
  pk->domain = *Domain::create(n);
  pk->quotient_domain = *Domain::create(8 * n);
  for (size_t i = 0; i < kPolys; ++i) {
    Polynomial& p = i < kSelectorCount ? pk->selectors[i] : pk->sigmas[i - kSelectorCount];
    p.resize(n);
    for (Fr& c : p) {
      auto r = Fr::from_bytes_be(bytes.subspan(at, 32));
      if (!r.ok()) return PlonkFailure(static_cast<PlonkError>(r.error().code), "prover key: " + r.error().message);
      c = *r;
      at += 32;
    }
  }
  if (load_be<u32>(bytes.data() + at) != n + kSrsBlindingPowers) return bad_key("wrong number of SRS powers");
  at += 4;
  pk->commit_powers.resize(n + kSrsBlindingPowers);
  // Points decoded on both cores; the first failure (by position) is reported.
  std::vector<std::optional<std::string>> failures(pk->commit_powers.size());
  const ByteView points = bytes.subspan(at);
  parallel_for(pk->commit_powers.size(), 1024, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const ByteView b = points.subspan(i * point_size, point_size);
      auto r = cache ? bls12_381::g1_from_uncompressed(b) : bls12_381::g1_from_compressed(b);
      if (r.ok())
        pk->commit_powers[i] = *r;
      else
        failures[i] = r.error().message;
    }
  });
  for (const auto& f : failures)
    if (f) return bad_key("a commit power: " + *f);
  if (!cache) {
    // The coefficients must be the ones the verifier key commits to, under these powers.
    // (Powers that are not an SRS's only hurt the holder of this key: its proofs fail.)
    DUSK_ASSIGN(const auto commitments, commit_all(*pk));
    for (size_t i = 0; i < kPolys; ++i) {
      const G1Affine& want_c = i < kSelectorCount ? vk.data().selectors[i] : vk.data().sigmas[i - kSelectorCount];
      if (!(commitments[i] == want_c)) return bad_key("polynomials do not match the verifier key's commitments");
    }
  }
  derive_coset_values(*pk);
  pk->verifier_key = std::make_shared<const VerifierKey>(std::move(vk));
  return std::shared_ptr<const ProverKey>(std::move(pk));
}

}  // namespace dusk::crypto::plonk
