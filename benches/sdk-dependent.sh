#!/usr/bin/env bash
# What a dependent of an SDK crate pays (issue 28): the documentation family's
# crate as `status-table init` writes it (every tree of ../shared/family: the
# committed form of `status_table!` by default, `regenerate` for maintainers,
# serde and http features off), against a crate that only `include!`s the same
# committed files (no dependency at all; benches/sdk-dependent/convert.py). A
# binary depends on each; its clean build with default features is timed, in
# interleaved rounds, as medians of wall and CPU (user + system) time, and the
# ratio sdk / plain is printed. Then `cargo tree`
# of the binary on the SDK crate, which must name none of status-macros,
# status-codegen, syn, html5ever, pulldown-cmark.
#
# Usage: benches/sdk-dependent.sh        (from anywhere; about 10 minutes)
# Environment:
#   RUNS=7          rounds (each: one clean build of each binary, in turn)
#   WORK=...        where the crates go (default target/sdk-dependent)
#   FAMILY=...      the family's tree.tar.xz (default ../shared/family/tree.tar.xz)
#   CLI=...         a built status-table (default: built here, release)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-7}
WORK=${WORK:-$ROOT/target/sdk-dependent}
FAMILY=${FAMILY:-$ROOT/../shared/family/tree.tar.xz}
say() { printf '\n==> %s\n' "$*" >&2; }

if [ -z "${CLI:-}" ]; then
    say "building the CLI (release)"
    cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml" -p status-cli
    CLI=$ROOT/target/release/status-table
fi

rm -rf "$WORK"
mkdir -p "$WORK/tree"
say "unpacking $FAMILY, and status-table init over every root (as issue 21's note does)"
tar -xJf "$FAMILY" -C "$WORK/tree"
"$CLI" init "$WORK"/tree/huaweicloudDocs/* "$WORK"/tree/opentelekomcloud/docs/doc/source/* \
    --out "$WORK/sdk" --name famcrate --status-table-path "$ROOT" >"$WORK/init.log" 2>&1 \
    || { cat "$WORK/init.log"; exit 1; }
tail -1 "$WORK/init.log" >&2

say "the plain crate: the same modules, each invocation an include! of its committed file"
cp -r "$WORK/sdk" "$WORK/plain"
python3 "$ROOT/benches/sdk-dependent/convert.py" plain "$WORK/plain"

say "the SDK crate, as init wrote it: status-table check"
(cd "$WORK/sdk" && "$CLI" check | tail -1)

# The binary: every type's ALL, so that every type is built and linked.
for crate in sdk plain; do
    app=$WORK/app-$crate
    mkdir -p "$app/src"
    cat >"$app/Cargo.toml" <<EOF
[package]
name = "app-$crate"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
famcrate = { path = "../$crate" }

[workspace]
EOF
    python3 "$ROOT/benches/sdk-dependent/convert.py" app "$WORK/sdk" >"$app/src/main.rs"
    cp "$ROOT/Cargo.lock" "$app/Cargo.lock"
done

build() { # build NAME: a clean build of app-NAME; prints "wall cpu"
    local app=$WORK/app-$1
    rm -rf "$app/target"
    /usr/bin/time -f "%e %U %S" -o "$WORK/time" \
        cargo build --quiet --offline --manifest-path "$app/Cargo.toml"
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$WORK/time"
}

say "a warm-up build of each (fills the OS cache), then $RUNS interleaved rounds"
build sdk >/dev/null
build plain >/dev/null
: >"$WORK/sdk.times"
: >"$WORK/plain.times"
for round in $(seq "$RUNS"); do
    # Alternate which goes first, so a trend in the machine's load falls on both.
    if [ $((round % 2)) -eq 1 ]; then order="sdk plain"; else order="plain sdk"; fi
    for crate in $order; do
        build "$crate" >>"$WORK/$crate.times"
    done
    echo "round $round: sdk $(tail -1 "$WORK/sdk.times"), plain $(tail -1 "$WORK/plain.times")" >&2
done

median() { # median FILE COLUMN
    sort -g -k "$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo
echo "| clean build of the binary (median of $RUNS) | wall | CPU |"
echo "|---|---:|---:|"
for crate in sdk plain; do
    printf '| on the %s crate | %.1f s | %.1f s |\n' "$crate" "$(median "$WORK/$crate.times" 1)" "$(median "$WORK/$crate.times" 2)"
done
awk -v sw="$(median "$WORK/sdk.times" 1)" -v pw="$(median "$WORK/plain.times" 1)" \
    -v sc="$(median "$WORK/sdk.times" 2)" -v pc="$(median "$WORK/plain.times" 2)" \
    'BEGIN { printf "| sdk / plain | %.2fx | %.2fx |\n", sw / pw, sc / pc }'

say "cargo tree of the binary on the SDK crate (normal and build dependencies)"
tree=$(cargo tree --offline --manifest-path "$WORK/app-sdk/Cargo.toml" -e normal,build)
echo "$tree"
if echo "$tree" | grep -E "status-macros|status-codegen|html5ever|pulldown-cmark|syn v"; then
    echo "the dependent builds the proc macro or a parser" >&2
    exit 1
fi
echo "none of status-macros, status-codegen, syn, html5ever, pulldown-cmark"
