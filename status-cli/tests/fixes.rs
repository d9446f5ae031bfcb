//! Every fix the tool offers works and keeps every code (issue 26, point 1).
//!
//! Over the repository's documents, the shared corpus, the documentation
//! family and the world (other vendors' pages), when `../shared` is beside the
//! checkout as in CI: each diagnostic's `"fix"` is appended after the path as
//! `inspect --options` takes it, that diagnostic must be gone, and the fixes
//! of each round are applied together, three rounds at most, as a user (or
//! `check.py`) applies them; they must converge. Then what the fixes built is
//! compared with what a reader of the page sees:
//!
//! - a world page: the distinct codes, in document order, equal the codes
//!   its `expect.json` lists (written by reading the page), or one of its
//!   `systems`;
//! - a document with an `.expect.json`: the codes equal those of the type its
//!   expectation describes (its `options`, or one of its `alternatives`);
//! - every page: a fix that corrects or leaves out a row (`skip`, `status`,
//!   `code`) keeps every code the page had before it.

use std::path::{Path, PathBuf};

use serde_json::Value;
use status_cli::contract::{Diagnostic, Report};
use status_testkit::Scratch;

mod common;

/// The report of `inspect --json` (whatever its exit code), and whether it
/// built a type without problems.
fn inspect(document: &Path, options: &str) -> (bool, Report) {
    let (code, report) = common::inspect(document, options);
    (code == 0, report)
}

fn documents(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            documents(&path, found);
        } else if path
            .extension()
            .is_some_and(|e| e == "md" || e == "html" || e == "htm" || e == "xhtml")
        {
            found.push(path);
        }
    }
}

/// The distinct codes of a report's rows, in document order, as strings.
fn codes(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for row in &report.rows {
        let code = row.code.to_string().trim().to_owned();
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

/// What applying the offered fixes round after round gave.
struct Fixed {
    /// The options written after the path, the fixes joined.
    options: String,
    /// Whether the last round built a type without problems.
    ok: bool,
    /// Its report.
    report: Report,
    /// How many fixes were tried.
    tried: usize,
    /// Every problem found on the way.
    problems: Vec<String>,
}

/// Applies the fixes `document` offers, three rounds at most, checking each
/// one on the way.
fn apply_fixes(document: &Path) -> Fixed {
    let (ok, report) = inspect(document, "");
    let mut fixed = Fixed {
        options: String::new(),
        ok,
        report,
        tried: 0,
        problems: Vec::new(),
    };
    for round in 0.. {
        let offered: Vec<(String, Diagnostic)> = fixed
            .report
            .diagnostics
            .iter()
            .filter_map(|d| Some((d.fix.clone()?, d.clone())))
            .filter(|(fix, _)| !fixed.options.contains(fix.as_str()))
            .collect();
        if offered.is_empty() {
            break;
        }
        if round == 3 {
            fixed.problems.push(format!(
                "{}: the fixes do not converge: after `{}` the page still offers {}",
                document.display(),
                fixed.options,
                offered[0].0
            ));
            break;
        }
        let before = codes(&fixed.report);
        for (fix, diagnostic) in &offered {
            fixed.tried += 1;
            let with = join(&fixed.options, fix);
            let (_, after) = inspect(document, &with);
            let still = after.diagnostics.iter().any(|d| {
                d.line == diagnostic.line
                    && d.column == diagnostic.column
                    && d.message == diagnostic.message
            });
            if still {
                fixed.problems.push(format!(
                    "{}: `{with}` does not remove: {:?}",
                    document.display(),
                    diagnostic.message
                ));
            }
            let row_level = ["skip(", "status(", "code("]
                .iter()
                .any(|p| fix.starts_with(p));
            let kept = codes(&after);
            if let Some(lost) = before.iter().find(|c| row_level && !kept.contains(c)) {
                fixed.problems.push(format!(
                    "{}: `{fix}` loses the code {lost}",
                    document.display()
                ));
            }
        }
        for (fix, _) in offered {
            if !fixed.options.contains(fix.as_str()) {
                fixed.options = join(&fixed.options, &fix);
            }
        }
        (fixed.ok, fixed.report) = inspect(document, &fixed.options);
    }
    fixed
}

fn join(options: &str, fix: &str) -> String {
    if options.is_empty() {
        fix.to_owned()
    } else {
        format!("{options}, {fix}")
    }
}

/// Which pages must build a type (bare or fixed) for the check to pass.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Build {
    /// Every page (the world: each one holds codes a reader sees).
    Every,
    /// Only what the fixes built is compared (a page may be refused for a
    /// problem that has no fix).
    Fixed,
}

/// Every problem with the fixes of `documents`; `expected` gives, for a
/// document, the code lists a reader accepts (empty: not compared).
fn check(
    documents: &[PathBuf],
    build: Build,
    expected: impl Fn(&Path) -> Vec<Vec<String>>,
) -> usize {
    let mut tried = 0;
    let mut problems = Vec::new();
    for document in documents {
        let fixed = apply_fixes(document);
        tried += fixed.tried;
        problems.extend(fixed.problems);
        let wants = expected(document);
        let compared = match build {
            Build::Every => true,
            Build::Fixed => fixed.tried > 0 && fixed.ok,
        };
        if wants.is_empty() || !compared {
            continue;
        }
        let got = codes(&fixed.report);
        if !fixed.ok || !wants.contains(&got) {
            problems.push(format!(
                "{}: {} gives {}, where a reader sees {:?}",
                document.display(),
                if fixed.options.is_empty() {
                    "the bare invocation".to_owned()
                } else {
                    format!("`{}`", fixed.options)
                },
                if fixed.ok {
                    format!("{got:?}")
                } else {
                    "no type".to_owned()
                },
                wants[0]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    tried
}

/// The codes of the types an `.expect.json` describes (its options, and
/// each alternative's), read with those options; none without one.
fn described(document: &Path) -> Vec<Vec<String>> {
    let expect = PathBuf::from(format!("{}.expect.json", document.display()));
    let Ok(text) = std::fs::read_to_string(&expect) else {
        return Vec::new();
    };
    let expectation: Value = serde_json::from_str(&text).unwrap();
    std::iter::once(&expectation)
        .chain(expectation["alternatives"].as_array().into_iter().flatten())
        .filter(|e| !e["kind"].is_null())
        .map(|e| codes(&inspect(document, e["options"].as_str().unwrap_or_default()).1))
        .collect()
}

#[test]
fn every_fix_offered_for_the_repositorys_documents_works() {
    let mut found = Vec::new();
    documents(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/documents"),
        &mut found,
    );
    found.sort();
    let tried = check(&found, Build::Fixed, described);
    assert!(tried > 0, "no document offered a fix");
}

#[test]
fn every_fix_offered_for_the_shared_corpus_works() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("{} is not here: skipped (CI has it)", corpus.display());
        return;
    }
    let mut found = Vec::new();
    documents(&corpus, &mut found);
    found.sort();
    check(&found, Build::Fixed, |_| Vec::new());
}

#[test]
fn every_fix_offered_for_the_documentation_family_works() {
    let family = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/family");
    if !family.join("tree.tar.xz").is_file() {
        eprintln!("{} is not here: skipped (CI has it)", family.display());
        return;
    }
    let tree = Scratch::temp("status-table-fixes");
    let unpacked = std::process::Command::new("tar")
        .arg("-xJf")
        .arg(family.join("tree.tar.xz"))
        .arg("-C")
        .arg(tree.path())
        .status()
        .expect("tar runs");
    assert!(unpacked.success(), "tar -xJf failed");
    let index = std::fs::read_to_string(family.join("index.tsv")).unwrap();
    let pages: Vec<PathBuf> = index
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            Some(tree.join(fields.first()?).join(fields.get(2)?))
        })
        .collect();
    assert_eq!(pages.len(), 180, "the family's index lists 180 pages");
    let tried = check(&pages, Build::Fixed, |_| Vec::new());
    let _ = std::fs::remove_dir_all(tree.path());
    assert!(tried > 0, "no family page offered a fix");
}

/// The pages of a world folder (`pages/` beside an `expect.json`), with the
/// code lists a reader accepts for each.
fn world(dir: &Path) -> Option<(Vec<PathBuf>, Value)> {
    let text = std::fs::read_to_string(dir.join("expect.json")).ok()?;
    let expect: Value = serde_json::from_str(&text).unwrap();
    let mut pages: Vec<PathBuf> = expect
        .as_object()
        .unwrap()
        .keys()
        .map(|rel| dir.join("pages").join(rel))
        .collect();
    pages.sort();
    Some((pages, expect))
}

fn check_world(dir: &Path) {
    let Some((pages, expect)) = world(dir) else {
        eprintln!("{} is not here: skipped (CI has it)", dir.display());
        return;
    };
    let root = dir.join("pages");
    check(&pages, Build::Every, |page| {
        let rel = page.strip_prefix(&root).unwrap().to_string_lossy();
        let entry = &expect[rel.as_ref()];
        let lists = entry
            .get("systems")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_else(|| vec![entry["codes"].clone()]);
        lists
            .iter()
            .map(|list| {
                list.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| match c {
                        Value::String(s) => s.trim().to_owned(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect()
    });
}

#[test]
fn every_world_page_reads_as_a_reader_sees_it_bare_or_fixed() {
    check_world(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/world"));
}

#[test]
fn every_world_fixture_of_the_repository_reads_as_a_reader_sees_it() {
    check_world(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/documents/world"));
}
