# Runs a libFuzzer binary for a bounded time on a scratch copy of a seed corpus.
#   cmake -DFUZZER=<binary> -DSEEDS=<dir> -DWORK=<scratch dir> [-DDICT=<file>] [-DSECONDS=60]
#         [-DMIN_EXECS=1000] -P run_fuzz_smoke.cmake
# Fails on a nonzero exit (crash, leak, timeout, out-of-memory, sanitizer report; the
# input is left in WORK/artifacts), or when the run executed fewer than MIN_EXECS inputs.
cmake_minimum_required(VERSION 3.25)

foreach(var FUZZER SEEDS WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzz_smoke.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT DEFINED SECONDS)
  set(SECONDS 60)
endif()
if(NOT DEFINED MIN_EXECS)
  set(MIN_EXECS 1000)
endif()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
file(GLOB seeds ${SEEDS}/*)
list(LENGTH seeds num_seeds)
if(num_seeds EQUAL 0)
  message(FATAL_ERROR "no seed inputs in ${SEEDS}")
endif()
file(COPY ${seeds} DESTINATION ${WORK}/corpus)

set(ENV{ASAN_OPTIONS} "detect_leaks=1:allocator_may_return_null=0:handle_abort=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
set(ENV{DUSK_FUZZ_STATS} "1")

set(args ${WORK}/corpus
    -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=10
    -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/)
if(DEFINED DICT)
  list(APPEND args -dict=${DICT})
endif()
message(STATUS "${FUZZER} ${args}")
execute_process(COMMAND ${FUZZER} ${args}
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out ERROR_VARIABLE err
  ECHO_OUTPUT_VARIABLE ECHO_ERROR_VARIABLE)

file(GLOB artifacts ${WORK}/artifacts/*)
if(NOT rc EQUAL 0 OR artifacts)
  message(FATAL_ERROR "the fuzzer failed (exit ${rc}); inputs: ${artifacts}\n"
                      "replay one with: ${FUZZER} <input>; minimize with: ${FUZZER} -minimize_crash=1 -runs=10000 <input>")
endif()

string(REGEX MATCH "stat::number_of_executed_units: *([0-9]+)" _ "${err}")
set(execs "${CMAKE_MATCH_1}")
string(REGEX MATCH "stat::average_exec_per_sec: *([0-9]+)" _ "${err}")
set(rate "${CMAKE_MATCH_1}")
string(REGEX MATCH "stat::new_units_added: *([0-9]+)" _ "${err}")
set(added "${CMAKE_MATCH_1}")
string(REGEX MATCH "dusk-fuzz: inputs[^\n]*" summary "${err}")
if(execs STREQUAL "" OR execs LESS MIN_EXECS)
  message(FATAL_ERROR "the fuzzer executed only '${execs}' inputs (expected at least ${MIN_EXECS})")
endif()
message(STATUS "fuzzed ${execs} inputs in ${SECONDS} s (${rate}/s), ${added} new corpus units from ${num_seeds} seeds")
message(STATUS "${summary}")
