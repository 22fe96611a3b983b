# Conformance and command-line tests of dusk-evm (included from CMakeLists.txt).
if(NOT TARGET dusk-evm)
  return()
endif()

# --- execution-spec-tests state tests ---------------------------------------------------
# Extracted at build time into the build tree (never into the source tree).
find_program(ZSTD zstd REQUIRED)
find_program(TAR tar REQUIRED)
file(REAL_PATH ${DUSK_TESTDATA}/evm/eest-state-tests.tar.zst eest_archive)
set(eest_dir ${CMAKE_CURRENT_BINARY_DIR}/eest)
if(EXISTS ${eest_archive})
  add_custom_command(OUTPUT ${eest_dir}/extracted.stamp
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${eest_dir}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${eest_dir}
    COMMAND sh -c "'${ZSTD}' -dc '${eest_archive}' | '${TAR}' -x -C '${eest_dir}'"
    COMMAND ${CMAKE_COMMAND} -E touch ${eest_dir}/extracted.stamp
    DEPENDS ${eest_archive}
    COMMENT "Extracting the execution-spec-tests state tests"
    VERBATIM)
  add_custom_target(eest_state_tests ALL DEPENDS ${eest_dir}/extracted.stamp)

  set(known ${CMAKE_CURRENT_SOURCE_DIR}/evm_known_failures.txt)
  foreach(fork Cancun Prague)
    add_test(NAME evm_state_tests_${fork}
      COMMAND dusk-evm statetest --fork ${fork} --known-failures ${known} ${eest_dir}/state_tests)
    set_tests_properties(evm_state_tests_${fork} PROPERTIES LABELS conformance TIMEOUT 1800)
  endforeach()

  # The runner itself, on one fixture file.
  set(example ${eest_dir}/state_tests/static/state_tests/stExample/add11.json)
  function(dusk_evm_cli_test name)
    dusk_expect_test(TOOL dusk-evm NAME dusk_evm_cli_${name} ${ARGN})
  endfunction()
  dusk_evm_cli_test(statetest_pass STATUS 0 STDOUT "^2 passed, 0 failed\n$" ARGS statetest ${example})
  dusk_evm_cli_test(statetest_fork STATUS 0 STDOUT "^1 passed, 0 failed\n$" ARGS statetest --fork Prague ${example})
  dusk_evm_cli_test(statetest_wrong_root STATUS 1
    STDOUT "FAIL .*wrong_root.json: wrong_root \\[Prague d0 g0 v0\\]: root: expected 0x0000000000000000000000000000000000000000000000000000000000000000, got 0x[0-9a-f]+\n0 passed, 1 failed\n$"
    ARGS statetest ${CMAKE_CURRENT_SOURCE_DIR}/evm/wrong_root.json)
  # The known-failures gate: a listed failure passes the run, an unlisted one fails it.
  dusk_evm_cli_test(statetest_known STATUS 0
    STDOUT "known: 1 case\\(s\\) named wrong_root .Prague .*known: 0 case\\(s\\) failing with precompile 0x06.*0 passed, 1 failed \\(1 known, 0 new\\)\n$"
    ARGS statetest --known-failures ${CMAKE_CURRENT_SOURCE_DIR}/evm/wrong_root_known.txt
         ${CMAKE_CURRENT_SOURCE_DIR}/evm/wrong_root.json)
  dusk_evm_cli_test(statetest_known_new STATUS 1
    STDOUT "FAIL .*wrong_root.json: wrong_root \\[Prague d0 g0 v0\\]: root: .*0 passed, 1 failed \\(0 known, 1 new\\)\n$"
    ARGS statetest --known-failures ${CMAKE_CURRENT_SOURCE_DIR}/evm_known_failures.txt
         ${CMAKE_CURRENT_SOURCE_DIR}/evm/wrong_root.json)
  dusk_evm_cli_test(statetest_known_bad_file STATUS 2 STDERR "cannot read known-failures file"
    ARGS statetest --known-failures ${CMAKE_CURRENT_SOURCE_DIR}/evm/no-such.txt ${example})
  dusk_evm_cli_test(statetest_missing STATUS 1 STDOUT "cannot read .*no-such-dir" ARGS statetest ${eest_dir}/no-such-dir)
else()
  message(WARNING "EEST state tests not found at ${eest_archive}: evm_state_tests_* not registered")
endif()

# --- state-test details of other fillers, on fixtures of our own -----------------------
# tests/conformance/evm/NAME.json must pass whole: `passed` cases, none failing.
function(dusk_evm_fixture_test name passed)
  dusk_expect_test(TOOL dusk-evm NAME dusk_evm_cli_statetest_${name} STATUS 0
    STDOUT "^${passed} passed, 0 failed\n$" ARGS statetest ${CMAKE_CURRENT_SOURCE_DIR}/evm/${name}.json)
endfunction()
# accessLists with null for a data index: that transaction has no access list (type 0).
dusk_evm_fixture_test(access_list_null 2)
# A value or gas limit wider than 256 bits: that case is an invalid transaction.
dusk_evm_fixture_test(quantity_overflow 3)
# More blobs than a block holds: TYPE_3_TX_BLOB_COUNT_EXCEEDED alone, as older fills say.
dusk_evm_fixture_test(blob_count_exceeded 2)

function(dusk_evm_run_test name)
  dusk_expect_test(TOOL dusk-evm NAME dusk_evm_run_${name} ${ARGN})
endfunction()
# 1 + 2 stored at 0 and returned: 3+3+3+3+(3 + 3 memory)+3+3+0 = 24 gas.
dusk_evm_run_test(add STATUS 0
  STDOUT "^output: 0x0000000000000000000000000000000000000000000000000000000000000003\ngas used: 24\n$"
  ARGS run --code 600160020160005260206000f3)
dusk_evm_run_test(json STATUS 0
  STDOUT "^\\{\"output\":\"0x0000000000000000000000000000000000000000000000000000000000000003\",\"gasUsed\":\"0x18\",\"error\":null\\}\n$"
  ARGS run --json --code 600160020160005260206000f3)
# STATICCALL to 0x100 with 160 zero bytes (an invalid P256VERIFY input): 5 PUSHes + GAS
# (17), the call (100 warm) and 5 words of memory (15), then P256VERIFY's 6,900 when
# --p256verify maps it; without it 0x100 is a cold empty account (2,600) and runs nothing.
dusk_evm_run_test(p256verify STATUS 0 STDOUT "^output: 0x\ngas used: 7032\n$"
  ARGS run --p256verify --code 6000600060a060006101005afa00)
dusk_evm_run_test(no_p256verify STATUS 0 STDOUT "^output: 0x\ngas used: 2632\n$"
  ARGS run --code 6000600060a060006101005afa00)
# PUSH1 1, JUMP to a non-JUMPDEST: all gas is consumed.
dusk_evm_run_test(bad_jump STATUS 0 STDOUT "^output: 0x\ngas used: 1000\nerror: bad jump destination\n$"
  ARGS run --gas 1000 --code 600156)
dusk_evm_run_test(revert_json STATUS 0
  STDOUT "\"output\":\"0x\",\"gasUsed\":\"0x6\",\"error\":\"revert\""
  ARGS run --json --code 60006000fd)
dusk_evm_run_test(trace STATUS 0
  STDOUT "^\\{\"pc\":0,\"op\":96,\"gas\":\"0x64\",\"gasCost\":\"0x3\",\"memSize\":0,\"stack\":\\[\\],\"depth\":1,\"refund\":0,\"opName\":\"PUSH1\"\\}\n\\{\"pc\":2,\"op\":0,\"gas\":\"0x61\",\"gasCost\":\"0x0\",\"memSize\":0,\"stack\":\\[\"0x2a\"\\],\"depth\":1,\"refund\":0,\"opName\":\"STOP\"\\}\n\\{\"output\":\"0x\",\"gasUsed\":\"0x3\",\"error\":null\\}\n$"
  ARGS run --json --trace --gas 100 --code 602a00)
# gasCost includes memory expansion (MSTORE: 3 + 3), and for calls the gas handed over
# (STATICCALL to identity with 255 gas: 100 warm access + 255 = 0x163).
dusk_evm_run_test(trace_costs STATUS 0
  STDOUT "\"gasCost\":\"0x6\",\"memSize\":0,\"stack\":\\[\"0x1\",\"0x0\"\\],\"depth\":1,\"refund\":0,\"opName\":\"MSTORE\".*\"gasCost\":\"0x163\",[^\n]*\"opName\":\"STATICCALL\""
  ARGS run --json --trace --gas 100000 --code 60016000526000600060006000600460fffa00)
# PUSH0 (EIP-3855) costs 2 under Cancun too.
dusk_evm_run_test(push0_cancun STATUS 0 STDOUT "gas used: 2\n$" ARGS run --fork Cancun --code 5f)
dusk_evm_run_test(bad_hex STATUS 2 STDERR "--code: " ARGS run --code 6g)
dusk_evm_run_test(help STATUS 0
  STDOUT "^usage: dusk-evm run --code HEX \\[OPTIONS\\]\n.*--gas N[^\n]*\n[^\n]*9223372036854775807 = 2\\^63-1.*exit status:.*out of memory"
  ARGS run --help)
# --gas: 0 to 2^63 - 1 (the EVM's signed 64-bit gas counter), anything else a usage error.
dusk_evm_run_test(gas_max STATUS 0 STDOUT "^output: 0x\ngas used: 0\n$" ARGS run --gas 9223372036854775807 --code 00)
dusk_evm_run_test(gas_above_max STATUS 2
  STDERR "^dusk-evm: --gas: '9223372036854775808' is out of range \\(0 to 9223372036854775807\\)\nTry 'dusk-evm run --help'.\n$"
  ARGS run --gas 9223372036854775808 --code 00)
dusk_evm_run_test(gas_huge STATUS 2 STDERR "--gas: '99999999999999999999999' is out of range"
  ARGS run --gas 99999999999999999999999 --code 00)
dusk_evm_run_test(gas_negative STATUS 2 STDERR "--gas: '-1' is out of range" ARGS run --gas -1 --code 00)
dusk_evm_run_test(gas_not_a_number STATUS 2 STDERR "--gas: '1e6' is not a number" ARGS run --gas 1e6 --code 00)
dusk_evm_run_test(unexpected_argument STATUS 2 STDERR "unexpected argument 'extra'" ARGS run --code 00 extra)
# RETURN of 4 GiB (PUSH5 2^32, PUSH1 0, RETURN) and LOG0 of 4 GiB, with the 3.5 * 10^13
# gas that much memory costs: the allocation fails (the address space is limited to
# 1 GiB) and the run ends with a message, not with std::bad_alloc's abort. Sanitizer
# builds reserve terabytes of address space, so they cannot run under the limit.
if(NOT DUSK_SANITIZE)
  set(limit_1g ${CMAKE_CURRENT_SOURCE_DIR}/cli/with_memory_limit.sh 1048576)
  dusk_evm_run_test(return_out_of_memory STATUS 1 STDERR "^dusk-evm: out of memory: "
    LAUNCHER ${limit_1g} ARGS run --gas 100000000000000 --code 6401000000006000f3)
  dusk_evm_run_test(log_out_of_memory STATUS 1 STDERR "^dusk-evm: out of memory: "
    LAUNCHER ${limit_1g} ARGS run --gas 100000000000000 --code 6401000000006000a0)
endif()
dusk_evm_run_test(no_code STATUS 2 STDERR "--code is required" ARGS run)
dusk_evm_run_test(bad_fork STATUS 2 STDERR "unknown fork 'Osaka'" ARGS run --fork Osaka --code 00)
dusk_evm_run_test(unknown_command STATUS 2 STDERR "unknown command 'frobnicate'" ARGS frobnicate)
dusk_expect_test(TOOL dusk-evm NAME dusk_evm_cli_help STATUS 0 STDOUT "^usage: dusk-evm COMMAND.*statetest.*run" ARGS --help)
dusk_expect_test(TOOL dusk-evm NAME dusk_evm_cli_statetest_help STATUS 0
  STDOUT "^usage: dusk-evm statetest \\[OPTIONS\\] PATH...\n.*--known-failures FILE.*exit status:" ARGS statetest --help)
dusk_expect_test(TOOL dusk-evm NAME dusk_evm_cli_statetest_no_path STATUS 2 STDERR "PATH is required\nTry 'dusk-evm statetest --help'" ARGS statetest)
