// For end-to-end tests: a duskd the test starts itself, on a free loopback port (duskd
// picks it: --api 127.0.0.1:0, and prints "duskd ready: api HOST:PORT"), with its own
// data directory, and stops at the end whatever happens: the destructor SIGKILLs it and
// reaps it, and the child dies with the test process (PR_SET_PDEATHSIG) if the test
// itself is killed. stdout and stderr go to files in the data directory's parent, for
// the failure messages.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace dusk::test {

class DuskdProcess {
 public:
  // Starts `binary` with `args` (add --api 127.0.0.1:0; the JSON-RPC goes on a free port
  // too unless `args` name --rpc or --no-rpc); waits up to `timeout` for the ready line.
  // ok() says whether it came up; log() has what it printed.
  DuskdProcess(const std::string& binary, std::vector<std::string> args, const std::filesystem::path& log_dir,
               std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    std::filesystem::create_directories(log_dir);
    out_path_ = log_dir / "duskd.out";
    err_path_ = log_dir / "duskd.err";
    std::filesystem::remove(out_path_);  // the ready line read below must be this run's
    if (std::find(args.begin(), args.end(), "--rpc") == args.end() &&
        std::find(args.begin(), args.end(), "--no-rpc") == args.end()) {
      args.push_back("--rpc");
      args.push_back("127.0.0.1:0");
    }
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      const int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      dup2(out, 1);
      dup2(err, 2);
      std::vector<char*> argv{const_cast<char*>(binary.c_str())};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      std::ifstream f(out_path_);
      std::string line;
      while (std::getline(f, line)) {
        // "duskd ready: api HOST:PORT[ rpc HOST:PORT]"
        const std::string tag = "duskd ready: api ";
        if (line.rfind(tag, 0) == 0) {
          std::istringstream words(line.substr(tag.size()));
          std::string api, word, rpc;
          words >> api >> word >> rpc;
          port_ = static_cast<uint16_t>(std::stoi(api.substr(api.rfind(':') + 1)));
          if (word == "rpc") rpc_port_ = static_cast<uint16_t>(std::stoi(rpc.substr(rpc.rfind(':') + 1)));
          return;
        }
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~DuskdProcess() { kill(); }
  DuskdProcess(const DuskdProcess&) = delete;
  DuskdProcess& operator=(const DuskdProcess&) = delete;

  bool ok() const { return port_ != 0; }
  uint16_t port() const { return port_; }
  // The JSON-RPC's port (0 when it serves none).
  uint16_t rpc_port() const { return rpc_port_; }
  pid_t pid() const { return pid_; }
  // SIGKILL and reap (idempotent).
  void kill() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
      exited_ = true;
    }
  }
  // SIGTERM, and wait up to `timeout` for a clean exit; its exit status, or -1.
  int terminate(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    if (pid_ <= 0 || exited_) return -1;
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill();
    return -1;
  }
  std::string log() const {
    std::stringstream s;
    s << std::ifstream(out_path_).rdbuf() << std::ifstream(err_path_).rdbuf();
    std::string text = s.str();
    return text.size() > 4000 ? text.substr(text.size() - 4000) : text;
  }

 private:
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  uint16_t rpc_port_ = 0;
  bool exited_ = false;
  std::filesystem::path out_path_, err_path_;
};

}  // namespace dusk::test
