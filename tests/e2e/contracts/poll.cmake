# The poll example (contracts/examples/poll, AssemblyScript) end to end through dusk-vm:
# the description attached at build time, votes, a u64[] result, refusals that exit 1 and
# change nothing, only the owner closes, the state across invocations.
#   cmake -DVM=<dusk-vm> -DCONTRACTS=<dir of .wasm> -DSTATE=<scratch dir> -P poll.cmake
include(${CMAKE_CURRENT_LIST_DIR}/dusk_vm.cmake)

account(owner 0e)
account(alice a1)
account(bob b0)
account(carol c0)

# The code carries its description (dusk-vm attach-abi ran at build time).
vm(0 describe ${CONTRACTS}/poll.wasm)
expect("${OUT}" "\"vote_of\"")

refused("a poll has 2 to 16 options" deploy ${CONTRACTS}/poll.wasm --owner ${owner}
        --init "{\"question\": \"Tea or coffee?\", \"options\": 1}")
deploy(poll poll.wasm --owner ${owner} --init "{\"question\": \"Tea, coffee or water?\", \"options\": 3}")
receipt(0 query ${poll} info)
expect_field("Tea, coffee or water?" value question)
expect_field(3 value options)
expect_field(OFF value closed)
expect_field(0 value voters)
expect_field(${owner} value owner)

# Votes: each returns its option's new tally and emits who voted for what.
receipt(0 call ${poll} vote "{\"option\": 1}" --origin ${alice})
expect_field(1 value votes)
expect_length(1 events)
expect_field(voted events 0 topic)
expect_field(${poll} events 0 source)
expect_field(${alice} events 0 value voter)
expect_field(1 events 0 value option)
receipt(0 call ${poll} vote "[1]" --origin ${bob})
expect_field(2 value votes)
receipt(0 call ${poll} vote "{\"option\": 0}" --origin ${carol})
expect_field(1 value votes)

# Refusals.
refused("already voted" call ${poll} vote "{\"option\": 2}" --origin ${alice})
refused("no such option" call ${poll} vote "{\"option\": 3}" --origin ${owner})
refused("no sender" call ${poll} vote "{\"option\": 0}")
refused("bad argument: trailing bytes" call ${poll} vote "0x0000" --origin ${owner})
refused("only the owner may close the poll" call ${poll} close --origin ${alice})
usage_error("option: " call --state ${STATE} ${poll} vote "{\"option\": 256}" --origin ${owner})

# The tally, a u64[]: in hex a u32 count, then the counts.
receipt(0 query ${poll} tally)
expect_length(3 value votes)
expect_field(1 value votes 0)
expect_field(2 value votes 1)
expect_field(0 value votes 2)
expect_field("0x03000000010000000000000002000000000000000000000000000000" result)
receipt(0 query ${poll} vote_of "{\"voter\": \"${bob}\"}")
expect_field(ON value voted)
expect_field(1 value option)
receipt(0 query ${poll} vote_of "{\"voter\": \"${owner}\"}")
expect_field(OFF value voted)

# The owner closes it: option 1 wins with 2 votes; then nothing more is taken.
receipt(0 call ${poll} close --origin ${owner})
expect_field(1 value winner)
expect_field(2 value votes)
expect_field(closed events 0 topic)
expect_field(1 events 0 value winner)
refused("the poll is closed" call ${poll} vote "{\"option\": 2}" --origin ${owner})
refused("the poll is closed" call ${poll} close --origin ${owner})
receipt(0 query ${poll} info)
expect_field(ON value closed)
expect_field(3 value voters)
dusk_vm_done()
