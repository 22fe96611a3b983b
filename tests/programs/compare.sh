#!/usr/bin/env bash
# Differential test of dusk-wasm against a native build of the same C program.
#
#   compare.sh [--expect-exit N] [--stderr-contains] NATIVE DUSK_WASM PROGRAM.wasm [ARGS...]
#
# Runs `NATIVE ARGS...` and `DUSK_WASM run [$DUSK_WASM_FLAGS] PROGRAM.wasm ARGS...` and
# fails unless both print the same bytes to stdout and exit with the same status.
#   --expect-exit N     the native status must also be N (guards against a broken build)
#   --stderr-contains   every line the native program writes to stderr must appear in
#                       dusk-wasm's stderr (which may hold diagnostics of its own)
# DUSK_WASM_FLAGS (environment, split on spaces) goes before the module, e.g. "--gas 1000".
set -uo pipefail

expect_exit=""
stderr_contains=0
while (($# > 0)); do
  case "$1" in
    --expect-exit) expect_exit="$2"; shift 2 ;;
    --stderr-contains) stderr_contains=1; shift ;;
    --) shift; break ;;
    -*) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if (($# < 3)); then
  echo "usage: compare.sh [--expect-exit N] [--stderr-contains] NATIVE DUSK_WASM PROGRAM.wasm [ARGS...]" >&2
  exit 2
fi
native="$1" dusk="$2" wasm="$3"
shift 3

work=$(mktemp -d "${TMPDIR:-/tmp}/dusk-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$native" "$@" >"$work/native.out" 2>"$work/native.err"
native_status=$?
# shellcheck disable=SC2086  # DUSK_WASM_FLAGS is a list of words on purpose
"$dusk" run ${DUSK_WASM_FLAGS:-} "$wasm" "$@" >"$work/dusk.out" 2>"$work/dusk.err"
dusk_status=$?

failed=0
report() {
  echo "FAIL: $*"
  failed=1
}

if [[ -n "$expect_exit" && "$native_status" != "$expect_exit" ]]; then
  report "native $(basename "$native") exited with $native_status, expected $expect_exit"
fi
if [[ "$native_status" != "$dusk_status" ]]; then
  report "exit status: native $native_status, dusk-wasm $dusk_status"
fi
if ! cmp -s "$work/native.out" "$work/dusk.out"; then
  report "stdout differs ($(wc -c <"$work/native.out") bytes native, $(wc -c <"$work/dusk.out") bytes dusk-wasm)"
  diff -u --label native --label dusk-wasm "$work/native.out" "$work/dusk.out" | head -n 40
fi
if ((stderr_contains)); then
  while IFS= read -r line; do
    grep -qxF -- "$line" "$work/dusk.err" || report "dusk-wasm stderr lacks the line: $line"
  done <"$work/native.err"
fi

echo "command: $dusk run ${DUSK_WASM_FLAGS:-}${DUSK_WASM_FLAGS:+ }$wasm $*"
echo "native status $native_status, dusk-wasm status $dusk_status, stdout $(wc -c <"$work/dusk.out") bytes"
if ((failed)) || [[ -s "$work/dusk.err" ]]; then
  echo "--- dusk-wasm stderr (first 20 lines):"
  head -n 20 "$work/dusk.err"
fi
if ((failed)); then
  exit 1
fi
echo "PASS"
