//! The edits `sync` makes to a crate's source files: each invocation is
//! removed, or given or relieved of arguments, at the byte ranges the
//! tokenizer gave it; new invocations are appended to their module's file.
//! The edits of one run are applied together, from the end of each file.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use crate::crate_files;
use crate::invocations::find_invocations;
use crate::pages::module_ident;
use crate::staging::Staging;
use crate::type_names;

use super::{Edit, Reconcile};

impl Reconcile<'_> {
    /// A name no invocation of `file` has.
    pub(super) fn free_name(&mut self, file: &str, name: &str) -> String {
        let taken: Vec<String> = self
            .sites
            .iter()
            .filter(|s| s.source == file)
            .filter_map(|s| s.invocation.options().name().map(str::to_owned))
            .chain(
                self.named
                    .iter()
                    .filter(|(f, _)| f == file)
                    .map(|(_, n)| n.clone()),
            )
            .collect();
        let free = if taken.iter().any(|t| t == name) {
            let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
            type_names::numbered(base, |n| taken.iter().any(|t| t == n))
        } else {
            name.to_owned()
        };
        self.named.push((file.to_owned(), free.clone()));
        free
    }

    /// A file of the staging area as this run edits it.
    pub(super) fn text(&mut self, file: &str) -> &str {
        if !self.texts.contains_key(file) {
            let path = self.staging.path().join(file);
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            self.texts.insert(file.to_owned(), text);
        }
        self.texts[file].as_str()
    }

    /// Removes an invocation with the `//` comment lines right above it.
    pub(super) fn remove(&mut self, i: usize) {
        let site = self.sites[i].clone();
        let range = with_comments(self.text(&site.source), site.statement.clone());
        self.removed.insert(i);
        self.edits.push(Edit {
            file: site.source,
            range,
            text: String::new(),
        });
    }

    pub(super) fn add_argument(&mut self, i: usize, text: &str) {
        let site = &self.sites[i];
        let end = site
            .arguments
            .last()
            .map_or(site.statement.end, |a| a.range.end);
        self.handled.insert(i);
        self.edits.push(Edit {
            file: site.source.clone(),
            range: end..end,
            text: format!(", {text}"),
        });
    }

    pub(super) fn remove_arguments(&mut self, i: usize, keys: &[&str]) {
        let site = &self.sites[i];
        for (n, argument) in site.arguments.iter().enumerate().skip(1) {
            if keys.contains(&argument.key.as_str()) {
                let start = site.arguments[n - 1].range.end;
                self.edits.push(Edit {
                    file: site.source.clone(),
                    range: start..argument.range.end,
                    text: String::new(),
                });
            }
        }
        self.handled.insert(i);
    }

    /// Appends a statement to a module's file (made, with its `pub mod`
    /// line, when new).
    pub(super) fn append(&mut self, file: &str, statement: &str) {
        if !self.staging.path().join(file).is_file() && !self.texts.contains_key(file) {
            let module = Path::new(file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.texts
                .insert(file.to_owned(), crate_files::module_file(&module));
            let lib = self.text("src/lib.rs").len();
            self.edits.push(Edit {
                file: "src/lib.rs".to_owned(),
                range: lib..lib,
                text: format!("pub mod {};\n", module_ident(&module)),
            });
        }
        let end = self.text(file).len();
        self.edits.push(Edit {
            file: file.to_owned(),
            range: end..end,
            text: format!("\n{statement}"),
        });
    }

    /// Writes the edited files into the staging area; module files left
    /// with no invocation go, with their `pub mod` line.
    pub(super) fn apply(&mut self) -> Result<(), String> {
        let files: BTreeSet<String> = self.edits.iter().map(|e| e.file.clone()).collect();
        for file in &files {
            self.text(file);
        }
        let mut by_file: BTreeMap<String, Vec<(usize, &Edit)>> = BTreeMap::new();
        for (n, edit) in self.edits.iter().enumerate() {
            by_file
                .entry(edit.file.clone())
                .or_default()
                .push((n, edit));
        }
        for (file, mut edits) in by_file {
            // From the end, so that earlier ranges stay true; at one place,
            // the later edit first, so that they read in the order made.
            edits.sort_by_key(|(n, e)| (std::cmp::Reverse(e.range.start), std::cmp::Reverse(*n)));
            let mut text = self.texts.get(&file).cloned().unwrap_or_default();
            for (_, edit) in edits {
                text.replace_range(edit.range.clone(), &edit.text);
            }
            self.staging.write(&file, text.as_bytes())?;
        }
        remove_empty_modules(self.staging)
    }
}

/// A statement's range widened to its whole lines, the `//` comment lines
/// right above it, and one blank line below when it has one above.
fn with_comments(text: &str, statement: Range<usize>) -> Range<usize> {
    let mut start = text[..statement.start].rfind('\n').map_or(0, |n| n + 1);
    if !text[start..statement.start].trim().is_empty() {
        return statement;
    }
    while start > 0 {
        let previous = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        let line = text[previous..start].trim();
        if line.starts_with("//") && !line.starts_with("//!") {
            start = previous;
        } else {
            break;
        }
    }
    let mut end = text[statement.end..]
        .find('\n')
        .map_or(text.len(), |n| statement.end + n + 1);
    if text[end..].starts_with('\n') && (start == 0 || text[..start].ends_with("\n\n")) {
        end += 1;
    }
    start..end
}

/// Module files with no invocation left go, with their `pub mod` line.
fn remove_empty_modules(staging: &Staging) -> Result<(), String> {
    let base = staging.path();
    let sites = find_invocations(&base)?;
    let Ok(entries) = std::fs::read_dir(base.join("src")) else {
        return Ok(());
    };
    let lib_path = base.join("src/lib.rs");
    let mut lib =
        std::fs::read_to_string(&lib_path).map_err(|e| format!("{}: {e}", lib_path.display()))?;
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
            staging.remove(&source)?;
            lib = lib
                .lines()
                .filter(|l| l.trim() != line)
                .flat_map(|l| [l, "\n"])
                .collect();
        }
    }
    if lib != before {
        staging.write("src/lib.rs", lib.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invocation_goes_with_its_comment_and_nothing_else() {
        let text = "//! Module.\n\n// EVS (状态码.md)\nstatus_table::status_table!(\"tables/evs/状态码.md\", name = StatusCode, doc = \"a (b\");\n\n// Other\nstatus_table::status_table!(\"tables/evs/b.md\", name = ErrorCode);\n";
        let start = text.find("status_table::").unwrap();
        let end = text.find(");\n").unwrap() + 2;
        let range = with_comments(text, start..end);
        let mut edited = text.to_owned();
        edited.replace_range(range, "");
        assert_eq!(
            edited,
            "//! Module.\n\n// Other\nstatus_table::status_table!(\"tables/evs/b.md\", name = ErrorCode);\n"
        );
    }
}
