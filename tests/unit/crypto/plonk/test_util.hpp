// Deterministic random field elements for the PLONK tests.
#pragma once

#include <array>
#include <random>
#include <vector>

#include "crypto/bls12_381/fr.hpp"

namespace dusk::crypto::plonk::test {

using bls12_381::Fr;

class FrRng {
 public:
  explicit FrRng(u64 seed) : gen_(seed) {}
  Fr next() {
    std::array<u8, 64> b;
    for (auto& x : b) x = static_cast<u8>(gen_());
    return Fr::from_uniform_bytes(b);
  }
  std::vector<Fr> vec(size_t n) {
    std::vector<Fr> v(n);
    for (auto& x : v) x = next();
    return v;
  }

 private:
  std::mt19937_64 gen_;
};

}  // namespace dusk::crypto::plonk::test
