//! Writing a crate of documentation trees: what `init` and `sync` put in it
//! besides the page copies (the manifest, `src/`, an invocation), each made
//! from data and written into a staging area, with the docs
//! ([`crate::crate_docs`]) and the tests ([`crate::crate_tests`]) made from
//! the committed expansions. A change to "what init writes" starts here.

use std::fmt::Write as _;
use std::path::Path;

use status_codegen::Kind;
use status_codegen::model::Text;
use status_codegen::{Condition, Options};

use crate::committed::{self, CommittedFile};
use crate::pages::{Reading, Root, join, module_ident};
use crate::pairing::{self, Pairing};
use crate::sdk::Defaults;
use crate::sources::{self, Sources};
use crate::staging::Staging;
use crate::{crate_docs, crate_tests};

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

/// Where the crate's `status-table` comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Dependency {
    /// A checkout, relative to the crate.
    Path(String),
    /// The version of this CLI, from crates.io.
    Version,
}

impl Dependency {
    /// The dependency of the crate at `dir`, as its manifest has it.
    pub(crate) fn of(dir: &Path) -> Self {
        use status_codegen::__private::workspace::manifest::Value;
        let manifest = status_codegen::__private::workspace::manifest(dir);
        match manifest
            .as_ref()
            .and_then(|m| m.get(&["dependencies", "status-table", "path"]))
        {
            Some(Value::String(path)) => Self::Path(path.clone()),
            _ => Self::Version,
        }
    }
}

/// The crate's `Cargo.toml`: the committed form of `status_table!` unless
/// its maintainers turn on `regenerate`, and a feature per interop option
/// its types get.
pub(crate) fn manifest(name: &str, dependency: &Dependency, defaults: Defaults) -> String {
    let source = match dependency {
        Dependency::Path(path) => format!("path = {path:?}"),
        Dependency::Version => format!("version = \"{}\"", env!("CARGO_PKG_VERSION")),
    };
    let mut features = String::new();
    let mut optional = String::new();
    if defaults.serde {
        features.push_str(
            "# `Serialize`/`Deserialize` for every type: status codes as numbers, error\n\
             # codes as strings (an undocumented one is the catch-all).\n\
             serde = [\"dep:serde\"]\n",
        );
        optional
            .push_str("serde = { version = \"1\", optional = true, default-features = false }\n");
    }
    if defaults.http {
        features.push_str(
            "# Conversions with `http::StatusCode` for every type.\nhttp = [\"dep:http\"]\n",
        );
        optional.push_str("http = { version = \"1\", optional = true }\n");
    }
    let dev = if defaults.serde {
        "\n[dev-dependencies]\n\
         # tests/codes.rs and the docs' examples, with `--features serde`.\n\
         serde = { version = \"1\", features = [\"derive\"] }\n\
         serde_json = \"1\"\n"
    } else {
        ""
    };
    format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
description = "Status and error codes typed from documentation pages, written by `status-table init`."
# The pages' licences are in tables/SOURCES.toml: settle them before publishing.
publish = false
# The pages too: a build where another crate turns `status-table/macros` on reads them.
include = ["src/**", "docs/**", "generated/**", "tables/**", "tests/**", "README.md"]

[features]
# For the crate's maintainers (development, CI): the types are generated from
# the pages in tables/ at build time, and rebuilt when one changes. Off (the
# default, what dependents build), they are the expansions committed in
# generated/, and no proc macro or parser is built.
regenerate = ["status-table/macros"]
{features}
[dependencies]
# Without `regenerate`, `status_table!` includes the committed expansions.
status-table = {{ {source}, default-features = false }}
{optional}{dev}
# Its own workspace: remove this table to make the crate a member of yours.
[workspace]

# With `regenerate`, the macro checks the SHA-256 of each committed expansion
# and page at every build: optimised, that takes milliseconds instead of a
# good part of a second.
[profile.dev.package.sha2]
opt-level = 3
"#
    )
}

/// `src/lib.rs`: a module per tree, and the README's example as a doctest.
pub(crate) fn lib_file(roots: usize, modules: &[String], serde: bool) -> String {
    let mut text = format!(
        "//! Status and error codes of {roots} documentation tree(s), typed from their\n\
         //! pages: a module per tree, an enum per code page, each code a variant\n\
         //! carrying the page's texts. Every type decodes what a server sends (see a\n\
         //! module's docs for a first use); features `serde` and `http` (README.md).\n\
         //\n\
         // Written by `status-table init`. `status-table sync` keeps it in step with\n\
         // the trees recorded in `tables/SOURCES.toml`: it adds and removes\n\
         // invocations and keeps your edits to them (options, renames).\n\n\
         /// The README's example, compiled and run by `cargo test{}`.\n\
         #[cfg(all(doctest{}))]\n\
         #[doc = include_str!(\"../README.md\")]\n\
         struct ReadmeDoctests;\n\n",
        if serde { " --features serde" } else { "" },
        if serde { ", feature = \"serde\"" } else { "" },
    );
    for module in modules {
        let _ = writeln!(text, "pub mod {};", module_ident(module));
    }
    text
}

/// A module's file, before its invocations: its docs are `docs/{module}.md`.
pub(crate) fn module_file(module: &str) -> String {
    format!(
        "#![doc = include_str!(\"../{}\")]\n\
         // The codes of `{module}`. Written by `status-table init`; edit the\n\
         // invocations as you like (options, renames): `status-table sync` adds\n\
         // invocations for new pages, removes those of pages gone, pairs or splits\n\
         // the languages of a page as they agree, and writes the module's docs\n\
         // again.\n",
        crate_docs::module_docs_path(module)
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
    /// The options every type of the crate gets, last.
    pub(crate) defaults: String,
}

impl Invocation<'_> {
    /// The statement, with a comment naming its page(s).
    pub(crate) fn render(&self) -> String {
        let mut comment = format!("// {} ({})", self.title, self.source);
        if let Some(twin) = self.twin {
            let _ = write!(comment, ", with {twin}");
        }
        let options = join(&[
            &format!("name = {}", self.name),
            self.options,
            &self.defaults,
        ]);
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
    /// The primary page's title.
    pub(crate) title: Option<String>,
    /// Each code as written, its variant and the first HTTP status of its
    /// first row, in document order.
    pub(crate) variants: Vec<(String, String, Option<u16>)>,
    /// The accessor of the text that best says what a code means, if any.
    pub(crate) text: Option<&'static str>,
    /// Whether `http_status()` is an `Option` (error types).
    pub(crate) status_optional: bool,
    /// Whether the type has `http_status()` at all.
    pub(crate) has_status: bool,
    /// The invocation's options.
    pub(crate) options: Options,
}

impl TypeInfo {
    /// `module::Name`, or `Name` at the crate's top.
    pub(crate) fn path(&self) -> String {
        if self.module.is_empty() {
            self.name.clone()
        } else {
            format!("{}::{}", self.module, self.name)
        }
    }

    /// The catch-all variant's name, if the type has one.
    pub(crate) fn catch_all(&self) -> Option<&str> {
        self.options.other()
    }
}

/// The cargo feature an interop option (`serde`, `http`) is under; `None`
/// when it is always on.
pub(crate) fn feature(condition: &Condition) -> Option<&str> {
    match condition {
        Condition::Always => None,
        Condition::Feature(feature) => Some(feature),
    }
}

/// Every type of the crate, from the files its invocations produce.
pub(crate) fn typed(files: &[CommittedFile]) -> Vec<TypeInfo> {
    files
        .iter()
        .filter(|f| f.problems.is_empty())
        .map(|file| {
            let model = &file.model;
            let text = [
                Text::Message,
                Text::Description,
                Text::Reason,
                Text::Solution,
            ]
            .into_iter()
            .find(|t| model.texts().contains(t))
            .map(Text::as_str);
            TypeInfo {
                module: module_of_source(&file.source),
                name: model.type_name().to_owned(),
                kind: model.kind(),
                documents: model
                    .documents()
                    .iter()
                    .map(|d| d.path().to_owned())
                    .collect(),
                title: model.title().map(str::to_owned),
                variants: model
                    .variants()
                    .iter()
                    .map(|v| {
                        let first = v.rows().first().and_then(|r| r.statuses().first());
                        (v.code().to_owned(), v.name().to_owned(), first.copied())
                    })
                    .collect(),
                text,
                // As the engine decides it (`View::status_is_optional`).
                status_optional: file.options.other().is_some()
                    || model.variants().iter().any(|v| v.statuses().is_empty()),
                has_status: model.has_status(),
                options: file.options.clone(),
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
/// expansions (`files`), the test of every type, the docs of every module of
/// `roots` (those of modules gone go) and the README.
pub(crate) fn write_outputs(
    staging: &Staging,
    name: &str,
    files: &[CommittedFile],
    roots: &[Root],
    notes: &Notes,
) -> Result<(), String> {
    for file in files {
        staging.write(&file.path, file.contents.as_bytes())?;
    }
    let types = typed(files);
    let crate_ident = name.replace('-', "_");
    staging.write(
        "tests/codes.rs",
        crate_tests::test_file(&crate_ident, &types).as_bytes(),
    )?;
    crate_docs::write_module_docs(staging, &crate_ident, &types, roots)?;
    let dependency = Dependency::of(&staging.path());
    let readme = crate_docs::readme(name, &types, roots.len(), &dependency, notes);
    staging.write("README.md", readme.as_bytes())
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

/// The invocation of a type, with the options every type gets.
pub(crate) fn invocation<'a>(
    reading: &'a Reading,
    ty: &'a pairing::Type,
    defaults: Option<&Defaults>,
) -> Invocation<'a> {
    let page = &reading.pages[ty.page];
    Invocation {
        copy: &page.copy,
        title: page.title.as_deref().unwrap_or(&page.source),
        source: &page.source,
        twin: ty.translation.map(|t| reading.pages[t].source.as_str()),
        name: &ty.name,
        options: &ty.options,
        defaults: defaults.map(|d| d.options(&ty.names)).unwrap_or_default(),
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
    defaults: Defaults,
) -> Result<(), String> {
    let modules = pairing.modules();
    for module in &modules {
        let mut text = module_file(module);
        for ty in pairing.types.iter().filter(|t| &t.module == module) {
            text.push('\n');
            text.push_str(&invocation(reading, ty, Some(&defaults)).render());
        }
        staging.write(&format!("src/{module}.rs"), text.as_bytes())?;
    }
    staging.write(
        "src/lib.rs",
        lib_file(reading.roots.len(), &modules, defaults.serde).as_bytes(),
    )
}
