#!/usr/bin/env bash
# BN254 side by side in one run: ours (bench/bn254_ops.cpp) and @noble/curves's bn254
# from npm (bench/reference/noble_bn254_ops.mjs), same workloads, names and timing rule
# (bench/reference/op_timer.h), each pinned to one core. Times are microseconds per call;
# the ratio is noble / ours (above 1: we are faster). The table also goes to
# BUILD_DIR/bench-bn254.txt.
#
#   scripts/bench-bn254.sh BUILD_DIR
#
# Environment: DUSK_BENCH_FILTER, DUSK_BENCH_BATCH_SECONDS, BENCH_CPU, NODE as for
# scripts/bench-crypto.sh. g1_mul/g2_mul: noble's multiply (constant-time style, wNAF
# with fake points) against our constant-time fixed-window mul; *_mul_vartime: noble's
# multiplyUnsafe against our wNAF mul_vartime.
set -uo pipefail

build="${1:?usage: scripts/bench-bn254.sh BUILD_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node="${NODE:-node}"
ours="$build/bench/bn254_ops"
[[ -x "$ours" ]] || { echo "bench-bn254: $ours not built" >&2; exit 1; }
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c "${BENCH_CPU:-0}"); fi
work=$(mktemp -d "${TMPDIR:-/tmp}/dusk-bench-bn254.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "bench-bn254: ours ($ours)" >&2
"${pin[@]}" "$ours" >"$work/dusk.txt" || { echo "bench-bn254: bn254_ops failed" >&2; exit 1; }
if command -v "$node" >/dev/null 2>&1 && [[ -d "$root/node_modules/@noble/curves" ]]; then
  echo "bench-bn254: @noble/curves" >&2
  "${pin[@]}" "$node" "$root/bench/reference/noble_bn254_ops.mjs" >"$work/noble.txt" ||
    echo "bench-bn254: noble_bn254_ops.mjs failed" >&2
else
  echo "bench-bn254: no @noble/curves column (scripts/install-deps.sh)" >&2
  : >"$work/noble.txt"
fi
{
  echo "# BN254, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null)," \
    "one core ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
  awk '
    !($1 in seen)           { seen[$1] = 1; order[++n] = $1 }
    FILENAME ~ /dusk.txt$/  { d[$1] = $2; next }
    FILENAME ~ /noble.txt$/ { b[$1] = $2; next }
    function us(x) { return x == "" ? "-" : sprintf("%.1f", x / 1000) }
    function ratio(x, a) { return (a == "" || x == "" || a == 0) ? "-" : sprintf("%.1f", x / a) }
    END {
      printf "%-24s %12s %12s %12s\n", "operation", "dusk us", "noble us", "noble/dusk"
      for (i = 1; i <= n; ++i) {
        op = order[i]
        printf "%-24s %12s %12s %12s\n", op, us(d[op]), us(b[op]), ratio(b[op], d[op])
      }
    }' "$work/dusk.txt" "$work/noble.txt"
} | tee "$build/bench-bn254.txt"
