#!/usr/bin/env bash
# `make run`: until the node exists, the main job is two demos of DuskVM.
#  1. dusk-wasm runs one bundled test program (a C ray tracer compiled to wasm32-wasi,
#     tests/programs/raytrace.c) under the project's own WebAssembly interpreter and
#     prints its output and the gas it used.
#  2. dusk-vm deploys the example token (contracts/examples/token) into a fresh state
#     directory, moves tokens between two accounts, shows a refused transfer leaving the
#     state root as it was, and proves a page of the token's memory against the root.
#
#   scripts/run-demo.sh BUILD_DIR [WIDTH]     (WIDTH of the rendered image, default 320)
set -euo pipefail

build="${1:?usage: scripts/run-demo.sh BUILD_DIR [WIDTH]}"
width="${2:-320}"
cli="$build/apps/dusk-wasm/dusk-wasm"
program="$build/tests/programs/raytrace.wasm"

if [[ ! -x "$cli" ]]; then
  echo "run-demo: $cli is not built yet (the dusk_wasm engine library is still being written)." >&2
  exit 1
fi
if [[ ! -f "$program" ]]; then
  echo "run-demo: $program is missing: tests/programs needs clang with wasm32-wasi (scripts/install-deps.sh)." >&2
  exit 1
fi

flags=()
if "$cli" run --help 2>/dev/null | grep -q -- '--stats'; then
  flags+=(--stats)
fi

echo "== dusk-wasm demo: a ray tracer written in C, compiled to wasm32-wasi and run by"
echo "== DuskVM's interpreter with gas metering ($cli run ${flags[*]} $(basename "$program") $width)"
echo

stats=$(mktemp "${TMPDIR:-/tmp}/dusk-demo.XXXXXX")
trap 'rm -f "$stats"' EXIT
status=0
"$cli" run "${flags[@]}" "$program" "$width" 2>"$stats" || status=$?

# The program's own stderr and dusk-wasm's messages, with the statistics lines last.
grep -v '^dusk-wasm: \(gas used\|wall time\):' "$stats" >&2 || true
echo
if grep -q '^dusk-wasm: gas used:' "$stats"; then
  sed -n 's/^dusk-wasm: \(gas used\|wall time\): */\1: /p' "$stats"
fi
if ((status != 0)); then
  echo "run-demo: dusk-wasm exited with status $status" >&2
  exit "$status"
fi

# --- 2. contracts through dusk-vm --------------------------------------------------------
vm="$build/apps/dusk-vm/dusk-vm"
token="$build/contracts/token.wasm"
if [[ ! -x "$vm" || ! -f "$token" ]]; then
  echo "run-demo: $vm or $token is missing: the contracts need clang and wasm-ld (scripts/install-deps.sh)." >&2
  exit 1
fi
state=$(mktemp -d "${TMPDIR:-/tmp}/dusk-demo-state.XXXXXX")
trap 'rm -f "$stats"; rm -rf "$state"' EXIT
alice=0x$(printf 'a1%.0s' {1..32})
bob=0x$(printf 'b0%.0s' {1..32})
step() {
  echo
  echo "\$ dusk-vm $*"
  "$vm" "$@"
}

echo
echo "== dusk-vm demo: the example token, deployed into a fresh state directory, called"
echo "== with JSON arguments (it carries an ABI description), its memory proven page by page"
step deploy --state "$state" "$token" --owner "$alice" --init '{"supply": 1000000}' | tee "$stats"
id=$(sed -n 's/^id: //p' "$stats")
step call --state "$state" "$id" transfer "{\"to\": \"$bob\", \"amount\": 250}" --origin "$alice"
step query --state "$state" "$id" balance_of "[\"$bob\"]"
before=$("$vm" root --state "$state")
refused=0
step call --state "$state" "$id" transfer "{\"to\": \"$alice\", \"amount\": 251}" --origin "$bob" --gas 100000 || refused=$?
after=$("$vm" root --state "$state")
if ((refused != 1)) || [[ "$before" != "$after" ]]; then
  echo "run-demo: the overdrawn transfer should fail (exit 1) and leave the root as it was" >&2
  exit 1
fi
echo "(refused with exit status 1: the state root is still $after;"
echo " a failed call is charged its whole gas limit, so give calls a limit near their need)"
echo
# Page 15 holds the token's static data (its stack fills pages 0 to 15 from the bottom).
echo "\$ dusk-vm verify-page ROOT \$(dusk-vm prove-page --state DIR $id 15)"
proof=$("$vm" prove-page --state "$state" "$id" 15)
"$vm" verify-page "$after" "$proof"
