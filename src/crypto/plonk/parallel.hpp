// Splitting work over the machine's two cores with plain std::thread: the prover's FFTs,
// MSMs and quotient evaluation (domain.hpp, prover.cpp) and the setup's point decoding.
//
// A helper thread is started per call and joined before returning, so callers need no
// pool and no shutdown; each call costs one thread start (tens of microseconds), which is
// why work below a size threshold runs on the calling thread only. The callables must not
// throw (nothing here does: the field and curve code reports errors as values).
#pragma once

#include <cstddef>
#include <thread>
#include <utility>

namespace dusk::crypto::plonk {

// Threads the prover uses: both cores of the reference machine.
inline constexpr size_t kProverThreads = 2;

// Runs a() on a new thread and b() on this one; returns when both are done.
template <typename A, typename B>
void run_in_parallel(A&& a, B&& b) {
  std::thread t(std::forward<A>(a));
  std::forward<B>(b)();
  t.join();
}

// Calls f(begin, end) over [0, n) cut in two halves, one per core, when n >= min_parallel;
// otherwise f(0, n) on this thread.
template <typename F>
void parallel_for(size_t n, size_t min_parallel, F&& f) {
  if (n < min_parallel || n < 2) {
    f(size_t{0}, n);
    return;
  }
  const size_t mid = n / 2;
  run_in_parallel([&] { f(size_t{0}, mid); }, [&] { f(mid, n); });
}

}  // namespace dusk::crypto::plonk
