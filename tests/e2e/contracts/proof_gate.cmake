# The proof gate example (contracts/examples/proof_gate) end to end through dusk-vm, on
# the circom/snarkjs fixtures of tests/fixtures/zk turned into Groth16's binary form by
# groth16_binary_form: a valid proof is recorded once (BN254 and BLS12-381); a tampered
# proof, another circuit's proof, a changed public input and a replay exit 1 and change
# nothing.
#   cmake -DVM=<dusk-vm> -DCONTRACTS=<dir of .wasm> -DSTATE=<scratch dir>
#         -DGROTH16=<groth16_binary_form> -DZK=<tests/fixtures/zk> -P proof_gate.cmake
include(${CMAKE_CURRENT_LIST_DIR}/dusk_vm.cmake)
foreach(input GROTH16 ZK)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "-D${input}=... is required")
  endif()
endforeach()

account(prover 9f)

# binary_form(VAR CURVE CIRCUIT KIND): VAR = the fixture's key, proof or inputs as hex.
function(binary_form var curve circuit kind)
  set(file_of_key verification_key.json)
  set(file_of_proof proof.json)
  set(file_of_inputs public.json)
  set(path ${ZK}/groth16_${curve}/${circuit}/${file_of_${kind}})
  execute_process(COMMAND ${GROTH16} ${curve} ${kind} ${path}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "groth16_binary_form ${curve} ${kind} ${path}: status ${rc}\n${err}")
  endif()
  expect("${out}" "^0x[0-9a-f]+$")
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

# flip_byte(VAR HEX INDEX): HEX with the byte at INDEX (0: the first after 0x) xor 0x01.
function(flip_byte var hex index)
  math(EXPR at "2 + 2 * ${index}")
  math(EXPR after "${at} + 2")
  string(SUBSTRING "${hex}" 0 ${at} head)
  string(SUBSTRING "${hex}" ${at} 2 byte)
  string(SUBSTRING "${hex}" ${after} -1 tail)
  math(EXPR flipped "0x${byte} ^ 1" OUTPUT_FORMAT HEXADECIMAL)  # 0x.., without leading zeros
  string(SUBSTRING "${flipped}" 2 -1 flipped)
  string(LENGTH "${flipped}" n)
  if(n EQUAL 1)
    set(flipped "0${flipped}")
  endif()
  set(${var} "${head}${flipped}${tail}" PARENT_SCOPE)
endfunction()

# The helper refuses what is not a key of the curve it is told.
execute_process(COMMAND ${GROTH16} bls12381 key ${ZK}/groth16_bn128/poseidon_preimage/verification_key.json
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "groth16_binary_form read a BN254 key as BLS12-381 (status ${rc})")
endif()

foreach(curve_number 0 1)
  if(curve_number EQUAL 0)
    set(curve bn128)
    set(proof_bytes 256)
  else()
    set(curve bls12381)
    set(proof_bytes 192)
  endif()
  binary_form(key ${curve} poseidon_preimage key)
  binary_form(proof ${curve} poseidon_preimage proof)
  binary_form(inputs ${curve} poseidon_preimage inputs)
  string(LENGTH "${proof}" proof_hex)
  math(EXPR proof_hex "(${proof_hex} - 2) / 2")
  if(NOT proof_hex EQUAL proof_bytes)
    message(FATAL_ERROR "a ${curve} proof of ${proof_hex} bytes, expected ${proof_bytes}")
  endif()

  deploy(gate proof_gate.wasm --owner ${prover} --init "{\"curve\": ${curve_number}, \"key\": \"${key}\"}")
  receipt(0 query ${gate} key_info)
  expect_field(${curve_number} value curve)
  expect_field(1 value inputs)
  receipt(0 query ${gate} is_proven "{\"inputs\": \"${inputs}\"}")
  expect_field(OFF value proven)

  # Tampered: a coordinate of A changed (byte 40), so no longer a point of the curve.
  flip_byte(tampered "${proof}" 40)
  refused("malformed proof or inputs" call ${gate} submit "{\"proof\": \"${tampered}\", \"inputs\": \"${inputs}\"}"
          --origin ${prover})
  # Another circuit's proof with one public input too: points, but no proof of this.
  binary_form(other ${curve} merkle_membership proof)
  refused("invalid proof" call ${gate} submit "{\"proof\": \"${other}\", \"inputs\": \"${inputs}\"}" --origin ${prover})
  # The public input changed in its last byte.
  flip_byte(wrong_inputs "${inputs}" 31)
  refused("invalid proof" call ${gate} submit "{\"proof\": \"${proof}\", \"inputs\": \"${wrong_inputs}\"}"
          --origin ${prover})
  receipt(0 query ${gate} count)
  expect_field(0 value proven)

  # The valid proof is recorded, with its index and statement.
  receipt(0 call ${gate} submit "{\"proof\": \"${proof}\", \"inputs\": \"${inputs}\"}" --origin ${prover})
  expect_field(1 value index)
  expect_length(1 events)
  expect_field(proven events 0 topic)
  expect_field(1 events 0 value index)
  field(statement events 0 value statement)
  expect("${statement}" "^0x[0-9a-f]+$")
  field(gas gas_spent)
  if(gas LESS 100000)
    message(FATAL_ERROR "a pairing check for ${gas} gas")
  endif()
  receipt(0 query ${gate} count)
  expect_field(1 value proven)
  receipt(0 query ${gate} last)
  expect_field(${statement} value statement)
  receipt(0 query ${gate} is_proven "[\"${inputs}\"]")
  expect_field(ON value proven)
  expect_field(1 value index)

  # Once only.
  refused("the statement is already proven" call ${gate} submit "{\"proof\": \"${proof}\", \"inputs\": \"${inputs}\"}"
          --origin ${prover})
  receipt(0 query ${gate} count)
  expect_field(1 value proven)
endforeach()

# A BN254 proof does not fit the BLS12-381 gate (the last deployed).
binary_form(bn_proof bn128 poseidon_preimage proof)
refused("the proof must be 192 bytes" call ${gate} submit "{\"proof\": \"${bn_proof}\", \"inputs\": \"${inputs}\"}"
        --origin ${prover})
dusk_vm_done()
