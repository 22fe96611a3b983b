#include "base/json_depth.hpp"

#include <string>

namespace dusk {

Status check_json_depth(std::string_view text, u32 max_depth) {
  u32 depth = 0;
  bool in_string = false;
  bool escaped = false;  // the previous character in a string was an unescaped backslash
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (depth == max_depth) {
          return Error("JSON nested deeper than " + std::to_string(max_depth) + " levels (at byte " +
                       std::to_string(i) + ")");
        }
        ++depth;
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return {};
}

}  // namespace dusk
