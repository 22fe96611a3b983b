#include "crypto/bn254/fp2.hpp"

#include "crypto/ff/detail/fp2_impl.hpp"

template class dusk::crypto::ff::Fp2T<dusk::crypto::bn254::Fp>;
