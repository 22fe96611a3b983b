#include "crypto/bls12_381/fp2.hpp"

#include "crypto/ff/detail/fp2_impl.hpp"

template class dusk::crypto::ff::Fp2T<dusk::crypto::bls12_381::Fp>;
