#!/usr/bin/env bash
# Zero-knowledge proof verification side by side in one run: ours (bench/zk_ops.cpp),
# snarkjs (bench/reference/snarkjs_zk_ops.mjs) and a Groth16 verifier on @noble/curves
# (bench/reference/noble_zk_ops.mjs), all on the circom/snarkjs fixtures of
# tests/fixtures/zk, same names and timing rule (bench/reference/op_timer.h), each pinned
# to one core. Times are microseconds per call; the ratios are theirs / ours (above 1: we
# are faster). The table also goes to BUILD_DIR/bench-zk.txt.
#
#   scripts/bench-zk.sh BUILD_DIR
#
# Environment: DUSK_BENCH_FILTER (substring of the operation names),
# DUSK_BENCH_BATCH_SECONDS (default 0.2), BENCH_CPU (core to pin to, default 0), NODE.
# snarkjs runs its field arithmetic in wasm and may start worker threads; pinning keeps
# it on the same single core as the others.
set -uo pipefail

build="${1:?usage: scripts/bench-zk.sh BUILD_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node="${NODE:-node}"
ours="$build/bench/zk_ops"
[[ -x "$ours" ]] || { echo "bench-zk: $ours not built" >&2; exit 1; }
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c "${BENCH_CPU:-0}"); fi
work=$(mktemp -d "${TMPDIR:-/tmp}/dusk-bench-zk.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "bench-zk: ours ($ours)" >&2
"${pin[@]}" "$ours" >"$work/dusk.txt" || { echo "bench-zk: zk_ops failed" >&2; exit 1; }
: >"$work/snarkjs.txt"
: >"$work/noble.txt"
if command -v "$node" >/dev/null 2>&1 && [[ -d "$root/node_modules/snarkjs" ]]; then
  echo "bench-zk: snarkjs" >&2
  "${pin[@]}" "$node" "$root/bench/reference/snarkjs_zk_ops.mjs" >"$work/snarkjs.txt" ||
    echo "bench-zk: snarkjs_zk_ops.mjs failed" >&2
  echo "bench-zk: @noble/curves" >&2
  "${pin[@]}" "$node" "$root/bench/reference/noble_zk_ops.mjs" >"$work/noble.txt" ||
    echo "bench-zk: noble_zk_ops.mjs failed" >&2
else
  echo "bench-zk: no snarkjs/noble columns (node or node_modules missing: scripts/install-deps.sh)" >&2
fi
{
  echo "# zk verification, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null)," \
    "one core ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
  awk '
    !($1 in seen)             { seen[$1] = 1; order[++n] = $1 }
    FILENAME ~ /dusk.txt$/    { d[$1] = $2; next }
    FILENAME ~ /snarkjs.txt$/ { s[$1] = $2; next }
    FILENAME ~ /noble.txt$/   { b[$1] = $2; next }
    function us(x) { return x == "" ? "-" : sprintf("%.1f", x / 1000) }
    function ratio(x, a) { return (a == "" || x == "" || a == 0) ? "-" : sprintf("%.1f", x / a) }
    END {
      printf "%-30s %11s %11s %11s %14s %12s\n", "operation", "dusk us", "snarkjs us", "noble us",
             "snarkjs/dusk", "noble/dusk"
      for (i = 1; i <= n; ++i) {
        op = order[i]
        printf "%-30s %11s %11s %11s %14s %12s\n", op, us(d[op]), us(s[op]), us(b[op]),
               ratio(s[op], d[op]), ratio(b[op], d[op])
      }
    }' "$work/dusk.txt" "$work/snarkjs.txt" "$work/noble.txt"
} | tee "$build/bench-zk.txt"
