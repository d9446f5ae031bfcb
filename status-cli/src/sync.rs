//! `status-table sync [--check]`, in a crate made by `init`: the recorded
//! ROOTs are read again, changed pages copied, types added for new pages and
//! removed for pages gone (the user's own edits to the invocations are kept),
//! everything regenerated, and what changes for users printed per module.
//! `--check` does the same in a scratch copy of the crate and changes nothing.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use status_codegen::Kind;

use crate::diff;
use crate::init::{self, write};
use crate::invocations::{InvocationSite, find_invocations};
use crate::plan::{self, Plan, module_ident};
use crate::sources::Sources;

/// Runs `sync` in the crate at `dir`.
pub(crate) fn sync(
    dir: &Path,
    check_only: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let started = Instant::now();
    let sources = Sources::read(dir)?;
    let name = package_name(dir);
    if !check_only {
        let outcome = apply(dir, &name, &sources, stdout, stderr)?;
        let _ = write!(stdout, "{}", outcome.text);
        let _ = writeln!(
            stdout,
            "sync: {} ({:.1} s)",
            if outcome.moved {
                "updated"
            } else {
                "already in step with upstream"
            },
            started.elapsed().as_secs_f64()
        );
        return Ok(outcome.code);
    }
    let scratch = Scratch::copy_of(dir)?;
    let outcome = apply(&scratch.path, &name, &sources, &mut Vec::new(), stderr)?;
    let _ = write!(stdout, "{}", outcome.text);
    if outcome.moved {
        let _ = writeln!(
            stdout,
            "sync --check: upstream moved; run `status-table sync` in {} ({:.1} s)",
            dir.display(),
            started.elapsed().as_secs_f64()
        );
        Ok(1)
    } else {
        let _ = writeln!(
            stdout,
            "sync --check: in step with upstream ({:.1} s)",
            started.elapsed().as_secs_f64()
        );
        Ok(0)
    }
}

struct Outcome {
    text: String,
    moved: bool,
    code: u8,
}

fn apply(
    dir: &Path,
    name: &str,
    sources: &Sources,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, String> {
    let roots = sources
        .roots
        .iter()
        .map(|r| {
            let path = PathBuf::from(&r.path);
            if path.is_dir() {
                Ok(plan::Root {
                    path,
                    module: r.module.clone(),
                })
            } else {
                Err(format!(
                    "{}: the root recorded in tables/SOURCES.toml is not a folder any more",
                    r.path
                ))
            }
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut plan = plan::plan(roots, &mut |line| {
        let _ = writeln!(stderr, "{line}");
    })?;
    let pages = page_changes(sources, &plan);
    let mut new_sources = init::copy_pages(dir, &plan, sources)?;
    plan.pair_and_name(dir);
    init::record_types(&mut new_sources, &plan);
    let old_copies: Vec<&str> = sources.pages.iter().map(|p| p.copy.as_str()).collect();
    let sites = find_invocations(dir)?;
    let mut text = String::new();
    let mut by_module: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (module, line) in pages {
        by_module.entry(module).or_default().push(line);
    }
    // Invocations of pages gone (only those init or sync wrote: a page of
    // SOURCES.toml).
    for site in &sites {
        let Some(path) = site.invocation.path.as_deref() else {
            continue;
        };
        let kept = plan
            .types
            .iter()
            .any(|t| plan.pages[t.page].copy == path && matches_kind(site, t.kind, &plan, path));
        if kept || !old_copies.contains(&path) {
            continue;
        }
        remove_invocation(dir, &site.source, path)?;
        let name = site
            .invocation
            .options
            .type_name
            .clone()
            .unwrap_or_else(|| "its type".to_owned());
        let why = match sources.pages.iter().find(|p| p.copy == path) {
            Some(p) if !Path::new(&p.root).join(&p.path).is_file() => "the page is gone upstream",
            _ => "the page has no code table any more",
        };
        by_module
            .entry(module_of(&site.source))
            .or_default()
            .push(format!("removed type `{name}` ({path}: {why})  [breaking]"));
    }
    // Types new since the last run (a new page, or a page that types now):
    // a type written before and deleted by the user is not written again.
    for ty in &plan.types {
        let path = &plan.pages[ty.page].copy;
        let written_before = sources
            .pages
            .iter()
            .any(|p| &p.copy == path && p.types.iter().any(|k| k == ty.kind.as_str()));
        let exists = sites.iter().any(|s| {
            s.invocation.path.as_deref() == Some(path.as_str())
                && matches_kind(s, ty.kind, &plan, path)
        });
        if written_before || exists {
            continue;
        }
        let mut ty = ty.clone();
        ty.name = free_name(&ty, &sites);
        add_invocation(dir, &plan, &ty)?;
        by_module
            .entry(ty.module.clone())
            .or_default()
            .push(format!(
                "new type `{}` ({} code(s)) from {path}",
                ty.name,
                ty.codes.len()
            ));
    }
    remove_empty_modules(dir)?;
    write(dir, crate::sources::PATH, &new_sources.render()?)?;
    // What the regenerated types change, from the committed rows.
    let (files, problems) = crate::committed::expected_files(dir)?;
    let report = crate::check::compare(dir, &files, problems.clone())?;
    let mut changes: BTreeMap<String, Vec<&diff::Change>> = BTreeMap::new();
    for (file, change) in &report.changes {
        changes.entry(file.clone()).or_default().push(change);
    }
    for (file, found) in changes {
        let mut lines = String::new();
        let found: Vec<diff::Change> = found.into_iter().cloned().collect();
        diff::describe(&mut lines, &found);
        by_module
            .entry(module_of_committed(&file))
            .or_default()
            .push(format!("{file}:\n{}", lines.trim_end()));
    }
    let moved = !by_module.is_empty();
    for (module, lines) in &by_module {
        let _ = writeln!(text, "{module}:");
        for line in lines {
            let _ = writeln!(text, "  {}", line.replace('\n', "\n  "));
        }
    }
    let code = init::finish(dir, name, &plan, (files, problems), stdout, stderr)?;
    Ok(Outcome { text, moved, code })
}

/// The pages whose copies change: new, changed, gone; by module.
fn page_changes(old: &Sources, plan: &Plan) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    for page in &plan.pages {
        let module = plan.roots[page.root].module.clone();
        match old.pages.iter().find(|p| p.copy == page.copy) {
            None => lines.push((module, format!("new page {}", page.copy))),
            Some(p) if p.sha256 != status_codegen::committed::sha256_hex(&page.bytes) => {
                lines.push((module, format!("changed page {}", page.copy)));
            }
            Some(_) => {}
        }
    }
    for gone in old
        .pages
        .iter()
        .filter(|p| !plan.pages.iter().any(|n| n.copy == p.copy))
    {
        let module = gone.copy.split('/').nth(1).unwrap_or_default().to_owned();
        lines.push((
            module,
            format!("page gone (or without code tables now): {}", gone.copy),
        ));
    }
    lines
}

/// Whether an invocation of `path` is the one of that kind: by its `kind`
/// option, else it is when the page has one type.
fn matches_kind(site: &InvocationSite, kind: Kind, plan: &Plan, path: &str) -> bool {
    match site.invocation.options.kind {
        Some(k) => k == kind,
        None => {
            plan.types
                .iter()
                .filter(|t| plan.pages[t.page].copy == path)
                .count()
                <= 1
        }
    }
}

/// The module of `src/<module>.rs`.
fn module_of(source: &str) -> String {
    Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The module of `generated/tables/<module>/…`.
fn module_of_committed(file: &str) -> String {
    let parts: Vec<&str> = file.split('/').collect();
    parts
        .iter()
        .position(|p| *p == "tables")
        .and_then(|at| parts.get(at + 1))
        .map_or_else(|| file.to_owned(), |m| (*m).to_owned())
}

/// A name for a new type that no invocation of its module has (the user may
/// have renamed types since `init`).
fn free_name(ty: &plan::Type, sites: &[InvocationSite]) -> String {
    let file = format!("src/{}.rs", ty.module);
    let taken: Vec<String> = sites
        .iter()
        .filter(|s| s.source == file)
        .filter_map(|s| s.invocation.options.type_name.clone())
        .collect();
    if !taken.contains(&ty.name) {
        return ty.name.clone();
    }
    let base = ty.name.trim_end_matches(|c: char| c.is_ascii_digit());
    plan::numbered(base, |n| taken.iter().any(|t| t == n))
}

/// Appends an invocation to its module's file, making the module when new.
fn add_invocation(dir: &Path, plan: &Plan, ty: &plan::Type) -> Result<(), String> {
    let file = format!("src/{}.rs", ty.module);
    let mut text = if let Ok(text) = std::fs::read_to_string(dir.join(&file)) {
        text
    } else {
        // A new module: its file, and its line in lib.rs.
        let mut lib = std::fs::read_to_string(dir.join("src/lib.rs"))
            .map_err(|e| format!("src/lib.rs: {e}"))?;
        let line = format!("pub mod {};", module_ident(&ty.module));
        if !lib.lines().any(|l| l.trim() == line) {
            if !lib.ends_with('\n') {
                lib.push('\n');
            }
            lib.push_str(&line);
            lib.push('\n');
            write(dir, "src/lib.rs", &lib)?;
        }
        init::module_file(plan, &ty.module, &[])
    };
    text.push('\n');
    text.push_str(&init::invocation(plan, ty));
    write(dir, &file, &text)
}

/// Removes the invocation of `path` from `source`, with the `//` comment
/// lines right above it.
fn remove_invocation(dir: &Path, source: &str, path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(dir.join(source)).map_err(|e| format!("{source}: {e}"))?;
    let Some(range) = invocation_range(&text, path) else {
        return Ok(());
    };
    let mut edited = text[..range.start].to_owned();
    edited.push_str(text[range.end..].trim_start_matches('\n'));
    write(dir, source, &edited)
}

/// The bytes of the statement `status_table!("path", …);`, from the start of
/// its first comment line to the end of its line.
fn invocation_range(text: &str, path: &str) -> Option<std::ops::Range<usize>> {
    let literal = format!("{path:?}");
    let at = text.find(&literal)?;
    let call = text[..at].rfind("status_table")?;
    let mut start = text[..call].rfind('\n').map_or(0, |n| n + 1);
    // The comment lines above it.
    while start > 0 {
        let previous = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        let line = text[previous..start].trim();
        if line.starts_with("//") && !line.starts_with("//!") {
            start = previous;
        } else {
            break;
        }
    }
    // The closing parenthesis (strings skipped), then `;` and the newline.
    let open = call + text[call..].find('(')?;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut end = None;
    for (i, c) in text[open..].char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(open + i + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let end = end?;
    let end = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
    Some(start..end)
}

/// Module files with no invocation left go, with their `pub mod` line.
fn remove_empty_modules(dir: &Path) -> Result<(), String> {
    let sites = find_invocations(dir)?;
    let Ok(entries) = std::fs::read_dir(dir.join("src")) else {
        return Ok(());
    };
    let mut lib = std::fs::read_to_string(dir.join("src/lib.rs")).unwrap_or_default();
    let before = lib.clone();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(module) = name.strip_suffix(".rs") else {
            continue;
        };
        let source = format!("src/{name}");
        if module == "lib" || sites.iter().any(|s| s.source == source) {
            continue;
        }
        let line = format!("pub mod {};", module_ident(module));
        if lib.lines().any(|l| l.trim() == line) {
            std::fs::remove_file(entry.path()).map_err(|e| format!("{source}: {e}"))?;
            lib = lib.lines().filter(|l| l.trim() != line).fold(
                String::with_capacity(lib.len()),
                |mut kept, l| {
                    kept.push_str(l);
                    kept.push('\n');
                    kept
                },
            );
        }
    }
    if lib != before {
        write(dir, "src/lib.rs", &lib)?;
    }
    Ok(())
}

/// The `[package] name` of the crate's Cargo.toml, read by the engine's
/// manifest reader (the one the macro and the other commands use).
fn package_name(dir: &Path) -> String {
    match status_codegen::workspace::manifest(dir)
        .as_ref()
        .and_then(|m| m.get(&["package", "name"]))
    {
        Some(status_codegen::workspace::manifest::Value::String(name)) => name.clone(),
        _ => "codes".to_owned(),
    }
}

/// A copy of the crate (without `target/` and `.git/`), removed when dropped.
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn copy_of(dir: &Path) -> Result<Self, String> {
        let path = std::env::temp_dir().join(format!("status-table-sync-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        copy_tree(dir, &path)?;
        Ok(Self { path })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invocation_goes_with_its_comment_and_nothing_else() {
        let text = "//! Module.\n\n// EVS (状态码.md)\nstatus_table::status_table!(\"tables/evs/状态码.md\", name = StatusCode, doc = \"a (b\");\n\n// Other\nstatus_table::status_table!(\"tables/evs/b.md\", name = ErrorCode);\n";
        let range = invocation_range(text, "tables/evs/状态码.md").unwrap();
        let mut edited = text[..range.start].to_owned();
        edited.push_str(text[range.end..].trim_start_matches('\n'));
        assert_eq!(
            edited,
            "//! Module.\n\n// Other\nstatus_table::status_table!(\"tables/evs/b.md\", name = ErrorCode);\n"
        );
        assert!(invocation_range(text, "tables/evs/none.md").is_none());
    }

    #[test]
    fn committed_files_name_their_module() {
        assert_eq!(
            module_of_committed("generated/tables/evs/cn.zh-cn/状态码-StatusCode.rs"),
            "evs"
        );
        assert_eq!(module_of("src/evs.rs"), "evs");
    }
}
