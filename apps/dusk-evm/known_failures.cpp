#include "known_failures.hpp"

#include <fstream>

namespace dusk::evm_cli {

namespace {
std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}
}  // namespace

Result<std::vector<KnownFailure>> load_known_failures(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error("cannot read known-failures file " + path);
  std::vector<KnownFailure> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    line = trim(line);
    if (line.empty()) continue;
    KnownFailure k;
    k.line = n;
    std::string rest;
    if (line.rfind("difference:", 0) == 0) rest = line.substr(11);
    else if (line.rfind("case:", 0) == 0) {
      k.by_case = true;
      rest = line.substr(5);
    } else {
      return Error(path + ":" + std::to_string(n) + ": expected 'difference:' or 'case:'");
    }
    const size_t sep = rest.find(" -- ");
    if (sep == std::string::npos) return Error(path + ":" + std::to_string(n) + ": missing ' -- REASON'");
    k.text = trim(rest.substr(0, sep));
    k.reason = trim(rest.substr(sep + 4));
    if (k.text.empty() || k.reason.empty()) return Error(path + ":" + std::to_string(n) + ": empty text or reason");
    out.push_back(std::move(k));
  }
  return out;
}

KnownFailure* find_known(std::vector<KnownFailure>& list, const std::string& case_id, const std::string& difference) {
  for (KnownFailure& k : list) {
    const bool hit = k.by_case ? case_id.find(k.text) != std::string::npos : difference.rfind(k.text, 0) == 0;
    if (hit) return &k;
  }
  return nullptr;
}

}  // namespace dusk::evm_cli
