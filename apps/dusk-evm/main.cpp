// dusk-evm: the standalone EVM tool. Reads the command line (command_line.hpp) and runs
// the command it names: statetest (statetest.hpp) or run (run.hpp).
#include <pthread.h>

#include <cstdio>
#include <functional>
#include <new>
#include <variant>

#include "command_line.hpp"

namespace {

// The status when the machine cannot allocate what a run needs.
constexpr int kExitOutOfMemory = 1;

// Runs `command`, reporting an allocation failure instead of aborting on it: the EVM's
// memory, return data and logs grow as far as gas pays for them, and a large --gas pays
// for gigabytes.
int reporting_out_of_memory(const std::function<int()>& command) {
  try {
    return command();
  } catch (const std::bad_alloc&) {
    std::fflush(stdout);
    std::fputs(
        "dusk-evm: out of memory: the run needs more memory than the machine can allocate (EVM memory, "
        "return data and logs grow as far as gas pays for them)\n",
        stderr);
    return kExitOutOfMemory;
  }
}

// Runs `body` on a thread with a 256 MiB stack (reserved, committed only as used). The
// EVM recurses natively once per call depth (up to 1024): about 3 KiB per level in an
// optimized build, but about 10 KiB under the sanitizers, more than a default 8 MiB
// stack holds.
int with_big_stack(const std::function<int()>& body) {
  struct Job {
    const std::function<int()>* body;
    int result = 0;
  } job{&body};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{256} << 20);
  pthread_t thread;
  auto entry = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    j->result = (*j->body)();
    return nullptr;
  };
  const int rc = pthread_create(&thread, &attr, entry, &job);
  pthread_attr_destroy(&attr);
  if (rc != 0) return body();  // no thread: run here, on the default stack
  pthread_join(thread, nullptr);
  return job.result;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dusk::evm_cli;
  const CommandLine command = parse_command_line(argc, argv);
  if (const int* status = std::get_if<int>(&command)) return *status;
  return with_big_stack([&] {
    return reporting_out_of_memory([&] {
      if (const auto* o = std::get_if<StateTestOptions>(&command)) return run_statetests(*o);
      return run_code(std::get<RunOptions>(command));
    });
  });
}
