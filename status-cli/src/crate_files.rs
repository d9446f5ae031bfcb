//! Writing a crate of documentation trees: what `init` and `sync` put in it
//! besides the page copies (the manifest, `src/`, an invocation, the README,
//! the test of every type), each made from data and written into a staging
//! area. A change to "what init writes" goes here.

use std::fmt::Write as _;
use std::path::Path;

use status_codegen::Kind;

use crate::committed::{self, CommittedFile};
use crate::pages::{Reading, join, module_ident};
use crate::pairing::{self, Pairing};
use crate::sources::{self, Sources};
use crate::staging::Staging;

/// What the crate's README says beside its types.
#[derive(Debug, Clone, Default)]
pub(crate) struct Notes {
    /// Pages with a code table the engine cannot type: (copy, error).
    pub(crate) untyped: Vec<(String, String)>,
    /// Translations kept apart: (copy, twin's copy, where they disagree).
    pub(crate) splits: Vec<(String, String, String)>,
    /// Translations that lag: (`module::Type`, what lags).
    pub(crate) lags: Vec<(String, String)>,
    /// Pages whose code tables are a small part of them: (root, path, why).
    pub(crate) small: Vec<(String, String, String)>,
}

/// The crate's `Cargo.toml`; `status_table_path` is relative to the crate.
pub(crate) fn manifest(name: &str, status_table_path: Option<&str>) -> String {
    let dependency = match status_table_path {
        Some(path) => format!("{{ path = {path:?} }}"),
        None => format!("\"{}\"", env!("CARGO_PKG_VERSION")),
    };
    format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
description = "Status and error codes typed from documentation pages, written by `status-table init`."
# The pages' licences are in tables/SOURCES.toml: settle them before publishing.
publish = false

[dependencies]
status-table = {dependency}

# Its own workspace: remove this table to make the crate a member of yours.
[workspace]

# The macro checks the SHA-256 of each committed expansion and page at every
# build: optimised, that takes milliseconds instead of a good part of a second.
[profile.dev.package.sha2]
opt-level = 3
"#
    )
}

/// `src/lib.rs`: a module per tree.
pub(crate) fn lib_file(roots: usize, modules: &[String]) -> String {
    let mut text = format!(
        "//! Status and error codes of {roots} documentation tree(s), typed from their pages.\n\
         //!\n\
         //! Written by `status-table init`: one module per tree, one type per page\n\
         //! (see README.md). `status-table sync` keeps it in step with the trees\n\
         //! recorded in `tables/SOURCES.toml`; it adds and removes invocations and keeps\n\
         //! your edits to them (options, renames).\n\n"
    );
    for module in modules {
        let _ = writeln!(text, "pub mod {};", module_ident(module));
    }
    text
}

/// A module's file, before its invocations.
pub(crate) fn module_file(module: &str) -> String {
    format!(
        "//! The codes of `{module}`, from the pages of its documentation tree(s)\n\
         //! (listed in `tables/SOURCES.toml`).\n\
         //!\n\
         //! Written by `status-table init`; edit the invocations as you like (options,\n\
         //! renames): `status-table sync` adds invocations for new pages, removes those\n\
         //! of pages gone, and pairs or splits the languages of a page as they agree.\n"
    )
}

/// One invocation to write.
pub(crate) struct Invocation<'a> {
    /// The page's copy.
    pub(crate) copy: &'a str,
    /// Its title, or its path in its root.
    pub(crate) title: &'a str,
    /// Its path in its root.
    pub(crate) source: &'a str,
    /// The translation's path in its root.
    pub(crate) twin: Option<&'a str>,
    /// The type's name.
    pub(crate) name: &'a str,
    /// The other options.
    pub(crate) options: &'a str,
}

impl Invocation<'_> {
    /// The statement, with a comment naming its page(s).
    pub(crate) fn render(&self) -> String {
        let mut comment = format!("// {} ({})", self.title, self.source);
        if let Some(twin) = self.twin {
            let _ = write!(comment, ", with {twin}");
        }
        let options = join(&[&format!("name = {}", self.name), self.options]);
        format!(
            "{comment}\nstatus_table::status_table!({:?}, {options});\n",
            self.copy
        )
    }
}

/// A type of the crate as its invocation now reads.
pub(crate) struct TypeInfo {
    /// The module (from the source file), raw identifier included.
    pub(crate) module: String,
    pub(crate) name: String,
    pub(crate) kind: Kind,
    pub(crate) documents: Vec<String>,
    pub(crate) rows: usize,
    pub(crate) codes: Vec<String>,
}

/// Every type of the crate, from the files its invocations produce.
pub(crate) fn typed(files: &[CommittedFile]) -> Vec<TypeInfo> {
    files
        .iter()
        .filter(|f| f.problems.is_empty())
        .map(|file| {
            let model = &file.model;
            TypeInfo {
                module: module_of_source(&file.source),
                name: model.type_name.clone(),
                kind: model.kind,
                documents: model.documents.iter().map(|d| d.path.clone()).collect(),
                rows: model.rows().len(),
                codes: model.variants.iter().map(|v| v.code.clone()).collect(),
            }
        })
        .collect()
}

/// The module of `src/<module>.rs` as written in Rust; empty for `lib.rs`.
pub(crate) fn module_of_source(source: &str) -> String {
    Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| s != "lib")
        .map(|s| module_ident(&s))
        .unwrap_or_default()
}

/// Writes into `staging` what comes from the invocations: their committed
/// expansions (`files`), the test of every type and the README.
pub(crate) fn write_outputs(
    staging: &Staging,
    name: &str,
    files: &[CommittedFile],
    notes: &Notes,
) -> Result<(), String> {
    for file in files {
        staging.write(&file.path, file.contents.as_bytes())?;
    }
    let types = typed(files);
    staging.write(
        "tests/codes.rs",
        test_file(&name.replace('-', "_"), &types).as_bytes(),
    )?;
    staging.write("README.md", readme(name, &types, notes).as_bytes())
}

fn test_file(crate_ident: &str, types: &[TypeInfo]) -> String {
    let mut text = String::from(
        "//! Every code the pages document round-trips through its type.\n\
         //!\n\
         //! Written by `status-table init` from the pages, and again by every\n\
         //! `status-table sync`: edits here are overwritten.\n",
    );
    for ty in types {
        let path = if ty.module.is_empty() {
            format!("{crate_ident}::{}", ty.name)
        } else {
            format!("{crate_ident}::{}::{}", ty.module, ty.name)
        };
        let function = format!(
            "{}_{}",
            ty.module.trim_start_matches("r#"),
            heck::AsSnakeCase(&ty.name)
        )
        .trim_start_matches('_')
        .to_owned();
        let (element, codes) = match ty.kind {
            Kind::Status => ("u16", ty.codes.join(", ")),
            Kind::Error => (
                "&str",
                ty.codes
                    .iter()
                    .map(|c| format!("{c:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        };
        let _ = write!(
            text,
            "\n#[test]\nfn {function}() {{\n    use {path} as T;\n    let documented: &[{element}] = &[{codes}];\n    for &code in documented {{\n        let variant = T::from_code(code).unwrap_or_else(|| panic!(\"{{code}} is documented but has no variant\"));\n        assert_eq!(variant.code(), code);\n        assert_eq!(code.to_string().parse::<T>().ok(), Some(variant));\n    }}\n    assert_eq!(T::ALL.len(), documented.len(), \"every variant is a documented code\");\n}}\n"
        );
    }
    text
}

fn readme(name: &str, types: &[TypeInfo], notes: &Notes) -> String {
    let mut text = format!(
        "# {name}\n\n\
         Status and error codes typed from documentation pages: one module per\n\
         documentation tree, one type per page, generated at compile time by\n\
         [status-table](https://github.com/status-table/status-table)'s\n\
         `status_table!` from the pages copied in `tables/` (their sources are in\n\
         `tables/SOURCES.toml`).\n\n\
         Written by `status-table init`, and rewritten by `status-table sync`,\n\
         which reads the trees again, copies changed pages, adds and removes types\n\
         and says what changed for users (`status-table sync --check` only says it,\n\
         and exits 1 when upstream moved). `cargo test` round-trips every\n\
         documented code; `status-table check` compares the committed expansions\n\
         in `generated/`.\n\n\
         ## Modules and types\n\n\
         | module | type | kind | rows | page(s) |\n|---|---|---|---|---|\n"
    );
    for ty in types {
        let pages: Vec<String> = ty.documents.iter().map(|d| format!("`{d}`")).collect();
        let _ = writeln!(
            text,
            "| `{}` | `{}` | {} | {} | {} |",
            ty.module,
            ty.name,
            ty.kind.as_str(),
            ty.rows,
            pages.join(", ")
        );
    }
    section(
        &mut text,
        "Translations that lag",
        "One language of these types lists codes (or texts) the other does not yet: the\n\
         type has them all, the other language's texts standing in (`fallback`), and\n\
         each such variant's docs say so. `status-table sync` takes `fallback` out when\n\
         the pages agree again.",
        notes.lags.iter().map(|(ty, lag)| format!("`{ty}`: {lag}")),
    );
    section(
        &mut text,
        "Translations kept apart",
        "These pages are one page in two languages (the same anchor), but their tables\n\
         disagree (a different status for one code, say), so each is its own type.\n\
         `status-table sync` pairs them again once they agree.",
        notes
            .splits
            .iter()
            .map(|(a, b, why)| format!("`{a}` and `{b}`: {}", why.replace('\n', " "))),
    );
    section(
        &mut text,
        "Pages not typed",
        "These pages hold a code table the engine cannot type, even with the fixes it\n\
         offers; their copies are in `tables/`. Add the options an invocation needs\n\
         (see `status-table inspect PAGE`) to the module's file.",
        notes
            .untyped
            .iter()
            .map(|(copy, error)| format!("`{copy}`: {}", error.replace('\n', " "))),
    );
    section(
        &mut text,
        "Pages with a small code table, not typed",
        "",
        notes
            .small
            .iter()
            .map(|(root, path, why)| format!("`{path}` in `{root}`: {why}")),
    );
    text
}

/// A README section listing `items`, when there are any.
fn section(text: &mut String, title: &str, intro: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = write!(text, "\n## {title}\n\n");
    if !intro.is_empty() {
        let _ = write!(text, "{intro}\n\n");
    }
    for item in items {
        let _ = writeln!(text, "- {item}");
    }
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

/// `src/lib.rs` and a file per module with its invocations.
pub(crate) fn write_modules(
    staging: &Staging,
    reading: &Reading,
    pairing: &Pairing,
) -> Result<(), String> {
    let modules = pairing.modules();
    for module in &modules {
        let mut text = module_file(module);
        for ty in pairing.types.iter().filter(|t| &t.module == module) {
            text.push('\n');
            text.push_str(&invocation(reading, ty).render());
        }
        staging.write(&format!("src/{module}.rs"), text.as_bytes())?;
    }
    staging.write(
        "src/lib.rs",
        lib_file(reading.roots.len(), &modules).as_bytes(),
    )
}
