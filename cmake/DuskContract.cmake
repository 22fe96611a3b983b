# Building DuskVM contracts (contracts/README.md).
#
#   dusk_add_contract(NAME SOURCES a.c [b.cpp ...] [STACK_SIZE bytes])
#       C11 / C++20 sources and the SDK (contracts/sdk) -> ${DUSK_CONTRACT_DIR}/NAME.wasm,
#       target contract_NAME (part of ALL and of the target `contracts`).
#   dusk_add_assemblyscript_contract(NAME SOURCE x.ts ABI x.abi.json)
#       an AssemblyScript contract (asc from node_modules) -> ${DUSK_CONTRACT_DIR}/NAME.wasm,
#       target contract_NAME, its ABI description added as the custom section dusk-abi by
#       `dusk-vm attach-abi` (which checks it against the code). Builds nothing unless
#       node and asc are there (DUSK_ASSEMBLYSCRIPT is then ON) and dusk-vm is a target.
#
# The C toolchain is Debian's clang 14 with wasm-ld (scripts/install-deps.sh: clang lld
# libclang-rt-14-dev-wasm32), driven by custom commands, since the project's own C and
# C++ compiler is the host's. Each object is compiled once, through ccache when there is
# one, with a depfile, so rebuilds are incremental; the SDK's objects are shared by every
# contract of the build.
#
# Compiler flags (DUSK_CONTRACT_FLAGS):
#   --target=wasm32        plain wasm32: no WASI, no libc (-ffreestanding -nostdlib)
#   -O2                    the engine meters instructions: optimized code is cheaper
#   -mbulk-memory          memcpy/memset become memory.copy/memory.fill (the engine has them)
#   -msign-ext             sign-extension instructions instead of shift pairs
# Linker flags:
#   --no-entry             a contract has no _start; entry points are export_name functions
#   --export=argbuf        the argument buffer, exported as an immutable i32 global
#   --stack-first          the stack at the bottom of memory: an overflow traps below 0
#                          instead of running over the static data
#   -z stack-size=N        N = STACK_SIZE, default 63488 (62 KiB): 2 KiB short of a page
#                          boundary, so that the top of the stack shares a 4 KiB page with
#                          the static data and the start of argbuf (one page written per
#                          call instead of two when both are small)
#   --strip-all            no name or producers sections: deploying pays per byte (the
#                          dusk-abi section stays)
# compiler-rt's wasm32 builtins are linked when installed (128-bit arithmetic and the
# like need them); only what a contract uses is taken.

set(DUSK_CONTRACT_SDK_DIR ${PROJECT_SOURCE_DIR}/contracts/sdk)
set(DUSK_CONTRACT_DIR ${PROJECT_BINARY_DIR}/contracts CACHE INTERNAL "where contracts are built")
set(DUSK_CONTRACT_DEFAULT_STACK 63488)

find_program(DUSK_CONTRACT_CLANG NAMES clang-14 clang DOC "clang able to target wasm32")
set(DUSK_CONTRACT_FLAGS --target=wasm32 -O2 -ffreestanding -nostdlib -mbulk-memory -msign-ext
    -Wall -Wextra -Werror -I${DUSK_CONTRACT_SDK_DIR}/include)
set(DUSK_CONTRACT_C_FLAGS -std=c11)
set(DUSK_CONTRACT_CXX_FLAGS -std=c++20 -fno-exceptions -fno-rtti -fno-threadsafe-statics)

# Probe once; success is cached, failure retried at the next configure.
if(DUSK_CONTRACT_CLANG AND NOT DUSK_CONTRACT_CLANG_WORKS)
  set(_probe ${CMAKE_BINARY_DIR}/dusk-contract-probe)
  file(WRITE ${_probe}.c "__attribute__((export_name(\"f\"))) int f(int n) { return n; }\n")
  execute_process(
    COMMAND ${DUSK_CONTRACT_CLANG} ${DUSK_CONTRACT_FLAGS} -Wl,--no-entry -o ${_probe}.wasm ${_probe}.c
    RESULT_VARIABLE _probe_result OUTPUT_QUIET ERROR_VARIABLE _probe_error)
  if(_probe_result EQUAL 0)
    set(DUSK_CONTRACT_CLANG_WORKS ON CACHE INTERNAL "clang and wasm-ld build wasm32 contracts")
  else()
    message(WARNING "contracts: ${DUSK_CONTRACT_CLANG} cannot build wasm32 contracts "
                    "(install clang lld libclang-rt-14-dev-wasm32):\n${_probe_error}")
  endif()
endif()

if(DUSK_CONTRACT_CLANG_WORKS AND NOT DEFINED DUSK_CONTRACT_BUILTINS)
  execute_process(COMMAND ${DUSK_CONTRACT_CLANG} --target=wasm32-wasi -print-libgcc-file-name
    OUTPUT_VARIABLE _builtins OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT EXISTS "${_builtins}")
    set(_builtins "")
  endif()
  set(DUSK_CONTRACT_BUILTINS "${_builtins}" CACHE INTERNAL "compiler-rt builtins for wasm32 (empty: none)")
endif()

set(_dusk_launcher "")
if(CCACHE_PROGRAM)
  set(_dusk_launcher ${CCACHE_PROGRAM})
endif()

# Compiles `source` to ${out_dir}/<name>.o; appends the object to the list `out_var`.
function(_dusk_contract_object out_var out_dir source)
  get_filename_component(name ${source} NAME)
  get_filename_component(ext ${source} LAST_EXT)
  if(ext STREQUAL ".c")
    set(lang_flags ${DUSK_CONTRACT_C_FLAGS})
  else()
    set(lang_flags ${DUSK_CONTRACT_CXX_FLAGS})
  endif()
  set(object ${out_dir}/${name}.o)
  file(RELATIVE_PATH rel_object ${CMAKE_BINARY_DIR} ${object})
  add_custom_command(OUTPUT ${object}
    COMMAND ${_dusk_launcher} ${DUSK_CONTRACT_CLANG} ${DUSK_CONTRACT_FLAGS} ${lang_flags}
            -MD -MF ${object}.d -c ${source} -o ${object}
    DEPENDS ${source}
    DEPFILE ${object}.d
    COMMENT "Compiling contract object ${rel_object}"
    VERBATIM)
  set(${out_var} ${${out_var}} ${object} PARENT_SCOPE)
endfunction()

if(DUSK_CONTRACT_CLANG_WORKS)
  # The SDK's objects, compiled once for every contract. argbuf.c comes first, so that
  # argbuf is the first variable of .bss.
  set(DUSK_CONTRACT_SDK_OBJECTS "")
  foreach(src argbuf.c mem.c host.c abi.c alloc.c map.c)
    _dusk_contract_object(DUSK_CONTRACT_SDK_OBJECTS ${DUSK_CONTRACT_DIR}/sdk ${DUSK_CONTRACT_SDK_DIR}/src/${src})
  endforeach()
  add_custom_target(contract_sdk DEPENDS ${DUSK_CONTRACT_SDK_OBJECTS})
  add_custom_target(contracts ALL)
endif()

function(dusk_add_contract name)
  cmake_parse_arguments(C "" "STACK_SIZE" "SOURCES" ${ARGN})
  if(NOT DUSK_CONTRACT_CLANG_WORKS)
    message(STATUS "contracts: no wasm32 clang, ${name} is not built")
    return()
  endif()
  if(NOT C_STACK_SIZE)
    set(C_STACK_SIZE ${DUSK_CONTRACT_DEFAULT_STACK})
  endif()
  set(objects "")
  foreach(src ${C_SOURCES})
    get_filename_component(src ${src} ABSOLUTE)
    _dusk_contract_object(objects ${DUSK_CONTRACT_DIR}/${name} ${src})
  endforeach()
  set(wasm ${DUSK_CONTRACT_DIR}/${name}.wasm)
  add_custom_command(OUTPUT ${wasm}
    COMMAND ${DUSK_CONTRACT_CLANG} --target=wasm32 -nostdlib
            -Wl,--no-entry -Wl,--export=argbuf -Wl,--stack-first -Wl,-z,stack-size=${C_STACK_SIZE}
            -Wl,--strip-all -o ${wasm} ${DUSK_CONTRACT_SDK_OBJECTS} ${objects} ${DUSK_CONTRACT_BUILTINS}
    DEPENDS ${DUSK_CONTRACT_SDK_OBJECTS} ${objects}
    COMMENT "Linking contract ${name}.wasm"
    VERBATIM)
  add_custom_target(contract_${name} DEPENDS ${wasm})
  add_dependencies(contract_${name} contract_sdk)
  add_dependencies(contracts contract_${name})
endfunction()

# --- AssemblyScript ---------------------------------------------------------------------
# asc flags: the stub runtime (a bump allocator, no garbage collector: nothing runs behind
# the contract's back), -O3, no assertions (they would import env.abort), and
# --use abort= so that nothing imports it at all. The stub's bump pointer is a wasm
# global, and globals start every call afresh: a contract keeps its state in memory it
# reserves with memory.data, not on the heap (contracts/README.md).
find_program(DUSK_NODE node)
set(DUSK_ASC ${PROJECT_SOURCE_DIR}/node_modules/assemblyscript/bin/asc.js)
if(DUSK_NODE AND EXISTS ${DUSK_ASC})
  set(DUSK_ASSEMBLYSCRIPT ON)
else()
  set(DUSK_ASSEMBLYSCRIPT OFF)
  message(STATUS "contracts: no node or no node_modules/assemblyscript (npm ci): AssemblyScript contracts are not built")
endif()

function(dusk_add_assemblyscript_contract name)
  cmake_parse_arguments(C "" "SOURCE;ABI" "" ${ARGN})
  if(NOT DUSK_ASSEMBLYSCRIPT)
    return()
  endif()
  if(NOT TARGET dusk-vm)
    message(STATUS "contracts: no dusk-vm target to attach the ABI description with, ${name} is not built")
    return()
  endif()
  get_filename_component(source ${C_SOURCE} ABSOLUTE)
  get_filename_component(abi ${C_ABI} ABSOLUTE)
  set(bare ${DUSK_CONTRACT_DIR}/${name}/${name}.bare.wasm)
  set(wasm ${DUSK_CONTRACT_DIR}/${name}.wasm)
  add_custom_command(OUTPUT ${wasm}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${DUSK_CONTRACT_DIR}/${name}
    COMMAND ${DUSK_NODE} ${DUSK_ASC} ${source} -o ${bare} --runtime stub -O3 --noAssert --use abort=
    COMMAND $<TARGET_FILE:dusk-vm> attach-abi ${bare} ${abi} --out ${wasm}
    DEPENDS ${source} ${abi} dusk-vm
    COMMENT "Building AssemblyScript contract ${name}.wasm"
    VERBATIM)
  add_custom_target(contract_${name} DEPENDS ${wasm})
  if(TARGET contracts)
    add_dependencies(contracts contract_${name})
  endif()
endfunction()
