#!/usr/bin/env bash
# `make bench`, second part: BLS12-381 operations side by side in one run: ours
# (bench/crypto_ops.cpp), blst built beside the project (bench/reference/blst_ops.c;
# present when CMake was configured with -DDUSK_BLST_DIR=...), and @chainsafe/blst from
# npm (bench/reference/chainsafe_blst_ops.mjs; Ethereum's min-pk signature variant only).
#
#   scripts/bench-crypto.sh BUILD_DIR
#
# Every side runs pinned to one core (taskset), so a library that would use threads
# (@chainsafe/blst verifies aggregates on all cores) is compared single-threaded, like
# with like. Times are nanoseconds per call (best batch average, see
# bench/reference/op_timer.h); ratios are ours / theirs (below 1: we are faster).
# The table also goes to BUILD_DIR/bench-crypto.txt.
#
# Environment:
#   DUSK_BENCH_FILTER=substr   only operations whose name contains it
#   DUSK_BENCH_BATCH_SECONDS=s batch length (default 0.2; smaller is quicker and noisier)
#   BENCH_CPU=N                the core to pin to (default 0)
#   NODE=PATH                  node binary (default: node on PATH)
set -uo pipefail

build="${1:?usage: scripts/bench-crypto.sh BUILD_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node="${NODE:-node}"
ours="$build/bench/crypto_ops"
blst="$build/bench/blst_ops"
[[ -x "$ours" ]] || { echo "bench-crypto: $ours not built (make build)" >&2; exit 1; }

pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c "${BENCH_CPU:-0}"); fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dusk-bench-crypto.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "bench-crypto: ours ($ours)" >&2
"${pin[@]}" "$ours" >"$work/dusk.txt" || { echo "bench-crypto: crypto_ops failed" >&2; exit 1; }
if [[ -x "$blst" ]]; then
  echo "bench-crypto: blst ($blst)" >&2
  "${pin[@]}" "$blst" >"$work/blst.txt" || echo "bench-crypto: blst_ops failed" >&2
else
  echo "bench-crypto: no blst column: build blst beside the project and configure with" \
    "-DDUSK_BLST_DIR=/path/to/blst (see docs/PERFORMANCE.md)" >&2
  : >"$work/blst.txt"
fi
if command -v "$node" >/dev/null 2>&1 && [[ -d "$root/node_modules/@chainsafe/blst" ]]; then
  echo "bench-crypto: @chainsafe/blst" >&2
  "${pin[@]}" "$node" "$root/bench/reference/chainsafe_blst_ops.mjs" >"$work/chainsafe.txt" ||
    echo "bench-crypto: chainsafe_blst_ops.mjs failed" >&2
else
  echo "bench-crypto: no @chainsafe/blst column (node or node_modules missing: scripts/install-deps.sh)" >&2
  : >"$work/chainsafe.txt"
fi

{
  echo "# BLS12-381, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null)," \
    "one core ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
  awk '
    !($1 in seen)               { seen[$1] = 1; order[++n] = $1 }
    FILENAME ~ /dusk.txt$/      { d[$1] = $2; next }
    FILENAME ~ /blst.txt$/      { b[$1] = $2; next }
    FILENAME ~ /chainsafe.txt$/ { c[$1] = $2; next }
    function us(x) { return x == "" ? "-" : sprintf(x < 10000 ? "%.3f" : "%.1f", x / 1000) }
    function ratio(a, x) { return (a == "" || x == "" || x == 0) ? "-" : sprintf("%.2f", a / x) }
    END {
      printf "%-32s %12s %12s %9s %16s %9s\n", "operation", "dusk us", "blst us", "dusk/blst", "@chainsafe us", "dusk/cs"
      for (i = 1; i <= n; ++i) {
        op = order[i]
        printf "%-32s %12s %12s %9s %16s %9s\n", op, us(d[op]), us(b[op]), ratio(d[op], b[op]), us(c[op]), ratio(d[op], c[op])
      }
    }' "$work/dusk.txt" "$work/blst.txt" "$work/chainsafe.txt"
} | tee "$build/bench-crypto.txt"
