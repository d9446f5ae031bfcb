//! `status-table init ROOT… --out DIR`: documentation trees become a crate
//! with a module per tree and a type per code page. The command only calls
//! the rooms: reading the pages ([`crate::pages`]), pairing and naming
//! ([`crate::pairing`]), writing the crate ([`crate::crate_files`]) through a
//! staging area moved into place only when every step succeeded.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::committed;
use crate::crate_files::{self, Invocation, Notes};
use crate::pages::{self, Reading, Root};
use crate::pairing::{self, Pairing};
use crate::sources::{self, Sources};
use crate::staging::Staging;

/// What `init` was asked.
#[derive(Debug, Clone)]
pub(crate) struct Args {
    pub(crate) roots: Vec<PathBuf>,
    pub(crate) out: PathBuf,
    pub(crate) name: Option<String>,
    pub(crate) status_table_path: Option<PathBuf>,
}

/// The files `init` writes at the top of the crate, and the folders it owns:
/// what a second `init` in the same folder makes again from nothing.
pub(crate) fn made_by_init(path: &str) -> bool {
    ["tables/", "src/", "generated/", "tests/"]
        .iter()
        .any(|folder| path.starts_with(folder))
        || ["README.md", "Cargo.toml", ".gitignore"].contains(&path)
}

/// Runs `init`.
pub(crate) fn init(
    args: &Args,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let started = Instant::now();
    let out = &args.out;
    refuse_foreign(out)?;
    let name = match &args.name {
        Some(name) if is_crate_name(name) => name.clone(),
        Some(name) => {
            return Err(format!(
                "--name {name:?} is not a crate name: expected ASCII letters, digits, `-` and `_`, starting with a letter"
            ));
        }
        None => crate_name(out),
    };
    let here = absolute(out)?;
    let roots = args
        .roots
        .iter()
        .map(|root| {
            let path = std::fs::canonicalize(root)
                .ok()
                .filter(|p| p.is_dir())
                .ok_or_else(|| format!("{}: not a folder", root.display()))?;
            Ok(Root {
                module: pages::module_name(&path),
                recorded: sources::relative_to(&path, &here),
                path,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let status_table_path = match &args.status_table_path {
        Some(path) => Some(sources::relative_to(
            &std::fs::canonicalize(path)
                .map_err(|e| format!("--status-table-path {}: {e}", path.display()))?,
            &here,
        )),
        None => None,
    };
    let reading = pages::read(roots, &mut |line| {
        let _ = writeln!(stderr, "{line}");
    })
    .map_err(|failures| unread(&failures))?;
    let staging = Staging::new(out)?;
    for page in &reading.pages {
        staging.write(&page.copy, &page.bytes)?;
    }
    let pairing = pairing::pair_and_name(&reading, &staging.path());
    write_sources(
        &staging,
        &reading,
        &pairing,
        &here,
        &Sources::default(),
        &[],
    )?;
    staging.write(
        "Cargo.toml",
        crate_files::manifest(&name, status_table_path.as_deref()).as_bytes(),
    )?;
    staging.write(".gitignore", b"/target\n")?;
    write_modules(&staging, &reading, &pairing)?;
    let files = expansions(&staging)?;
    crate_files::write_outputs(&staging, &name, &files, &notes(&reading, &pairing))?;
    let changes = staging.changes(&made_by_init)?;
    staging.commit(&changes)?;
    let _ = writeln!(
        stdout,
        "{}: {} type(s) in {} module(s), expansions committed in generated/",
        out.display(),
        files.len(),
        modules(&pairing).len()
    );
    summary(&reading, &pairing, started, stdout);
    Ok(0)
}

/// The committed expansions of the crate in `staging`; any problem fails the
/// run (nothing is written).
pub(crate) fn expansions(staging: &Staging) -> Result<Vec<committed::CommittedFile>, String> {
    let (files, mut problems) = committed::expected_files(&staging.path())?;
    for file in &files {
        problems.extend(file.problems.iter().cloned());
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(format!(
            "the crate's invocations do not expand cleanly; nothing written:\n\n{}",
            problems.join("\n\n")
        ))
    }
}

/// The message of pages that could not be read: nothing was written.
pub(crate) fn unread(failures: &[String]) -> String {
    format!(
        "{} page(s) could not be read; nothing written:\n  {}",
        failures.len(),
        failures.join("\n  ")
    )
}

/// `tables/SOURCES.toml`, with the kinds each page is typed as.
pub(crate) fn write_sources(
    staging: &Staging,
    reading: &Reading,
    pairing: &Pairing,
    here: &Path,
    old: &Sources,
    kept: &[String],
) -> Result<(), String> {
    let kinds = |copy: &str| {
        let mut kinds: Vec<String> = pairing
            .types
            .iter()
            .filter(|t| {
                std::iter::once(t.page)
                    .chain(t.translation)
                    .any(|p| reading.pages[p].copy == copy)
            })
            .map(|t| t.kind.as_str().to_owned())
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    };
    let sources = Sources::of(reading, here, &kinds, old, kept);
    staging.write(sources::PATH, sources.render()?.as_bytes())
}

/// `src/lib.rs` and a file per module with its invocations.
fn write_modules(staging: &Staging, reading: &Reading, pairing: &Pairing) -> Result<(), String> {
    let modules = modules(pairing);
    for module in &modules {
        let mut text = crate_files::module_file(module);
        for ty in pairing.types.iter().filter(|t| &t.module == module) {
            text.push('\n');
            text.push_str(&invocation(reading, ty).render());
        }
        staging.write(&format!("src/{module}.rs"), text.as_bytes())?;
    }
    staging.write(
        "src/lib.rs",
        crate_files::lib_file(reading.roots.len(), &modules).as_bytes(),
    )
}

/// The invocation of a type.
pub(crate) fn invocation<'a>(reading: &'a Reading, ty: &'a pairing::Type) -> Invocation<'a> {
    let page = &reading.pages[ty.page];
    Invocation {
        copy: &page.copy,
        title: page.title.as_deref().unwrap_or(&page.source),
        source: &page.source,
        twin: ty.translation.map(|t| reading.pages[t].source.as_str()),
        name: &ty.name,
        options: &ty.options,
    }
}

/// The README's notes of a fresh crate.
fn notes(reading: &Reading, pairing: &Pairing) -> Notes {
    let copy = |page: usize| reading.pages[page].copy.clone();
    Notes {
        untyped: reading
            .untyped
            .iter()
            .map(|u| (copy(u.page), u.error.clone()))
            .collect(),
        splits: pairing
            .splits
            .iter()
            .map(|s| (copy(s.pages.0), copy(s.pages.1), s.why.clone()))
            .collect(),
        lags: pairing
            .types
            .iter()
            .filter_map(|t| {
                let lag = t.lag.as_ref()?;
                Some((format!("{}::{}", t.module, t.name), lag.to_string()))
            })
            .collect(),
        small: small_pages(reading),
    }
}

/// The pages whose code tables are a small part of them: (root, path, why).
pub(crate) fn small_pages(reading: &Reading) -> Vec<(String, String, String)> {
    reading
        .skipped
        .iter()
        .filter(|s| s.has_code_table)
        .map(|s| {
            let root = reading.roots[s.root].recorded.clone();
            (root, s.source.clone(), s.why.clone())
        })
        .collect()
}

/// An existing folder is written only when empty or made by `init`.
fn refuse_foreign(out: &Path) -> Result<(), String> {
    let empty = std::fs::read_dir(out).map_or(true, |mut entries| entries.next().is_none());
    if empty || out.join(sources::PATH).is_file() {
        Ok(())
    } else {
        Err(format!(
            "{} is not empty and was not made by `status-table init` (it has no {}): choose a new folder",
            out.display(),
            sources::PATH
        ))
    }
}

/// `path` as an absolute path with its links resolved as far as it exists.
pub(crate) fn absolute(path: &Path) -> Result<PathBuf, String> {
    let here = std::env::current_dir().map_err(|e| format!("the current folder: {e}"))?;
    let path = here.join(path);
    let existing = path.ancestors().find(|a| a.exists()).unwrap_or(&here);
    let rest = path.strip_prefix(existing).unwrap_or(Path::new(""));
    std::fs::canonicalize(existing)
        .map(|real| real.join(rest))
        .map_err(|e| format!("{}: {e}", existing.display()))
}

fn is_crate_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The crate's name from its folder: `family-codes`.
fn crate_name(out: &Path) -> String {
    let folder = absolute(out)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let name = heck::AsKebabCase(&folder).to_string();
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("codes{}", if name.is_empty() { "" } else { "-" }) + &name
    } else {
        name
    }
}

/// The modules of the types, sorted.
fn modules(pairing: &Pairing) -> Vec<String> {
    let mut modules: Vec<String> = pairing.types.iter().map(|t| t.module.clone()).collect();
    modules.sort();
    modules.dedup();
    modules
}

fn summary(reading: &Reading, pairing: &Pairing, started: Instant, stdout: &mut dyn Write) {
    let no_table = reading.skipped.iter().filter(|s| !s.has_code_table).count();
    let minor = reading.skipped.len() - no_table;
    let pairs = pairing
        .types
        .iter()
        .filter(|t| t.translation.is_some())
        .count();
    let lags = pairing.types.iter().filter(|t| t.lag.is_some()).count();
    let _ = writeln!(
        stdout,
        "{} page(s) read: {} with code tables, typed as {} type(s) ({pairs} translation pair(s), \
         {lags} of them lagging, {} kept apart); {} not typed (listed in README.md), {minor} with \
         only a small code table, {no_table} with none; {:.1} s",
        reading.read,
        reading.pages.len(),
        pairing.types.len(),
        pairing.splits.len(),
        reading.untyped.len(),
        started.elapsed().as_secs_f64()
    );
    for ty in pairing.types.iter().filter(|t| t.lag.is_some()) {
        if let Some(lag) = &ty.lag {
            let _ = writeln!(stdout, "  {}::{}: {lag}", ty.module, ty.name);
        }
    }
}
