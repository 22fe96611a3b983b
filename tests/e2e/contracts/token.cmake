# The token example (contracts/examples/token) end to end through dusk-vm: deploy with a
# supply beyond 2^53 (JSON decimal strings), transfers, allowances, refusals that exit 1
# and change nothing, bad JSON arguments, every invocation a new process over the same
# state directory.
#   cmake -DVM=<dusk-vm> -DCONTRACTS=<dir of .wasm> -DSTATE=<scratch dir> -P token.cmake
include(${CMAKE_CURRENT_LIST_DIR}/dusk_vm.cmake)

account(alice a1)
account(bob b0)
account(carol c0)
account(nobody 00)
set(supply 1000000000000000000)  # 10^18: u64 values beyond 2^53 are JSON strings

# An empty state has the empty root.
state_root(empty)
expect("${empty}" "^0x0+$")

# init mints the supply to the deployer, with a transfer event from nobody.
deploy(token token.wasm --owner ${alice} --init "{\"supply\": \"${supply}\"}")
expect_length(1 events)
expect_field(transfer events 0 topic)
expect_field(${token} events 0 source)
expect_field(${nobody} events 0 value from)
expect_field(${alice} events 0 value to)
expect_field(${supply} events 0 value amount)

# Reads: the description gives names to the results.
receipt(0 query ${token} total_supply)
expect_field(${supply} value supply)
receipt(0 query ${token} balance_of "{\"account\": \"${alice}\"}")
expect_field(${supply} value balance)
receipt(0 query ${token} balance_of "[\"${bob}\"]")
expect_field(0 value balance)

# A transfer commits, with its event; the next invocation sees the balances.
receipt(0 call ${token} transfer "{\"to\": \"${bob}\", \"amount\": 250}" --origin ${alice})
expect_field("0x" result)
expect_length(1 events)
expect_field(transfer events 0 topic)
expect_field(${alice} events 0 value from)
expect_field(${bob} events 0 value to)
expect_field(250 events 0 value amount)
math(EXPR alice_left "${supply} - 250")
receipt(0 query ${token} balance_of "{\"account\": \"${alice}\"}")
expect_field(${alice_left} value balance)
receipt(0 query ${token} balance_of "{\"account\": \"${bob}\"}")
expect_field(250 value balance)
# The result in hex is the u64 little-endian: 250 = 0xfa.
expect_field("0xfa00000000000000" result)

# A query runs the same code without committing.
state_root(before_query)
receipt(0 query ${token} transfer "{\"to\": \"${carol}\", \"amount\": 5}" --origin ${bob})
expect_field(transfer events 0 topic)
state_root(after_query)
if(NOT after_query STREQUAL before_query)
  message(FATAL_ERROR "a query moved the root")
endif()
receipt(0 query ${token} balance_of "{\"account\": \"${carol}\"}")
expect_field(0 value balance)

# Refusals: more than the balance, from an account without one, init again, nobody named.
refused("insufficient balance" call ${token} transfer "{\"to\": \"${carol}\", \"amount\": 251}" --origin ${bob})
refused("insufficient balance" call ${token} transfer "{\"to\": \"${bob}\", \"amount\": 1}" --origin ${carol})
refused("no entry point init" call ${token} init "{\"supply\": 5}" --origin ${alice})
refused("no sender" call ${token} transfer "{\"to\": \"${bob}\", \"amount\": 1}")
# Raw hex still goes through, and is checked by the contract.
refused("bad argument: trailing bytes" call ${token} transfer "${bob}010000000000000000" --origin ${alice})
# Arguments that do not match the description are refused before anything runs.
usage_error("missing field \"amount\"" call --state ${STATE} ${token} transfer "{\"to\": \"${bob}\"}" --origin ${alice})
usage_error("amount: negative" call --state ${STATE} ${token} transfer "{\"to\": \"${bob}\", \"amount\": -1}" --origin ${alice})
usage_error("to: expected 32 bytes" call --state ${STATE} ${token} transfer "{\"to\": \"0x1234\", \"amount\": 1}" --origin ${alice})
usage_error("no field \"x\"" call --state ${STATE} ${token} transfer "{\"to\": \"${bob}\", \"amount\": 1, \"x\": 2}" --origin ${alice})
usage_error("no function mint" call --state ${STATE} ${token} mint "{\"amount\": 1}" --origin ${alice})

# Allowances: Alice lets Carol spend 100; Carol moves 60 of it to herself.
receipt(0 call ${token} approve "{\"spender\": \"${carol}\", \"amount\": 100}" --origin ${alice})
expect_field(approval events 0 topic)
expect_field(${alice} events 0 value owner)
expect_field(${carol} events 0 value spender)
expect_field(100 events 0 value amount)
receipt(0 call ${token} transfer_from "{\"from\": \"${alice}\", \"to\": \"${carol}\", \"amount\": 60}" --origin ${carol})
expect_field(${alice} events 0 value from)
expect_field(${carol} events 0 value to)
expect_field(60 events 0 value amount)
receipt(0 query ${token} allowance "{\"owner\": \"${alice}\", \"spender\": \"${carol}\"}")
expect_field(40 value amount)
refused("insufficient allowance" call ${token} transfer_from
        "{\"from\": \"${alice}\", \"to\": \"${carol}\", \"amount\": 41}" --origin ${carol})
refused("insufficient allowance" call ${token} transfer_from
        "{\"from\": \"${alice}\", \"to\": \"${bob}\", \"amount\": 1}" --origin ${bob})

# Everything adds up to the supply.
math(EXPR alice_left "${alice_left} - 60")
foreach(pair "${alice}=${alice_left}" "${bob}=250" "${carol}=60")
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 who)
  list(GET pair 1 amount)
  receipt(0 query ${token} balance_of "{\"account\": \"${who}\"}")
  expect_field(${amount} value balance)
endforeach()
receipt(0 query ${token} total_supply)
expect_field(${supply} value supply)

# The description travels with the deployed code.
vm(0 describe --state ${STATE} ${token})
expect("${OUT}" "\"transfer_from\"")
dusk_vm_done()
