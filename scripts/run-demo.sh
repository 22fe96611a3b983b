#!/usr/bin/env bash
# `make run`: until the node exists, the main job is a dusk-wasm demo. Runs one bundled
# test program (a C ray tracer compiled to wasm32-wasi, tests/programs/raytrace.c) under
# the project's own WebAssembly interpreter and prints its output and the gas it used.
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
fi
exit "$status"
