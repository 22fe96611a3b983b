#include "statetest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "known_failures.hpp"
#include "state_test.hpp"

namespace dusk::evm_cli {

namespace fs = std::filesystem;

namespace {

// The .json files under `path` (or `path` itself), sorted.
std::vector<std::string> collect(const std::string& path, std::string& error) {
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else {
    error = "cannot read " + path + ": no such file or directory";
  }
  return files;
}

}  // namespace

int run_statetests(const StateTestOptions& opts) {
  u64 passed = 0, failed = 0, known = 0;
  std::vector<KnownFailure> known_list;
  if (!opts.known_failures.empty()) {
    auto k = load_known_failures(opts.known_failures);
    if (!k.ok()) {
      std::fprintf(stderr, "dusk-evm: %s\n", k.error().message.c_str());
      return 2;
    }
    known_list = std::move(k).value();
  }
  evm::CodeCache cache;
  evm::FramePool frames;  // the interpreter's buffers, reused from case to case
  for (const std::string& root : opts.paths) {
    std::string error;
    const auto files = collect(root, error);
    if (!error.empty()) {
      std::printf("FAIL %s\n", error.c_str());
      ++failed;
      continue;
    }
    for (const std::string& file : files) {
      nlohmann::json doc;
      try {
        std::ifstream in(file);
        doc = nlohmann::json::parse(in);
      } catch (const std::exception& e) {
        std::printf("FAIL %s: cannot parse: %s\n", file.c_str(), e.what());
        ++failed;
        continue;
      }
      auto tests = load_state_tests(doc);
      if (!tests.ok()) {
        std::printf("FAIL %s: %s\n", file.c_str(), tests.error().message.c_str());
        ++failed;
        continue;
      }
      for (const StateTest& t : *tests) {
        if (!opts.test_filter.empty() && t.name.find(opts.test_filter) == std::string::npos) continue;
        for (const PostEntry& p : t.posts) {
          if (opts.fork && p.fork != *opts.fork) continue;
          const CaseOutcome o = run_case(t, p, cache, opts.verbose, &frames);
          if (o.passed) {
            ++passed;
            continue;
          }
          ++failed;
          char indexes[96];
          std::snprintf(indexes, sizeof indexes, " [%s d%zu g%zu v%zu]", evm::fork_name(p.fork), p.data, p.gas,
                        p.value);
          const std::string id = file + ": " + t.name + indexes;
          if (KnownFailure* k = find_known(known_list, id, o.difference)) {
            ++k->matched;
            ++known;
            if (!opts.verbose) continue;
          }
          std::printf("FAIL %s: %s\n", id.c_str(), o.difference.c_str());
        }
      }
    }
  }
  if (!opts.known_failures.empty()) {
    for (const KnownFailure& k : known_list)
      std::printf("known: %llu case(s) %s %s (%s)\n", k.matched, k.by_case ? "named" : "failing with", k.text.c_str(),
                  k.reason.c_str());
    std::printf("%llu passed, %llu failed (%llu known, %llu new)\n", static_cast<unsigned long long>(passed),
                static_cast<unsigned long long>(failed), static_cast<unsigned long long>(known),
                static_cast<unsigned long long>(failed - known));
    return failed == known ? 0 : 1;
  }
  std::printf("%llu passed, %llu failed\n", static_cast<unsigned long long>(passed),
              static_cast<unsigned long long>(failed));
  return failed == 0 ? 0 : 1;
}

}  // namespace dusk::evm_cli
