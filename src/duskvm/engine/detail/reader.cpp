#include "duskvm/engine/detail/reader.hpp"

namespace dusk::wasm {

bool Reader::name(std::string* out) {
  u32 len;
  if (!u32leb(&len)) return false;
  if (remaining() < len) return fail("length out of bounds");
  ByteView b(p_, len);
  if (!is_valid_utf8(b)) return fail("malformed UTF-8 encoding");
  out->assign(reinterpret_cast<const char*>(p_), len);
  p_ += len;
  return true;
}

}  // namespace dusk::wasm
