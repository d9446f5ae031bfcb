#!/usr/bin/env bash
# Benchmark 3, build cost (issue 6): what users of the macro pay at build time.
#
#   clean:   `cargo build -p status-core` from nothing, against a crate that only
#            depends on the engine's and macro's dependencies with the same
#            features (`deps`: syn, quote, proc-macro2, pulldown-cmark, scraper;
#            `deps-all`: the same plus heck and annotate-snippets, every direct
#            dependency of status-codegen and status-macros);
#   rebuild: the rebuild of status-core after a one-byte edit of the document,
#            against the rebuild of a hand-written crate of the same enum
#            (benches/src/handwritten.rs) after a one-byte edit of its source.
#
# Everything happens in throwaway crates under $WORK (default target/build-cost),
# each with its own target directory, built --offline with a copy of the
# workspace's Cargo.lock so that every crate gets the same versions. Timing uses
# hyperfine when it is installed (apt-get install hyperfine), else a bash loop;
# both report medians.
#
# Usage: benches/build-cost.sh            (from anywhere)
# Environment:
#   REV=HEAD        the commit to measure (git archive); REV=worktree copies the
#                   working tree instead, uncommitted changes included
#   CLEAN_RUNS=3    runs of each clean build
#   REBUILD_RUNS=10 runs of each rebuild
#   WORK=...        where the throwaway crates go
#   SKIP_DEPS_ALL=1 leave out the `deps-all` clean build
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REV=${REV:-HEAD}
CLEAN_RUNS=${CLEAN_RUNS:-3}
REBUILD_RUNS=${REBUILD_RUNS:-10}
WORK=${WORK:-$ROOT/target/build-cost}
CARGO=${CARGO:-cargo}

rm -rf "$WORK"
mkdir -p "$WORK"
RESULTS="$WORK/results.txt"
: >"$RESULTS"

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
scraper = { version = "0.29", default-features = false }
$extra
[workspace]
EOF
    {
        echo '//! Links every dependency of the engine and the macro, and does nothing.'
        for crate in proc_macro2 quote syn pulldown_cmark scraper; do
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
# measure NAME RUNS PREPARE COMMAND: runs COMMAND RUNS times, PREPARE before
# each run (untimed), and appends "NAME median-seconds" to $RESULTS.
measure() {
    local name=$1 runs=$2 prepare=$3 command=$4
    say "$name: $command ($runs runs)"
    if command -v hyperfine >/dev/null; then
        hyperfine --style basic --runs "$runs" --prepare "$prepare" \
            --command-name "$name" --export-csv "$WORK/$name.csv" "$command" >&2
        # columns: command,mean,stddev,median,user,system,min,max
        awk -F, -v name="$name" 'NR == 2 { print name, $4 }' "$WORK/$name.csv" >>"$RESULTS"
    else
        local times=() start end
        for ((i = 0; i < runs; i++)); do
            bash -c "$prepare"
            start=$(date +%s.%N)
            bash -c "$command" >/dev/null
            end=$(date +%s.%N)
            times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
            echo "  run $((i + 1)): ${times[-1]} s" >&2
        done
        printf '%s\n' "${times[@]}" | sort -g |
            awk -v name="$name" '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print name, m }' >>"$RESULTS"
    fi
}

build() { # build DIR TARGET [ARGS...]: the command line for one build
    local dir=$1 target=$2
    shift 2
    echo "cd '$dir' && CARGO_TARGET_DIR='$target' $CARGO build --offline --quiet $*"
}

CORE_BUILD=$(build "$WORK/workspace" "$WORK/target-core" -p status-core)
measure clean-status-core "$CLEAN_RUNS" "rm -rf '$WORK/target-core'" "$CORE_BUILD"
measure clean-deps "$CLEAN_RUNS" "rm -rf '$WORK/target-deps'" "$(build "$WORK/deps" "$WORK/target-deps")"
if [ -z "${SKIP_DEPS_ALL:-}" ]; then
    measure clean-deps-all "$CLEAN_RUNS" "rm -rf '$WORK/target-deps-all'" \
        "$(build "$WORK/deps-all" "$WORK/target-deps-all")"
fi

# The dependencies must be the same artifacts (same features, same versions):
# cargo names each after a hash of its package, version and features.
artifacts() { find "$1/debug/deps" -maxdepth 1 \( -name '*.rlib' -o -name '*.so' \) -printf '%f\n' | sort; }
say "artifacts of the clean status-core build that the deps build does not have (expected: the three status crates)"
comm -23 <(artifacts "$WORK/target-core") <(artifacts "$WORK/target-deps") >&2
say "artifacts of the deps build that the status-core build does not have (expected: only libdeps)"
comm -13 <(artifacts "$WORK/target-core") <(artifacts "$WORK/target-deps") >&2

bash -c "$CORE_BUILD"
measure rebuild-document-edit "$REBUILD_RUNS" "'$WORK/edit-document.sh'" "$CORE_BUILD"
HANDWRITTEN_BUILD=$(build "$WORK/handwritten" "$WORK/target-handwritten")
bash -c "$HANDWRITTEN_BUILD"
measure rebuild-handwritten-edit "$REBUILD_RUNS" "'$WORK/edit-handwritten.sh'" "$HANDWRITTEN_BUILD"

# --- report --------------------------------------------------------------------
median() { awk -v name="$1" '$1 == name { print $2 }' "$RESULTS"; }
ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
echo
echo "build cost ($(nproc) cores, $(rustc --version), REV=$REV)"
echo
echo "| build | median |"
echo "|---|---:|"
while read -r name seconds; do
    printf '| %s | %.2f s |\n' "$name" "$seconds"
done <"$RESULTS"
echo
echo "clean status-core / clean deps:       $(ratio "$(median clean-status-core)" "$(median clean-deps)")  (target <= 1.15)"
if [ -z "${SKIP_DEPS_ALL:-}" ]; then
    echo "clean status-core / clean deps-all:   $(ratio "$(median clean-status-core)" "$(median clean-deps-all)")"
fi
echo "rebuild document edit / hand-written: $(ratio "$(median rebuild-document-edit)" "$(median rebuild-handwritten-edit)")  (target <= 1.2)"
