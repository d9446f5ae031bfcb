//! The CI check: regenerate in memory, compare with the committed files, and
//! say what a drift means for users (from the rows, compared as data), not only
//! which bytes moved. [`compare`] returns the comparison as data; [`render`]
//! prints it, what changes for users first and the unified diff only when asked.

use std::fmt::Write as _;
use std::path::Path;

use similar::TextDiff;

use crate::committed::{self, CommittedFile, DIRECTORY, GENERATE_COMMAND};
use crate::contract::Row;
use crate::diff::{self, Change, Shift};

/// The outcome of a check.
#[derive(Debug, Clone)]
pub struct Report {
    /// Nothing differs and no document has a problem.
    pub clean: bool,
    /// What changed for users, over every file.
    pub changes: Vec<(String, Change)>,
    /// The whole report as printed (without the unified diff).
    pub text: String,
}

/// One committed file that is not what the invocations produce now.
#[derive(Debug, Clone)]
pub(crate) enum Drift {
    /// No committed file for an invocation.
    Missing { path: String, document: String },
    /// A committed file that differs.
    Changed {
        path: String,
        document: String,
        /// What changes for users.
        shift: Shift,
        /// Whether the code is the same (only the header differs).
        same_code: bool,
        /// The committed file and the file generated now.
        old: String,
        new: String,
    },
    /// A committed file no invocation generates.
    Extra { path: String },
}

/// The comparison, as data.
#[derive(Debug, Clone)]
pub(crate) struct Comparison {
    /// Problems in the documents or the invocations, each as printed.
    pub(crate) problems: Vec<String>,
    /// The files that drifted.
    pub(crate) drifts: Vec<Drift>,
    /// How many expansions and documents there are.
    pub(crate) expansions: usize,
    pub(crate) documents: usize,
}

impl Comparison {
    /// Nothing differs and nothing is wrong.
    pub(crate) fn clean(&self) -> bool {
        self.problems.is_empty() && self.drifts.is_empty()
    }
}

/// Checks the committed expansions of the workspace at `root`.
pub fn check(root: &Path) -> Result<Report, String> {
    check_with(root, false)
}

/// [`check`], with the unified diff of each drift in the text when `diff`.
pub(crate) fn check_with(root: &Path, diff: bool) -> Result<Report, String> {
    let (expected, problems) = committed::expected_files(root)?;
    let comparison = compare(root, &expected, problems)?;
    let changes = comparison
        .drifts
        .iter()
        .filter_map(|d| match d {
            Drift::Changed { path, shift, .. } => Some((path, shift)),
            _ => None,
        })
        .flat_map(|(path, shift)| shift.changes().iter().map(|c| (path.clone(), c.clone())))
        .collect();
    Ok(Report {
        clean: comparison.clean(),
        changes,
        text: render(&comparison, diff),
    })
}

/// Compares the files the invocations produce now (`expected`, with the
/// `problems` met making them) with those committed at `root`.
pub(crate) fn compare(
    root: &Path,
    expected: &[CommittedFile],
    mut problems: Vec<String>,
) -> Result<Comparison, String> {
    let packages = crate::invocations::packages(root)?;
    let existing = committed::existing_files(root, &packages)?;
    for file in expected {
        problems.extend(file.problems.iter().cloned());
    }
    let mut drifts = Vec::new();
    for file in expected {
        let document = file.model.path().to_owned();
        match std::fs::read_to_string(root.join(&file.path)).ok() {
            None => drifts.push(Drift::Missing {
                path: file.path.clone(),
                document,
            }),
            Some(old) if old != file.contents => {
                let old_rows = committed::rows_of(&old);
                let new_rows = Row::all(&file.model);
                drifts.push(Drift::Changed {
                    path: file.path.clone(),
                    document,
                    shift: diff::shift(
                        old_rows.as_deref(),
                        &new_rows,
                        file.options.non_exhaustive(),
                    ),
                    same_code: committed::body_of(&old) == committed::body_of(&file.contents),
                    old,
                    new: file.contents.clone(),
                });
            }
            Some(_) => {}
        }
    }
    for stale in existing
        .iter()
        .filter(|path| !expected.iter().any(|f| &f.path == *path))
    {
        drifts.push(Drift::Extra {
            path: stale.clone(),
        });
    }
    let documents: std::collections::BTreeSet<&str> = expected
        .iter()
        .flat_map(|f| {
            f.model
                .documents()
                .iter()
                .map(status_codegen::model::DocumentInfo::path)
        })
        .collect();
    Ok(Comparison {
        problems,
        drifts,
        expansions: expected.len(),
        documents: documents.len(),
    })
}

/// The check's report: problems, then each drift with what changes for users
/// (the unified diff of every drift after them all, when `diff`), then the
/// verdict and the command that fixes it.
pub(crate) fn render(comparison: &Comparison, diff: bool) -> String {
    let mut text = String::new();
    for problem in &comparison.problems {
        let _ = writeln!(text, "{problem}\n");
    }
    for drift in &comparison.drifts {
        match drift {
            Drift::Missing { path, document } => {
                let _ = writeln!(
                    text,
                    "missing: {path} is not committed (the workspace uses {document})\n"
                );
            }
            Drift::Changed {
                path,
                document,
                shift,
                same_code,
                ..
            } => {
                let _ = writeln!(
                    text,
                    "drift: {path} differs from what `{document}` generates now\n"
                );
                diff::describe_shift(&mut text, shift);
                if *same_code {
                    let _ = writeln!(
                        text,
                        "  The code is the same, the header is not (another engine or macro, or a document\n  edit that changed no code): until it is regenerated, the macro expands the\n  documents at every build instead of reusing the file.\n"
                    );
                }
            }
            Drift::Extra { path } => {
                let _ = writeln!(
                    text,
                    "extra: {path} is committed but no status_table! invocation generates it\n"
                );
            }
        }
    }
    if diff {
        unified_diffs(&mut text, comparison);
    }
    verdict(&mut text, comparison, diff);
    text
}

/// The unified diff of every changed file.
fn unified_diffs(text: &mut String, comparison: &Comparison) {
    for drift in &comparison.drifts {
        if let Drift::Changed { path, old, new, .. } = drift {
            let unified = TextDiff::from_lines(old.as_str(), new.as_str());
            let _ = write!(
                text,
                "{}",
                unified.unified_diff().context_radius(3).header(
                    &format!("{path} (committed)"),
                    &format!("{path} (generated now)")
                )
            );
            text.push('\n');
        }
    }
}

fn verdict(text: &mut String, comparison: &Comparison, diff: bool) {
    if comparison.clean() {
        let _ = writeln!(
            text,
            "status-table check: {} expansion(s) of {} document(s) in {DIRECTORY}/ are up to date",
            comparison.expansions, comparison.documents
        );
        return;
    }
    let count = comparison.problems.len() + comparison.drifts.len();
    let hint = if diff {
        ""
    } else {
        " (`--diff` shows the unified diff of each file)"
    };
    let _ = writeln!(
        text,
        "status-table check: {count} problem(s){hint}. Fix the documents if there are errors, then run\n\n    {GENERATE_COMMAND}\n\nand commit {DIRECTORY}/. (Install the CLI with `cargo install status-cli`; in the\nstatus-table repository, `cargo install --path status-cli` or `cargo run -p status-cli --`.)"
    );
}

/// Runs `check`: prints the report; exit 1 when anything differs.
pub(crate) fn run(root: &Path, diff: bool, stdout: &mut dyn std::io::Write) -> Result<u8, String> {
    let report = check_with(root, diff)?;
    stdout
        .write_all(report.text.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(u8::from(!report.clean))
}
