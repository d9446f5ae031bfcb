#!/usr/bin/env bash
# Instruction counts of benchmarks 1 and 2 (issue 6), with valgrind: the same
# comparisons as the criterion benches, but deterministic, so that the ratios
# mean something on a shared 2-core machine. Needs valgrind
# (apt-get install valgrind); takes a few minutes.
#
# Usage: benches/instructions.sh [expansion|problems|runtime]...   (default: expansion runtime)
# DOCS="seed error-page html:1000" limits the expansion table to those documents.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v valgrind >/dev/null || { echo "valgrind not found: apt-get install valgrind" >&2; exit 1; }
cargo build --release --quiet -p status-bench --example instructions
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/instructions"

# count ARGS...: instructions of one run (the last argument is the repetitions)
count() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$BIN" "$@" 2>&1 |
        awk '/I *refs:/ { gsub(",", "", $NF); print $NF }'
}
# per N ARGS...: instructions of one repetition (a run of N less a run of 0)
per() {
    local n=$1
    shift
    awk -v a="$(count "$@" 0)" -v b="$(count "$@" "$n")" -v n="$n" 'BEGIN { printf "%.0f", (b - a) / n }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else printf "–" }'; }

expansion() {
    echo "## Expansion: instructions per expansion (millions)"
    echo
    echo "| document | rows | engine | read | check | generate | baseline | engine / baseline | read / baseline |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for spec in "seed 0 20" "error-page 0 4" "html 1000 4" "html 10000 2" "html 100000 1" "pipe 1000 4" "pipe 10000 2" "pipe 100000 1"; do
        read -r doc rows n <<<"$spec"
        if [ -n "${DOCS:-}" ]; then
            case " $DOCS " in *" $doc "* | *" $doc:$rows "*) ;; *) continue ;; esac
        fi
        declare -A c=()
        for stage in engine read check generate baseline; do
            c[$stage]=$(per "$n" expansion "$doc" "$rows" "$stage")
        done
        [ "$doc" = seed ] && rows=20
        [ "$doc" = error-page ] && rows=135
        printf '| %s | %s |' "$doc" "$rows"
        for stage in engine read check generate baseline; do
            awk -v x="${c[$stage]}" 'BEGIN { printf " %.2f M |", x / 1e6 }'
        done
        echo " $(ratio "${c[engine]}" "${c[baseline]}") | $(ratio "${c[read]}" "${c[baseline]}") |"
        unset c
    done
    echo
}

# Issue 29: the whole engine (`expand`: read, check, try the fixes, generate)
# and the engine without generating (`check_all`, what `inspect` runs) on an
# error table with problems, against the same table clean, in the same run.
# PROBLEM_ROWS="2000 20000" by default.
problems() {
    echo "## Problems: instructions per expansion (millions), against the clean page"
    echo
    echo "| rows | problems | engine | checked | engine / clean | checked / clean |"
    echo "|---:|---:|---:|---:|---:|---:|"
    for rows in ${PROBLEM_ROWS:-2000 20000}; do
        local clean_engine=0 clean_check=0
        for problems in 0 1 10 50; do
            local engine check
            engine=$(per 1 expansion errors "$rows:$problems" engine)
            check=$(per 1 expansion errors "$rows:$problems" checked)
            if [ "$problems" = 0 ]; then clean_engine=$engine clean_check=$check; fi
            printf '| %s | %s |' "$rows" "$problems"
            awk -v e="$engine" -v c="$check" 'BEGIN { printf " %.2f M | %.2f M |", e / 1e6, c / 1e6 }'
            echo " $(ratio "$engine" "$clean_engine") | $(ratio "$check" "$clean_check") |"
        done
    done
    echo
}

runtime() {
    echo "## Run time: instructions per call (20 calls, divided by 20)"
    echo
    echo "| operation | generated | hand-written | http | generated / hand-written | generated / http |"
    echo "|---|---:|---:|---:|---:|---:|"
    for op in from_code/known from_code/unknown reason/known reason/unknown description display from_str/known from_str/unknown; do
        local g h t
        g=$(per 10000 runtime "$op" generated)
        h=$(per 10000 runtime "$op" handwritten)
        t=$(per 10000 runtime "$op" http)
        printf '| %s | %.1f | %.1f | %.1f | %s | %s |\n' "$op" \
            "$(awk -v x="$g" 'BEGIN { print x / 20 }')" "$(awk -v x="$h" 'BEGIN { print x / 20 }')" \
            "$(awk -v x="$t" 'BEGIN { print x / 20 }')" "$(ratio "$g" "$h")" "$(ratio "$g" "$t")"
    done
    echo
}

for what in "${@:-expansion runtime}"; do
    for w in $what; do "$w"; done
done
