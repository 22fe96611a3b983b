#!/usr/bin/env bash
# DuskEVM on the ipsilon/evm-benchmarks programs (main and micro, state-test JSON), side
# by side in one run with evmone's baseline interpreter when an evmone-bench binary is
# given. Ours is bench/bench_evm; evmone-bench loads the same directory and its rows
# baseline/execute/DIR/FILE/LABEL are matched to ours, DIR/FILE/LABEL, by name. Both run
# every data entry of each file with the first gas limit and value.
#
#   scripts/bench-evm.sh BUILD_DIR
#   EVMONE_BENCH=/path/to/evmone-bench scripts/bench-evm.sh BUILD_DIR
#
# What each side times, per run: evmone, one message call of the contract's code under
# its fixed benchmark revision (Istanbul) with a mocked host, the code analysed once
# beforehand; ours, the same message call under Prague (bench_evm's message/ rows: from
# a prepared state, undone by a journal revert after each run), which the ratios
# compare, and beside it ours for the whole transaction ("tx us": validation, a fresh
# copy of the pre-state, the message, the fee settlement). The gas columns are the
# message's gas; where the two counts differ, the fork schedules differ (the row is
# marked *) and the time ratio is the fair figure. Ratios are ours over evmone's speed:
# above 1 we are faster. The geometric means are over the matched rows.
# The table also goes to BUILD_DIR/bench-evm.txt.
#
# Environment:
#   EVMONE_BENCH=PATH      evmone-bench (built beside the project); unset: ours only
#   EVM_BENCHMARKS=DIR     the benchmarks directory (default: DUSK_TESTDATA of the build,
#                          then evm/evm-benchmarks/benchmarks); ours always reads the one
#                          it was built with, so only change it for evmone's side
#   BENCH_FILTER=REGEX     benchmark names to run, e.g. 'main/' or 'snailtracer'
#   BENCH_MIN_TIME=S       seconds per benchmark and round (default 0.5)
#   BENCH_REPS=N           rounds, the fastest CPU time of each side is used (default 3)
#   BENCH_CPU=N            the core both are pinned to with taskset (default 0)
set -uo pipefail

usage() { sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  "") usage >&2; exit 2 ;;
esac
build="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ours="$build/bench/bench_evm"
evmone="${EVMONE_BENCH:-}"
min_time="${BENCH_MIN_TIME:-0.5}"
reps="${BENCH_REPS:-3}"
filter="${BENCH_FILTER:-}"

die() { echo "bench-evm: $*" >&2; exit 1; }
[[ -x "$ours" ]] || die "$ours not built (it needs libbenchmark-dev and nlohmann-json3-dev: scripts/install-deps.sh, then make build)"
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || die "BENCH_REPS must be a positive integer, not '$reps'"
[[ "$min_time" =~ ^[0-9]*\.?[0-9]+$ ]] || die "BENCH_MIN_TIME must be a number of seconds, not '$min_time'"
if [[ -n "$evmone" ]]; then
  [[ -x "$evmone" ]] || die "EVMONE_BENCH=$evmone is not an executable file"
  dir="${EVM_BENCHMARKS:-}"
  if [[ -z "$dir" ]]; then
    testdata=$(sed -n 's/^DUSK_TESTDATA:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null)
    [[ -n "$testdata" ]] || die "no DUSK_TESTDATA in $build/CMakeCache.txt; set EVM_BENCHMARKS=DIR"
    dir="$testdata/evm/evm-benchmarks/benchmarks"
  fi
  [[ -d "$dir/main" && -d "$dir/micro" ]] || die "$dir has no main/ and micro/ (set EVM_BENCHMARKS=DIR)"
fi
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c "${BENCH_CPU:-0}"); fi
work=$(mktemp -d "${TMPDIR:-/tmp}/dusk-bench-evm.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Both are Google Benchmark binaries; each round runs ours, then evmone, once per
# benchmark, and the table keeps the fastest CPU time of the rounds on each side, so that
# a disturbance (another process on the machine) does not favour one side. The console
# shows progress; the figures are read from CSV files. evmone-bench's minimum time takes
# a unit suffix, ours (an older library) does not.
ours_filter=()
[[ -n "$filter" ]] && ours_filter=(--benchmark_filter="$filter")
for ((round = 1; round <= reps; ++round)); do
  echo "bench-evm: round $round of $reps: ours ($ours)" >&2
  "${pin[@]}" "$ours" --benchmark_out_format=csv --benchmark_min_time="$min_time" \
    "${ours_filter[@]}" --benchmark_out="$work/dusk.$round.csv" >&2 || die "bench_evm failed"
  if [[ -n "$evmone" ]]; then
    echo "bench-evm: round $round of $reps: evmone baseline ($evmone $dir)" >&2
    "${pin[@]}" "$evmone" --benchmark_out_format=csv --benchmark_min_time="${min_time}s" \
      --benchmark_filter="^baseline/execute/${filter:+.*(${filter})}" \
      --benchmark_out="$work/evmone.$round.csv" "$dir" >&2 || die "evmone-bench failed"
  fi
done
csv=("$work"/dusk.*.csv)
[[ -n "$evmone" ]] && csv+=("$work"/evmone.*.csv)

{
  echo "# DuskEVM on evm-benchmarks${evmone:+ against evmone baseline}, $(date -u '+%Y-%m-%d %H:%M UTC'), commit" \
    "$(git -C "$root" rev-parse --short HEAD 2>/dev/null), one core" \
    "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), fastest of $reps rounds," \
    "load $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v with_evmone="${evmone:+1}" '
    # A CSV line into f[1..n] (quoted fields may hold commas; "" is a quote).
    function split_csv(line, f,    n, i, c, q, cur) {
      n = 0; cur = ""; q = 0
      for (i = 1; i <= length(line); ++i) {
        c = substr(line, i, 1)
        if (q) {
          if (c == "\"" && substr(line, i + 1, 1) == "\"") { cur = cur c; ++i }
          else if (c == "\"") q = 0
          else cur = cur c
        } else if (c == "\"") q = 1
        else if (c == ",") { f[++n] = cur; cur = "" }
        else cur = cur c
      }
      f[++n] = cur
      return n
    }
    function us(t, unit) { return unit == "ns" ? t / 1000 : unit == "ms" ? t * 1000 : unit == "s" ? t * 1e6 : t }
    FNR == 1 { side = FILENAME ~ /\/dusk[.][0-9]+[.]csv$/ ? "d" : "e"; header = 0 }
    {
      n = split_csv($0, f)
      if (!header) {
        if (f[1] != "name") next   # the library prints a context block before the header
        header = 1
        for (i = 1; i <= n; ++i) col[side, f[i]] = i
        gcol = side == "d" ? col[side, "gas"] : col[side, "gas_used"]
        next
      }
      name = f[1]
      if (side == "e") { if (name !~ /^baseline\/execute\//) next; sub(/^baseline\/execute\//, "", name) }
      err = col[side, "error_occurred"] ? f[col[side, "error_occurred"]] : ""
      # Our whole-transaction rows go to their own column ("tx us"); the message/ rows
      # are the ones compared with evmone.
      if (side == "d") {
        if (name ~ /^message\//) sub(/^message\//, "", name)
        else {
          if (err != "true") {
            x = us(f[col[side, "cpu_time"]], f[col[side, "time_unit"]])
            if (!(name in tx) || x < tx[name]) tx[name] = x
          }
          next
        }
      }
      if (err == "true") {
        if (!((side, name) in seen)) { seen[side, name] = 1; if (!(name in known)) { known[name] = 1; order[++count] = name } }
        failed[side, name] = f[col[side, "error_message"]]
        next
      }
      if (!(name in known)) { known[name] = 1; order[++count] = name }
      x = us(f[col[side, "cpu_time"]], f[col[side, "time_unit"]])
      if (!((side, name) in t) || x < t[side, name]) t[side, name] = x
      g[side, name] = gcol ? f[gcol] + 0 : 0
    }
    function cell(side, name, what) {
      if ((side, name) in failed) return "FAIL"
      if (!((side, name) in t)) return "-"
      if (what == "gas") return sprintf("%d", g[side, name])
      if (what == "rate") return t[side, name] > 0 ? sprintf("%.0f", g[side, name] / t[side, name]) : "-"
      return sprintf("%.1f", t[side, name])
    }
    END {
      printf "%-40s %11s %11s %9s %9s %11s %11s %7s %7s %11s\n", "benchmark", "gas", "evmone gas",
             "Mgas/s", "evmone", "us", "evmone us", "gas/s", "time", "tx us"
      printf "%-40s %11s %11s %9s %9s %11s %11s %7s %7s %11s\n", "", "", "", "", "Mgas/s", "", "",
             "ratio", "ratio", ""
      m = 0; lg = 0; lt = 0; missing_d = ""; missing_e = ""
      for (i = 1; i <= count; ++i) {
        b = order[i]; rg = "-"; rt = "-"; mark = ""
        hd = ("d", b) in t; he = ("e", b) in t
        if (hd && he && t["d", b] > 0 && t["e", b] > 0 && g["d", b] > 0 && g["e", b] > 0) {
          x = (g["d", b] / t["d", b]) / (g["e", b] / t["e", b]); y = t["e", b] / t["d", b]
          rg = sprintf("%.2f", x); rt = sprintf("%.2f", y)
          lg += log(x); lt += log(y); ++m
          if (g["d", b] != g["e", b]) mark = "*"
        }
        if (with_evmone && !hd && !(("d", b) in failed)) missing_d = missing_d " " b
        if (with_evmone && !he && !(("e", b) in failed)) missing_e = missing_e " " b
        printf "%-40s %11s %11s %9s %9s %11s %11s %7s %7s %11s\n", b mark, cell("d", b, "gas"),
               cell("e", b, "gas"), cell("d", b, "rate"), cell("e", b, "rate"), cell("d", b, "us"),
               cell("e", b, "us"), rg, rt, (b in tx) ? sprintf("%.1f", tx[b]) : "-"
      }
      if (m > 0)
        printf "%-40s %11s %11s %9s %9s %11s %11s %7.2f %7.2f\n", "geometric mean (" m " matched)",
               "", "", "", "", "", "", exp(lg / m), exp(lt / m)
      for (k in failed) { split(k, p, SUBSEP); print "failed (" (p[1] == "d" ? "ours" : "evmone") "): " p[2] ": " failed[k] }
      if (missing_d != "") print "only in evmone:" missing_d
      if (missing_e != "") print "only in ours:" missing_e
    }' "${csv[@]}"
} | tee "$build/bench-evm.txt"
