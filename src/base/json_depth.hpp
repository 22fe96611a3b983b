// How deeply a JSON text nests, found without parsing it.
//
// A guard to run before handing untrusted JSON to nlohmann::json: its parser keeps its
// own stack, but copies, comparisons and walks over the parsed value recurse once per
// level, so a file of 100,000 nested arrays overflows the native stack. Checking the
// depth first turns that into an error message.
#pragma once

#include <string_view>

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk {

// The nesting our JSON readers accept: far above any file they are meant for
// (the WebAssembly spec scripts nest at most 6 levels, the EEST state tests 8) and far below what a recursion per
// level can do to an 8 MiB stack.
inline constexpr u32 kMaxJsonDepth = 256;

// Fails when an array or object in `text` is nested more than `max_depth` levels deep
// (`[]` is depth 1, `[[]]` is 2), with the message "JSON nested deeper than <max_depth>
// levels (at byte <offset>)". Brackets inside strings do not count, and escaped quotes
// do not end a string. Only nesting is checked: whether the text is valid JSON is still
// the parser's to decide (an unmatched closing bracket is ignored here).
Status check_json_depth(std::string_view text, u32 max_depth = kMaxJsonDepth);

}  // namespace dusk
