#!/usr/bin/env bash
# `make bench`: wall time of the C test programs (tests/programs) at their default
# workloads, natively and as wasm32-wasi under dusk-wasm and V8, side by side in one run.
#
#   scripts/bench.sh BUILD_DIR
#
# Columns: the native -O2 build; `dusk-wasm run` with gas metering (the default) and with
# --no-metering; node:wasi with V8's baseline compiler only (--liftoff-only
# --no-wasm-tier-up) and with default tiering (Liftoff, then TurboFan); optionally wasm3.
# Each time is the best of BENCH_RUNS runs (hyperfine when installed, else a date loop),
# after one untimed run whose stdout must equal the native build's (else the cell says
# DIFF, or FAIL when the run failed). The table also goes to BUILD_DIR/bench-programs.txt.
#
# Environment:
#   BENCH_RUNS=N        timed runs per cell (default 3)
#   BENCH_PROGRAMS="a b" a subset of: hashing sorting bignum interp raytrace recursion
#   BENCH_QUICK=1       small workloads (about 0.05 s natively) to try the script out
#   WASM3=PATH          also time a wasm3 binary: $WASM3 $WASM3_FLAGS prog.wasm
#   WASM3_FLAGS=...     default "--stack-size 67108864": wasm3's 64 KiB default stack is
#                       too small for recursion.c
#   NODE=PATH           node binary (default: node on PATH)
#   BENCH_TIMER=date    use the date loop even when hyperfine is installed
set -uo pipefail

build="${1:?usage: scripts/bench.sh BUILD_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
programs_dir="$build/tests/programs"
cli="$build/apps/dusk-wasm/dusk-wasm"
runner="$root/bench/programs/run-wasi.mjs"
runs="${BENCH_RUNS:-3}"
node="${NODE:-node}"
read -r -a programs <<<"${BENCH_PROGRAMS:-hashing sorting bignum interp raytrace recursion}"
declare -A quick_size=([hashing]=6 [sorting]=300000 [bignum]=6000 [interp]=20000
                       [raytrace]=320 [recursion]=8)

die() {
  echo "bench: $*" >&2
  exit 1
}
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer"
[[ -d "$programs_dir" ]] || die "$programs_dir not found: build first (make build)"

# ---- which engines are available ----
have_dusk=0 have_nometer=0 have_node=0 have_liftoff=0 have_wasm3=0
if [[ -x "$cli" ]]; then
  have_dusk=1
  "$cli" run --help 2>/dev/null | grep -q -- '--no-metering' && have_nometer=1
else
  echo "bench: $cli not built; its columns stay empty" >&2
fi
if command -v "$node" >/dev/null 2>&1; then
  have_node=1
  "$node" --v8-options 2>/dev/null | grep -q -- '--liftoff-only' && have_liftoff=1
else
  echo "bench: node not found; its columns stay empty" >&2
fi
if [[ -n "${WASM3:-}" ]]; then
  [[ -x "$WASM3" ]] || die "WASM3=$WASM3 is not an executable"
  have_wasm3=1
  wasm3_flags="${WASM3_FLAGS---stack-size 67108864}"
fi
timer="${BENCH_TIMER:-}"
if [[ -z "$timer" ]]; then
  timer="date loop"
  command -v hyperfine >/dev/null 2>&1 && timer="hyperfine"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dusk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# best_time CMD...: prints the best wall time in seconds of $runs runs (stdout discarded),
# or nothing if a run fails.
best_time() {
  if [[ "$timer" == hyperfine* ]]; then
    local words=() w
    for w in "$@"; do words+=("$(printf '%q' "$w")"); done
    hyperfine -N --runs "$runs" --style none --export-json "$work/h.json" -- "${words[*]}" \
      >/dev/null 2>"$work/h.err" || return 0
    sed -n 's/^ *"min": *\([0-9.eE+-]*\),*$/\1/p' "$work/h.json" | head -n 1
  else
    local best="" i t0 t1
    for ((i = 0; i < runs; i++)); do
      t0=$(date +%s.%N)
      "$@" >/dev/null 2>&1 || return 0
      t1=$(date +%s.%N)
      best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
        'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.6f", best }')
    done
    echo "$best"
  fi
}

# measure NAME CMD...: one checked run, then the timing; prints seconds, DIFF or FAIL.
measure() {
  local name="$1"
  shift
  if ! "$@" >"$work/$name.out" 2>"$work/$name.err"; then
    echo "bench: $name failed: $* (stderr: $(head -c 300 "$work/$name.err"))" >&2
    echo FAIL
    return
  fi
  if ! cmp -s "$work/$name.out" "$work/native.out"; then
    echo "bench: $name printed something else than the native build: $*" >&2
    echo DIFF
    return
  fi
  local t
  t=$(best_time "$@")
  if [[ -z "$t" ]]; then
    echo "bench: $name failed while timing: $*" >&2
    echo FAIL
  else
    printf '%.3f\n' "$t"
  fi
}

ratio() {  # ratio A B: A/B with one decimal, or - when either is not a number
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.1f", a / b; else printf "-" }'
}

# ---- header ----
out="$build/bench-programs.txt"
columns=("native s" "dusk s")
((have_nometer)) && columns+=("dusk-nm s")
columns+=("liftoff s" "node-opt s")
((have_wasm3)) && columns+=("wasm3 s")
columns+=("dusk/native" "dusk/liftoff" "dusk/opt")
((have_wasm3)) && columns+=("dusk/wasm3")

{
  echo "# tests/programs wall times, best of $runs ($timer), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1), $(nproc) cores"
  ((have_node)) && echo "# node $("$node" --version)"
  ((have_dusk)) && echo "# dusk-wasm: $cli (source tree at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  ((have_wasm3)) && echo "# wasm3: $WASM3 $wasm3_flags"
  [[ -n "${BENCH_QUICK:-}" ]] && echo "# BENCH_QUICK: small workloads, not the defaults"
  echo "# dusk: dusk-wasm run (metered); dusk-nm: --no-metering; liftoff: node --liftoff-only"
  echo "# --no-wasm-tier-up; node-opt: node with default tiering (TurboFan)"
  printf '%-10s' program
  printf ' %12s' "${columns[@]}"
  printf '\n'
} | tee "$out"

# ---- one row per program ----
for p in "${programs[@]}"; do
  native="$programs_dir/$p"
  wasm="$programs_dir/$p.wasm"
  [[ -x "$native" && -f "$wasm" ]] || die "$native or $wasm missing: build first (make build)"
  args=()
  [[ -n "${BENCH_QUICK:-}" ]] && args=("${quick_size[$p]}")
  echo "bench: $p${args[*]:+ ${args[*]}}" >&2

  "$native" "${args[@]}" >"$work/native.out" 2>/dev/null || die "$native failed"
  t_native=$(measure native "$native" "${args[@]}")
  t_dusk=- t_nometer=- t_liftoff=- t_opt=- t_wasm3=-
  if ((have_dusk)); then
    t_dusk=$(measure dusk "$cli" run "$wasm" "${args[@]}")
    ((have_nometer)) && t_nometer=$(measure dusk-nm "$cli" run --no-metering "$wasm" "${args[@]}")
  fi
  if ((have_node)); then
    ((have_liftoff)) &&
      t_liftoff=$(measure liftoff "$node" --liftoff-only --no-wasm-tier-up "$runner" "$wasm" "${args[@]}")
    t_opt=$(measure node-opt "$node" "$runner" "$wasm" "${args[@]}")
  fi
  if ((have_wasm3)); then
    # shellcheck disable=SC2086  # wasm3_flags is a list of words on purpose
    t_wasm3=$(measure wasm3 "$WASM3" $wasm3_flags "$wasm" "${args[@]}")
  fi

  cells=("$t_native" "$t_dusk")
  ((have_nometer)) && cells+=("$t_nometer")
  cells+=("$t_liftoff" "$t_opt")
  ((have_wasm3)) && cells+=("$t_wasm3")
  cells+=("$(ratio "$t_dusk" "$t_native")" "$(ratio "$t_dusk" "$t_liftoff")" "$(ratio "$t_dusk" "$t_opt")")
  ((have_wasm3)) && cells+=("$(ratio "$t_dusk" "$t_wasm3")")
  {
    printf '%-10s' "$p"
    printf ' %12s' "${cells[@]}"
    printf '\n'
  } | tee -a "$out"
done
echo "bench: table written to $out" >&2
