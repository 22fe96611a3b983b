// The known-failures list of a conformance run: failures it tolerates, each with the
// reason, so that the suite stays green while anything new fails it.
//
// One entry per line; '#' starts a comment. An entry is
//   difference: TEXT -- REASON   tolerates a case whose first difference starts with TEXT
//   case: TEXT -- REASON         tolerates any failure of a case whose id (file, test
//                                name and indexes, as printed) contains TEXT
// Matching on the difference keeps an entry narrow: a tolerated case that starts failing
// for another reason is reported.
#pragma once

#include <string>
#include <vector>

#include "base/result.hpp"

namespace dusk::evm_cli {

struct KnownFailure {
  bool by_case = false;
  std::string text;
  std::string reason;
  int line = 0;
  unsigned long long matched = 0;
};

Result<std::vector<KnownFailure>> load_known_failures(const std::string& path);

// The entry tolerating this failure, or null.
KnownFailure* find_known(std::vector<KnownFailure>& list, const std::string& case_id, const std::string& difference);

}  // namespace dusk::evm_cli
