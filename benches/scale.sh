#!/usr/bin/env bash
# Issue 29: what a large page costs, clean and with problems. For each size,
# an error-code table of ROWS rows (`status_bench::documents::error_table`,
# written by the `page` example), clean and with 1, 10 and 50 rows whose code
# cell is a sentence (each a problem with a fix); the release CLI reads each
# page (`status-table inspect --json`, and `expand` with SHOW_EXPAND=1), and
# the wall time (median of RUNS runs) and the peak resident memory
# (/usr/bin/time; the largest of the runs) are printed with their ratio to the
# clean page of the same size, measured in the same run.
#
# Usage: benches/scale.sh                      (2,000, 20,000 and 200,000 rows)
#        ROWS="20000 330000" PROBLEMS="0 10 50" RUNS=5 SYNTAX=html benches/scale.sh
#        BIN=/path/to/status-table benches/scale.sh   (another build, e.g. before a change)
#        TIMEOUT=120 benches/scale.sh                 (a run past it is reported as such)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: apt-get install time" >&2; exit 1; }
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
cargo build --release --quiet -p status-bench --example page
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet -p status-cli
    BIN="$TARGET/release/status-table"
fi
ROWS="${ROWS:-2000 20000 200000}"
PROBLEMS="${PROBLEMS:-0 1 10 50}"
RUNS="${RUNS:-3}"
SYNTAX="${SYNTAX:-pipe}"
TIMEOUT="${TIMEOUT:-600}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# measure PAGE ARGS...: "SECONDS KB" (median wall time, largest peak), or
# "timeout KB" when a run took longer than TIMEOUT seconds.
measure() {
    local page=$1
    shift
    local times=() peak=0 i out
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -o "$WORK/time" -f '%e %M' timeout "$TIMEOUT" "$BIN" "$@" "$page" >/dev/null 2>&1 || true
        read -r seconds kb < <(tail -1 "$WORK/time")
        if awk -v s="$seconds" -v t="$TIMEOUT" 'BEGIN { exit !(s >= t - 0.5) }'; then
            echo "timeout $kb"
            return
        fi
        times+=("$seconds")
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')" "$peak"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "timeout") print "–"; else if (b > 0) printf "%.2f×", a / b; else print "–" }'; }

commands=("inspect --json")
[ "${SHOW_EXPAND:-0}" = 1 ] && commands+=("expand")
echo "binary: $BIN ($SYNTAX tables, median of $RUNS runs)"
echo
for command in "${commands[@]}"; do
    echo "### status-table $command"
    echo
    echo "| rows | bytes | problems | time | peak memory | time / clean | memory / clean |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    for rows in $ROWS; do
        clean_time=0 clean_kb=0
        for problems in $PROBLEMS; do
            page="$WORK/page-$rows-$problems.md"
            "$TARGET/release/examples/page" "$SYNTAX" "$rows" "$problems" >"$page"
            # shellcheck disable=SC2086 # the command is two words on purpose
            read -r seconds kb <<<"$(measure "$page" $command)"
            if [ "$problems" = 0 ]; then clean_time=$seconds clean_kb=$kb; fi
            printf '| %s | %s | %s | %s s | %s MB | %s | %s |\n' "$rows" "$(stat -c %s "$page")" "$problems" \
                "$seconds" "$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')" \
                "$(ratio "$seconds" "$clean_time")" "$(ratio "$kb" "$clean_kb")"
            rm -f "$page"
        done
    done
    echo
done
