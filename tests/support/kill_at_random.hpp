// For crash tests: run a writer in a child process, kill it with SIGKILL at a random
// moment, and hand back what it acknowledged. The writer reports each durable write by
// writing one fixed-size record to a pipe; records read before and after the kill are
// returned in order. A writer that exits by itself (its own failure) is reported too.
//
// DUSK_CRASH_ROUNDS, when set, says how many rounds a test runs (make bench sets it high).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>
#include <vector>

namespace dusk::test {

inline int crash_rounds(int by_default) {
  const char* v = std::getenv("DUSK_CRASH_ROUNDS");
  return v ? std::atoi(v) : by_default;
}

template <typename Record>
struct KillRound {
  std::vector<Record> acknowledged;  // in the order the writer sent them
  bool started = false;              // false: pipe or fork failed
  bool killed = false;               // false: the writer exited by itself
  int exit_status = 0;               // when it did
};

// Runs `writer(fd)` (which must never return: it loops until killed, or _exits on its
// own failure) in a child for a random time in [min_ms, max_ms], then kills it.
template <typename Record, typename Writer>
KillRound<Record> kill_at_random(Writer&& writer, std::mt19937_64& rng, int min_ms, int max_ms) {
  KillRound<Record> round;
  int fds[2];
  if (pipe(fds) != 0) return round;
  const pid_t child = fork();
  if (child < 0) {
    close(fds[0]);
    close(fds[1]);
    return round;
  }
  if (child == 0) {
    close(fds[0]);
    writer(fds[1]);
    _exit(100);  // a writer that returns is a bug in the test
  }
  round.started = true;
  close(fds[1]);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  auto drain = [&] {
    Record r;
    while (read(fds[0], &r, sizeof r) == static_cast<ssize_t>(sizeof r)) round.acknowledged.push_back(r);
  };
  const auto span = static_cast<u64>(max_ms - min_ms + 1);
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(min_ms + static_cast<int>(rng() % span));
  while (std::chrono::steady_clock::now() < until) {
    drain();
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  drain();
  close(fds[0]);
  round.killed = WIFSIGNALED(status);
  round.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
  return round;
}

}  // namespace dusk::test
