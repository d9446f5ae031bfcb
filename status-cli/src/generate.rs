//! `status-table generate`: writes the committed expansion of every
//! `status_table!` invocation of the workspace and removes those of
//! invocations gone, through a staging area (nothing when anything fails).

use std::io::Write;
use std::path::Path;

use crate::committed::{self, CommittedFile, DIRECTORY};
use crate::{invocations, staging};

/// Runs `generate`.
pub(crate) fn run(
    root: &Path,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let (files, problems) = committed::expected_files(root)?;
    write_files(root, &files, problems, stdout, stderr)
}

/// Writes the files the invocations produce now (`files`, with the
/// `problems` met making them), removes those of invocations gone, through a
/// staging area: nothing when there is a problem or a write fails.
fn write_files(
    root: &Path,
    files: &[CommittedFile],
    mut problems: Vec<String>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    for file in files {
        problems.extend(file.problems.iter().cloned());
    }
    if !problems.is_empty() {
        for problem in &problems {
            let _ = writeln!(stderr, "{problem}\n");
        }
        let _ = writeln!(
            stderr,
            "error: nothing written: fix the {} problem(s) first",
            problems.len()
        );
        return Ok(1);
    }
    let packages = invocations::packages(root)?;
    let staging = staging::Staging::new(root)?;
    let mut changes = Vec::new();
    // Files of invocations that no longer exist go away.
    for stale in committed::existing_files(root, &packages)? {
        if !files.iter().any(|f| f.path == stale) {
            changes.push(staging::Change {
                path: stale,
                written: false,
            });
        }
    }
    for file in files {
        if std::fs::read_to_string(root.join(&file.path))
            .ok()
            .as_deref()
            != Some(file.contents.as_str())
        {
            staging.write(&file.path, file.contents.as_bytes())?;
            changes.push(staging::Change {
                path: file.path.clone(),
                written: true,
            });
        }
    }
    staging.commit(&changes)?;
    for change in &changes {
        let what = if change.written { "wrote" } else { "removed" };
        let _ = writeln!(stdout, "{what} {}", change.path);
    }
    let _ = writeln!(
        stdout,
        "{} expansion(s) up to date in {DIRECTORY}/",
        files.len()
    );
    Ok(0)
}
