//! The CI check: regenerate in memory, compare with `generated/`, and say what
//! a drift means for users, not only which bytes moved.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use similar::TextDiff;
use status_codegen::Entry;

use crate::committed::{self, CommittedFile, DIRECTORY, GENERATE_COMMAND};

/// The outcome of a check.
#[derive(Debug, Clone)]
pub struct Report {
    /// Nothing differs and no document has a problem.
    pub clean: bool,
    /// What changed for users, file by file.
    pub changes: Vec<Change>,
    /// The whole report as printed.
    pub text: String,
}

/// One change to a generated type that a user can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The committed file it is in.
    pub file: String,
    /// The status code concerned.
    pub code: u16,
    /// What happened.
    pub kind: ChangeKind,
    /// The document line (in the new document, or the old one for a removal).
    pub line: usize,
    /// Whether code using the type may stop compiling or behave differently.
    pub breaking: bool,
}

/// The kinds of change. `name` is a variant name; `from` the old value, `to` the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(
    missing_docs,
    reason = "the fields are named for what they hold, documented above"
)]
pub enum ChangeKind {
    /// A new row, so a new variant.
    Added { name: String },
    /// A row gone, so a variant gone.
    Removed { name: String },
    /// The same code under another variant name.
    Renamed { from: String, to: String },
    /// The same variant under another code.
    CodeChanged { name: String, from: u16 },
    /// Another description (and so another `Display`).
    DescriptionChanged { from: String, to: String },
    /// Another section.
    SectionChanged { from: String, to: String },
}

/// Checks the committed expansions of the workspace at `root`.
pub fn check(root: &Path) -> Result<Report, String> {
    let expected = committed::expected_files(root)?;
    let existing = committed::existing_files(root)?;
    let mut text = String::new();
    let mut changes = Vec::new();
    let mut problems = 0usize;

    for file in &expected {
        for diagnostic in &file.diagnostics {
            problems += 1;
            let _ = writeln!(text, "error: {diagnostic}\n");
        }
    }
    for file in &expected {
        let committed = std::fs::read_to_string(root.join(&file.path)).ok();
        match committed {
            None => {
                problems += 1;
                let _ = writeln!(
                    text,
                    "missing: {} is not committed (the workspace uses {})\n",
                    file.path, file.table.path
                );
            }
            Some(old) if old != file.contents => {
                problems += 1;
                let found = compare(file, &old);
                let _ = writeln!(
                    text,
                    "drift: {} differs from what `{}` generates now\n",
                    file.path, file.table.path
                );
                describe(&mut text, &found);
                let diff = TextDiff::from_lines(old.as_str(), file.contents.as_str());
                let _ = write!(
                    text,
                    "{}",
                    diff.unified_diff().context_radius(3).header(
                        &format!("{} (committed)", file.path),
                        &format!("{} (generated now)", file.path)
                    )
                );
                text.push('\n');
                changes.extend(found);
            }
            Some(_) => {}
        }
    }
    for stale in existing
        .iter()
        .filter(|path| !expected.iter().any(|f| &f.path == *path))
    {
        problems += 1;
        let _ = writeln!(
            text,
            "extra: {stale} is committed but no status_table! invocation generates it\n"
        );
    }

    let clean = problems == 0;
    if clean {
        let documents: std::collections::BTreeSet<&str> =
            expected.iter().map(|f| f.table.path.as_str()).collect();
        let _ = writeln!(
            text,
            "status-table check: {} expansion(s) of {} document(s) in {DIRECTORY}/ are up to date",
            expected.len(),
            documents.len()
        );
    } else {
        let _ = writeln!(
            text,
            "status-table check: {problems} problem(s). Fix the documents if there are errors, then run\n\n    {GENERATE_COMMAND}\n\nand commit {DIRECTORY}/."
        );
    }
    Ok(Report {
        clean,
        changes,
        text,
    })
}

/// The user-visible changes between the committed file and the new model.
fn compare(file: &CommittedFile, old_contents: &str) -> Vec<Change> {
    let old = old_entries(committed::body_of(old_contents), &file.table.type_name);
    let new: BTreeMap<u16, &Entry> = file.table.entries.iter().map(|e| (e.code, e)).collect();
    let old: BTreeMap<u16, &Entry> = old.iter().map(|e| (e.code, e)).collect();
    let change = |code: u16, line: usize, kind: ChangeKind, breaking: bool| Change {
        file: file.path.clone(),
        code,
        kind,
        line,
        breaking,
    };
    let mut changes = Vec::new();
    for (code, new_entry) in &new {
        match old.get(code) {
            Some(old_entry) => {
                if old_entry.name != new_entry.name {
                    changes.push(change(
                        *code,
                        new_entry.line,
                        ChangeKind::Renamed {
                            from: old_entry.name.clone(),
                            to: new_entry.name.clone(),
                        },
                        true,
                    ));
                }
                if old_entry.description != new_entry.description {
                    changes.push(change(
                        *code,
                        new_entry.line,
                        ChangeKind::DescriptionChanged {
                            from: old_entry.description.clone(),
                            to: new_entry.description.clone(),
                        },
                        false,
                    ));
                }
                if old_entry.section != new_entry.section {
                    changes.push(change(
                        *code,
                        new_entry.line,
                        ChangeKind::SectionChanged {
                            from: old_entry.section.clone(),
                            to: new_entry.section.clone(),
                        },
                        false,
                    ));
                }
            }
            None => match old
                .values()
                .find(|o| o.name == new_entry.name && !new.contains_key(&o.code))
            {
                Some(moved) => changes.push(change(
                    *code,
                    new_entry.line,
                    ChangeKind::CodeChanged {
                        name: new_entry.name.clone(),
                        from: moved.code,
                    },
                    true,
                )),
                None => changes.push(change(
                    *code,
                    new_entry.line,
                    ChangeKind::Added {
                        name: new_entry.name.clone(),
                    },
                    !file.non_exhaustive,
                )),
            },
        }
    }
    for (code, old_entry) in &old {
        let moved = new
            .values()
            .any(|n| n.name == old_entry.name && !old.contains_key(&n.code));
        if !new.contains_key(code) && !moved {
            changes.push(change(
                *code,
                old_entry.line,
                ChangeKind::Removed {
                    name: old_entry.name.clone(),
                },
                true,
            ));
        }
    }
    changes.sort_by_key(|c| (c.line, c.code));
    changes
}

fn describe(text: &mut String, changes: &[Change]) {
    if changes.is_empty() {
        let _ = writeln!(
            text,
            "  No variant, code, description or section changed (only the layout or the header).\n"
        );
        return;
    }
    let _ = writeln!(text, "  What changes for users:");
    for c in changes {
        let what = match &c.kind {
            ChangeKind::Added { name } => format!("added `{name}` = {}", c.code),
            ChangeKind::Removed { name } => format!(
                "removed `{name}` = {} (was at the old document's line {})",
                c.code, c.line
            ),
            ChangeKind::Renamed { from, to } => format!("renamed `{from}` to `{to}` ({})", c.code),
            ChangeKind::CodeChanged { name, from } => {
                format!("`{name}` changed code from {from} to {}", c.code)
            }
            ChangeKind::DescriptionChanged { from, to } => {
                format!("{}: description {from:?} -> {to:?}", c.code)
            }
            ChangeKind::SectionChanged { from, to } => {
                format!("{}: section {from:?} -> {to:?}", c.code)
            }
        };
        let line = if matches!(c.kind, ChangeKind::Removed { .. }) {
            String::new()
        } else {
            format!(" (document line {})", c.line)
        };
        let _ = writeln!(
            text,
            "    - {what}{line}{}",
            if c.breaking { "  [breaking]" } else { "" }
        );
    }
    let breaking = changes.iter().filter(|c| c.breaking).count();
    if breaking == 0 {
        let _ = writeln!(
            text,
            "  None of these breaks code that uses the type (Display and description() output change).\n"
        );
    } else {
        let _ = writeln!(
            text,
            "  {breaking} of these break downstream code: removed or renamed variants stop compiling where they are named, \
             a changed code changes from_code() and `as u16`, and a new variant breaks exhaustive `match`es unless the enum is non_exhaustive.\n"
        );
    }
}

/// The rows of a committed expansion, read back from its code: the variants
/// and their codes from the enum, descriptions and sections from the `match`es,
/// lines from the variant docs.
fn old_entries(code: &str, type_name: &str) -> Vec<Entry> {
    let Ok(file) = syn::parse_file(code) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    let mut texts: BTreeMap<(String, String), String> = BTreeMap::new();
    for item in &file.items {
        match item {
            syn::Item::Enum(e) if e.ident == type_name => {
                for variant in &e.variants {
                    let Some((
                        _,
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Int(code),
                            ..
                        }),
                    )) = &variant.discriminant
                    else {
                        continue;
                    };
                    entries.push(Entry {
                        code: code.base10_parse().unwrap_or_default(),
                        name: variant.ident.to_string(),
                        description: String::new(),
                        section: String::new(),
                        line: doc_line(&variant.attrs),
                    });
                }
            }
            syn::Item::Impl(imp) if imp.trait_.is_none() => {
                for item in &imp.items {
                    if let syn::ImplItem::Fn(f) = item {
                        let name = f.sig.ident.to_string();
                        if name == "description" || name == "section" {
                            for (variant, text) in match_arms(&f.block) {
                                texts.insert((name.clone(), variant), text);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for entry in &mut entries {
        entry.description = texts
            .get(&("description".to_owned(), entry.name.clone()))
            .cloned()
            .unwrap_or_default();
        entry.section = texts
            .get(&("section".to_owned(), entry.name.clone()))
            .cloned()
            .unwrap_or_default();
    }
    entries
}

/// `Self::Variant => "text"` arms of the `match` in a method body.
fn match_arms(block: &syn::Block) -> Vec<(String, String)> {
    let Some(syn::Stmt::Expr(syn::Expr::Match(m), _)) = block.stmts.last() else {
        return Vec::new();
    };
    m.arms
        .iter()
        .filter_map(|arm| {
            let syn::Pat::Path(path) = &arm.pat else {
                return None;
            };
            let variant = path.path.segments.last()?.ident.to_string();
            let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) = arm.body.as_ref()
            else {
                return None;
            };
            Some((variant, text.value()))
        })
        .collect()
}

/// The line number in a variant's doc ("…, line 89.").
fn doc_line(attrs: &[syn::Attribute]) -> usize {
    attrs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .find_map(|doc| {
            let at = doc.rfind("line ")?;
            doc[at + 5..]
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .parse()
                .ok()
        })
        .unwrap_or_default()
}
