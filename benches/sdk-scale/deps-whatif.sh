#!/usr/bin/env bash
# What the macro's dependency graph costs, and what trimming it would save:
# proc-macro crates that only link a set of dependency lines (as
# benches/build-cost.sh's `deps`), each built from nothing with
# `cargo build --timings`, in interleaved rounds; medians of the wall time.
# A companion of benches/sdk-scale.sh (issue 13); changes no Cargo.toml.
#
#   now          status-codegen's and status-macros' dependency lines as declared
#                (html5ever and ego-tree for HTML, since issue 20)
#   no-annotate  the same without annotate-snippets (a small renderer instead)
#   with-scraper the lines before issue 20: scraper instead of html5ever, which
#                adds its CSS-selector half (cssparser, selectors, derive_more,
#                phf_macros, syn 3, and syn 2's `full`, `visit`, `extra-traits`)
#   syn-engine   syn 2 alone, with the features the engine asks for
#   syn-graph    syn 2 alone, with the features the whole graph turns on today
#
# Usage: benches/sdk-scale/deps-whatif.sh
# Environment: RUNS=2, WORK=${TMPDIR:-/tmp}/status-table-deps-whatif, LOCK=the
# workspace's Cargo.lock (the same versions for every crate).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-2}
WORK=${WORK:-${TMPDIR:-/tmp}/status-table-deps-whatif}
LOCK=${LOCK:-$ROOT/Cargo.lock}
CARGO=${CARGO:-cargo}
rm -rf "$WORK"
mkdir -p "$WORK"

MACRO_LINES='proc-macro2 = { version = "1.0.95", default-features = false, features = ["proc-macro"] }
quote = { version = "1.0.40", default-features = false, features = ["proc-macro"] }
syn = { version = "2.0.100", default-features = false, features = ["parsing", "derive", "printing", "clone-impls"] }
memchr = { version = "2.7", default-features = false }
pulldown-cmark = { version = "0.13", default-features = false }
heck = "0.5"
ego-tree = "0.11"'
SCRAPER='scraper = { version = "0.29", default-features = false }'
HTML5EVER='html5ever = { version = "0.40", default-features = false }'
ANNOTATE='annotate-snippets = { version = "0.12", default-features = false }'

crate() { # crate NAME DEPENDENCY-LINES
    mkdir -p "$WORK/$1/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[lib]\nproc-macro = true\n\n[dependencies]\n%s\n\n[workspace]\n' "$1" "$2" >"$WORK/$1/Cargo.toml"
    printf '%s\n' "$2" | sed -n 's/^\([a-z0-9_-]*\) *=.*/extern crate \1;/p' | tr '-' '_' >"$WORK/$1/src/lib.rs"
    cp "$LOCK" "$WORK/$1/Cargo.lock"
}
crate now "$MACRO_LINES
$HTML5EVER
$ANNOTATE"
crate no-annotate "$MACRO_LINES
$HTML5EVER"
crate with-scraper "$MACRO_LINES
$SCRAPER
$ANNOTATE"
crate syn-engine 'syn = { version = "2.0.100", default-features = false, features = ["parsing", "derive", "printing", "clone-impls", "proc-macro"] }'
crate syn-graph 'syn = { version = "2.0.100", features = ["full", "visit", "extra-traits"] }'
names=(now no-annotate with-scraper syn-engine syn-graph)
# scraper is not in the workspace's lock any more: let cargo add what is
# missing, from the local cache.
for name in "${names[@]}"; do (cd "$WORK/$name" && $CARGO fetch --quiet 2>/dev/null || true); done

for ((round = 1; round <= RUNS; round++)); do
    printf '\n==> round %s of %s (load %s)\n' "$round" "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
    for name in "${names[@]}"; do
        rm -rf "$WORK/target-$name"
        start=$(date +%s.%N)
        (cd "$WORK/$name" && CARGO_TARGET_DIR="$WORK/target-$name" $CARGO build --offline --quiet --timings)
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }' >>"$WORK/$name.times"
        printf '  %-13s %s s (%s units)\n' "$name" "$(tail -n1 "$WORK/$name.times")" \
            "$(sed -n 's/.*<td>Total units:<\/td><td>\([0-9]*\)<.*/\1/p' "$WORK/target-$name"/cargo-timings/cargo-timing.html)" >&2
    done
done
median() { sort -g "$WORK/$1.times" | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
echo
echo "dependency what-ifs: $(nproc) cores, $RUNS rounds, load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo
echo "| crate | median clean build (wall) | units | vs now |"
echo "|---|---:|---:|---:|"
for name in "${names[@]}"; do
    printf '| %s | %.2f s | %s | %s |\n' "$name" "$(median "$name")" \
        "$(sed -n 's/.*<td>Total units:<\/td><td>\([0-9]*\)<.*/\1/p' "$WORK/target-$name"/cargo-timings/cargo-timing.html)" \
        "$(awk -v a="$(median "$name")" -v b="$(median now)" 'BEGIN { printf "%+.2f s", a - b }')"
done
echo
echo "timings reports: $WORK/target-*/cargo-timings/cargo-timing.html"
