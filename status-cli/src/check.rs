//! The CI check: regenerate in memory, compare with the committed files, and
//! say what a drift means for users (from the rows, compared as data), not only
//! which bytes moved.

use std::fmt::Write as _;
use std::path::Path;

use similar::TextDiff;

use crate::committed::{self, CommittedFile, DIRECTORY, GENERATE_COMMAND};
use crate::diff::{self, Change};

/// The outcome of a check.
#[derive(Debug, Clone)]
pub struct Report {
    /// Nothing differs and no document has a problem.
    pub clean: bool,
    /// What changed for users, over every file.
    pub changes: Vec<(String, Change)>,
    /// The whole report as printed.
    pub text: String,
}

/// Checks the committed expansions of the workspace at `root`.
pub fn check(root: &Path) -> Result<Report, String> {
    let (expected, problems) = committed::expected_files(root)?;
    compare(root, &expected, problems)
}

/// Compares the files the invocations produce now (`expected`, with the
/// `problems` met making them) with those committed at `root`.
pub(crate) fn compare(
    root: &Path,
    expected: &[CommittedFile],
    mut problems: Vec<String>,
) -> Result<Report, String> {
    let packages = crate::invocations::packages(root)?;
    let existing = committed::existing_files(root, &packages)?;
    let mut text = String::new();
    let mut changes = Vec::new();
    for file in expected {
        problems.extend(file.problems.iter().cloned());
    }
    let mut count = problems.len();
    for problem in &problems {
        let _ = writeln!(text, "{problem}\n");
    }
    for file in expected {
        match std::fs::read_to_string(root.join(&file.path)).ok() {
            None => {
                count += 1;
                let _ = writeln!(
                    text,
                    "missing: {} is not committed (the workspace uses {})\n",
                    file.path,
                    file.model.path()
                );
            }
            Some(old) if old != file.contents => {
                count += 1;
                let _ = writeln!(
                    text,
                    "drift: {} differs from what `{}` generates now\n",
                    file.path,
                    file.model.path()
                );
                let old_rows = committed::rows_of(&old).unwrap_or_default();
                let new_rows = crate::json::rows(&file.model);
                let found = diff::compare(&old_rows, &new_rows, file.non_exhaustive);
                diff::describe(&mut text, &found);
                if committed::body_of(&old) == committed::body_of(&file.contents) {
                    let _ = writeln!(
                        text,
                        "  The code is the same, the header is not (another engine or macro, or a document\n  edit that changed no code): until it is regenerated, the macro expands the\n  documents at every build instead of reusing the file.\n"
                    );
                }
                let unified = TextDiff::from_lines(old.as_str(), file.contents.as_str());
                let _ = write!(
                    text,
                    "{}",
                    unified.unified_diff().context_radius(3).header(
                        &format!("{} (committed)", file.path),
                        &format!("{} (generated now)", file.path)
                    )
                );
                text.push('\n');
                changes.extend(found.into_iter().map(|c| (file.path.clone(), c)));
            }
            Some(_) => {}
        }
    }
    for stale in existing
        .iter()
        .filter(|path| !expected.iter().any(|f| &f.path == *path))
    {
        count += 1;
        let _ = writeln!(
            text,
            "extra: {stale} is committed but no status_table! invocation generates it\n"
        );
    }
    let clean = count == 0;
    if clean {
        let documents: std::collections::BTreeSet<&str> = expected
            .iter()
            .flat_map(|f| f.model.documents.iter().map(|d| d.path.as_str()))
            .collect();
        let _ = writeln!(
            text,
            "status-table check: {} expansion(s) of {} document(s) in {DIRECTORY}/ are up to date",
            expected.len(),
            documents.len()
        );
    } else {
        let _ = writeln!(
            text,
            "status-table check: {count} problem(s). Fix the documents if there are errors, then run\n\n    {GENERATE_COMMAND}\n\nand commit {DIRECTORY}/. (Install the CLI with `cargo install status-cli`; in the\nstatus-table repository, `cargo install --path status-cli` or `cargo run -p status-cli --`.)"
        );
    }
    Ok(Report {
        clean,
        changes,
        text,
    })
}
