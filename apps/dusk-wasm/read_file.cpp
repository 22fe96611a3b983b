#include "read_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace dusk::wasm_cli {

Result<Bytes> read_file(const std::string& path, u64 max_bytes) {
  auto fail = [&](const char* what) { return Error("cannot read " + path + ": " + what); };
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return fail(std::strerror(errno));
  Bytes data;
  u8 buf[1 << 16];
  for (;;) {
    const size_t n = std::fread(buf, 1, sizeof buf, f.get());
    if (n > max_bytes - data.size()) return fail("file too large");
    data.insert(data.end(), buf, buf + n);
    if (n < sizeof buf) break;
  }
  if (std::ferror(f.get())) return fail(std::strerror(errno));
  return data;
}

}  // namespace dusk::wasm_cli
