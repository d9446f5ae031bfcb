#!/usr/bin/env bash
# Build cost at SDK scale (issue 13): one crate with ~50 `status_table!`
# invocations, as a cloud SDK would hold, against the same crate with every
# invocation replaced by its committed expansion (plain Rust, no macro).
#
#   macro: a library crate, one module per invocation (src/NAME.rs holds
#          `status_macros::status_table!("tables/NAME.md", options…);`), over
#          every corpus page that expands (tests/documents/corpus/*/: the options
#          are the `options` field of the page's .expect.json; pages whose `kind`
#          is null are skipped), the EVS pages of tables/ (evs_04_0039.md with its
#          English translation, evs_04_0038.en.md), and generated pages up to
#          INVOCATIONS in all (benches/sdk-scale/document.awk: 20–200 rows, half
#          HTML tables in a bullet-list item like the seed, half pipe tables, half
#          status tables, half error-code tables). The documents are copied into
#          its tables/; it depends on the workspace's status-macros by path;
#   plain: the same modules, each the output of `status-table expand DOC
#          --options '…'` (the CLI built once, release); no dependency.
#   committed: the macro crate with its committed expansions, as
#          `status-table generate` writes them in its generated/ (issue 20:
#          the macro then includes them and does not read the tables). For
#          the document edit, the edited document's file is generated from a
#          third version of it, so both directions of the edit find it stale
#          and expand that one document, as after an edit not yet regenerated.
#   committed-optsha: the committed crate with `[profile.dev.package.sha2]
#          opt-level = 3` in its manifest: the headers' SHA-256 optimised (cargo
#          builds a proc macro's dependencies unoptimised in the dev profile).
#   committed-current: committed-optsha after `status-table generate`, so
#          that every expansion is current, as in a crate whose CI runs
#          `status-table check` (the two crates above keep the edited page's
#          file stale for the document edit, so their `.rs` rebuilds run the
#          engine on that page too). Only its `.rs` rebuild is measured.
#
# Measured, as ratios macro / plain in one run (interleaved rounds, medians):
#   clean    `cargo build` from an empty target directory;
#   rs       the rebuild after an edit of src/lib.rs (the first line, a comment,
#            flips between `a` and `b`): every expansion re-runs;
#   doc      the rebuild after one description in one document changes (the
#            document flips between two versions); for `plain`, the module's Rust
#            flips between the two expansions (what `status-table generate` would
#            write);
#   noop     `cargo build` with nothing changed: cargo alone;
# Each for macro, committed and plain: `committed / plain` is what a crate with
# committed expansions pays, `macro / plain` what one without them pays.
# and the peak memory (max RSS of the largest process, /usr/bin/time) of each.
# Debug profile throughout, each crate in its own target directory, `--offline`
# with a copy of the workspace's Cargo.lock.
#
# Then, unless BREAKDOWN=0, what stands between the two: crates `mixed-N` with N
# of the invocations as macros and the others as plain Rust (same generated code,
# N expansions; all sharing one target directory), rebuilt after the same
# lib.rs edit in one set of rounds with `plain` and `macro`; `macro-opt`, the
# macro crate with `[profile.dev.build-override] opt-level = 3` (every proc
# macro and build script optimised, and their dependencies), and
# `macro-optpkg`, with `opt-level = 3` only for the engine and the crates it
# runs (`[profile.dev.package.NAME]`; its clean build joins the clean rounds);
# `handover-*`, crates whose modules a passthrough proc macro hands the
# committed expansions to rustc in three ways (benches/sdk-scale/passthrough.rs),
# and `plain-include`, the plain crate with each module `include!`d; and the
# engine alone on every invocation outside rustc
# (benches/sdk-scale/engine_time.rs, dev and release builds). And unless
# TIMINGS=0, `cargo build --timings` of the macro crate from nothing (the 15
# longest units are printed; the report is kept) and
# `cargo tree -e features -p status-macros`.
#
# Usage: benches/sdk-scale.sh            (from anywhere; about 30 minutes with
#                                         the defaults on 2 cores, of which
#                                         BREAKDOWN is half)
# Environment:
#   REV=HEAD        the commit to measure (git archive); REV=worktree copies the
#                   working tree instead, uncommitted changes included
#   CLEAN_RUNS=3    rounds of the clean builds
#   RUNS=10         rounds of the rebuilds
#   INVOCATIONS=50  invocations in the crate: every real page (18 at present),
#                   then generated pages up to this count (at least one: the
#                   edited document is the first generated HTML error-code page)
#   STEPS="0 10 25" the N of the mixed-N crates (BREAKDOWN)
#   BREAKDOWN=1     the mixed-N, macro-opt(pkg), handover and engine
#                   measurements (0: skip)
#   OPT_PACKAGES="status-codegen …"  the packages macro-optpkg optimises
#   TIMINGS=1       cargo build --timings and cargo tree (0: skip)
#   WORK=${TMPDIR:-/tmp}/status-table-sdk-scale
#                   where the throwaway crates go: outside the workspace, and
#                   emptied first (all but target-cli, the CLI's build cache)
#   NO_HYPERFINE=1  time with bash even where hyperfine is installed
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE=$ROOT/benches/sdk-scale
REV=${REV:-HEAD}
CLEAN_RUNS=${CLEAN_RUNS:-3}
RUNS=${RUNS:-10}
INVOCATIONS=${INVOCATIONS:-50}
STEPS=${STEPS:-0 10 25}
BREAKDOWN=${BREAKDOWN:-1}
TIMINGS=${TIMINGS:-1}
WORK=${WORK:-${TMPDIR:-/tmp}/status-table-sdk-scale}
CARGO=${CARGO:-cargo}
# macro-optpkg: the packages whose code runs when the macro expands (the engine,
# the macro, the parsers and what they call); not syn (the options only).
OPT_PACKAGES=${OPT_PACKAGES:-status-codegen status-macros pulldown-cmark html5ever markup5ever tendril web_atoms string_cache ego-tree memchr unicase heck proc-macro2 quote annotate-snippets}

say() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'sdk-scale.sh: %s\n' "$*" >&2; exit 1; }

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in
"$(cd "$ROOT" && pwd -P)"/*) die "WORK=$WORK is inside the workspace; the crates must be outside it" ;;
/) die "WORK=/" ;;
esac
# Everything is rebuilt from nothing but the CLI's target directory, a cache
# (cargo rebuilds what changed in it).
find "$WORK" -mindepth 1 -maxdepth 1 ! -name target-cli -exec rm -rf {} +
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the workspace, as of $REV -------------------------------------------------
say "copying the workspace ($REV) to $WORK/workspace"
mkdir "$WORK/workspace"
if [ "$REV" = worktree ]; then
    COMMIT="$(git -C "$ROOT" rev-parse --short HEAD) + working tree"
    (cd "$ROOT" && tar --exclude=./target --exclude=./.git -cf - .) | tar -xf - -C "$WORK/workspace"
else
    COMMIT=$(git -C "$ROOT" rev-parse --short "$REV^{commit}")
    git -C "$ROOT" archive "$COMMIT" | tar -xf - -C "$WORK/workspace"
fi
WS=$WORK/workspace
LOCK=$WS/Cargo.lock
[ -f "$LOCK" ] || cp "$ROOT/Cargo.lock" "$LOCK"

say "building the CLI (release) to write the plain crate"
(cd "$WS" && $CARGO fetch --quiet 2>/dev/null) || echo "cargo fetch failed (offline?): building with what is cached" >&2
(cd "$WS" && CARGO_TARGET_DIR="$WORK/target-cli" $CARGO build --offline --quiet --release -p status-cli)
CLI=$WORK/target-cli/release/status-table

# --- the documents -------------------------------------------------------------
# $WORK/invocations: one line per invocation, `module<TAB>path<TAB>options`,
# the path relative to the crate (tables/NAME).
MACRO=$WORK/macro
mkdir -p "$MACRO/tables" "$MACRO/src"
: >"$WORK/invocations"
module_of() { # a module name from a file name
    basename "$1" | sed -e 's/\.md$//' -e 's/[^A-Za-z0-9]/_/g' | tr 'A-Z' 'a-z' | sed -e 's/__*/_/g' -e 's/^\([0-9]\)/m\1/'
}
add() { # add FILE OPTIONS [TRANSLATION...]: copy the document(s) and list the invocation
    local file=$1 options=$2
    shift 2
    cp "$file" "$MACRO/tables/"
    for extra in "$@"; do cp "$extra" "$MACRO/tables/"; done
    # Does it expand, with these options?
    if (cd "$MACRO" && "$CLI" expand "tables/$(basename "$file")" --options "$options" >/dev/null 2>"$WORK/last.err"); then
        printf '%s\t%s\t%s\n' "$(module_of "$file")" "tables/$(basename "$file")" "$options" >>"$WORK/invocations"
    else
        echo "skipped (does not expand): $file" >&2
        sed 's/^/    /' "$WORK/last.err" | head -n 5 >&2
    fi
}
say "real pages"
for expect in "$WS"/tests/documents/corpus/*/*.expect.json; do
    # The .expect.json files are pretty-printed, one field a line.
    kind=$(sed -n 's/^ *"kind": *\(.*\),\{0,1\}$/\1/p' "$expect" | head -n1 | tr -d ',"')
    options=$(sed -n 's/^ *"options": *"\(.*\)",\{0,1\}$/\1/p' "$expect" | head -n1 | sed 's/\\"/"/g')
    [ "$kind" = null ] && { echo "skipped (kind null): ${expect%.expect.json}" >&2; continue; }
    add "${expect%.expect.json}" "$options"
done
corpus_pages=$(wc -l <"$WORK/invocations")
add "$WS/tables/evs_04_0039.md" 'lang = "zh", translation(en = "tables/evs_04_0039.en.md")' "$WS/tables/evs_04_0039.en.md"
add "$WS/tables/evs_04_0038.en.md" ''
real=$(wc -l <"$WORK/invocations")

say "generated pages"
SERVICES=(ECS VPC OBS RDS IAM CCE DMS CES AOM APIG CBR CSS DDS DLI DWS ELB EIP GES KMS LTS MRS NAT SFS SMN SWR VBS WAF CDN DCS DRS FGS ROMA CSE CPTS DEW IMS BMS AS CTS SCM)
generated=$((INVOCATIONS - real))
[ "$generated" -ge 0 ] || generated=0
EDIT_MODULE=
for ((i = 0; i < generated; i++)); do
    if [ $((i % 2)) = 0 ]; then format=html; else format=pipe; fi
    if [ $((i / 2 % 2)) = 0 ]; then kind=error; else kind=status; fi
    rows=$((20 + (i * 97) % 181)) # 20..200, spread over the four shapes
    service=${SERVICES[$((i % ${#SERVICES[@]}))]}
    if [ "$i" -ge ${#SERVICES[@]} ]; then service=$service$((i / ${#SERVICES[@]})); fi
    file="$WORK/gen/$(echo "$service" | tr 'A-Z' 'a-z')_${kind}-codes_${format}_${rows}-rows.md"
    mkdir -p "$WORK/gen"
    awk -v format="$format" -v kind="$kind" -v rows="$rows" -v service="$service" -f "$HERE/document.awk" >"$file"
    add "$file" ''
    # The document edited: the first generated HTML error-code page.
    if [ -z "$EDIT_MODULE" ] && [ "$format.$kind" = html.error ]; then
        EDIT_MODULE=$(module_of "$file")
        EDIT_SERVICE=$service
    fi
done
total=$(wc -l <"$WORK/invocations")
[ "$total" -gt 0 ] || die "no invocation"

# --- the crates ----------------------------------------------------------------
manifest() { # manifest NAME DEPENDENCY-LINES [EXTRA]
    cat <<EOF
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$2

[workspace]
${3:-}
EOF
}
MACRO_DEP="status-macros = { path = \"$WS/status-macros\" }"
invocation_rs() { # invocation_rs PATH OPTIONS
    if [ -n "$2" ]; then
        printf 'status_macros::status_table!("%s", %s);\n' "$1" "$2"
    else
        printf 'status_macros::status_table!("%s");\n' "$1"
    fi
}
lib_rs() { # the modules, after the line the rs edit flips
    echo '// edit: a'
    echo '//! An SDK-like crate: one status-code or error-code type per module.'
    echo '#![allow(missing_docs)]'
    cut -f1 "$WORK/invocations" | sed 's/.*/pub mod &;/'
}
manifest sdk-macro "$MACRO_DEP" >"$MACRO/Cargo.toml"
lib_rs >"$MACRO/src/lib.rs"
while IFS=$'\t' read -r module path options; do
    invocation_rs "$path" "$options" >"$MACRO/src/$module.rs"
done <"$WORK/invocations"

say "expanding $total documents for the plain crate"
PLAIN=$WORK/plain
mkdir -p "$PLAIN/src" "$WORK/expansions"
manifest sdk-plain "" >"$PLAIN/Cargo.toml"
lib_rs >"$PLAIN/src/lib.rs"
expand_into() { # expand_into PATH OPTIONS FILE
    (cd "$MACRO" && "$CLI" expand "$1" --options "$2" >"$3")
}
while IFS=$'\t' read -r module path options; do
    expand_into "$path" "$options" "$WORK/expansions/$module.rs"
    cp "$WORK/expansions/$module.rs" "$PLAIN/src/$module.rs"
done <"$WORK/invocations"

# The document edit: one description of the edited document, A <-> B; for the
# plain crate, the module's expansion of A <-> that of B.
[ -n "$EDIT_MODULE" ] || die "no generated HTML error-code page to edit: raise INVOCATIONS"
EDIT_PATH=$(awk -F'\t' -v m="$EDIT_MODULE" '$1 == m { print $2 }' "$WORK/invocations")
mkdir -p "$WORK/edit"
cp "$MACRO/$EDIT_PATH" "$WORK/edit/doc.a"
sed "0,/try again ($EDIT_SERVICE.0001)/s//try again later ($EDIT_SERVICE.0001)/" "$WORK/edit/doc.a" >"$WORK/edit/doc.b"
if cmp -s "$WORK/edit/doc.a" "$WORK/edit/doc.b"; then die "the document edit changed nothing"; fi
cp "$PLAIN/src/$EDIT_MODULE.rs" "$WORK/edit/rs.a"
cp "$WORK/edit/doc.b" "$MACRO/$EDIT_PATH"
expand_into "$EDIT_PATH" "" "$WORK/edit/rs.b"
cp "$WORK/edit/doc.a" "$MACRO/$EDIT_PATH"
if cmp -s "$WORK/edit/rs.a" "$WORK/edit/rs.b"; then die "the document edit changed no generated code"; fi

# The committed crate: the macro crate and its generated/ (as `status-table
# generate` writes it), the edited document's file from a third version of
# the document (doc.c), so that both doc.a and doc.b are a stale file.
COMMITTED=$WORK/committed
mkdir -p "$COMMITTED"
cp -r "$MACRO/src" "$COMMITTED/"
cp -r "$MACRO/tables" "$COMMITTED/"
manifest sdk-committed "$MACRO_DEP" >"$COMMITTED/Cargo.toml"
sed "0,/try again ($EDIT_SERVICE.0001)/s//try again soon ($EDIT_SERVICE.0001)/" "$WORK/edit/doc.a" >"$WORK/edit/doc.c"
if cmp -s "$WORK/edit/doc.a" "$WORK/edit/doc.c"; then die "the third version of the document changed nothing"; fi
cp "$WORK/edit/doc.c" "$COMMITTED/$EDIT_PATH"
"$CLI" generate --root "$COMMITTED" >/dev/null || die "status-table generate failed in $COMMITTED"
cp "$WORK/edit/doc.a" "$COMMITTED/$EDIT_PATH"
[ "$(find "$COMMITTED/generated" -name '*.rs' | wc -l)" = "$(wc -l <"$WORK/invocations")" ] ||
    die "status-table generate wrote $(find "$COMMITTED/generated" -name '*.rs' | wc -l) files for $(wc -l <"$WORK/invocations") invocations"

OPTSHA=$WORK/committed-optsha
mkdir -p "$OPTSHA"
cp -r "$COMMITTED/src" "$COMMITTED/tables" "$COMMITTED/generated" "$OPTSHA/"
manifest sdk-committed-optsha "$MACRO_DEP" '
[profile.dev.package.sha2]
opt-level = 3' >"$OPTSHA/Cargo.toml"

CURRENT=$WORK/committed-current
mkdir -p "$CURRENT"
cp -r "$OPTSHA/src" "$OPTSHA/tables" "$OPTSHA/generated" "$CURRENT/"
manifest sdk-committed-current "$MACRO_DEP" '
[profile.dev.package.sha2]
opt-level = 3' >"$CURRENT/Cargo.toml"
"$CLI" generate --root "$CURRENT" >/dev/null || die "status-table generate failed in $CURRENT"
"$CLI" check --root "$CURRENT" >/dev/null || die "the expansions of $CURRENT are not current"

# The mixed crates: N invocations as macros, spread evenly over the list, the
# others plain.
is_macro() { # is_macro INDEX N: whether module INDEX (0-based) is a macro in mixed-N
    [ $((($1 + 1) * $2 / total)) -gt $(($1 * $2 / total)) ]
}
if [ "$BREAKDOWN" = 1 ]; then
    for n in $STEPS; do
        dir=$WORK/mixed-$n
        mkdir -p "$dir/src"
        ln -s "$MACRO/tables" "$dir/tables"
        manifest "sdk-mixed-$n" "$MACRO_DEP" >"$dir/Cargo.toml"
        lib_rs >"$dir/src/lib.rs"
        index=0
        while IFS=$'\t' read -r module path options; do
            if is_macro "$index" "$n"; then
                cp "$MACRO/src/$module.rs" "$dir/src/"
            else
                cp "$PLAIN/src/$module.rs" "$dir/src/"
            fi
            index=$((index + 1))
        done <"$WORK/invocations"
    done
    mkdir -p "$WORK/macro-opt"
    cp -r "$MACRO/src" "$WORK/macro-opt/"
    ln -s "$MACRO/tables" "$WORK/macro-opt/tables"
    manifest sdk-macro-opt "$MACRO_DEP" '
[profile.dev.build-override]
opt-level = 3' >"$WORK/macro-opt/Cargo.toml"
    mkdir -p "$WORK/macro-optpkg"
    cp -r "$MACRO/src" "$WORK/macro-optpkg/"
    ln -s "$MACRO/tables" "$WORK/macro-optpkg/tables"
    manifest sdk-macro-optpkg "$MACRO_DEP" "$(for package in $OPT_PACKAGES; do
        printf '\n[profile.dev.package.%s]\nopt-level = 3\n' "$package"
    done)" >"$WORK/macro-optpkg/Cargo.toml"
    mkdir -p "$WORK/plain-include/src"
    ln -s "$WORK/expansions" "$WORK/plain-include/expansions"
    manifest sdk-plain-include "" >"$WORK/plain-include/Cargo.toml"
    lib_rs >"$WORK/plain-include/src/lib.rs"
    cut -f1 "$WORK/invocations" | while read -r module; do
        printf 'include!("../expansions/%s.rs");\n' "$module" >"$WORK/plain-include/src/$module.rs"
    done
    # Token handover: a proc macro that hands over the committed expansions
    # (include!, text, tokens), in crates of every module so.
    mkdir -p "$WORK/passthrough/src"
    manifest sdk-passthrough "" '' >"$WORK/passthrough/Cargo.toml"
    printf '\n[lib]\nproc-macro = true\n' >>"$WORK/passthrough/Cargo.toml"
    cp "$HERE/passthrough.rs" "$WORK/passthrough/src/lib.rs"
    for way in include text tokens; do
        dir=$WORK/handover-$way
        mkdir -p "$dir/src"
        ln -s "$WORK/expansions" "$dir/expansions"
        manifest "sdk-handover-$way" "sdk-passthrough = { path = \"$WORK/passthrough\" }" >"$dir/Cargo.toml"
        lib_rs >"$dir/src/lib.rs"
        cut -f1 "$WORK/invocations" | while read -r module; do
            printf 'sdk_passthrough::%s!("expansions/%s.rs");\n' "$way" "$module" >"$dir/src/$module.rs"
        done
    done
    # The engine alone.
    mkdir -p "$WORK/engine-time/src"
    manifest engine-time "status-codegen = { path = \"$WS/status-codegen\" }
proc-macro2 = { version = \"1.0.95\", default-features = false }" >"$WORK/engine-time/Cargo.toml"
    cp "$HERE/engine_time.rs" "$WORK/engine-time/src/main.rs"
fi
for dir in "$WORK"/*/; do
    if [ -f "$dir/Cargo.toml" ] && [ "$dir" != "$WS/" ]; then cp "$LOCK" "$dir/Cargo.lock"; fi
done
(cd "$MACRO" && $CARGO fetch --quiet 2>/dev/null) || true

# Sizes, for the report.
docs_bytes=$(cat "$MACRO"/tables/* | wc -c)
plain_bytes=$(cat "$PLAIN"/src/*.rs | wc -c)
plain_lines=$(cat "$PLAIN"/src/*.rs | wc -l)
{
    echo "invocations: $total ($real real: $corpus_pages corpus pages + EVS; $generated generated)"
    echo "documents: $(find "$MACRO/tables" -type f | wc -l) files, $docs_bytes bytes"
    echo "plain crate: $plain_lines lines, $plain_bytes bytes of Rust"
    echo "edited document: $EDIT_PATH (module $EDIT_MODULE)"
} | tee "$WORK/setup.txt" >&2

# --- edits and builds ----------------------------------------------------------
mkdir -p "$WORK/bin"
cat >"$WORK/bin/flip-rs" <<'EOF'
#!/usr/bin/env bash
# flip-rs CRATE: the first line of src/lib.rs, `// edit: a` <-> `// edit: b`.
set -e
f=$1/src/lib.rs
if head -n1 "$f" | grep -q 'a$'; then sed -i '1s/a$/b/' "$f"; else sed -i '1s/b$/a/' "$f"; fi
EOF
cat >"$WORK/bin/toggle" <<'EOF'
#!/usr/bin/env bash
# toggle FILE A B: FILE becomes B if it is A, else A.
set -e
if cmp -s "$1" "$2"; then cp "$3" "$1"; else cp "$2" "$1"; fi
EOF
chmod +x "$WORK/bin/flip-rs" "$WORK/bin/toggle"
build() { # build NAME DIR TARGET: writes $WORK/bin/build-NAME, one build of DIR
    cat >"$WORK/bin/build-$1" <<EOF
#!/usr/bin/env bash
cd '$2' && CARGO_TARGET_DIR='$3' exec $CARGO build --offline --quiet
EOF
    chmod +x "$WORK/bin/build-$1"
}
build macro "$MACRO" "$WORK/target-macro"
build committed "$COMMITTED" "$WORK/target-committed"
build committed-optsha "$OPTSHA" "$WORK/target-committed-optsha"
build committed-current "$CURRENT" "$WORK/target-committed-current"
build plain "$PLAIN" "$WORK/target-plain"
if [ "$BREAKDOWN" = 1 ]; then
    for n in $STEPS; do build "mixed-$n" "$WORK/mixed-$n" "$WORK/target-mixed"; done
    build macro-opt "$WORK/macro-opt" "$WORK/target-macro-opt"
    build macro-optpkg "$WORK/macro-optpkg" "$WORK/target-macro-optpkg"
    build plain-include "$WORK/plain-include" "$WORK/target-plain-include"
    for way in include text tokens; do build "handover-$way" "$WORK/handover-$way" "$WORK/target-handover"; done
fi

# --- timing --------------------------------------------------------------------
# As benches/build-cost.sh: the builds compared run in rounds (A B C, A B C, ...)
# so that a passing load falls on all of them alike; medians over the rounds.
# Each time is "wall cpu(user+sys) maxrss(KiB)", appended to $WORK/NAME.times;
# the max RSS is that of the largest process of the build (GNU time's %M).
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    MEASURE_RSS="/usr/bin/time -f %M -o '$WORK/last.rss'"
else
    MEASURE_RSS=
    echo "no GNU time (apt-get install time): no peak memory" >&2
fi
time_once() { # time_once NAME PREPARE COMMAND
    local name=$1 prepare=$2 command="$MEASURE_RSS $3" rss=0
    echo 0 >"$WORK/last.rss"
    if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; then
        hyperfine --style none --runs 1 --prepare "$prepare" --export-csv "$WORK/last.csv" "$command" >/dev/null
        rss=$(tail -n1 "$WORK/last.rss")
        # columns: command,mean,stddev,median,user,system,min,max
        awk -F, -v rss="$rss" 'NR == 2 { print $4, $5 + $6, rss }' "$WORK/last.csv" >>"$WORK/$name.times"
    else
        bash -c "$prepare"
        local TIMEFORMAT='%R %U %S'
        { time bash -c "$command" >/dev/null 2>"$WORK/last.err"; } 2>"$WORK/last.time" ||
            { cat "$WORK/last.err" >&2; return 1; }
        rss=$(tail -n1 "$WORK/last.rss")
        awk -v rss="$rss" '{ print $1, $2 + $3, rss }' "$WORK/last.time" >>"$WORK/$name.times"
    fi
    echo "  $name: $(tail -n1 "$WORK/$name.times" | awk '{ printf "%.3f s wall, %.3f s cpu, %.0f MiB", $1, $2, $3 / 1024 }')" >&2
}
rounds() { # rounds RUNS NAME PREPARE COMMAND [NAME PREPARE COMMAND]...
    local runs=$1
    shift
    for ((round = 1; round <= runs; round++)); do
        say "round $round of $runs (load $(cut -d' ' -f1-3 /proc/loadavg))"
        local args=("$@")
        while [ ${#args[@]} -gt 0 ]; do
            time_once "${args[0]}" "${args[1]}" "${args[2]}"
            args=("${args[@]:3}")
        done
    done
}
B=$WORK/bin

# Every build once, untimed: does everything compile, and warm the caches.
say "first builds (one each, from nothing; dependencies shared where a target directory is)"
for script in "$B"/build-*; do time_once "first-${script##*/build-}" true "$script"; done

say "clean builds"
LOAD_CLEAN=$(cut -d' ' -f1-3 /proc/loadavg)
clean=(clean-macro "rm -rf '$WORK/target-macro'" "$B/build-macro"
    clean-committed "rm -rf '$WORK/target-committed'" "$B/build-committed"
    clean-plain "rm -rf '$WORK/target-plain'" "$B/build-plain")
if [ "$BREAKDOWN" = 1 ]; then
    clean+=(clean-macro-optpkg "rm -rf '$WORK/target-macro-optpkg'" "$B/build-macro-optpkg")
fi
rounds "$CLEAN_RUNS" "${clean[@]}"

say "rebuilds"
LOAD_REBUILD=$(cut -d' ' -f1-3 /proc/loadavg)
rounds "$RUNS" \
    noop-macro true "$B/build-macro" \
    noop-committed true "$B/build-committed" \
    noop-plain true "$B/build-plain" \
    rs-macro "$B/flip-rs '$MACRO'" "$B/build-macro" \
    rs-committed "$B/flip-rs '$COMMITTED'" "$B/build-committed" \
    rs-committed-optsha "$B/flip-rs '$OPTSHA'" "$B/build-committed-optsha" \
    rs-committed-current "$B/flip-rs '$CURRENT'" "$B/build-committed-current" \
    rs-plain "$B/flip-rs '$PLAIN'" "$B/build-plain" \
    doc-macro "$B/toggle '$MACRO/$EDIT_PATH' '$WORK/edit/doc.a' '$WORK/edit/doc.b'" "$B/build-macro" \
    doc-committed "$B/toggle '$COMMITTED/$EDIT_PATH' '$WORK/edit/doc.a' '$WORK/edit/doc.b'" "$B/build-committed" \
    doc-committed-optsha "$B/toggle '$OPTSHA/$EDIT_PATH' '$WORK/edit/doc.a' '$WORK/edit/doc.b'" "$B/build-committed-optsha" \
    doc-plain "$B/toggle '$PLAIN/src/$EDIT_MODULE.rs' '$WORK/edit/rs.a' '$WORK/edit/rs.b'" "$B/build-plain"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report --------------------------------------------------------------------
median() { # median NAME [COLUMN]: the median of a column (1 wall, 2 cpu, 3 rss) of NAME's times
    awk -v c="${2:-1}" '{ print $c }' "$WORK/$1.times" | sort -g |
        awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else printf "–" }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { print a - b }'; }
row() { # row NAME: a table row of medians
    printf '| %s | %.3f s | %.3f s | %.0f MiB |\n' "$1" "$(median "$1")" "$(median "$1" 2)" "$(awk -v k="$(median "$1" 3)" 'BEGIN { print k / 1024 }')"
}
ratio_row() { # ratio_row LABEL A B TARGET
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$(ratio "$(median "$2")" "$(median "$3")")" \
        "$(ratio "$(median "$2" 2)" "$(median "$3" 2)")" "$(ratio "$(median "$2" 3)" "$(median "$3" 3)")" "$4"
}
{
    echo
    echo "sdk scale: $(nproc) cores, $(rustc --version), REV=$REV ($COMMIT), $CLEAN_RUNS clean and $RUNS rebuild rounds"
    echo "load average (1, 5, 15 min): $LOAD_AT_START at start, $LOAD_CLEAN before the clean rounds, $LOAD_REBUILD before the rebuild rounds, $LOAD_END at the end"
    cat "$WORK/setup.txt"
    echo
    echo "| build | median wall | median cpu (user+sys) | median max RSS |"
    echo "|---|---:|---:|---:|"
    for name in clean-macro clean-committed clean-plain noop-macro noop-committed noop-plain \
        rs-macro rs-committed rs-committed-optsha rs-committed-current rs-plain doc-macro doc-committed doc-committed-optsha doc-plain; do row "$name"; done
    if [ -f "$WORK/clean-macro-optpkg.times" ]; then row clean-macro-optpkg; fi
    echo
    echo "| committed / plain (committed expansions) | wall | cpu | max RSS | target |"
    echo "|---|---:|---:|---:|---|"
    ratio_row "clean build" clean-committed clean-plain ""
    ratio_row "rebuild after a .rs edit" rs-committed rs-plain "≤ 1.10×"
    ratio_row "rebuild after a document edit (that one expanded)" doc-committed doc-plain "≤ 1.2×"
    ratio_row "no-op build (cargo alone)" noop-committed noop-plain ""
    ratio_row "rebuild after a .rs edit, sha2 at opt-level 3" rs-committed-optsha rs-plain "≤ 1.10×"
    ratio_row "rebuild after a document edit, sha2 at opt-level 3" doc-committed-optsha doc-plain "≤ 1.2×"
    ratio_row "rebuild after a .rs edit, every expansion current, sha2 at opt-level 3" rs-committed-current rs-plain "≤ 1.10×"
    printf '| %s | %s | %s | | |\n' "rebuild after a .rs edit, each less its no-op" \
        "$(ratio "$(minus "$(median rs-committed)" "$(median noop-committed)")" "$(minus "$(median rs-plain)" "$(median noop-plain)")")" \
        "$(ratio "$(minus "$(median rs-committed 2)" "$(median noop-committed 2)")" "$(minus "$(median rs-plain 2)" "$(median noop-plain 2)")")"
    echo
    echo "| macro / plain (no committed expansions) | wall | cpu | max RSS | target |"
    echo "|---|---:|---:|---:|---|"
    ratio_row "clean build" clean-macro clean-plain "as close as the design allows"
    if [ -f "$WORK/clean-macro-optpkg.times" ]; then
        ratio_row "clean build, engine's packages at opt-level 3 (macro-optpkg)" clean-macro-optpkg clean-plain ""
    fi
    ratio_row "rebuild after a .rs edit" rs-macro rs-plain "≤ 1.10×"
    ratio_row "rebuild after a document edit" doc-macro doc-plain "≤ 1.2×"
    ratio_row "no-op build (cargo alone)" noop-macro noop-plain ""
    printf '| %s | %s | %s | | |\n' "rebuild after a .rs edit, each less its no-op" \
        "$(ratio "$(minus "$(median rs-macro)" "$(median noop-macro)")" "$(minus "$(median rs-plain)" "$(median noop-plain)")")" \
        "$(ratio "$(minus "$(median rs-macro 2)" "$(median noop-macro 2)")" "$(minus "$(median rs-plain 2)" "$(median noop-plain 2)")")"
} | tee "$WORK/report.md"

[ "$BREAKDOWN" = 1 ] || [ "$TIMINGS" = 1 ] || exit 0

# --- breakdown -----------------------------------------------------------------
if [ "$BREAKDOWN" = 1 ]; then
    say "breakdown: N expansions, same generated code (rebuild after a .rs edit)"
    LOAD_BREAKDOWN=$(cut -d' ' -f1-3 /proc/loadavg)
    mixed=()
    for n in $STEPS; do mixed+=("rs-mixed-$n" "$B/flip-rs '$WORK/mixed-$n'" "$B/build-mixed-$n"); done
    rounds "$RUNS" \
        rs2-plain "$B/flip-rs '$PLAIN'" "$B/build-plain" \
        "${mixed[@]}" \
        rs2-macro "$B/flip-rs '$MACRO'" "$B/build-macro" \
        rs-macro-opt "$B/flip-rs '$WORK/macro-opt'" "$B/build-macro-opt" \
        rs-macro-optpkg "$B/flip-rs '$WORK/macro-optpkg'" "$B/build-macro-optpkg" \
        rs-plain-include "$B/flip-rs '$WORK/plain-include'" "$B/build-plain-include" \
        rs-handover-include "$B/flip-rs '$WORK/handover-include'" "$B/build-handover-include" \
        rs-handover-text "$B/flip-rs '$WORK/handover-text'" "$B/build-handover-text" \
        rs-handover-tokens "$B/flip-rs '$WORK/handover-tokens'" "$B/build-handover-tokens" \
        noop2-plain true "$B/build-plain" \
        noop-mixed-0 true "$B/build-mixed-${STEPS%% *}"

    say "the engine alone, outside rustc (dev and release builds)"
    cut -f2,3 "$WORK/invocations" >"$WORK/engine-time/invocations.tsv"
    for profile in dev release; do
        if [ $profile = release ]; then flag=--release dir=release; else flag= dir=debug; fi
        (cd "$WORK/engine-time" && CARGO_TARGET_DIR="$WORK/target-engine" $CARGO build --offline --quiet $flag)
        "$WORK/target-engine/$dir/engine-time" "$MACRO" "$WORK/engine-time/invocations.tsv" 5 >"$WORK/engine-$profile.tsv"
    done
    engine_sum() { # engine_sum PROFILE N: ms of the engine over the invocations that are macros in mixed-N
        awk -F'\t' -v n="$2" -v total="$total" 'NR > 1 && $1 != "total" {
            i = NR - 2; if (int((i + 1) * n / total) > int(i * n / total)) s += $3 } END { printf "%.1f", s }' "$WORK/engine-$1.tsv"
    }
    tokens_sum() {
        awk -F'\t' -v n="$1" -v total="$total" 'NR > 1 && $1 != "total" {
            i = NR - 2; if (int((i + 1) * n / total) > int(i * n / total)) s += $5 } END { print s + 0 }' "$WORK/engine-dev.tsv"
    }
    {
        echo
        echo "breakdown ($RUNS rounds; load $LOAD_BREAKDOWN before, $(cut -d' ' -f1-3 /proc/loadavg) after): rebuild after a lib.rs edit, N of the $total modules as macros, the rest plain"
        echo
        echo "| crate | expansions | median wall | median cpu | − plain (wall) | per expansion | engine alone, dev / release | tokens generated |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|"
        line() { # line LABEL NAME N [ENGINE]: N expansions; ENGINE=no where no engine runs
            local d
            d=$(minus "$(median "$2")" "$(median rs2-plain)")
            printf '| %s | %s | %.3f s | %.3f s | %+.3f s | %s | %s | %s |\n' "$1" "$3" "$(median "$2")" "$(median "$2" 2)" "$d" \
                "$(awk -v d="$d" -v n="$3" 'BEGIN { if (n > 0) printf "%.1f ms", 1000 * d / n; else printf "–" }')" \
                "$(if [ "${4:-yes}" = yes ] && [ "$3" -gt 0 ]; then echo "$(engine_sum dev "$3") / $(engine_sum release "$3") ms"; else echo –; fi)" \
                "$(tokens_sum "$3")"
        }
        line plain rs2-plain 0
        for n in $STEPS; do line "mixed-$n" "rs-mixed-$n" "$n"; done
        line macro rs2-macro "$total"
        line "macro, build-override opt-level 3" rs-macro-opt "$total"
        line "macro, opt-level 3 for the engine's packages" rs-macro-optpkg "$total"
        line "plain, each module include!d" rs-plain-include 0
        line "passthrough macro: include!(expansion)" rs-handover-include "$total" no
        line "passthrough macro: expansion text, lexed by rustc" rs-handover-text "$total" no
        line "passthrough macro: expansion tokens, one by one" rs-handover-tokens "$total" no
        echo
        printf '| no-op build | plain %.3f s | mixed-%s (depends on status-macros, expands nothing) %.3f s |\n' \
            "$(median noop2-plain)" "${STEPS%% *}" "$(median noop-mixed-0)"
        echo
        echo "engine alone (parse the invocation, read the document(s), expand; best of 5), per document: $WORK/engine-dev.tsv, $WORK/engine-release.tsv"
        printf '| | dev profile | release |\n|---|---:|---:|\n'
        printf '| all %s invocations | %s ms | %s ms |\n' "$total" "$(awk -F'\t' '$1 == "total" { print $3 }' "$WORK/engine-dev.tsv")" "$(awk -F'\t' '$1 == "total" { print $3 }' "$WORK/engine-release.tsv")"
        printf '| of which reading the files | %s ms | %s ms |\n' "$(awk -F'\t' '$1 == "total" { print $4 }' "$WORK/engine-dev.tsv")" "$(awk -F'\t' '$1 == "total" { print $4 }' "$WORK/engine-release.tsv")"
        echo
        echo "first builds, once each (from nothing; the mixed and handover crates share a target directory each, so only the first of them builds the dependencies):"
        for f in "$WORK"/first-*.times; do
            name=${f##*/}
            printf '  %-22s %s\n' "${name%.times}" "$(awk '{ printf "%.3f s wall, %.3f s cpu, %.0f MiB", $1, $2, $3 / 1024 }' "$f")"
        done
    } | tee -a "$WORK/report.md"
fi

# --- where a clean build of the macro crate goes -------------------------------
if [ "$TIMINGS" = 1 ]; then
    say "cargo build --timings of the macro crate, from nothing"
    LOAD_TIMINGS=$(cut -d' ' -f1-3 /proc/loadavg)
    rm -rf "$WORK/target-timings"
    (cd "$MACRO" && CARGO_TARGET_DIR="$WORK/target-timings" $CARGO build --offline --quiet --timings)
    html=$(ls -t "$WORK"/target-timings/cargo-timings/cargo-timing-*.html | head -n1)
    units() { # the units of a --timings report: seconds, package, version, target, [features]
        # The report holds `const UNIT_DATA = [ … ];`, pretty-printed JSON, one
        # object per unit, its fields indented by four spaces.
        awk '
            /^const UNIT_DATA = \[/ { on = 1; next }
            on && /^\];/ { on = 0 }
            !on { next }
            /^    "name":/ { name = $2; gsub(/[",]/, "", name) }
            /^    "version":/ { version = $2; gsub(/[",]/, "", version) }
            /^    "target":/ { target = $0; sub(/^    "target": "/, "", target); sub(/",?$/, "", target) }
            /^    "features": \[\],?$/ { features = "" }
            /^    "features": \[$/ { listing = 1; features = ""; next }
            listing && /^    \]/ { listing = 0 }
            listing { f = $1; gsub(/[",]/, "", f); features = features (features == "" ? "" : ",") f }
            /^    "duration":/ { d = $2; gsub(/,/, "", d); printf "%7.2f  %s %s%s  [%s]\n", d, name, version, target, features }
        ' "$1"
    }
    units "$html" | sort -rg >"$WORK/units.txt"
    (cd "$MACRO" && $CARGO tree --offline -e features -p status-macros) >"$WORK/tree-features.txt"
    {
        echo
        echo "cargo build --timings of the macro crate (load $LOAD_TIMINGS before): $html"
        echo "the 15 longest units (seconds; unit = package, version and target):"
        units "$html" | sort -rg | head -n 15
        echo "total: $(sed -n 's/.*<td>Total time:<\/td><td>\([^<]*\)<.*/\1/p' "$html"); all units: $WORK/units.txt"
        echo "features: $WORK/tree-features.txt (cargo tree -e features -p status-macros)"
    } | tee -a "$WORK/report.md"
fi
echo >&2
echo "report: $WORK/report.md" >&2
