# What the end-to-end walkthroughs of the example contracts share (each includes this):
# dusk-vm run over a state directory of the walkthrough's own, its --json receipts read
# field by field, and the checks every walkthrough makes: results, events, refusals that
# exit 1 and leave the state root as it was, commits that the next invocation sees.
#
# Inputs (-D): VM, the dusk-vm binary; CONTRACTS, the directory of the built .wasm files;
# STATE, a scratch directory (removed first, and at the end by dusk_vm_done()).
foreach(input VM CONTRACTS STATE)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "-D${input}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE ${STATE})

# vm(STATUS ARGS...): runs `dusk-vm ARGS...` and checks its exit status; OUT and ERR hold
# what it printed.
function(vm status)
  execute_process(COMMAND ${VM} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "${status}")
    message(FATAL_ERROR "dusk-vm ${ARGN}: status ${rc}, expected ${status}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  set(OUT "${out}" PARENT_SCOPE)
  set(ERR "${err}" PARENT_SCOPE)
endfunction()

function(expect text regex)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "expected '${regex}' in:\n${text}")
  endif()
endfunction()

# field(VAR PATH...): VAR = the member of the last receipt (OUT) at PATH (keys and
# indices, as string(JSON GET) takes them). Booleans read as ON and OFF.
function(field var)
  string(JSON value ERROR_VARIABLE error GET "${OUT}" ${ARGN})
  if(error)
    message(FATAL_ERROR "no ${ARGN} in the receipt: ${error}\n${OUT}")
  endif()
  set(${var} "${value}" PARENT_SCOPE)
endfunction()

# expect_field(EXPECTED PATH...): the member at PATH is exactly EXPECTED.
function(expect_field expected)
  field(value ${ARGN})
  if(NOT value STREQUAL "${expected}")
    message(FATAL_ERROR "${ARGN}: '${value}', expected '${expected}'\nin:\n${OUT}")
  endif()
endfunction()

# expect_length(N PATH...): the array at PATH has N elements.
function(expect_length n)
  string(JSON length ERROR_VARIABLE error LENGTH "${OUT}" ${ARGN})
  if(error OR NOT length EQUAL n)
    message(FATAL_ERROR "${ARGN}: ${length} elements (${error}), expected ${n}\nin:\n${OUT}")
  endif()
endfunction()

# state_root(VAR): the head's root, as `dusk-vm root` prints it.
function(state_root var)
  vm(0 root --state ${STATE})
  string(STRIP "${OUT}" root)
  expect("${root}" "^0x[0-9a-f]+$")
  set(${var} "${root}" PARENT_SCOPE)
endfunction()

# account(VAR BYTE): VAR = a 32-byte account of one repeated byte, "0x" and 64 hex digits.
# As a transaction's --origin it is also the sender the contracts see (32 bytes: as is).
function(account var byte)
  string(REPEAT "${byte}" 32 hex)
  set(${var} "0x${hex}" PARENT_SCOPE)
endfunction()

# receipt(STATUS COMMAND ARGS...): `dusk-vm COMMAND --state STATE ARGS... --json`, with
# exit status STATUS (0 done, 1 refused); OUT is the receipt. A deploy or call that
# succeeded committed: the head's root is now the receipt's state_root.
function(receipt status command)
  vm(${status} ${command} --state ${STATE} ${ARGN} --json)
  field(ok ok)
  if(status EQUAL 0)
    expect("${ok}" "^ON$")
  else()
    expect("${ok}" "^OFF$")
  endif()
  if(status EQUAL 0 AND NOT command STREQUAL "query")
    field(committed state_root)
    state_root(head)
    if(NOT head STREQUAL committed)
      message(FATAL_ERROR "dusk-vm ${command} ${ARGN}: the head is ${head}, the receipt says ${committed}")
    endif()
  endif()
  set(OUT "${OUT}" PARENT_SCOPE)
endfunction()

# deploy(VAR FILE.wasm ARGS...): deploys a built contract; VAR = its ID.
function(deploy var file)
  receipt(0 deploy ${CONTRACTS}/${file} ${ARGN})
  field(id id)
  expect("${id}" "^0x[0-9a-f]+$")
  set(${var} "${id}" PARENT_SCOPE)
  set(OUT "${OUT}" PARENT_SCOPE)
endfunction()

# refused(MESSAGE COMMAND ARGS...): the deploy or call fails (exit 1) with an error
# matching MESSAGE, emits nothing and commits nothing: the root is the same before and
# after, in the receipt and in the state directory.
function(refused message command)
  state_root(before)
  receipt(1 ${command} ${ARGN})
  field(error error)
  expect("${error}" "${message}")
  expect_length(0 events)
  expect_field("${before}" state_root)
  state_root(after)
  if(NOT after STREQUAL before)
    message(FATAL_ERROR "dusk-vm ${command} ${ARGN} failed but the root moved from ${before} to ${after}")
  endif()
  set(OUT "${OUT}" PARENT_SCOPE)
endfunction()

# usage_error(MESSAGE ARGS...): `dusk-vm ARGS...` is refused as bad arguments (exit 2,
# MESSAGE on stderr), before anything runs: the root is unchanged.
function(usage_error message)
  state_root(before)
  vm(2 ${ARGN})
  expect("${ERR}" "${message}")
  state_root(after)
  if(NOT after STREQUAL before)
    message(FATAL_ERROR "dusk-vm ${ARGN} was refused but the root moved from ${before} to ${after}")
  endif()
endfunction()

function(dusk_vm_done)
  file(REMOVE_RECURSE ${STATE})
endfunction()
