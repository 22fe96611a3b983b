# dusk-vm end to end over a fresh state directory: deploy the counter and the caller,
# call, query, fail, prove and verify pages, upgrade, reopen, and check every output and
# status.
#   cmake -DVM=<dusk-vm> -DCONTRACTS=<dir of .wasm> -DCONTRACT_SOURCES=<dir of .wat, .abi.json>
#         -DSTATE=<scratch dir> -P dusk_vm_session.cmake
# vm() and expect(), as the example walkthroughs use them (it also clears STATE).
include(${CMAKE_CURRENT_LIST_DIR}/../../e2e/contracts/dusk_vm.cmake)
file(REMOVE ${STATE}-described.wasm)

# An empty state: the empty root.
vm(0 root --state ${STATE})
expect("${OUT}" "^0x0000000000000000000000000000000000000000000000000000000000000000")
string(STRIP "${OUT}" empty_root)

# Deploy the counter with 41 (LE u32) and the caller.
vm(0 deploy --state ${STATE} ${CONTRACTS}/counter.wasm --owner 0xab --init 0x29000000 --json)
string(JSON counter GET "${OUT}" id)
string(JSON ok GET "${OUT}" ok)
expect("${ok}" "ON|true")
vm(0 deploy --state ${STATE} ${CONTRACTS}/caller.wasm --owner 0xab)
expect("${OUT}" "id: 0x[0-9a-f]+")
string(REGEX MATCH "id: (0x[0-9a-f]+)" _ "${OUT}")
set(caller ${CMAKE_MATCH_1})

# The same deploy again gets the next nonce, so a new ID.
vm(0 deploy --state ${STATE} ${CONTRACTS}/counter.wasm --owner 0xab --init 0x01000000 --json)
string(JSON counter2 GET "${OUT}" id)
if(counter2 STREQUAL counter)
  message(FATAL_ERROR "the second deploy reused the ID ${counter}")
endif()

# A call commits; its receipt has the result, the event and the new root.
vm(0 call --state ${STATE} ${counter} increment --json)
string(JSON result GET "${OUT}" result)
expect("${result}" "^0x2a000000$")
string(JSON topic GET "${OUT}" events 0 topic)
expect("${topic}" "^count$")
string(JSON root_after GET "${OUT}" state_root)
vm(0 root --state ${STATE})
expect("${OUT}" "${root_after}")

# A nested call through the caller (argument: the counter's ID).
string(SUBSTRING ${counter} 2 -1 counter_hex)
vm(0 call --state ${STATE} ${caller} call_increment ${counter} --json)
string(JSON result GET "${OUT}" result)
expect("${result}" "^0x04000000$")
# Its call tree: the caller, then the counter beneath it.
string(JSON ncalls LENGTH "${OUT}" calls)
expect("${ncalls}" "^2$")
string(JSON inner GET "${OUT}" calls 1 contract)
expect("${inner}" "^${counter}$")
string(JSON inner_parent GET "${OUT}" calls 1 parent)
expect("${inner_parent}" "^0$")
# With origin, in text: the tree is indented.
vm(0 call --state ${STATE} ${caller} call_increment ${counter} --origin 0x01020304)
expect("${OUT}" "calls:\n  0x[0-9a-f]+[.]call_increment gas [0-9]+ of [0-9]+\n    0x[0-9a-f]+[.]increment ")

# A query does not commit.
vm(0 query --state ${STATE} ${counter} increment --json)
string(JSON result GET "${OUT}" result)
expect("${result}" "^0x2d000000$")
vm(0 root --state ${STATE})
set(root_before_fail "${OUT}")
vm(0 query --state ${STATE} ${counter} get --json)
string(JSON result GET "${OUT}" result)
expect("${result}" "^0x2c000000$")

# A failed call exits 1 and leaves the root unchanged.
vm(1 call --state ${STATE} ${counter} panics --json)
string(JSON error GET "${OUT}" error)
expect("${error}" "boom")
vm(1 call --state ${STATE} ${counter} spin --gas 100000)
expect("${OUT}" "error: out of gas")
vm(0 root --state ${STATE})
expect("${OUT}" "${root_before_fail}")

# Pages are proven against the root, and a tampered proof is refused.
string(STRIP "${root_before_fail}" root)
vm(0 prove-page --state ${STATE} ${counter} 0)
string(STRIP "${OUT}" proof)
vm(0 verify-page ${root} ${proof})
expect("${OUT}" "^valid: contract ${counter} page 0")
# Flip a byte of the page's contents (after the 32-byte ID and the 4-byte index).
string(SUBSTRING "${proof}" 0 100 head)
string(SUBSTRING "${proof}" 102 -1 tail)
vm(1 verify-page ${root} ${head}ff${tail})
expect("${OUT}" "^invalid")
vm(1 verify-page ${empty_root} ${proof})

# Upgrade: not by somebody else (exit 1, root unchanged); by the owner (0xab) the
# counter keeps its ID and count, and migrate doubles it.
vm(0 root --state ${STATE})
set(root_before_upgrade "${OUT}")
vm(1 upgrade --state ${STATE} ${counter} ${CONTRACTS}/counter_v2.wasm --origin 0xcd)
expect("${OUT}" "error: only the contract's owner may upgrade it")
vm(0 root --state ${STATE})
expect("${OUT}" "${root_before_upgrade}")
vm(0 query --state ${STATE} ${counter} get --json)
string(JSON before GET "${OUT}" result)
vm(0 upgrade --state ${STATE} ${counter} ${CONTRACTS}/counter_v2.wasm --origin 0xab --json)
string(JSON ok GET "${OUT}" ok)
expect("${ok}" "ON|true")
vm(0 query --state ${STATE} ${counter} get --json)
string(JSON after GET "${OUT}" result)
expect("${before}" "^0x2c000000$")
expect("${after}" "^0x58000000$")
vm(0 call --state ${STATE} ${counter} increment --json)
string(JSON result GET "${OUT}" result)
expect("${result}" "^0x62000000$")

# An ABI description attached to the counter: JSON in, decoded results and events out.
vm(0 attach-abi ${CONTRACTS}/counter.wasm ${CONTRACT_SOURCES}/counter.abi.json --out ${STATE}-described.wasm)
vm(1 describe ${CONTRACTS}/counter.wasm)
vm(0 describe ${STATE}-described.wasm)
string(JSON fn GET "${OUT}" functions 0 name)
expect("${fn}" "^init$")
vm(0 deploy --state ${STATE} ${STATE}-described.wasm --init "{\"start\": 41}" --json)
string(JSON described GET "${OUT}" id)
vm(0 describe --state ${STATE} ${described})
vm(0 call --state ${STATE} ${described} increment --json)
string(JSON count GET "${OUT}" value count)
expect("${count}" "^42$")
string(JSON event_value GET "${OUT}" events 0 value value)
expect("${event_value}" "^42$")
vm(0 query --state ${STATE} ${described} get "[]")
expect("${OUT}" "value: {\"count\":42}")
vm(2 query --state ${STATE} ${described} get "{\"x\": 1}")
expect("${ERR}" "no field \"x\"")
vm(2 deploy --state ${STATE} ${STATE}-described.wasm --init "{\"start\": -1}")
expect("${ERR}" "start: negative")
vm(2 query --state ${STATE} ${counter} get "{}")  # no description: hex only
expect("${ERR}" "no ABI description")

# Commits kept: list, forget one, finalize one; the head and the final one stay.
vm(0 root --state ${STATE})
string(STRIP "${OUT}" head)
vm(0 commits --state ${STATE})
expect("${OUT}" "${head} head")
string(REGEX MATCHALL "0x[0-9a-f]+\n" listed "${OUT}")
list(LENGTH listed kept_before)
string(REGEX MATCH "0x[0-9a-f]+\n" oldest "${OUT}")  # the first listed that is not the head
string(STRIP "${oldest}" oldest)
vm(1 forget --state ${STATE} ${head})
expect("${ERR}" "is the head")
vm(0 forget --state ${STATE} ${oldest})
expect("${OUT}" "forgotten ${oldest}")
vm(0 commits --state ${STATE})
string(REGEX MATCHALL "0x[0-9a-f]+\n" listed "${OUT}")
list(LENGTH listed kept_after)
math(EXPR expected "${kept_before} - 1")
if(NOT kept_after EQUAL expected)
  message(FATAL_ERROR "forget left ${kept_after} commits, expected ${expected}")
endif()
string(REGEX MATCH "0x[0-9a-f]+\n" second "${OUT}")
string(STRIP "${second}" second)
vm(0 finalize --state ${STATE} ${second})
vm(0 commits --state ${STATE})
expect("${OUT}" "${second}[a-z ]* final")
vm(1 forget --state ${STATE} ${second})
expect("${ERR}" "is final")
vm(1 finalize --state ${STATE} ${oldest})
expect("${ERR}" "is not in")
vm(0 query --state ${STATE} ${described} get "[]")  # the head still reads
expect("${OUT}" "value: {\"count\":42}")

# Usage errors exit 2.
vm(2 forget --state ${STATE} 0x1234)
vm(2 upgrade --state ${STATE} ${counter} ${CONTRACTS}/counter_v2.wasm)
vm(2 call --state ${STATE} ${counter})
vm(2 call --state ${STATE} nothex get)
vm(2 deploy --state ${STATE} ${CONTRACTS}/missing.wasm)
file(REMOVE_RECURSE ${STATE} ${STATE}-described.wasm)
