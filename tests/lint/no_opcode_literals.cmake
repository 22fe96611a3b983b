# Fails when an engine source spells a WebAssembly opcode as a number instead of naming
# it through detail/opcodes.hpp (every opcode has one entry, in detail/opcodes.def):
# `case 0x..:` labels and comparisons of an opcode variable with a literal.
#   cmake -DENGINE_DIR=src/duskvm/engine -P no_opcode_literals.cmake
file(GLOB_RECURSE sources "${ENGINE_DIR}/*.cpp" "${ENGINE_DIR}/*.hpp")
set(found "")
foreach(f ${sources})
  file(STRINGS "${f}" lines REGEX "case 0x[0-9a-fA-F]+|(op|opc|opcode|byte) *[!=]= *0x[0-9a-fA-F]+")
  foreach(line ${lines})
    string(APPEND found "${f}: ${line}\n")
  endforeach()
endforeach()
if(found)
  message(FATAL_ERROR "opcode literals outside detail/opcodes.def:\n${found}")
endif()
message(STATUS "no opcode literals in ${ENGINE_DIR}")
