//! `status-table init ROOT… --out DIR`: documentation trees become a crate
//! with a module per tree and a type per code page. The command only calls
//! the rooms: reading the pages ([`crate::pages`]), pairing and naming
//! ([`crate::pairing`]), writing the crate ([`crate::crate_files`]) through a
//! staging area moved into place only when every step succeeded.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::crate_files::{self, Dependency, Notes};
use crate::pages::{self, Reading, Root};
use crate::pairing::{self, Pairing};
use crate::sdk::Defaults;
use crate::sources::{self, Sources};
use crate::staging::Staging;

/// What `init` was asked.
#[derive(Debug, Clone)]
pub(crate) struct Args {
    pub(crate) roots: Vec<PathBuf>,
    pub(crate) out: PathBuf,
    pub(crate) name: Option<String>,
    pub(crate) status_table_path: Option<PathBuf>,
    /// The options every type gets.
    pub(crate) defaults: Defaults,
}

/// The files `init` writes at the top of the crate, and the folders it owns:
/// what a second `init` in the same folder makes again from nothing.
pub(crate) fn made_by_init(path: &str) -> bool {
    ["tables/", "src/", "generated/", "tests/", "docs/"]
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
    let here = sources::absolute(out)?;
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
    let dependency = dependency(args.status_table_path.as_deref(), &here)?;
    let reading = pages::read(roots, &mut |line| {
        let _ = writeln!(stderr, "{line}");
    })
    .map_err(|failures| pages::unread(&failures))?;
    let staging = Staging::new(out)?;
    for page in &reading.pages {
        staging.write(&page.copy, &page.bytes)?;
    }
    let pairing = pairing::pair_and_name(&reading, &staging.path());
    let chosen = Sources {
        defaults: Some(args.defaults),
        ..Sources::default()
    };
    crate_files::write_sources(&staging, &reading, &pairing, &here, &chosen, &[])?;
    let manifest = crate_files::manifest(&name, &dependency, args.defaults);
    staging.write("Cargo.toml", manifest.as_bytes())?;
    staging.write(".gitignore", b"/target\n")?;
    crate_files::write_modules(&staging, &reading, &pairing, args.defaults)?;
    let files = crate_files::expansions(&staging)?;
    let notes = notes(&reading, &pairing);
    crate_files::write_outputs(&staging, &name, &files, &reading.roots, &notes)?;
    let changes = staging.changes(&made_by_init)?;
    staging.commit(&changes)?;
    let _ = writeln!(
        stdout,
        "{}: {} type(s) in {} module(s), expansions committed in generated/",
        out.display(),
        files.len(),
        pairing.modules().len()
    );
    summary(&reading, &pairing, started, stdout);
    Ok(0)
}

/// The crate's `status-table`: at `--status-table-path`; else the checkout
/// this CLI was built from, while it is there; else this CLI's version, from
/// crates.io. A path is relative to the crate at `here`.
fn dependency(asked: Option<&Path>, here: &Path) -> Result<Dependency, String> {
    let checkout = match asked {
        Some(path) => Some(
            std::fs::canonicalize(path)
                .map_err(|e| format!("--status-table-path {}: {e}", path.display()))?,
        ),
        None => built_from(),
    };
    Ok(checkout.map_or(Dependency::Version, |path| {
        Dependency::Path(sources::relative_to(&path, here))
    }))
}

/// The checkout of status-table this CLI was built from (the folder above
/// status-cli's), while its manifest is still the package `status-table`:
/// not so for a CLI built from crates.io, whose sources sit alone.
fn built_from() -> Option<PathBuf> {
    use status_codegen::__private::workspace::manifest::Value;
    let checkout = std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).parent()?).ok()?;
    let manifest = status_codegen::__private::workspace::manifest(&checkout)?;
    let name = manifest.get(&["package", "name"]);
    matches!(name, Some(Value::String(name)) if name == "status-table").then_some(checkout)
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
        small: crate_files::small_pages(reading),
    }
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

fn is_crate_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The crate's name from its folder: `family-codes`.
fn crate_name(out: &Path) -> String {
    let folder = sources::absolute(out)
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
