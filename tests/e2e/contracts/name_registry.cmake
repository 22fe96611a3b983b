# The name registry example (contracts/examples/name_registry) end to end through
# dusk-vm: register and resolve, only the holder changes a name, transfer and release,
# bad names, refusals that exit 1 and change nothing, page proofs of the state.
#   cmake -DVM=<dusk-vm> -DCONTRACTS=<dir of .wasm> -DSTATE=<scratch dir> -P name_registry.cmake
include(${CMAKE_CURRENT_LIST_DIR}/dusk_vm.cmake)

account(alice a1)
account(bob b0)
account(target 7a)
account(other 7b)

deploy(registry name_registry.wasm --owner ${alice})
expect_length(0 events)

function(count expected)
  receipt(0 query ${registry} count)
  expect_field(${expected} value names)
endfunction()
function(resolves name holder target)
  receipt(0 query ${registry} resolve "{\"name\": \"${name}\"}")
  expect_field(${holder} value holder)
  expect_field(${target} value target)
endfunction()

count(0)
receipt(0 call ${registry} register "{\"name\": \"alice.dusk\", \"target\": \"${target}\"}" --origin ${alice})
expect_length(1 events)
expect_field(registered events 0 topic)
expect_field(alice.dusk events 0 value name)
expect_field(${alice} events 0 value holder)
expect_field(${target} events 0 value target)
resolves(alice.dusk ${alice} ${target})
count(1)

# Taken, unknown and malformed names.
refused("the name is taken" call ${registry} register "{\"name\": \"alice.dusk\", \"target\": \"${other}\"}" --origin ${bob})
refused("unknown name" query ${registry} resolve "{\"name\": \"alice\"}")
refused("bad name: only a-z, 0-9, '-' and '.'" call ${registry} register
        "{\"name\": \"Alice.dusk\", \"target\": \"${target}\"}" --origin ${bob})
refused("bad name: 1 to 64 bytes" call ${registry} register "{\"name\": \"\", \"target\": \"${target}\"}" --origin ${bob})
string(REPEAT "a" 65 long_name)
refused("bad name: 1 to 64 bytes" call ${registry} register
        "{\"name\": \"${long_name}\", \"target\": \"${target}\"}" --origin ${bob})

# Only the holder changes a name.
refused("only the holder may change a name" call ${registry} set_target
        "{\"name\": \"alice.dusk\", \"target\": \"${other}\"}" --origin ${bob})
refused("only the holder may change a name" call ${registry} transfer "{\"name\": \"alice.dusk\", \"to\": \"${bob}\"}" --origin ${bob})
refused("only the holder may change a name" call ${registry} release "{\"name\": \"alice.dusk\"}" --origin ${bob})
resolves(alice.dusk ${alice} ${target})

receipt(0 call ${registry} set_target "{\"name\": \"alice.dusk\", \"target\": \"${other}\"}" --origin ${alice})
expect_field(target_set events 0 topic)
expect_field(${other} events 0 value target)
resolves(alice.dusk ${alice} ${other})

# A page of the registry's memory is proven against the committed root.
state_root(root)
vm(0 prove-page --state ${STATE} ${registry} 0)
string(STRIP "${OUT}" proof)
vm(0 verify-page ${root} ${proof})
expect("${OUT}" "^valid: contract ${registry} page 0")

# Transfer to Bob, who then holds it and releases it; the name is free again.
receipt(0 call ${registry} transfer "[\"alice.dusk\", \"${bob}\"]" --origin ${alice})
expect_field(transferred events 0 topic)
expect_field(${alice} events 0 value from)
expect_field(${bob} events 0 value to)
resolves(alice.dusk ${bob} ${other})
refused("only the holder may change a name" call ${registry} release "{\"name\": \"alice.dusk\"}" --origin ${alice})
# The old proof still verifies against the old root, not against the new one.
vm(0 verify-page ${root} ${proof})
state_root(new_root)
vm(1 verify-page ${new_root} ${proof})
expect("${OUT}" "^invalid")
receipt(0 call ${registry} release "{\"name\": \"alice.dusk\"}" --origin ${bob})
expect_field(released events 0 topic)
expect_field(${bob} events 0 value holder)
count(0)
refused("unknown name" query ${registry} resolve "{\"name\": \"alice.dusk\"}")
receipt(0 call ${registry} register "{\"name\": \"alice.dusk\", \"target\": \"${target}\"}" --origin ${bob})
resolves(alice.dusk ${bob} ${target})
count(1)
dusk_vm_done()
