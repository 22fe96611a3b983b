// Schnorr signature verification inside a PLONK circuit (crypto/plonk/composer.hpp), as
// schnorr.hpp verifies natively: the challenge is the Poseidon hash truncated to its low
// 250 bits, and the equations u G + c pk = R (and u G' + c pk' = R' for the double form)
// are checked with the Jubjub gadgets. The truncation decomposes the hash into 255 bits
// and checks that they spell the canonical value (below r), so the prover cannot pick
// the other 255-bit representation of a small hash and with it another challenge.
//
// The key and the nonce points are witnesses checked to be on the curve; their prime
// order is what the native verifier checks and what a circuit gets from where its inputs
// come from (a key derived in the circuit by a fixed-base multiplication is of prime
// order by construction).
//
//   schnorr::gadget::verify_double(cs, u, r, r_prime, pk, pk_prime, message);
#pragma once

#include <vector>

#include "crypto/jubjub/gadget.hpp"
#include "crypto/plonk/composer.hpp"

namespace dusk::crypto::schnorr::gadget {

using jubjub::gadget::WitnessPoint;
using plonk::Composer;
using plonk::Witness;

// The low 250 bits of x (least significant first), from x's decomposition into 255
// bits checked canonical; truncate() sums them into one witness.
// assert_canonical: 255 bits (least significant first, boolean) spell a value below r.
void assert_canonical(Composer& cs, const std::vector<Witness>& bits);
std::vector<Witness> truncated_bits(Composer& cs, Witness x);
Witness truncate(Composer& cs, Witness x);

void verify(Composer& cs, Witness u, const WitnessPoint& r, const WitnessPoint& pk, Witness message);
void verify_double(Composer& cs, Witness u, const WitnessPoint& r, const WitnessPoint& r_prime,
                   const WitnessPoint& pk, const WitnessPoint& pk_prime, Witness message);

}  // namespace dusk::crypto::schnorr::gadget
