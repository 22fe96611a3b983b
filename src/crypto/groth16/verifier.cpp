// Instantiations of the verifier for each engine.
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/detail/verifier_impl.hpp"

namespace dusk::crypto::groth16 {

#define DUSK_GROTH16_INSTANTIATE_VERIFIER(E)                                            \
  template PreparedVerifyingKey<E> prepare<E>(const VerifyingKey<E>&);                  \
  template ProofResult<E::G1> public_input_sum<E>(const PreparedVerifyingKey<E>&,            \
                                             std::span<const E::Fr>);                   \
  template ProofResult<bool> verify<E>(const PreparedVerifyingKey<E>&, const Proof<E>&,      \
                                  std::span<const E::Fr>);                              \
  template ProofResult<bool> verify_batch<E>(const PreparedVerifyingKey<E>&,                 \
                                        std::span<const Proof<E>>,                      \
                                        std::span<const std::vector<E::Fr>>);

DUSK_GROTH16_INSTANTIATE_VERIFIER(Bls12_381Engine)
DUSK_GROTH16_INSTANTIATE_VERIFIER(Bn254Engine)

}  // namespace dusk::crypto::groth16
