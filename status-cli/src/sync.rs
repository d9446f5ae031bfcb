//! `status-table sync [--check] [--diff] [--root NAME=PATH]`, in a crate made
//! by `init`: the recorded roots are read again, and the crate brought in
//! step in a staging area (pages copied, invocations reconciled, everything
//! regenerated), which is moved into place only when every step succeeded:
//! on any failure no file changes. `--check` stops before moving anything.
//!
//! Exit status: 0 done (or, with `--check`, in step); 1 with `--check`,
//! upstream moved; 2 the run failed and changed nothing; 3 a page upstream is
//! refused: its type is kept as it was (the other changes are made).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::committed::CommittedFile;
use crate::crate_files::{self, Notes};
use crate::diff;
use crate::pages::{self, Reading, Root};
use crate::pairing::{self, Pairing};
use crate::reconcile::{Outcome, Reconcile};
use crate::report::{Drift, Report};
use crate::sources::{self, Sources};
use crate::staging::Staging;

/// The exit status when a page upstream is refused and its type kept.
pub(crate) const REFUSED: u8 = 3;

/// What `sync` was asked.
#[derive(Debug, Clone)]
pub(crate) struct Args {
    pub(crate) dir: PathBuf,
    pub(crate) check: bool,
    pub(crate) diff: bool,
    /// Roots named again: (a recorded root, its module, or a folder above
    /// recorded roots; the path it is at now).
    pub(crate) roots: Vec<(String, PathBuf)>,
}

/// Files of the crate `sync` owns: all but `target/`, `.git/` and what is
/// not a committed expansion under `generated/`.
fn made_by_sync(path: &str) -> bool {
    !path.starts_with("generated/")
        || Path::new(path)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("rs"))
}

/// Runs `sync`.
pub(crate) fn sync(
    args: &Args,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let started = Instant::now();
    let dir = &sources::absolute(&args.dir)?;
    let old = Sources::read(dir)?;
    let roots = roots(dir, &old, &args.roots)?;
    let reading = pages::read(roots, &mut |line| {
        let _ = writeln!(stderr, "{line}");
    })
    .map_err(|failures| pages::unread(&failures))?;
    let staging = Staging::copy_of(dir, &["generated"])?;
    for gone in old
        .pages
        .iter()
        .filter(|p| reading.page_of_copy(&p.copy).is_none())
    {
        staging.remove(&gone.copy)?;
    }
    for page in &reading.pages {
        staging.write(&page.copy, &page.bytes)?;
    }
    let pairing = pairing::pair_and_name(&reading, &staging.path());
    let outcome = Reconcile::new(dir, &staging, &reading, &pairing, &old)?.run()?;
    crate_files::write_sources(
        &staging,
        &reading,
        &pairing,
        dir,
        &old,
        &outcome.kept_copies,
    )?;
    let files = crate_files::expansions(&staging)?;
    let name = package_name(dir);
    let notes = notes(&reading, &pairing, &outcome, &files);
    crate_files::write_outputs(&staging, &name, &files, &reading.roots, &notes)?;
    let changes = staging.changes(&made_by_sync)?;
    let report = report(dir, &staging, &reading, &old, outcome, &files, &changes);
    let _ = write!(stdout, "{}", report.render(args.diff));
    let refused = !report.kept.is_empty();
    let verdict = match (args.check, report.moved()) {
        (true, true) => format!(
            "upstream moved; run `status-table sync` in {}",
            args.dir.display()
        ),
        (true, false) => "in step with upstream".to_owned(),
        (false, true) => format!("{} file(s) written", changes.len()),
        (false, false) => "already in step with upstream".to_owned(),
    };
    if !args.check {
        staging.commit(&changes)?;
    }
    let _ = writeln!(
        stdout,
        "sync{}: {verdict}{} ({:.1} s)",
        if args.check { " --check" } else { "" },
        if refused {
            "; a page upstream is refused: its type is kept as it was (above)"
        } else {
            ""
        },
        started.elapsed().as_secs_f64()
    );
    Ok(if refused {
        REFUSED
    } else {
        u8::from(args.check && report.moved())
    })
}

/// The recorded roots, found from the crate (or where `--root` names them).
fn roots(dir: &Path, old: &Sources, named: &[(String, PathBuf)]) -> Result<Vec<Root>, String> {
    for (name, _) in named {
        let known = old.roots.iter().any(|r| {
            r.module == *name || r.path == *name || r.path.starts_with(&format!("{name}/"))
        });
        if !known {
            let recorded: Vec<&str> = old.roots.iter().map(|r| r.path.as_str()).collect();
            return Err(format!(
                "--root {name}=…: no recorded root is called so; the roots are {}",
                recorded.join(", ")
            ));
        }
    }
    old.roots
        .iter()
        .map(|root| {
            let path = located(dir, root, named)?;
            if !path.is_dir() {
                return Err(format!(
                    "{}: the root `{}` recorded in tables/SOURCES.toml is not a folder here; name it again with `--root {}=PATH`; nothing written",
                    path.display(),
                    root.path,
                    root.module
                ));
            }
            Ok(Root {
                recorded: sources::relative_to(&path, dir),
                module: root.module.clone(),
                path,
            })
        })
        .collect()
}

/// Where a recorded root is: as `--root` names it (by its module, its
/// recorded path, or a folder above it, the longest first), else as recorded.
fn located(
    dir: &Path,
    root: &sources::Root,
    named: &[(String, PathBuf)],
) -> Result<PathBuf, String> {
    let mut best: Option<(usize, PathBuf)> = None;
    for (name, path) in named {
        let found = if *name == root.module || *name == root.path {
            Some((usize::MAX, path.clone()))
        } else {
            root.path
                .strip_prefix(&format!("{name}/"))
                .map(|rest| (name.len(), path.join(rest)))
        };
        if let Some((weight, path)) = found
            && best.as_ref().is_none_or(|(w, _)| weight > *w)
        {
            best = Some((weight, path));
        }
    }
    match best {
        Some((_, path)) => sources::absolute(&path),
        None => Ok(sources::resolve(dir, &root.path)),
    }
}

/// What the README says beside the types.
fn notes(
    reading: &Reading,
    pairing: &Pairing,
    outcome: &Outcome,
    files: &[CommittedFile],
) -> Notes {
    let typed = |copy: &str| {
        files
            .iter()
            .any(|f| f.model.documents().iter().any(|d| d.path() == copy))
    };
    let mut splits = outcome.splits.clone();
    for split in &pairing.splits {
        let pair = (
            &reading.pages[split.pages.0].copy,
            &reading.pages[split.pages.1].copy,
        );
        if !splits.iter().any(|(a, b, _)| (a, b) == pair) && typed(pair.1) {
            splits.push((pair.0.clone(), pair.1.clone(), split.why.clone()));
        }
    }
    Notes {
        untyped: reading
            .untyped
            .iter()
            .map(|u| &reading.pages[u.page].copy)
            .filter(|copy| !typed(copy))
            .map(|copy| {
                let error = reading
                    .untyped
                    .iter()
                    .find(|u| &reading.pages[u.page].copy == copy)
                    .map(|u| u.error.clone())
                    .unwrap_or_default();
                (copy.clone(), error)
            })
            .collect(),
        splits,
        lags: outcome
            .lags
            .iter()
            .map(|(module, name, lag)| (format!("{module}::{name}"), lag.to_string()))
            .collect(),
        small: crate_files::small_pages(reading),
    }
}

/// The report: what reconciling did, what each regenerated type changes for
/// users and why, the pages copied, and every file's change.
fn report(
    dir: &Path,
    staging: &Staging,
    reading: &Reading,
    old: &Sources,
    outcome: Outcome,
    files: &[CommittedFile],
    changes: &[crate::staging::Change],
) -> Report {
    let facts = Facts {
        dir,
        reading,
        old,
        kept: &outcome.kept_copies,
    };
    let mut report = Report {
        drifts: files
            .iter()
            .filter_map(|file| facts.drift(file, &outcome.events))
            .collect(),
        pages: facts.page_lines(),
        events: outcome.events,
        kept: outcome.kept,
        lags: outcome.lags,
        ..Report::default()
    };
    for untyped in &reading.untyped {
        let copy = &reading.pages[untyped.page].copy;
        if !old.pages.iter().any(|p| &p.copy == copy) {
            let module = reading.module_of(untyped.page).to_owned();
            let error = untyped.error.clone();
            report.not_typed.push((module, copy.clone(), error));
        }
    }
    for change in changes {
        let before = std::fs::read_to_string(dir.join(&change.path)).unwrap_or_default();
        let after = if change.written {
            std::fs::read_to_string(staging.path().join(&change.path)).unwrap_or_default()
        } else {
            String::new()
        };
        report.files.push((change.path.clone(), before, after));
    }
    report
}

/// What the report needs to know of the pages.
struct Facts<'a> {
    dir: &'a Path,
    reading: &'a Reading,
    old: &'a Sources,
    /// Copies put back: their type is kept.
    kept: &'a [String],
}

impl Facts<'_> {
    /// Whether the page of `copy` differs upstream from its copy.
    fn changed(&self, copy: &str) -> bool {
        self.old
            .pages
            .iter()
            .find(|p| p.copy == copy)
            .is_none_or(|p| {
                self.reading.page_of_copy(copy).is_none_or(|page| {
                    p.sha256
                        != status_codegen::__private::committed::sha256_hex(
                            &self.reading.pages[page].bytes,
                        )
                })
            })
    }

    /// Whether the copy of `copy` changes.
    fn moved(&self, copy: &str) -> bool {
        !self.kept.iter().any(|c| c == copy) && self.changed(copy)
    }

    /// What a regenerated file changes for users, and why; `None` when the
    /// file is new or the same.
    fn drift(&self, file: &CommittedFile, events: &[crate::report::Event]) -> Option<Drift> {
        let before = std::fs::read_to_string(self.dir.join(&file.path)).ok()?;
        if before == file.contents {
            return None;
        }
        let module = crate_files::module_of_source(&file.source)
            .trim_start_matches("r#")
            .to_owned();
        let name = file.model.type_name().to_owned();
        let mut reasons: Vec<String> = file
            .model
            .documents()
            .iter()
            .filter(|d| self.moved(d.path()))
            .map(|d| format!("{} changed upstream", d.path()))
            .collect();
        if events.iter().any(|e| e.module == module && e.name == name) {
            reasons.push("its invocation changed, as said above".to_owned());
        }
        if reasons.is_empty() {
            reasons.push("its invocation or status-table changed".to_owned());
        }
        let old_rows = crate::committed::rows_of(&before);
        let new_rows = crate::contract::Row::all(&file.model);
        Some(Drift {
            module,
            name,
            file: file.path.clone(),
            reasons,
            shift: diff::shift(
                old_rows.as_deref(),
                &new_rows,
                file.options.non_exhaustive(),
            ),
        })
    }

    /// The pages new, changed, not taken and gone, by module.
    fn page_lines(&self) -> Vec<(String, String)> {
        let mut lines = Vec::new();
        for page in &self.reading.pages {
            let module = self.reading.roots[page.root].module.clone();
            let known = self.old.pages.iter().any(|p| p.copy == page.copy);
            let line = if !known {
                format!("new page {}", page.copy)
            } else if self.moved(&page.copy) {
                format!("changed page {}", page.copy)
            } else if self.changed(&page.copy) {
                format!(
                    "changed upstream, not taken (refused, above): {}",
                    page.copy
                )
            } else {
                continue;
            };
            lines.push((module, line));
        }
        for gone in self
            .old
            .pages
            .iter()
            .filter(|p| self.reading.page_of_copy(&p.copy).is_none())
        {
            let module = gone.copy.split('/').nth(1).unwrap_or_default().to_owned();
            let line = format!("page gone (or without code tables now): {}", gone.copy);
            lines.push((module, line));
        }
        lines
    }
}

/// The `[package] name` of the crate's Cargo.toml, read by the engine's
/// manifest reader (the one the macro and the other commands use).
fn package_name(dir: &Path) -> String {
    match status_codegen::__private::workspace::manifest(dir)
        .as_ref()
        .and_then(|m| m.get(&["package", "name"]))
    {
        Some(status_codegen::__private::workspace::manifest::Value::String(name)) => name.clone(),
        _ => "codes".to_owned(),
    }
}
