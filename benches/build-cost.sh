#!/usr/bin/env bash
# Benchmark 3, build cost (issue 6): what users of the macro pay at build time.
#
#   clean:   `cargo build -p status-core` from nothing, against a crate that only
#            depends on the engine's and macro's dependencies with the same
#            features (`deps`: syn, quote, proc-macro2, pulldown-cmark, html5ever,
#            ego-tree; `deps-all`: the same plus heck and annotate-snippets, every direct
#            dependency of status-codegen and status-macros);
#   rebuild: the rebuild of status-core after a one-byte edit of the document,
#            against the rebuild of a hand-written crate of the same enum
#            (benches/src/handwritten.rs) after a one-byte edit of its source.
#
# Everything happens in throwaway crates under $WORK (default target/build-cost),
# each with its own target directory, built --offline with a copy of the
# workspace's Cargo.lock so that every crate gets the same versions. Timing uses
# hyperfine when it is installed (apt-get install hyperfine), else bash's `time`;
# the builds compared run in interleaved rounds, and medians are reported.
#
# Usage: benches/build-cost.sh            (from anywhere)
# Environment:
#   REV=HEAD        the commit to measure (git archive); REV=worktree copies the
#                   working tree instead, uncommitted changes included
#   CLEAN_RUNS=3    runs of each clean build
#   REBUILD_RUNS=10 runs of each rebuild
#   WORK=...        where the throwaway crates go
#   SKIP_DEPS_ALL=1 leave out the `deps-all` clean build
#   NO_HYPERFINE=1  time with bash even where hyperfine is installed
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REV=${REV:-HEAD}
CLEAN_RUNS=${CLEAN_RUNS:-3}
REBUILD_RUNS=${REBUILD_RUNS:-10}
WORK=${WORK:-$ROOT/target/build-cost}
CARGO=${CARGO:-cargo}

rm -rf "$WORK"
mkdir -p "$WORK"

say() { printf '\n==> %s\n' "$*" >&2; }

# --- the workspace, as of $REV -------------------------------------------------
say "copying the workspace ($REV) to $WORK/workspace"
mkdir "$WORK/workspace"
if [ "$REV" = worktree ]; then
    (cd "$ROOT" && tar --exclude=./target --exclude=./.git -cf - .) | tar -xf - -C "$WORK/workspace"
else
    git -C "$ROOT" archive "$REV" | tar -xf - -C "$WORK/workspace"
fi
LOCK="$WORK/workspace/Cargo.lock"
[ -f "$LOCK" ] || cp "$ROOT/Cargo.lock" "$LOCK"
DOCUMENT="$WORK/workspace/status-core/tables/evs_04_0039.md"
[ -f "$DOCUMENT" ] || DOCUMENT="$WORK/workspace/tables/evs_04_0039.md"
# The document may be a symlink into tables/: edit the file, not the link.
DOCUMENT=$(readlink -f "$DOCUMENT")

# --- the dependencies alone ----------------------------------------------------
# The same dependency lines as status-codegen and status-macros declare, so that
# cargo unifies the same features; a proc-macro crate, as status-macros is, so
# that the link of the dependencies into a dylib is paid by both.
deps_crate() {
    local name=$1 extra=$2 dir="$WORK/$1"
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "$name"
version = "0.0.0"
edition = "2024"
publish = false

[lib]
proc-macro = true

[dependencies]
proc-macro2 = { version = "1.0.95", default-features = false, features = ["proc-macro"] }
quote = { version = "1.0.40", default-features = false, features = ["proc-macro"] }
syn = { version = "2.0.100", default-features = false, features = ["parsing"] }
pulldown-cmark = { version = "0.13", default-features = false }
html5ever = { version = "0.40", default-features = false }
ego-tree = "0.11"
$extra
[workspace]
EOF
    {
        echo '//! Links every dependency of the engine and the macro, and does nothing.'
        for crate in proc_macro2 quote syn pulldown_cmark html5ever ego_tree; do
            echo "extern crate $crate;"
        done
        case $extra in *heck*) echo 'extern crate heck;' ;; esac
        case $extra in *annotate*) echo 'extern crate annotate_snippets;' ;; esac
    } >"$dir/src/lib.rs"
    cp "$LOCK" "$dir/Cargo.lock"
}
deps_crate deps ""
deps_crate deps-all 'heck = "0.5"
annotate-snippets = { version = "0.12", default-features = false }'

# --- the hand-written enum -----------------------------------------------------
mkdir -p "$WORK/handwritten/src"
cat >"$WORK/handwritten/Cargo.toml" <<'EOF'
[package]
name = "handwritten"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]
EOF
{
    echo '// edit: a'
    cat "$ROOT/benches/src/handwritten.rs"
} >"$WORK/handwritten/src/lib.rs"

# --- one-byte edits ------------------------------------------------------------
# The document: its last byte flips between a newline and a space (the table,
# and so the generated code, stay the same). The hand-written crate: the last
# byte of its first line (a comment) flips between `a` and `b`.
cat >"$WORK/edit-document.sh" <<EOF
#!/usr/bin/env bash
set -e
f='$DOCUMENT'
last=\$(tail -c1 "\$f" | od -An -c | tr -d ' ')
truncate -s -1 "\$f"
if [ "\$last" = '\n' ]; then printf ' ' >>"\$f"; else printf '\n' >>"\$f"; fi
EOF
cat >"$WORK/edit-handwritten.sh" <<EOF
#!/usr/bin/env bash
set -e
f='$WORK/handwritten/src/lib.rs'
if head -n1 "\$f" | grep -q 'a\$'; then sed -i '1s/a\$/b/' "\$f"; else sed -i '1s/b\$/a/' "\$f"; fi
EOF
chmod +x "$WORK"/edit-*.sh

# --- timing --------------------------------------------------------------------
# The machine is shared: other builds come and go. So the builds compared with
# each other run in rounds (A B C, A B C, ...), each round taking one time of
# each, and a passing load falls on all of them alike; the median is taken over
# the rounds. Each time is "wall user+system" in seconds, appended to
# $WORK/NAME.times.
time_once() { # time_once NAME PREPARE COMMAND
    local name=$1 prepare=$2 command=$3
    if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; then
        hyperfine --style none --runs 1 --prepare "$prepare" --export-csv "$WORK/last.csv" "$command" >/dev/null
        # columns: command,mean,stddev,median,user,system,min,max
        awk -F, 'NR == 2 { print $4, $5 + $6 }' "$WORK/last.csv" >>"$WORK/$name.times"
    else
        bash -c "$prepare"
        local TIMEFORMAT='%R %U %S'
        { time bash -c "$command" >/dev/null 2>"$WORK/last.err"; } 2>"$WORK/last.time" ||
            { cat "$WORK/last.err" >&2; return 1; }
        awk '{ print $1, $2 + $3 }' "$WORK/last.time" >>"$WORK/$name.times"
    fi
    echo "  $name: $(tail -n1 "$WORK/$name.times" | awk '{ printf "%.3f s wall, %.3f s cpu", $1, $2 }')" >&2
}

# rounds RUNS NAME PREPARE COMMAND [NAME PREPARE COMMAND]...
rounds() {
    local runs=$1
    shift
    for ((round = 1; round <= runs; round++)); do
        say "round $round of $runs"
        local args=("$@")
        while [ ${#args[@]} -gt 0 ]; do
            time_once "${args[0]}" "${args[1]}" "${args[2]}"
            args=("${args[@]:3}")
        done
    done
}

build() { # build DIR TARGET [ARGS...]: the command line for one build
    local dir=$1 target=$2
    shift 2
    echo "cd '$dir' && CARGO_TARGET_DIR='$target' $CARGO build --offline --quiet $*"
}

CORE_BUILD=$(build "$WORK/workspace" "$WORK/target-core" -p status-core)
DEPS_BUILD=$(build "$WORK/deps" "$WORK/target-deps")
DEPS_ALL_BUILD=$(build "$WORK/deps-all" "$WORK/target-deps-all")
HANDWRITTEN_BUILD=$(build "$WORK/handwritten" "$WORK/target-handwritten")

say "clean builds"
clean=(clean-status-core "rm -rf '$WORK/target-core'" "$CORE_BUILD"
    clean-deps "rm -rf '$WORK/target-deps'" "$DEPS_BUILD")
if [ -z "${SKIP_DEPS_ALL:-}" ]; then
    clean+=(clean-deps-all "rm -rf '$WORK/target-deps-all'" "$DEPS_ALL_BUILD")
fi
rounds "$CLEAN_RUNS" "${clean[@]}"

# The dependencies must be the same artifacts (same features, same versions):
# cargo names each after a hash of its package, version and features.
artifacts() { find "$1/debug/deps" -maxdepth 1 \( -name '*.rlib' -o -name '*.so' \) -printf '%f\n' | sort; }
say "artifacts of the clean status-core build that the deps build does not have"
echo "(expected: the three status crates, heck, annotate-snippets and its anstyle and unicode-width)" >&2
comm -23 <(artifacts "$WORK/target-core") <(artifacts "$WORK/target-deps") >&2
say "artifacts of the deps build that the status-core build does not have (expected: only libdeps)"
comm -13 <(artifacts "$WORK/target-core") <(artifacts "$WORK/target-deps") >&2

# A no-op build is cargo alone (loading the workspace, checking fingerprints):
# the rebuild minus it is what rustc and the macro take.
say "rebuilds"
bash -c "$HANDWRITTEN_BUILD"
rounds "$REBUILD_RUNS" \
    noop-status-core true "$CORE_BUILD" \
    rebuild-document-edit "'$WORK/edit-document.sh'" "$CORE_BUILD" \
    noop-handwritten true "$HANDWRITTEN_BUILD" \
    rebuild-handwritten-edit "'$WORK/edit-handwritten.sh'" "$HANDWRITTEN_BUILD"

# --- report --------------------------------------------------------------------
median() { # median NAME [COLUMN]: the median of a column (1 wall, 2 cpu) of NAME's times
    awk -v c="${2:-1}" '{ print $c }' "$WORK/$1.times" | sort -g |
        awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { print a - b }'; }
names=(clean-status-core clean-deps)
[ -z "${SKIP_DEPS_ALL:-}" ] && names+=(clean-deps-all)
names+=(noop-status-core rebuild-document-edit noop-handwritten rebuild-handwritten-edit)

echo
echo "build cost: $(nproc) cores, $(rustc --version), REV=$REV, $CLEAN_RUNS clean and $REBUILD_RUNS rebuild rounds"
echo
echo "| build | median wall | median cpu (user+sys) |"
echo "|---|---:|---:|"
for name in "${names[@]}"; do
    printf '| %s | %.3f s | %.3f s |\n' "$name" "$(median "$name")" "$(median "$name" 2)"
done
echo
echo "| ratio | wall | cpu | target |"
echo "|---|---:|---:|---|"
echo "| clean status-core / clean deps | $(ratio "$(median clean-status-core)" "$(median clean-deps)") | $(ratio "$(median clean-status-core 2)" "$(median clean-deps 2)") | ≤ 1.15 |"
if [ -z "${SKIP_DEPS_ALL:-}" ]; then
    echo "| clean status-core / clean deps-all | $(ratio "$(median clean-status-core)" "$(median clean-deps-all)") | $(ratio "$(median clean-status-core 2)" "$(median clean-deps-all 2)") | |"
fi
echo "| rebuild after document edit / hand-written | $(ratio "$(median rebuild-document-edit)" "$(median rebuild-handwritten-edit)") | $(ratio "$(median rebuild-document-edit 2)" "$(median rebuild-handwritten-edit 2)") | ≤ 1.2 |"
echo "| the same, each less its no-op build | $(ratio "$(minus "$(median rebuild-document-edit)" "$(median noop-status-core)")" "$(minus "$(median rebuild-handwritten-edit)" "$(median noop-handwritten)")") | $(ratio "$(minus "$(median rebuild-document-edit 2)" "$(median noop-status-core 2)")" "$(minus "$(median rebuild-handwritten-edit 2)" "$(median noop-handwritten 2)")") | |"
