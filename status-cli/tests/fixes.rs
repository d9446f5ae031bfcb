//! Every fix the tool offers works: over the repository's documents, the
//! shared corpus and the documentation family (when `../shared` is beside the
//! checkout, as in CI), each diagnostic's `"fix"` is appended after the path as
//! `inspect --options` takes it, and that diagnostic must be gone. Fixes of
//! the fixed page are tried in turn, three rounds at most, as a user (or
//! `check.py`) applies them.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

/// The report of `inspect --json` (whatever its exit code).
fn inspect(document: &Path, options: &str) -> Value {
    common::inspect(document, options).1
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
            .is_some_and(|e| e == "md" || e == "html" || e == "htm")
        {
            found.push(path);
        }
    }
}

/// The problems of `document` whose fix does not remove them.
fn failing_fixes(document: &Path) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut tried = 0;
    let mut options = String::new();
    let mut report = inspect(document, &options);
    for _ in 0..3 {
        let diagnostics = report["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let fixes: Vec<(String, Value)> = diagnostics
            .iter()
            .filter_map(|d| Some((d["fix"].as_str()?.to_owned(), d.clone())))
            .collect();
        if fixes.is_empty() {
            break;
        }
        for (fix, diagnostic) in &fixes {
            tried += 1;
            let with = if options.is_empty() {
                fix.clone()
            } else {
                format!("{options}, {fix}")
            };
            let after = inspect(document, &with);
            let still = after["diagnostics"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|d| {
                    d["line"] == diagnostic["line"]
                        && d["column"] == diagnostic["column"]
                        && d["message"] == diagnostic["message"]
                });
            if still {
                problems.push(format!(
                    "{}: `{with}` does not remove: {}",
                    document.display(),
                    diagnostic["message"]
                ));
            }
        }
        let mut all: Vec<String> = fixes.into_iter().map(|(f, _)| f).collect();
        all.dedup();
        for fix in all {
            if !options.contains(&fix) {
                if !options.is_empty() {
                    options.push_str(", ");
                }
                options.push_str(&fix);
            }
        }
        report = inspect(document, &options);
    }
    (tried, problems)
}

fn check(documents: &[PathBuf]) -> usize {
    let mut tried = 0;
    let mut problems = Vec::new();
    for document in documents {
        let (n, found) = failing_fixes(document);
        tried += n;
        problems.extend(found);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    tried
}

#[test]
fn every_fix_offered_for_the_repositorys_documents_works() {
    let mut found = Vec::new();
    documents(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/documents"),
        &mut found,
    );
    found.sort();
    let tried = check(&found);
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
    check(&found);
}

#[test]
fn every_fix_offered_for_the_documentation_family_works() {
    let family = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/family");
    if !family.join("tree.tar.xz").is_file() {
        eprintln!("{} is not here: skipped (CI has it)", family.display());
        return;
    }
    let tree = std::env::temp_dir().join(format!("status-table-fixes-{}", std::process::id()));
    std::fs::create_dir_all(&tree).unwrap();
    let unpacked = std::process::Command::new("tar")
        .arg("-xJf")
        .arg(family.join("tree.tar.xz"))
        .arg("-C")
        .arg(&tree)
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
    let tried = check(&pages);
    let _ = std::fs::remove_dir_all(&tree);
    assert!(tried > 0, "no family page offered a fix");
}
