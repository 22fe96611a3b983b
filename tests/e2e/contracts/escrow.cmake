# The escrow example (contracts/examples/escrow) end to end through dusk-vm, over the
# token example: approve, open (the escrow calls the token), release by the arbiter,
# refund by the payee, refusals that exit 1 and change nothing in either contract, and
# the balances across invocations.
#   cmake -DVM=<dusk-vm> -DCONTRACTS=<dir of .wasm> -DSTATE=<scratch dir> -P escrow.cmake
include(${CMAKE_CURRENT_LIST_DIR}/dusk_vm.cmake)

account(alice a1)  # the payer
account(bob b0)    # the payee
account(carol c0)  # the arbiter
account(nobody 00)

deploy(token token.wasm --owner ${alice} --init "{\"supply\": 1000}")
deploy(escrow escrow.wasm --owner ${alice} --init "{\"token\": \"${token}\"}")

function(balance who expected)
  receipt(0 query ${token} balance_of "{\"account\": \"${who}\"}")
  expect_field(${expected} value balance)
endfunction()

# Without an allowance the escrow cannot take the payment: the token's message comes
# back, and neither contract changes.
set(open_300 "{\"payee\": \"${bob}\", \"arbiter\": \"${carol}\", \"amount\": 300, \"deadline\": 0}")
refused("transfer_from: .*insufficient allowance" call ${escrow} open "${open_300}" --origin ${alice})

# Alice lets the escrow spend 500 of hers and opens an escrow of 300 for Bob.
receipt(0 call ${token} approve "{\"spender\": \"${escrow}\", \"amount\": 500}" --origin ${alice})
receipt(0 call ${escrow} open "${open_300}" --origin ${alice})
expect_field(1 value id)
# The escrow called the token: two calls, two events (the token's transfer first).
expect_length(2 calls)
expect_field(${escrow} calls 0 contract)
expect_field(open calls 0 function)
expect_field(${token} calls 1 contract)
expect_field(transfer_from calls 1 function)
expect_field(0 calls 1 parent)
expect_length(2 events)
expect_field(transfer events 0 topic)
expect_field(${token} events 0 source)
expect_field(${alice} events 0 value from)
expect_field(${escrow} events 0 value to)
expect_field(300 events 0 value amount)
expect_field(opened events 1 topic)
expect_field(${escrow} events 1 source)
expect_field(1 events 1 value id)
expect_field(${alice} events 1 value payer)
expect_field(${bob} events 1 value payee)
expect_field(300 events 1 value amount)
balance(${alice} 700)
balance(${escrow} 300)
receipt(0 query ${escrow} get "{\"id\": 1}")
expect_field(${alice} value payer)
expect_field(${bob} value payee)
expect_field(${carol} value arbiter)
expect_field(300 value amount)
expect_field(1 value status)  # open

# Only the payer or the arbiter releases; the payee cannot.
refused("only the payer or the arbiter may release" call ${escrow} release "{\"id\": 1}" --origin ${bob})
refused("no such escrow" call ${escrow} release "{\"id\": 7}" --origin ${carol})
balance(${escrow} 300)
receipt(0 call ${escrow} release "{\"id\": 1}" --origin ${carol})
expect_length(2 events)
expect_field(${escrow} events 0 value from)
expect_field(${bob} events 0 value to)
expect_field(released events 1 topic)
expect_field(1 events 1 value id)
expect_field(${bob} events 1 value to)
expect_field(300 events 1 value amount)
balance(${bob} 300)
balance(${escrow} 0)
receipt(0 query ${escrow} get "[1]")
expect_field(2 value status)  # released
refused("the escrow is not open" call ${escrow} refund "{\"id\": 1}" --origin ${carol})

# A second escrow, without an arbiter: a stranger cannot refund it, the payee can.
receipt(0 call ${escrow} open "{\"payee\": \"${bob}\", \"arbiter\": \"${nobody}\", \"amount\": 200, \"deadline\": 0}"
        --origin ${alice})
expect_field(2 value id)
balance(${alice} 500)
refused("only the arbiter or the payee may refund" call ${escrow} refund "{\"id\": 2}" --origin ${carol})
refused("the amount must be positive" call ${escrow} open
        "{\"payee\": \"${bob}\", \"arbiter\": \"${nobody}\", \"amount\": 0, \"deadline\": 0}" --origin ${alice})
receipt(0 call ${escrow} refund "{\"id\": 2}" --origin ${bob})
expect_field(refunded events 1 topic)
expect_field(${alice} events 1 value to)
expect_field(200 events 1 value amount)
balance(${alice} 700)
balance(${escrow} 0)
receipt(0 query ${escrow} get "{\"id\": 2}")
expect_field(3 value status)  # refunded

# The allowance is used up (300 + 200): a third escrow is refused whole.
receipt(0 query ${token} allowance "{\"owner\": \"${alice}\", \"spender\": \"${escrow}\"}")
expect_field(0 value amount)
refused("insufficient allowance" call ${escrow} open "${open_300}" --origin ${alice})
refused("no such escrow" call ${escrow} release "{\"id\": 3}" --origin ${alice})

# A deadline: before block 100 a stranger cannot refund; from block 100 anyone can
# (dusk-vm --height sets the block height contracts see).
receipt(0 call ${token} approve "{\"spender\": \"${escrow}\", \"amount\": 50}" --origin ${alice})
receipt(0 call ${escrow} open "{\"payee\": \"${bob}\", \"arbiter\": \"${nobody}\", \"amount\": 50, \"deadline\": 100}"
        --origin ${alice} --height 10)
expect_field(3 value id)
balance(${alice} 650)
refused("only the arbiter or the payee may refund before the deadline" call ${escrow} refund "{\"id\": 3}"
        --origin ${carol} --height 99)
receipt(0 call ${escrow} refund "{\"id\": 3}" --origin ${carol} --height 100)
expect_field(refunded events 1 topic)
balance(${alice} 700)
dusk_vm_done()
