// UTF-8 well-formedness, as WebAssembly names and contract ABI strings require it.
#pragma once

#include "base/bytes.hpp"

namespace dusk {

// True if the bytes are well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool is_valid_utf8(ByteView s);

}  // namespace dusk
